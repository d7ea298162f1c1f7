import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { MirrorStore, nameKey, phoneKey, searchFold } from '../../../src/main/tickoweb/MirrorStore';
import type { BucketCommit, OrderUpsert } from '../../../src/main/tickoweb/MirrorStore';
import { MAPPING_VERSION, parseOrderFiles } from '../../../src/main/tickoweb/TickowebMapping';

const EVENT = 'reseller/org/fest-2024/';
const BUCKET = `${EVENT}order/1-500/`;
const BUCKET2 = `${EVENT}order/501-1000/`;

interface Person {
  first: string;
  last: string;
  email?: string;
  phone?: string;
  number?: string;
  barcodes?: string[];
  scans?: { barcode: string; scannedAt: string; gate: string }[];
}

/** An order folder as the sync hands it over: parsed with the real mapping from the assumed shape. */
function upsert(uuid: string, person: Person, modified = 1_000, bucket = BUCKET): OrderUpsert {
  const customerRaw = JSON.stringify({ firstName: person.first, lastName: person.last, email: person.email, phone: person.phone });
  const detailsRaw = JSON.stringify({
    orderNumber: person.number ?? `TW-${uuid}`,
    status: 'paid',
    createdAt: '2024-06-01T10:00:00',
    channel: 'ch-1',
    tickets: (person.barcodes ?? []).map((barcode) => ({ barcode, productName: 'Weekend', price: 129 })),
    scans: person.scans ?? [],
  });
  const parsed = parseOrderFiles(customerRaw, detailsRaw);
  if (!parsed.ok) throw new Error(parsed.detail);
  return { path: `${bucket}${uuid}/`, uuid, modified, etag: `"${uuid}-${modified}"`, fields: parsed.fields, customerRaw, detailsRaw };
}

function commit(parts: Partial<BucketCommit>): BucketCommit {
  return { eventPath: EVENT, bucketPath: BUCKET, bucketModified: 5_000, upserts: [], deletions: [], quarantined: [], clearedQuarantine: [], ...parts };
}

function openMirror(): { db: Database; store: MirrorStore; clock: { t: number } } {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  const clock = { t: 1_000_000 };
  return { db, store: new MirrorStore(db, () => clock.t), clock };
}

const people: Record<string, Person> = {
  soren: { first: 'Søren', last: 'Østergaard', email: 'soren@example.dk', phone: '+45 20 12 34 56', number: 'TW-2024-000123', barcodes: ['000109028100000164'] },
  muller: { first: 'Jürgen', last: 'Müller', email: 'j.mueller@example.de', phone: '0049 171 2345678', number: 'TW-2024-000124', barcodes: ['000109028100000231', '000109028100000232'] },
  aero: { first: 'Ærø', last: 'Strandbjerg', email: 'aero@example.dk', number: 'TW-2024-000125' },
  smith: { first: 'Anna', last: 'Smith', email: 'anna.smith@example.com', phone: '0470 12 34 56', number: 'TW-2024-000126', barcodes: ['TKT-88AB-4711'] },
  strasse: { first: 'Lukas', last: 'Straße', email: 'lukas@straße.example', number: 'TW-2024-000127' },
  lukasz: { first: 'Łukasz', last: 'Wiśniewski', email: 'lukasz@example.pl', number: 'TW-2024-000128' },
};

function seeded() {
  const mirror = openMirror();
  mirror.store.upsertEvent({ path: EVENT, fields: { name: 'Fest 2024', startsAt: '2024-07-05', location: 'Werchter' }, raw: '{"name":"Fest 2024"}', modified: 10, etag: null });
  mirror.store.upsertChannel({
    path: `${EVENT}channel/ch-1.json`,
    eventPath: EVENT,
    uuid: 'ch-1',
    fields: { name: 'Webshop', type: 'online', url: 'https://shop.example' },
    raw: '{"name":"Webshop"}',
    modified: 11,
    etag: null,
  });
  mirror.store.commitBucket(commit({ upserts: Object.entries(people).map(([uuid, p]) => upsert(uuid, p)) }));
  return mirror;
}

const pathOf = (uuid: string, bucket = BUCKET) => `${bucket}${uuid}/`;
const hitPaths = (store: MirrorStore, query: string) => store.search(query).hits.map((h) => h.orderPath);

describe('MirrorStore: commits', () => {
  it('stores a bucket in one go: states, the order with raw JSON, event and channel, bucket complete', () => {
    const { store } = seeded();
    const states = store.orderStates(BUCKET);
    expect(states.size).toBe(6);
    expect(states.get(pathOf('soren'))).toEqual({ modified: 1_000, etag: '"soren-1000"', quarantined: false });
    const order = store.order(pathOf('soren'));
    expect(order?.fields.names).toEqual(['Søren Østergaard']);
    expect(JSON.parse(order?.customerRaw ?? 'null')).toMatchObject({ firstName: 'Søren' });
    expect(order?.detailsRaw).toContain('TW-2024-000123');
    expect(order?.event?.name).toBe('Fest 2024');
    expect(order?.channel?.name).toBe('Webshop');
    expect(order?.mappingVersion).toBe(MAPPING_VERSION);
    expect(store.bucketPaths(EVENT)).toEqual([BUCKET]);
    expect(store.incompleteBuckets()).toEqual([]);
    expect(store.order('nope/')).toBeUndefined();
  });

  it('a changed order replaces the stored one, its keys and its search rows', () => {
    const { store, clock } = seeded();
    clock.t += 1;
    store.commitBucket(commit({ upserts: [upsert('soren', { ...people.soren!, first: 'Sören', last: 'Kierkegaard', email: 'sk@example.dk' }, 2_000)] }));
    expect(store.orderStates(BUCKET).get(pathOf('soren'))?.modified).toBe(2_000);
    expect(hitPaths(store, 'Østergaard')).toEqual([]);
    expect(hitPaths(store, 'kierke')).toEqual([pathOf('soren')]);
    expect(store.ordersMatching({ emails: ['soren@example.dk'] })).toEqual([]);
    expect(store.ordersMatching({ emails: ['SK@example.dk'] })).toEqual([{ orderPath: pathOf('soren'), reason: 'email', matched: ['SK@example.dk'] }]);
  });

  it('deletions remove the order, its search rows, keys and quarantine entries', () => {
    const { store } = seeded();
    store.commitBucket(commit({ quarantined: [{ filePath: `${pathOf('smith')}details.json`, orderPath: pathOf('smith'), reason: 'not-json', detail: 'x', sample: '{' }] }));
    const outcome = store.commitBucket(commit({ deletions: [pathOf('smith'), pathOf('never-stored')] }));
    expect(outcome).toEqual({ stored: 0, deleted: 1, quarantined: 0, cleared: 1 });
    expect(store.order(pathOf('smith'))).toBeUndefined();
    expect(store.orderStates(BUCKET).has(pathOf('smith'))).toBe(false);
    expect(hitPaths(store, 'smith')).toEqual([]);
    expect(hitPaths(store, 'ith@ex')).toEqual([]);
    expect(store.ordersMatching({ barcodes: ['TKT-88AB-4711'] })).toEqual([]);
    expect(store.quarantine()).toEqual([]);
  });

  it('a failure inside a commit leaves the previous state whole', () => {
    const { store, db } = seeded();
    const before = db.prepare('SELECT path, fields FROM tickoweb_orders ORDER BY path').all();
    const broken = upsert('broken', { first: 'Bro', last: 'Ken' });
    Object.defineProperty(broken.fields, 'names', {
      get() {
        throw new Error('disk on fire');
      },
      enumerable: true,
    });
    expect(() =>
      store.commitBucket(
        commit({
          bucketPath: BUCKET2,
          upserts: [upsert('fresh', { first: 'Fresh', last: 'Order' }, 1, BUCKET2), broken],
          deletions: [pathOf('soren')],
          quarantined: [{ filePath: `${pathOf('x')}customer.json`, orderPath: pathOf('x'), reason: 'not-json', detail: 'x', sample: '' }],
        }),
      ),
    ).toThrow('disk on fire');
    expect(db.prepare('SELECT path, fields FROM tickoweb_orders ORDER BY path').all()).toEqual(before);
    expect(hitPaths(store, 'fresh')).toEqual([]);
    expect(hitPaths(store, 'soren')).toEqual([pathOf('soren')]);
    expect(store.quarantine()).toEqual([]);
    expect(store.bucketPaths(EVENT)).toEqual([BUCKET]);
  });

  it('quarantine: the reason is visible, the stored version is kept, the folder is not fetched again until it changes, then cleared', () => {
    const { store, clock } = seeded();
    clock.t = 2_000_000;
    const filePath = `${pathOf('muller')}details.json`;
    const newcomer = `${pathOf('newcomer')}customer.json`;
    store.commitBucket(
      commit({
        quarantined: [
          { filePath, orderPath: pathOf('muller'), reason: 'unexpected-types', detail: 'tickets: text', sample: '{"tickets":"x"}', modified: 3_000, etag: null },
          { filePath: newcomer, orderPath: pathOf('newcomer'), reason: 'too-large', detail: '2 MB', sample: 'x'.repeat(500), modified: 3_100, etag: '"n"' },
        ],
      }),
    );
    expect(store.quarantine()).toEqual([
      { filePath, orderPath: pathOf('muller'), reason: 'unexpected-types', detail: 'tickets: text', sample: '{"tickets":"x"}', modified: 3_000, etag: null, at: 2_000_000 },
      { filePath: newcomer, orderPath: pathOf('newcomer'), reason: 'too-large', detail: '2 MB', sample: 'x'.repeat(200), modified: 3_100, etag: '"n"', at: 2_000_000 },
    ]);
    expect(store.order(pathOf('muller'))?.fields.names).toEqual(['Jürgen Müller']);
    expect(store.order(pathOf('muller'))?.quarantine.map((q) => q.reason)).toEqual(['unexpected-types']);
    const states = store.orderStates(BUCKET);
    expect(states.get(pathOf('muller'))).toEqual({ modified: 3_000, etag: null, quarantined: true });
    expect(states.get(pathOf('newcomer'))).toEqual({ modified: 3_100, etag: '"n"', quarantined: true });
    expect(store.summary().quarantined).toBe(2);

    // The folder changes and now parses: stored, and its quarantine entry goes.
    const outcome = store.commitBucket(commit({ upserts: [upsert('muller', people.muller!, 4_000)] }));
    expect(outcome.cleared).toBe(1);
    expect(store.quarantine().map((q) => q.filePath)).toEqual([newcomer]);
    expect(store.orderStates(BUCKET).get(pathOf('muller'))).toEqual({ modified: 4_000, etag: '"muller-4000"', quarantined: false });
    // Explicitly cleared files (and event/channel files outside commits).
    store.quarantineFile({ filePath: `${EVENT}event.json`, orderPath: null, reason: 'not-json', detail: 'Unexpected end', sample: '{' });
    store.commitBucket(commit({ clearedQuarantine: [newcomer] }));
    expect(store.quarantine().map((q) => q.filePath)).toEqual([`${EVENT}event.json`]);
    expect(store.clearQuarantine([`${EVENT}event.json`])).toBe(1);
    expect(store.quarantine()).toEqual([]);
  });

  it('resumable: listed buckets stay incomplete until committed; a moved bucket is incomplete again', () => {
    const { store } = openMirror();
    store.recordBucketListing(EVENT, [
      { path: BUCKET, modified: 1 },
      { path: BUCKET2, modified: 2 },
    ]);
    expect(store.incompleteBuckets()).toEqual([
      { path: BUCKET, eventPath: EVENT },
      { path: BUCKET2, eventPath: EVENT },
    ]);
    store.commitBucket(commit({ bucketModified: 1, upserts: [upsert('a', { first: 'A', last: 'B' })] }));
    expect(store.incompleteBuckets()).toEqual([{ path: BUCKET2, eventPath: EVENT }]);
    // Listed again unchanged: still complete. Moved: incomplete.
    store.recordBucketListing(EVENT, [{ path: BUCKET, modified: 1 }]);
    expect(store.incompleteBuckets().map((b) => b.path)).toEqual([BUCKET2]);
    store.recordBucketListing(EVENT, [{ path: BUCKET, modified: 9 }]);
    expect(store.incompleteBuckets().map((b) => b.path)).toEqual([BUCKET, BUCKET2]);
    expect(store.summary().incompleteBuckets).toBe(2);
  });

  it('deleteBucket and deleteEvent take everything under them', () => {
    const { store } = seeded();
    store.commitBucket(commit({ bucketPath: BUCKET2, upserts: [upsert('late', { first: 'Late', last: 'Comer' }, 1, BUCKET2)] }));
    store.commitBucket(
      commit({ bucketPath: BUCKET2, quarantined: [{ filePath: `${pathOf('bad', BUCKET2)}details.json`, orderPath: pathOf('bad', BUCKET2), reason: 'not-json', detail: '', sample: '' }] }),
    );
    expect(store.deleteBucket(BUCKET2)).toBe(1);
    expect(store.bucketPaths(EVENT)).toEqual([BUCKET]);
    expect(store.quarantine()).toEqual([]);
    expect(hitPaths(store, 'late')).toEqual([]);

    store.quarantineFile({ filePath: `${EVENT}channel/ch-2.json`, orderPath: null, reason: 'not-json', detail: '', sample: '' });
    expect(store.deleteEvent(EVENT)).toEqual({ orders: 6, channels: 1, buckets: 1 });
    expect(store.summary()).toMatchObject({ events: 0, channels: 0, orders: 0, quarantined: 0 });
    expect(store.search('soren').hits).toEqual([]);
  });

  it('refreshDetails picks up new scans and keeps the folder state', () => {
    const { store, clock } = seeded();
    clock.t = 3_000_000;
    const scans = [{ barcode: '000109028100000164', scannedAt: '2024-07-05T18:02:11', gate: 'North 2' }];
    const fresh = upsert('soren', { ...people.soren!, scans });
    expect(store.refreshDetails(pathOf('soren'), fresh.detailsRaw, fresh.fields)).toBe(true);
    const order = store.order(pathOf('soren'));
    expect(order?.fields.scans).toEqual([{ at: '2024-07-05T18:02:11', barcode: '000109028100000164', gate: 'North 2' }]);
    expect(order?.folderModified).toBe(1_000);
    expect(order?.detailsRefreshedAt).toBe(3_000_000);
    expect(order?.fetchedAt).toBe(1_000_000);
    expect(store.staleDetails(2_000_000, 10)).not.toContain(pathOf('soren'));
    expect(store.staleDetails(2_000_000, 10)).toHaveLength(5);
    expect(store.refreshDetails(pathOf('unknown'), '{}', fresh.fields)).toBe(false);
  });

  it('re-derives orders stored under an older mapping from their raw files', () => {
    const { store, db } = seeded();
    db.prepare("UPDATE tickoweb_orders SET mapping_version = 0, fields = json_set(fields, '$.names', json('[]'))").run();
    expect(store.reextractOutdated(4)).toBe(6);
    expect(store.order(pathOf('aero'))?.fields.names).toEqual(['Ærø Strandbjerg']);
    expect(store.reextractOutdated()).toBe(0);
  });

  it('runs and summary', () => {
    const { store, clock } = seeded();
    const id = store.beginRun();
    expect(store.summary().lastRun).toEqual({ id, startedAt: 1_000_000, finishedAt: null, result: null, counts: null, detail: null });
    clock.t += 500;
    store.finishRun(id, 'ok', { fetched: 6, quarantined: 0 });
    expect(store.summary()).toEqual({
      events: 1,
      channels: 1,
      orders: 6,
      quarantined: 0,
      incompleteBuckets: 0,
      newestFetchedAt: 1_000_000,
      lastRun: { id, startedAt: 1_000_000, finishedAt: 1_000_500, result: 'ok', counts: { fetched: 6, quarantined: 0 }, detail: null },
    });
    store.clear();
    expect(store.summary()).toMatchObject({ events: 0, orders: 0, lastRun: { id } });
    expect(store.search('soren').hits).toEqual([]);
  });
});

describe('MirrorStore: search', () => {
  const { store } = seeded();

  it.each([
    ['Søren', 'soren'],
    ['Soren', 'soren'],
    ['SØREN østergaard', 'soren'],
    ['sor', 'soren'],
    ['ostergaard', 'soren'],
    ['Müller', 'muller'],
    ['Muller', 'muller'],
    ['jurg', 'muller'],
    ['Ærø', 'aero'],
    ['aero', 'aero'],
    ['Strasse', 'strasse'],
    ['lukasz', 'lukasz'],
    ['wisniewski', 'lukasz'],
  ])('accents and case: %s finds %s', (query, uuid) => {
    expect(hitPaths(store, query)).toContain(pathOf(uuid));
  });

  it('as you type, every prefix of a name finds it', () => {
    for (const typed of ['S', 'Sø', 'Sør', 'Søre', 'Søren', 'Søren Ø', 'Søren Øs']) {
      expect(hitPaths(store, typed), typed).toContain(pathOf('soren'));
    }
  });

  it('partial e-mail: from the start of a word, and in the middle', () => {
    expect(store.search('anna.smith@ex').hits).toMatchObject([{ orderPath: pathOf('smith'), kind: 'prefix', field: 'email' }]);
    expect(store.search('smith@ex').hits).toMatchObject([{ orderPath: pathOf('smith'), kind: 'prefix', field: 'email', value: 'anna.smith@example.com', highlight: [{ start: 5, end: 13 }] }]);
    expect(store.search('ith@exa').hits).toMatchObject([{ orderPath: pathOf('smith'), kind: 'substring', field: 'email', highlight: [{ start: 7, end: 14 }] }]);
    expect(store.search('anna.smith@example.com').hits).toMatchObject([{ orderPath: pathOf('smith'), kind: 'exact', field: 'email' }]);
  });

  it('order and ticket numbers: whole (exact), from the start, and from the middle (3+ characters)', () => {
    expect(store.search('TW-2024-000124').hits[0]).toMatchObject({ orderPath: pathOf('muller'), kind: 'exact', field: 'orderNumber' });
    expect(store.search('tw-2024-000124').hits[0]).toMatchObject({ orderPath: pathOf('muller'), kind: 'exact' });
    expect(store.search('000109028100000232').hits).toMatchObject([{ orderPath: pathOf('muller'), kind: 'exact', field: 'barcode', value: '000109028100000232' }]);
    expect(store.search('0001090281000002').hits.map((h) => h.orderPath)).toEqual([pathOf('muller')]);
    expect(store.search('100000231').hits).toMatchObject([{ orderPath: pathOf('muller'), kind: 'substring', field: 'barcode', highlight: [{ start: 9, end: 18 }] }]);
    expect(store.search('88AB').hits).toMatchObject([{ orderPath: pathOf('smith'), field: 'barcode' }]);
    expect(store.search('8ab-47').hits).toMatchObject([{ orderPath: pathOf('smith'), kind: 'substring', field: 'barcode' }]);
    expect(hitPaths(store, '000125')).toEqual([pathOf('aero')]);
    expect(hitPaths(store, '0001')).toHaveLength(6);
  });

  it('phones: as written, as digits, from the middle', () => {
    expect(store.search('0470 12 34 56').hits[0]).toMatchObject({ orderPath: pathOf('smith'), kind: 'exact', field: 'phone' });
    expect(store.search('+32 470 123456').hits[0]).toMatchObject({ orderPath: pathOf('smith'), kind: 'exact' });
    expect(store.search('047012').hits).toMatchObject([{ orderPath: pathOf('smith'), field: 'phone', highlight: [{ start: 0, end: 7 }] }]);
    expect(hitPaths(store, '2345678')).toEqual([pathOf('muller')]);
  });

  it('highlights the matched part of the value as stored, accents and all', () => {
    expect(store.search('sor').hits[0]).toMatchObject({ field: 'name', value: 'Søren Østergaard', highlight: [{ start: 0, end: 3 }] });
    expect(store.search('østerg sor').hits[0]).toMatchObject({
      kind: 'prefix',
      field: 'name',
      highlight: [
        { start: 0, end: 3 },
        { start: 6, end: 12 },
      ],
    });
    // The whole name in any order is an exact (linking) key.
    expect(store.search('ostergaard soren').hits[0]).toMatchObject({ kind: 'exact', field: 'name', highlight: [{ start: 0, end: 16 }] });
    expect(store.search('aer').hits[0]).toMatchObject({ value: 'Ærø Strandbjerg', highlight: [{ start: 0, end: 2 }] });
    expect(store.search('Jürgen Müller').hits[0]).toMatchObject({ kind: 'exact', field: 'name', value: 'Jürgen Müller' });
  });

  it('hits carry what a result list shows', () => {
    expect(store.search('soren').hits[0]).toEqual({
      orderPath: pathOf('soren'),
      eventPath: EVENT,
      eventName: 'Fest 2024',
      orderNumber: 'TW-2024-000123',
      status: 'paid',
      createdAt: '2024-06-01T10:00:00',
      name: 'Søren Østergaard',
      email: 'soren@example.dk',
      kind: 'prefix',
      field: 'name',
      value: 'Søren Østergaard',
      highlight: [{ start: 0, end: 5 }],
    });
  });

  it('limits, reports truncation, and treats FTS syntax as text', () => {
    const result = store.search('tw', 2);
    expect(result.hits).toHaveLength(2);
    expect(result.truncated).toBe(true);
    for (const query of ['"', 'NEAR(a b)', 'a OR b', '*', '^x', 'col:x', '-', '(((', "'; DROP TABLE x", '   ']) {
      expect(() => store.search(query)).not.toThrow();
    }
    expect(store.search('').hits).toEqual([]);
    expect(hitPaths(store, 'nobody-here')).toEqual([]);
  });
});

describe('MirrorStore: linking to a wristband owner', () => {
  it('e-mail first, then name with phone, then name with barcode, then barcode; a name alone is not enough', () => {
    const { store } = openMirror();
    store.commitBucket(
      commit({
        upserts: [
          upsert('by-barcode', { first: 'Someone', last: 'Else', barcodes: ['B-77'] }),
          upsert('by-name-barcode', { first: 'Mette', last: 'Hånsen', barcodes: ['B-77'] }),
          upsert('by-name-phone', { first: 'METTE', last: 'HANSEN', phone: '+32 470 11 22 33' }),
          upsert('by-email', { first: 'M.', last: 'H.', email: 'Mette@Example.com' }),
          upsert('name-only', { first: 'Mette', last: 'Hansen', phone: '0499 00 00 00' }),
          upsert('nothing', { first: 'Jan', last: 'Peeters', email: 'jan@example.com', barcodes: ['B-78'] }),
        ],
      }),
    );
    const matches = store.ordersMatching({ emails: ['mette@example.com'], names: ['Hansen, Mette'], phones: ['0470 11 22 33'], barcodes: ['b-77'] });
    expect(matches).toEqual([
      { orderPath: pathOf('by-email'), reason: 'email', matched: ['mette@example.com'] },
      { orderPath: pathOf('by-name-phone'), reason: 'name+phone', matched: ['Hansen, Mette', '0470 11 22 33'] },
      { orderPath: pathOf('by-name-barcode'), reason: 'name+barcode', matched: ['Hansen, Mette', 'b-77'] },
      { orderPath: pathOf('by-barcode'), reason: 'barcode', matched: ['b-77'] },
    ]);
    expect(store.ordersMatching({ names: ['Mette Hansen'] })).toEqual([]);
    expect(store.ordersMatching({})).toEqual([]);
  });

  it('keys: names ignore accents, case and word order; phones compare their last 9 digits', () => {
    expect(nameKey('Hansen, Mette')).toBe(nameKey('mette  HÅNSEN'));
    expect(nameKey('Ærø Ø')).toBe('aero o');
    expect(phoneKey('+32 470 11 22 33')).toBe(phoneKey('0470/11.22.33'));
    expect(phoneKey('112')).toBeNull();
    expect(searchFold('Straße Łódź ÆØÅ ﬁ')).toBe('strasse lodz aeoa fi');
  });
});
