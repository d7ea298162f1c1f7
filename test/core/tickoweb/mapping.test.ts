import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILE_BYTES,
  displayFields,
  mappingPathsTried,
  parseChannelFile,
  parseEventFile,
  parseOrderFiles,
  quarantineSample,
} from '../../../src/main/tickoweb/TickowebMapping';
import type { OrderParseResult } from '../../../src/main/tickoweb/TickowebMapping';
import type { SampleChannel, SampleCustomer, SampleDetails, SampleEvent } from '../../support/tickowebTree';

const json = (value: unknown) => JSON.stringify(value);

function ok(result: OrderParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result;
}

/** The shape the test-tree generator writes (assumed: Tickoweb's real names are unconfirmed). */
const customer = { firstName: 'Søren', lastName: 'Østergaard', email: 'soren@example.dk', phone: '+45 20 12 34 56', company: 'Ærø Events' };
const details = {
  orderNumber: 'TW-2024-000123',
  status: 'paid',
  createdAt: '2024-06-01T10:15:00',
  channel: '6f1c2b9e-8a61-4a52-9e0e-2f6b1a7c9d10',
  tickets: [
    { barcode: '000109028100000164', productName: 'Weekend', price: 129.5 },
    { barcode: '000109028100000165', productName: 'Camping', price: '35.00' },
  ],
  scans: [{ barcode: '000109028100000164', scannedAt: '2024-07-05T18:02:11', gate: 'North 2' }],
};

describe('parseOrderFiles: the assumed shape', () => {
  it('extracts names, e-mails, phones, numbers, status, dates, products, scans and the channel', () => {
    const result = ok(parseOrderFiles(json(customer), json(details)));
    expect(result.fields).toEqual({
      orderNumber: 'TW-2024-000123',
      status: 'paid',
      createdAt: '2024-06-01T10:15:00',
      names: ['Søren Østergaard'],
      emails: ['soren@example.dk'],
      phones: ['+45 20 12 34 56'],
      barcodes: ['000109028100000164', '000109028100000165'],
      products: [
        { name: 'Weekend', quantity: null, price: '129.5', barcode: '000109028100000164' },
        { name: 'Camping', quantity: null, price: '35.00', barcode: '000109028100000165' },
      ],
      scans: [{ at: '2024-07-05T18:02:11', barcode: '000109028100000164', gate: 'North 2' }],
      channelId: '6f1c2b9e-8a61-4a52-9e0e-2f6b1a7c9d10',
    });
    expect(result.ignored).toEqual([]);
    // The raw JSON comes back whole, unknown fields included.
    expect(result.customer).toEqual(customer);
    expect(result.details).toEqual(details);
  });

  it('accepts bytes, a byte-order mark and absent files', () => {
    const result = ok(parseOrderFiles(Buffer.from(`\ufeff${json(customer)}`), null));
    expect(result.fields.names).toEqual(['Søren Østergaard']);
    expect(result.fields.orderNumber).toBeNull();
    expect(result.details).toBeNull();
  });
});

describe("the test tree's files (test/support/tickowebTree.ts sampleFields)", () => {
  it('are read whole', () => {
    const treeCustomer: SampleCustomer = {
      firstName: 'Mette',
      lastName: 'Kjærgaard',
      email: 'mette.kjaergaard@example.dk',
      phone: '+45 31 23 45 67',
      language: 'da',
      address: { street: 'Algade 1', postalCode: '4000', city: 'Roskilde', country: 'DK' },
    };
    const treeDetails: SampleDetails = {
      uuid: '0b6f0c52-7d1e-4f57-9a3c-1d2e3f405162',
      orderNumber: '100234',
      status: 'paid',
      createdAt: '2024-05-02T09:13:00+02:00',
      channel: { uuid: '9a0e4c1d-55aa-4b2b-8c31-7f6e5d4c3b2a' },
      total: '179.00',
      currency: 'DKK',
      tickets: [{ barcode: '4006381333931', productName: 'Festival pass', price: '179.00' }],
      scans: [{ barcode: '4006381333931', scannedAt: '2024-07-03T16:20:00+02:00', gate: 'Gate A' }],
    };
    const fields = ok(parseOrderFiles(json(treeCustomer), json(treeDetails))).fields;
    expect(fields).toEqual({
      orderNumber: '100234',
      status: 'paid',
      createdAt: '2024-05-02T09:13:00+02:00',
      names: ['Mette Kjærgaard'],
      emails: ['mette.kjaergaard@example.dk'],
      phones: ['+45 31 23 45 67'],
      barcodes: ['4006381333931'],
      products: [{ name: 'Festival pass', quantity: null, price: '179.00', barcode: '4006381333931' }],
      scans: [{ at: '2024-07-03T16:20:00+02:00', barcode: '4006381333931', gate: 'Gate A' }],
      channelId: '9a0e4c1d-55aa-4b2b-8c31-7f6e5d4c3b2a',
    });
    const event: SampleEvent = {
      uuid: 'e-1',
      name: 'Roskilde 2024',
      startDate: '2024-06-29',
      endDate: '2024-07-06',
      timezone: 'Europe/Copenhagen',
      location: { name: 'Dyrskuepladsen', city: 'Roskilde', country: 'DK' },
    };
    expect(parseEventFile(json(event))).toMatchObject({ ok: true, fields: { name: 'Roskilde 2024', startsAt: '2024-06-29', location: 'Dyrskuepladsen' } });
    const channel: SampleChannel = { uuid: 'c-1', name: 'Webshop', type: 'online', url: null };
    expect(parseChannelFile(json(channel))).toMatchObject({ ok: true, fields: { name: 'Webshop', type: 'online', url: null }, ignored: [] });
  });
});

describe('parseOrderFiles: tolerance', () => {
  it('tries alternative names, spellings and wrappers', () => {
    const result = ok(
      parseOrderFiles(
        json({ customer: { fullName: 'Mette  Hansen', e_mail: 'mette@example.com', EmailAddress: 'm.hansen@work.example', 'Mobile phone': '0470 12 34 56' } }),
        json({
          order: { number: 48213, state: { name: 'completed' }, created: 1717236900 },
          salesChannel: { uuid: 'c-1' },
          orderLines: [{ product: { name: 'Day ticket' }, unitPrice: { amount: '49.00', currency: 'EUR' }, qty: '2', tickets: [{ ticketNumber: 'A1' }, 'A2'] }],
        }),
      ),
    );
    expect(result.fields.names).toEqual(['Mette Hansen']);
    expect(result.fields.emails).toEqual(['mette@example.com', 'm.hansen@work.example']);
    expect(result.fields.phones).toEqual(['0470 12 34 56']);
    expect(result.fields.orderNumber).toBe('48213');
    expect(result.fields.status).toBe('completed');
    expect(result.fields.createdAt).toBe('2024-06-01T10:15:00.000Z');
    expect(result.fields.channelId).toBe('c-1');
    expect(result.fields.products).toEqual([
      { name: 'Day ticket', quantity: null, price: '49.00 EUR', barcode: 'A1' },
      { name: 'Day ticket', quantity: null, price: '49.00 EUR', barcode: 'A2' },
    ]);
    expect(result.fields.barcodes).toEqual(['A1', 'A2']);
  });

  it('reads channel-configured fields given as a list of name/value pairs', () => {
    const result = ok(
      parseOrderFiles(
        json({ fields: [{ label: 'Voornaam', value: 'Jan' }, { label: 'Achternaam', value: 'De Smet' }, { label: 'E-mail', value: 'jan@example.be' }, { label: 'T-shirt', value: 'L' }] }),
        json(details),
      ),
    );
    expect(result.fields.names).toEqual(['Jan De Smet']);
    expect(result.fields.emails).toEqual(['jan@example.be']);
  });

  it('ignores values of the wrong type and keeps the rest', () => {
    const result = ok(
      parseOrderFiles(
        json({ firstName: 'Anna', lastName: 7, email: 42, emailAddress: 'anna@example.com', phone: { nope: true } }),
        // As sent: a barcode beyond 2^53, which JSON.parse rounds.
        '{"orderNumber": "X-1", "status": ["paid"], "createdAt": {"y": 2024}, "tickets": ["not a ticket", {"barcode": 9007199254740993, "productName": "Weekend"}], "scans": "soon"}',
      ),
    );
    expect(result.fields.names).toEqual(['Anna']);
    expect(result.fields.emails).toEqual(['anna@example.com']);
    expect(result.fields.phones).toEqual([]);
    expect(result.fields.orderNumber).toBe('X-1');
    expect(result.fields.status).toBeNull();
    expect(result.fields.createdAt).toBeNull();
    // A barcode number beyond 2^53 was rounded by JSON.parse: never used as an identifier.
    expect(result.fields.products).toEqual([{ name: 'Weekend', quantity: null, price: null, barcode: null }]);
    expect(result.fields.scans).toEqual([]);
    expect(result.ignored).toEqual(
      expect.arrayContaining([
        'customer.json › lastName: a number, expected text',
        'customer.json › email: a number, expected an e-mail address',
        'customer.json › phone: an object, expected a phone number',
        'details.json › status: a list, expected text',
        'details.json › tickets: text, expected an object',
        'details.json › tickets › barcode: a number, expected text or an exact number',
        'details.json › scans: text, expected an object',
      ]),
    );
  });

  it('takes a single value for a list and a list for a single value', () => {
    const result = ok(
      parseOrderFiles(
        json({ name: ['Lotte Peeters', 'L. Peeters'], email: ['lotte@example.be', 'LOTTE@example.be', 'not-an-email'] }),
        json({ tickets: { barcode: 'B-1', quantity: 1 }, scans: { code: 'B-1', timestamp: '2024-07-05 20:00' } }),
      ),
    );
    expect(result.fields.names).toEqual(['Lotte Peeters', 'L. Peeters']);
    expect(result.fields.emails).toEqual(['lotte@example.be']);
    expect(result.fields.products).toEqual([{ name: null, quantity: 1, price: null, barcode: 'B-1' }]);
    expect(result.fields.scans).toEqual([{ at: '2024-07-05 20:00', barcode: 'B-1', gate: null }]);
  });

  it('adds ticket holders to the names and e-mails, and scans nested in tickets', () => {
    const result = ok(
      parseOrderFiles(
        json(customer),
        json({ tickets: [{ barcode: 'T1', holder: { firstName: 'Emma', lastName: 'Maes', email: 'emma@example.be' }, scans: [{ at: '2024-07-05T19:00:00', gate: 'South' }] }] }),
      ),
    );
    expect(result.fields.names).toEqual(['Søren Østergaard', 'Emma Maes']);
    expect(result.fields.emails).toEqual(['soren@example.dk', 'emma@example.be']);
    expect(result.fields.scans).toEqual([{ at: '2024-07-05T19:00:00', barcode: 'T1', gate: 'South' }]);
  });

  it('an object with no field we know is stored with empty fields (the raw JSON still shows it)', () => {
    const result = ok(parseOrderFiles(json({}), json({ somethingElse: { deep: [1, 2] } })));
    expect(result.fields.names).toEqual([]);
    expect(result.fields.products).toEqual([]);
  });

  it('never throws, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const result = parseOrderFiles(json(a), json(b));
        expect(typeof result.ok).toBe('boolean');
        parseEventFile(json(a));
        parseChannelFile(json(b));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('email', 'name', 'tickets', 'scans', 'firstName', 'status', 'orderLines', 'customer', 'fields'), fc.jsonValue()), (object) => {
        const result = parseOrderFiles(json(object), json(object));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseOrderFiles: refusals (quarantine reasons)', () => {
  it.each([
    ['not-json', '{"firstName": "Ann', 'customer.json'],
    ['not-an-object', '[{"firstName": "Ann"}]', 'customer.json'],
    ['not-an-object', 'null', 'customer.json'],
    ['not-an-object', '"text"', 'customer.json'],
  ] as const)('%s: %s', (reason, text, file) => {
    const result = parseOrderFiles(text, json(details));
    expect(result).toMatchObject({ ok: false, reason, file });
  });

  it('not-json for bytes that are not UTF-8, and names the failing file', () => {
    expect(parseOrderFiles(json(customer), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({ ok: false, reason: 'not-json', file: 'details.json' });
  });

  it('too-large over the limit (1 MB by default)', () => {
    expect(parseOrderFiles(json(customer), json(details), { maxBytes: 200 })).toMatchObject({ ok: false, reason: 'too-large', file: 'details.json' });
    const huge = json({ firstName: 'x'.repeat(DEFAULT_MAX_FILE_BYTES) });
    expect(parseOrderFiles(huge, json(details))).toMatchObject({ ok: false, reason: 'too-large', file: 'customer.json' });
    // Counted in bytes, not characters: 600,000 × 'ø' is 1.2 MB.
    expect(parseOrderFiles(json({ firstName: 'ø'.repeat(600_000) }), json(details))).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('unexpected-types when nothing is usable and known names hold the wrong types', () => {
    const result = parseOrderFiles(json(customer), json({ orderNumber: { a: 1 }, tickets: 'none', status: [] }));
    expect(result).toMatchObject({ ok: false, reason: 'unexpected-types', file: 'details.json' });
    if (!result.ok) expect(result.detail).toContain('orderNumber: an object');
    expect(parseOrderFiles(json({ email: 5, firstName: false }), json(details))).toMatchObject({ ok: false, reason: 'unexpected-types', file: 'customer.json' });
  });

  it('quarantineSample keeps the first 200 characters', () => {
    expect(quarantineSample('ø'.repeat(300))).toBe('ø'.repeat(200));
    expect(quarantineSample(Buffer.from('{"a":1}'))).toBe('{"a":1}');
    expect(quarantineSample(null)).toBe('');
  });
});

describe('event and channel files', () => {
  it('event.json: name, start and location, with alternatives', () => {
    expect(parseEventFile(json({ name: 'Fest 2024', startDate: '2024-07-05', location: 'Werchter' }))).toMatchObject({
      ok: true,
      fields: { name: 'Fest 2024', startsAt: '2024-07-05', location: 'Werchter' },
    });
    expect(parseEventFile(json({ event: { title: 'Fest', start: '2024-07-05T12:00', venue: { name: 'Festivalpark', city: 'Werchter' } } }))).toMatchObject({
      ok: true,
      fields: { name: 'Fest', startsAt: '2024-07-05T12:00', location: 'Festivalpark' },
    });
    expect(parseEventFile('[]')).toMatchObject({ ok: false, reason: 'not-an-object', file: 'event.json' });
    expect(parseEventFile(json({ name: 1.5e300, title: null, startDate: true }))).toMatchObject({ ok: true, fields: { name: '1.5e+300', startsAt: null } });
    expect(parseEventFile(json({ name: {}, startDate: [] }))).toMatchObject({ ok: false, reason: 'unexpected-types' });
  });

  it('channel json: name, type and url', () => {
    expect(parseChannelFile(json({ name: 'Webshop', type: 'online', url: 'https://shop.example' }))).toMatchObject({
      ok: true,
      fields: { name: 'Webshop', type: 'online', url: 'https://shop.example' },
    });
    expect(parseChannelFile(json({ channelName: 'Box office', channelType: { code: 'pos' } }))).toMatchObject({ ok: true, fields: { name: 'Box office', type: 'pos', url: null } });
    expect(parseChannelFile('{')).toMatchObject({ ok: false, reason: 'not-json' });
  });
});

describe('the mapping is one visible list, all unconfirmed', () => {
  it('lists every path tried', () => {
    expect(mappingPathsTried.length).toBeGreaterThan(20);
    expect(mappingPathsTried.every((p) => !p.confirmed)).toBe(true);
    expect(mappingPathsTried).toContainEqual(expect.objectContaining({ file: 'customer.json', field: 'email', names: expect.arrayContaining(['email', 'emailAddress']) as unknown }));
  });

  it('displayFields flattens unknown JSON for the order view', () => {
    expect(displayFields({ a: { b: [1, 'x'] }, c: null, d: {} })).toEqual([
      { path: 'a.b[0]', value: '1' },
      { path: 'a.b[1]', value: 'x' },
      { path: 'c', value: 'null' },
      { path: 'd', value: '{}' },
    ]);
    expect(displayFields({ list: Array.from({ length: 500 }, (_, i) => i) }, 10)).toHaveLength(10);
  });
});
