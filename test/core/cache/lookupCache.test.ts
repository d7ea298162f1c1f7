import { describe, expect, it } from 'vitest';
import { encode, parseCanonicalUid } from '../../../src/main/uid';
import type { UidProfile } from '../../../src/shared/uidProfile';
import { customer, history, openCache } from './fixtures';

const T0 = Date.UTC(2026, 6, 4, 12, 2);
const BAND = '04A1B2C3D4E5F6';

const reversedDecimal: UidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null };

function encoded(uid: string, profile: UidProfile): string {
  const canonical = parseCanonicalUid(uid);
  if (!canonical.ok) throw new Error(canonical.message);
  const text = encode(canonical.value, profile);
  if (!text.ok) throw new Error(text.message);
  return text.value;
}

const rakel = () =>
  customer({
    id: 38081,
    name: 'Rakel Hovn',
    company: 'Combine A/S',
    email: 'rah@combine.dk',
    orders: [
      {
        id: 76529,
        products: [
          { id: 457, barcode: '000109028100000164', tokens: [{ uid: '04111111111111', blockedAt: '2026-07-02 09:00:00' }, { uid: BAND }] },
          { id: 458, barcode: '000109028100000165' },
        ],
      },
    ],
  });

describe('LookupCache: store and look up by each key', () => {
  it('finds a stored product by token UID, in any case, with its owner and age', () => {
    const { cache } = openCache();
    expect(cache.storeCustomers([rakel()], T0)).toEqual({ products: 2, stale: 0 });
    const found = cache.byTokenUid(BAND.toLowerCase());
    expect(found?.matches.map((m) => m.product.id)).toEqual([457]);
    expect(found?.matches[0].address.name).toBe('Rakel Hovn');
    expect(found?.matches[0].orderId).toBe(76529);
    expect(found?.matchedAs).toBe(BAND);
    expect(found?.lossless).toBe(true);
    expect(found?.oldestFetchedAt).toBe(T0);
    expect(cache.byTokenUid('04FFFFFFFFFFFF')).toBeUndefined();
  });

  it('finds a hex UID written with separators through its stored canonical form', () => {
    const { cache } = openCache();
    const spaced = customer({ id: 1, name: 'A', orders: [{ id: 10, products: [{ id: 100, tokens: [{ uid: '04:a1:b2:c3:d4:e5:f6' }] }] }] });
    cache.storeCustomers([spaced], T0);
    expect(cache.byTokenUid(BAND)?.matchedAs).toBe('04:a1:b2:c3:d4:e5:f6');
  });

  it('finds a band Venue Manager stores as reversed decimal by its canonical hex', () => {
    const { cache } = openCache();
    const stored = encoded(BAND, reversedDecimal);
    cache.storeCustomers([customer({ id: 2, name: 'B', orders: [{ id: 20, products: [{ id: 200, tokens: [{ uid: stored }] }] }] })], T0);
    const found = cache.byTokenUid(BAND);
    expect(found?.matches.map((m) => m.product.id)).toEqual([200]);
    expect(found?.matchedAs).toBe(stored);
    expect(found?.lossless).toBe(true);
  });

  it('puts the product on which the band is active first', () => {
    const { cache } = openCache();
    const moved = customer({
      id: 3,
      name: 'C',
      orders: [
        {
          id: 30,
          products: [
            { id: 300, tokens: [{ uid: BAND, blockedAt: '2026-07-02 09:00:00' }] },
            { id: 301, tokens: [{ uid: BAND }] },
          ],
        },
      ],
    });
    cache.storeCustomers([moved], T0);
    expect(cache.byTokenUid(BAND)?.matches.map((m) => m.product.id)).toEqual([301, 300]);
  });

  it('finds by product id, barcode, order id, customer id, email (any case) and token UID', () => {
    const { cache } = openCache();
    cache.storeCustomers([rakel()], T0);
    expect(cache.byProductId(458)?.match.product.barcode).toBe('000109028100000165');
    expect(cache.byProductId(458)?.fetchedAt).toBe(T0);
    expect(cache.byProductId(999)).toBeUndefined();
    const ids = (criteria: Parameters<typeof cache.search>[0]) => {
      const result = cache.search(criteria);
      return result.kind === 'answered' ? result.matches.map((m) => m.product.id) : result.kind;
    };
    expect(ids({ barcode: '000109028100000164' })).toEqual([457]);
    expect(ids({ orderId: '76529' })).toEqual([457, 458]);
    expect(ids({ customerId: '38081' })).toEqual([457, 458]);
    expect(ids({ email: 'RAH@Combine.dk' })).toEqual([457, 458]);
    expect(ids({ tokenUid: BAND })).toEqual([457]);
    expect(ids({ email: 'rah@combine.dk', barcode: '000109028100000165' })).toEqual([458]);
    expect(ids({ customerId: '1', barcode: '000109028100000165' })).toEqual([]);
  });

  it('places a product-history answer under its customer', () => {
    const { cache } = openCache();
    cache.storeHistory(history({ customerId: 7, name: 'Søren', orderId: 70, product: { id: 700, tokens: [{ uid: BAND }] } }), T0);
    const found = cache.byTokenUid(BAND);
    expect(found?.matches[0]).toMatchObject({ customerId: 7, orderId: 70, address: { name: 'Søren' } });
    const byEmail = cache.search({ email: 'søren@example.dk' });
    expect(byEmail.kind === 'answered' && byEmail.matches.map((m) => m.product.id)).toEqual([700]);
  });
});

describe('LookupCache: refresh', () => {
  it('replaces a product’s tokens as a whole: a blocked token shows blocked after a refresh', () => {
    const { cache } = openCache();
    const before = customer({ id: 4, name: 'D', orders: [{ id: 40, products: [{ id: 400, tokens: [{ uid: BAND }] }] }] });
    const after = customer({
      id: 4,
      name: 'D',
      orders: [{ id: 40, products: [{ id: 400, tokens: [{ uid: BAND, blockedAt: '2026-07-04 14:05:00' }, { uid: '04222222222222' }] }] }],
    });
    cache.storeCustomers([before], T0);
    expect(cache.byTokenUid(BAND)?.matches[0].product.tokens).toMatchObject([{ uid: BAND, active: true }]);
    cache.storeCustomers([after], T0 + 60_000);
    const refreshed = cache.byTokenUid(BAND);
    expect(refreshed?.matches[0].product.tokens).toMatchObject([{ uid: BAND, active: false, blockedAt: '2026-07-04 14:05:00' }, { active: true }]);
    expect(refreshed?.oldestFetchedAt).toBe(T0 + 60_000);
    expect(cache.byTokenUid('04222222222222')?.matches[0].product.id).toBe(400);
    expect(cache.summary().tokens).toBe(2);
  });

  it('drops a token the server no longer lists, and keeps a newer copy over an older answer', () => {
    const { cache } = openCache();
    const withBand = customer({ id: 5, name: 'E', orders: [{ id: 50, products: [{ id: 500, tokens: [{ uid: BAND }] }] }] });
    const without = customer({ id: 5, name: 'E', orders: [{ id: 50, products: [{ id: 500, tokens: [] }] }] });
    cache.storeCustomers([without], T0 + 1000);
    expect(cache.storeCustomers([withBand], T0)).toEqual({ products: 0, stale: 1 });
    expect(cache.byTokenUid(BAND)).toBeUndefined();
    cache.storeCustomers([withBand], T0 + 2000);
    cache.storeCustomers([without], T0 + 3000);
    expect(cache.byTokenUid(BAND)).toBeUndefined();
  });
});

describe('LookupCache: summary and clear', () => {
  it('counts what it holds with the oldest and newest entry, and forgets everything on clear', () => {
    const { cache } = openCache();
    expect(cache.summary()).toEqual({ customers: 0, products: 0, tokens: 0 });
    cache.storeCustomers([rakel()], T0);
    cache.storeHistory(history({ customerId: 7, name: 'Søren', orderId: 70, product: { id: 700, tokens: [{ uid: '04333333333333' }] } }), T0 + 5000);
    expect(cache.summary()).toEqual({ customers: 2, products: 3, tokens: 3, oldestFetchedAt: T0, newestFetchedAt: T0 + 5000 });
    cache.clear();
    expect(cache.summary()).toEqual({ customers: 0, products: 0, tokens: 0 });
    expect(cache.byTokenUid(BAND)).toBeUndefined();
    expect(cache.search({ email: 'rah@combine.dk' })).toEqual({ kind: 'answered', matches: [] });
  });
});
