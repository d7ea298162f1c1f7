import type { LookupCache } from '../../../src/main/cache';
import { encode, parseCanonicalUid } from '../../../src/main/uid';
import type { WireCustomer, WireProduct } from '../../../src/main/venue-manager/wireSchemas';
import type { UidProfile } from '../../../src/shared/uidProfile';

/** Festival-sized cache contents, shared by the size test and bench/cacheBench.ts. */

const PRODUCTS_PER_ORDER = 2;
const ORDERS_PER_CUSTOMER = 2;
const CUSTOMERS_PER_ANSWER = 500;

/**
 * Distinct 7-byte NXP-style UIDs (manufacturer byte 04). Multiplying by an odd constant modulo
 * 2^48 is a bijection, so indices never collide.
 */
export function bulkUid(index: number): string {
  const spread = (BigInt(index) * 0x9e3779b97f4bn) & 0xffffffffffffn;
  return `04${spread.toString(16).padStart(12, '0').toUpperCase()}`;
}

const reversedDecimal: UidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null };

/**
 * How Venue Manager holds product i's band: every tenth as reversed decimal, so the lookups that
 * must walk the band's other representations are in the sample, not only the one-seek case.
 */
function storedUid(i: number): string {
  const uid = bulkUid(i);
  if (i % 10 !== 0) return uid;
  const canonical = parseCanonicalUid(uid);
  const text = canonical.ok ? encode(canonical.value, reversedDecimal) : undefined;
  if (text === undefined || !text.ok) throw new Error(`cannot encode ${uid}`);
  return text.value;
}

function product(i: number): WireProduct {
  return {
    id: i + 1,
    name: 'Festival pass',
    invalidateTime: null,
    productImageUrl: null,
    barcode: String(100_000_000_000 + i),
    alias: null,
    tokens: [{ uid: storedUid(i), insertTime: '2026-07-01 10:00:00', invalidateTime: null }],
    events: [{ time: '2026-07-01 10:00:00', type: 'general', description: 'Bought' }],
  };
}

function customer(c: number): WireCustomer {
  const address = { name: `Guest ${c}`, company: null, street: 'Festivalvej 1', zipCode: '9000', city: 'Aalborg', countryCode: 'DK', email: `guest${c}@example.dk`, phone: null };
  return {
    id: c + 1,
    address,
    orders: Array.from({ length: ORDERS_PER_CUSTOMER }, (_, o) => {
      const order = c * ORDERS_PER_CUSTOMER + o;
      return {
        id: order + 1,
        authorizedTime: '2026-07-01 10:00:00',
        billingAddress: address,
        deliveryAddress: address,
        digitalProducts: Array.from({ length: PRODUCTS_PER_ORDER }, (_, p) => product(order * PRODUCTS_PER_ORDER + p)),
      };
    }),
  };
}

/** Fills `cache` with `products` products through its public API, in search-answer-sized batches. */
export function fillCache(cache: LookupCache, products: number, fetchedAt: number): void {
  const perCustomer = PRODUCTS_PER_ORDER * ORDERS_PER_CUSTOMER;
  const customers = Math.ceil(products / perCustomer);
  for (let start = 0; start < customers; start += CUSTOMERS_PER_ANSWER) {
    const batch = Array.from({ length: Math.min(CUSTOMERS_PER_ANSWER, customers - start) }, (_, i) => customer(start + i));
    cache.storeCustomers(batch, fetchedAt);
  }
}

