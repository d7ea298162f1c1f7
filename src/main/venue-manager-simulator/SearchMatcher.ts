import { wildcardSource } from '../venue-manager/wildcardSource';
import { cloneCustomer, cloneOrder } from './SimulatorData';
import type { SimulatorAddress, SimulatorCustomer, SimulatorDigitalProduct } from './SimulatorData';
import { sameUid } from './SimulatorStore';

/** The ten documented criteria of `GET /products`, parsed. Absent or blank means "not given". */
export interface SearchCriteria {
  name?: string;
  company?: string;
  street?: string;
  email?: string;
  customerId?: number;
  orderId?: number;
  tokenUid?: string;
  barcode?: string;
  quickSearch?: string;
  festiwebPersonId?: number;
}

export type ParsedSearch =
  | { ok: true; criteria: SearchCriteria }
  | { ok: false; kind: 'no-criteria' }
  | { ok: false; kind: 'invalid'; error: string };

function text(query: Readonly<Record<string, string>>, key: string): string | undefined {
  const value = query[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const NUMERIC_KEYS = ['customerId', 'orderId', 'festiwebPersonId'] as const;

/**
 * Blank values count as absent. `street` counts only together with `name` or `company` (as
 * documented), so on its own it is ignored and can leave the request with no criterion.
 * A non-integer numeric criterion gets a 400 "Invalid <name>." — undocumented, our guess.
 */
export function parseSearchCriteria(query: Readonly<Record<string, string>>): ParsedSearch {
  const criteria: SearchCriteria = {};
  const name = text(query, 'name');
  const company = text(query, 'company');
  const street = text(query, 'street');
  const email = text(query, 'email');
  const tokenUid = text(query, 'tokenUid');
  const barcode = text(query, 'barcode');
  const quickSearch = text(query, 'quick_search');
  if (name !== undefined) criteria.name = name;
  if (company !== undefined) criteria.company = company;
  if (street !== undefined && (name !== undefined || company !== undefined)) criteria.street = street;
  if (email !== undefined) criteria.email = email;
  if (tokenUid !== undefined) criteria.tokenUid = tokenUid;
  if (barcode !== undefined) criteria.barcode = barcode;
  if (quickSearch !== undefined) criteria.quickSearch = quickSearch;
  for (const key of NUMERIC_KEYS) {
    const raw = text(query, key);
    if (raw === undefined) continue;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value)) return { ok: false, kind: 'invalid', error: `Invalid ${key}.` };
    criteria[key] = value;
  }
  return Object.keys(criteria).length === 0 ? { ok: false, kind: 'no-criteria' } : { ok: true, criteria };
}

/**
 * `*` is the documented wildcard; everything else must match the whole field, ignoring case
 * (like SQL LIKE with `*` as `%` on a case-insensitive collation). Diacritics are significant:
 * "Søren" does not match "Soren". Both sides are NFC-normalised so a decomposed "ø" still matches.
 * A guess beyond LIKE: a " * " between words may also stand for nothing, so that the documented
 * example "Rakel * Hovn" finds the documented customer "Rakel Hovn".
 */
export function wildcardMatcher(pattern: string): (value: string | undefined) => boolean {
  const regex = new RegExp(`^${wildcardSource(pattern.normalize('NFC'))}$`, 'isu');
  return (value) => value !== undefined && regex.test(value.normalize('NFC'));
}

function equalsIgnoringCase(a: string | undefined, b: string): boolean {
  return a !== undefined && a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** Every address a customer can be found by: their own and those on their orders. A guess. */
function addressesOf(customer: SimulatorCustomer): SimulatorAddress[] {
  return [customer.address, ...customer.orders.flatMap((o) => [o.billingAddress, o.deliveryAddress])];
}

function quickSearchFields(customer: SimulatorCustomer): string[] {
  const fields: string[] = [String(customer.id)];
  for (const a of addressesOf(customer)) fields.push(...Object.values(a).filter((v) => typeof v === 'string'));
  for (const order of customer.orders) {
    fields.push(String(order.id));
    for (const p of order.digitalProducts) {
      fields.push(String(p.id), p.name, p.alias, p.barcode, ...p.tokens.map((t) => t.uid));
    }
  }
  return fields;
}

function matchesCustomer(customer: SimulatorCustomer, c: SearchCriteria): boolean {
  if (c.customerId !== undefined && customer.id !== c.customerId) return false;
  // The wire data carries no Festiweb link, so this criterion can never match here. A guess.
  if (c.festiwebPersonId !== undefined) return false;
  if (c.email !== undefined) {
    const email = c.email;
    const emails = [customer.address.email, ...customer.orders.map((o) => o.billingAddress.email)];
    if (!emails.some((e) => equalsIgnoringCase(e?.trim(), email))) return false;
  }
  if (c.name !== undefined || c.company !== undefined) {
    // name, company and street must all hold for the same address.
    const name = c.name === undefined ? undefined : wildcardMatcher(c.name);
    const company = c.company === undefined ? undefined : wildcardMatcher(c.company);
    const street = c.street === undefined ? undefined : wildcardMatcher(c.street);
    const found = addressesOf(customer).some(
      (a) =>
        (name === undefined || name(a.name)) &&
        (company === undefined || company(a.company)) &&
        (street === undefined || street(a.street)),
    );
    if (!found) return false;
  }
  if (c.quickSearch !== undefined) {
    // Sphinx-like: every word must occur somewhere in the customer's data.
    const fields = quickSearchFields(customer);
    const words = c.quickSearch.split(/\s+/).filter((w) => w !== '');
    if (!words.every((w) => fields.some(wildcardMatcher(`*${w}*`)))) return false;
  }
  return true;
}

function matchesProduct(product: SimulatorDigitalProduct, c: SearchCriteria): boolean {
  const { tokenUid, barcode } = c;
  if (tokenUid !== undefined && !product.tokens.some((t) => sameUid(t.uid, tokenUid))) return false;
  if (barcode !== undefined && product.barcode !== barcode) return false;
  return true;
}

/**
 * Customer-level criteria select whole customers; the product-level ones (orderId, tokenUid,
 * barcode) also narrow each customer to the matching orders/products, dropping what is left
 * empty. All criteria are AND-ed. Returns fresh copies in data order.
 */
export function searchCustomers(customers: readonly SimulatorCustomer[], c: SearchCriteria): SimulatorCustomer[] {
  const narrowsOrders = c.orderId !== undefined;
  const narrowsProducts = c.tokenUid !== undefined || c.barcode !== undefined;
  const result: SimulatorCustomer[] = [];
  for (const customer of customers) {
    if (!matchesCustomer(customer, c)) continue;
    if (!narrowsOrders && !narrowsProducts) {
      result.push(cloneCustomer(customer));
      continue;
    }
    const orders = customer.orders
      .filter((o) => c.orderId === undefined || o.id === c.orderId)
      .map((o) => {
        const copy = cloneOrder(o);
        if (narrowsProducts) copy.digitalProducts = copy.digitalProducts.filter((p) => matchesProduct(p, c));
        return copy;
      })
      .filter((o) => !narrowsProducts || o.digitalProducts.length > 0);
    if (orders.length > 0) result.push({ ...cloneCustomer({ ...customer, orders: [] }), orders });
  }
  return result;
}
