import { z } from 'zod';

/**
 * Venue Manager's JSON as it arrives, validated leniently where the documentation is loose and
 * strictly where a wrong value would mislead the desk:
 * - "null" (a string) means "not set" for invalidateTime; real null and absence are tolerated;
 * - unknown extra fields are dropped, missing optional ones become null;
 * - ids must be safe integers: a rounded id would point at another customer or product.
 */
const absent = (value: unknown): boolean => value === undefined || value === null || value === 'null';

const OptionalText = z.preprocess(
  (value) => (absent(value) ? null : typeof value === 'number' ? String(value) : value),
  z.string().nullable(),
);

const Id = z.number().int().refine(Number.isSafeInteger, 'id exceeds the exact integer range');

export const WireAddress = z.preprocess(
  (value) => (absent(value) ? {} : value),
  z.object({
    name: OptionalText.default(null),
    company: OptionalText.default(null),
    street: OptionalText.default(null),
    zipCode: OptionalText.default(null),
    city: OptionalText.default(null),
    countryCode: OptionalText.default(null),
    email: OptionalText.default(null),
    phone: OptionalText.default(null),
  }),
);
export type WireAddress = z.output<typeof WireAddress>;

export const WireToken = z.object({
  // A UID is an identifier, not a quantity: a number here is accepted only while exact.
  uid: z.union([z.string().min(1), Id.transform(String)]),
  insertTime: OptionalText.default(null),
  invalidateTime: OptionalText.default(null),
});
export type WireToken = z.output<typeof WireToken>;

export const WireEvent = z.object({
  time: OptionalText.default(null),
  type: OptionalText.default(null),
  description: OptionalText.default(null),
});

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (absent(value) ? [] : value), z.array(item));

export const WireProduct = z.object({
  id: Id,
  name: OptionalText.default(null),
  invalidateTime: OptionalText.default(null),
  productImageUrl: OptionalText.default(null),
  barcode: OptionalText.default(null),
  alias: OptionalText.default(null),
  tokens: list(WireToken),
  events: list(WireEvent),
});
export type WireProduct = z.output<typeof WireProduct>;

export const WireOrder = z.object({
  id: Id,
  authorizedTime: OptionalText.default(null),
  billingAddress: WireAddress.optional(),
  deliveryAddress: WireAddress.optional(),
  digitalProducts: list(WireProduct),
  customerId: Id.optional(),
  CustomerAddress: WireAddress.optional(),
});
export type WireOrder = z.output<typeof WireOrder>;

export const WireCustomer = z.object({
  id: Id,
  address: WireAddress.optional(),
  orders: list(WireOrder),
});
export type WireCustomer = z.output<typeof WireCustomer>;

export const WireSearchResponse = z.array(WireCustomer);

export const WireProductHistory = z.object({
  digitalProductId: Id,
  name: OptionalText.default(null),
  alias: OptionalText.default(null),
  invalidateTime: OptionalText.default(null),
  orders: list(WireOrder),
});
export type WireProductHistory = z.output<typeof WireProductHistory>;
