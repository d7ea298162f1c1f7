import { z } from 'zod';
import { PendingMark } from './outbox';
import { UidFailureReason, UidProfile } from './uidProfile';

/**
 * What the renderer sees of Venue Manager data: already validated and normalised by the
 * core ("null" strings turned into null, times kept as the venue's wall clock).
 */
export const Address = z.object({
  name: z.string().nullable(),
  company: z.string().nullable(),
  street: z.string().nullable(),
  zipCode: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Address = z.infer<typeof Address>;

/** "YYYY-MM-DD HH:MM:SS" in the venue's wall-clock time, exactly as the server sent it. */
export const VenueTime = z.string();

export const TokenView = z.object({
  uid: z.string(),
  insertedAt: VenueTime.nullable(),
  blockedAt: VenueTime.nullable(),
  active: z.boolean(),
});
export type TokenView = z.infer<typeof TokenView>;

export const ProductEventView = z.object({
  time: VenueTime.nullable(),
  type: z.string().nullable(),
  description: z.string().nullable(),
});
export type ProductEventView = z.infer<typeof ProductEventView>;

export const ProductView = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  alias: z.string().nullable(),
  barcode: z.string().nullable(),
  imageUrl: z.string().nullable(),
  invalidatedAt: VenueTime.nullable(),
  valid: z.boolean(),
  tokens: z.array(TokenView),
  events: z.array(ProductEventView),
});
export type ProductView = z.infer<typeof ProductView>;

export const OwnerMatch = z.object({
  customerId: z.number().int(),
  address: Address,
  orderId: z.number().int(),
  orderAuthorizedAt: VenueTime.nullable(),
  product: ProductView,
  /**
   * This desk's queued actions on the product not yet confirmed by Venue Manager (and those in
   * conflict): the product view shows their expected effect, marked pending.
   */
  pending: z.array(PendingMark).optional(),
});
export type OwnerMatch = z.infer<typeof OwnerMatch>;

export const IdentifyResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('found'),
    uid: z.string(),
    matches: z.array(OwnerMatch).min(1),
    /** Epoch ms at which the core received the answer. */
    fetchedAt: z.number(),
    /**
     * The form of the UID Venue Manager knows the band by (its token `uid`), and the profile that
     * writes it; `expected` is false when that is not the venue's calibrated format — the admin must hear of it.
     * Absent when the tapped text is no canonical UID and was searched as it is.
     */
    matchedAs: z.object({ value: z.string(), profile: UidProfile, expected: z.boolean() }).optional(),
    /** Set when Venue Manager could not be reached and the answer came from this desk's cache: when it was fetched. */
    cachedAt: z.number().optional(),
    /**
     * A cached answer given at once because Venue Manager was slow to answer; it is still being
     * asked, and its answer follows as a `lookupRefreshed` event carrying this same `revalidation`.
     */
    refreshing: z.boolean().optional(),
    revalidation: z.string().optional(),
  }),
  z.object({ kind: z.literal('not-found'), uid: z.string(), fetchedAt: z.number() }),
]);
export type IdentifyResult = z.infer<typeof IdentifyResult>;

/** One wristband read, from any reader. `uid` is canonical; `raw` is what the reader gave. */
export const ScanEvent = z.object({
  readerId: z.string(),
  raw: z.string(),
  uid: z.string(),
  at: z.number(),
  /** Set when the read can identify no wristband (e.g. a chip's random ID): shown, never looked up. */
  problem: UidFailureReason.optional(),
  /** A barcode scanner's read: `uid` holds the barcode, which opens the barcode search. */
  kind: z.literal('barcode').optional(),
});
export type ScanEvent = z.infer<typeof ScanEvent>;

export const SampleWristband = z.object({
  uid: z.string(),
  /** What tapping it will show, for the demo's sample picker (e.g. "active", "blocked"). */
  kind: z.enum(['active', 'blocked', 'invalidated', 'unknown']),
  label: z.string(),
});
export type SampleWristband = z.infer<typeof SampleWristband>;
