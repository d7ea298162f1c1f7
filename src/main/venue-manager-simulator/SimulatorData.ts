/**
 * The simulator's stored state, in the exact wire shape of the Venue Manager DigitalProduct API.
 *
 * Responses are produced by `JSON.stringify` straight from these objects, so property order is
 * part of the contract: it must follow the documented bodies (test/fixtures/venue-manager).
 * `cloneCustomer` rebuilds every object in that order, so data handed in with another key order
 * (or with extra keys) still serialises exactly as documented.
 */

/** Venue Manager writes the STRING "null" for "not invalidated" (documented quirk). */
export const NOT_INVALIDATED = 'null';

/** "YYYY-MM-DD HH:MM:SS", the venue's wall-clock time, no zone (as the API sends it). */
export type VenueTimeString = string;

export interface SimulatorAddress {
  name: string;
  company: string;
  street: string;
  zipCode: string;
  city: string;
  countryCode: string;
  /** The documented delivery address has no email/phone, the billing and customer addresses do. */
  email?: string;
  phone?: string;
}

export interface SimulatorToken {
  uid: string;
  insertTime: VenueTimeString;
  /** `"null"` while the wristband is active; the blocking time once blocked. */
  invalidateTime: VenueTimeString;
}

export interface SimulatorEvent {
  time: VenueTimeString;
  /** "general" as documented; the simulator also writes "token" and "comment". */
  type: string;
  description: string;
}

export interface SimulatorDigitalProduct {
  id: number;
  name: string;
  /** `"null"` while the product (ticket) is valid. */
  invalidateTime: VenueTimeString;
  productImageUrl: string;
  barcode: string;
  alias: string;
  tokens: SimulatorToken[];
  events: SimulatorEvent[];
}

export interface SimulatorOrder {
  id: number;
  authorizedTime: VenueTimeString;
  billingAddress: SimulatorAddress;
  deliveryAddress: SimulatorAddress;
  digitalProducts: SimulatorDigitalProduct[];
}

export interface SimulatorCustomer {
  id: number;
  address: SimulatorAddress;
  orders: SimulatorOrder[];
}

/** An order as `GET /products/{id}` returns it: two fields appended after `digitalProducts`. */
export interface SimulatorHistoryOrder extends SimulatorOrder {
  customerId: number;
  CustomerAddress: SimulatorAddress;
}

export interface SimulatorProductHistory {
  digitalProductId: number;
  name: string;
  alias: string;
  invalidateTime: VenueTimeString;
  orders: SimulatorHistoryOrder[];
}

export function cloneAddress(a: SimulatorAddress): SimulatorAddress {
  const copy: SimulatorAddress = {
    name: a.name,
    company: a.company,
    street: a.street,
    zipCode: a.zipCode,
    city: a.city,
    countryCode: a.countryCode,
  };
  // Absent stays absent: the documented delivery address has no such keys at all.
  if (a.email !== undefined) copy.email = a.email;
  if (a.phone !== undefined) copy.phone = a.phone;
  return copy;
}

export function cloneProduct(p: SimulatorDigitalProduct): SimulatorDigitalProduct {
  return {
    id: p.id,
    name: p.name,
    invalidateTime: p.invalidateTime,
    productImageUrl: p.productImageUrl,
    barcode: p.barcode,
    alias: p.alias,
    tokens: p.tokens.map((t) => ({ uid: t.uid, insertTime: t.insertTime, invalidateTime: t.invalidateTime })),
    events: p.events.map((e) => ({ time: e.time, type: e.type, description: e.description })),
  };
}

export function cloneOrder(o: SimulatorOrder): SimulatorOrder {
  return {
    id: o.id,
    authorizedTime: o.authorizedTime,
    billingAddress: cloneAddress(o.billingAddress),
    deliveryAddress: cloneAddress(o.deliveryAddress),
    digitalProducts: o.digitalProducts.map(cloneProduct),
  };
}

export function cloneCustomer(c: SimulatorCustomer): SimulatorCustomer {
  return { id: c.id, address: cloneAddress(c.address), orders: c.orders.map(cloneOrder) };
}

export function isInvalidated(value: { invalidateTime: VenueTimeString }): boolean {
  return value.invalidateTime !== NOT_INVALIDATED;
}
