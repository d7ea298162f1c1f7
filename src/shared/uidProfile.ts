import { z } from 'zod';

/**
 * How one reader (or Venue Manager's database) writes a wristband UID. The canonical UID is
 * uppercase hex, byte 0 (the first byte the chip sends) first, 4, 7 or 10 bytes; a profile is
 * the pipeline from those bytes to the text that reader shows:
 *   shortening (which bytes it keeps) -> byte order -> encoding (+ style, for exact strings).
 * Decoding tolerates any style (case, separators, leading zeros); style only matters when we
 * must produce the exact string a server stores.
 */

export const uidSizes = [4, 7, 10] as const;
export const UidSize = z.literal(uidSizes);
export type UidSize = z.infer<typeof UidSize>;

export const UidByteOrder = z.enum(['as-read', 'reversed']);
export type UidByteOrder = z.infer<typeof UidByteOrder>;

/**
 * - `none`: every byte.
 * - `cascade-level-1`: reader stopped after ISO 14443 cascade level 1 of a 7/10-byte UID and
 *   reports the cascade tag 0x88 + bytes 0..2.
 * - `first-4-bytes` / `last-4-bytes`: reader keeps 4 bytes of a longer UID (a 32-bit field).
 * Every shortening but `none` is lossy: the full UID can be compared with it, never rebuilt.
 */
export const UidShortening = z.enum(['none', 'cascade-level-1', 'first-4-bytes', 'last-4-bytes']);
export type UidShortening = z.infer<typeof UidShortening>;

/** `facility-card`: "FFF,CCCCC" (decimal groups); `frame-hex`: the whole frame with both parity bits. */
export const WiegandDisplay = z.enum(['facility-card', 'frame-hex']);
export type WiegandDisplay = z.infer<typeof WiegandDisplay>;

const pipeline = { shortening: UidShortening, byteOrder: UidByteOrder };

export const HexUidProfile = z.object({
  encoding: z.literal('hex'),
  ...pipeline,
  separator: z.enum(['', ':', '-', ' ']),
  letterCase: z.enum(['upper', 'lower']),
});
export type HexUidProfile = z.infer<typeof HexUidProfile>;

export const DecimalUidProfile = z.object({
  encoding: z.literal('decimal'),
  ...pipeline,
  /** Zero-pad to this many digits when encoding; 0 = no padding. */
  padTo: z.number().int().min(0).max(25),
  /**
   * Decimal drops leading zero bytes, so a full (shortening `none`) UID's size is inferred as the
   * smallest size that holds the value unless pinned here. Ignored for shortened forms (always 4 bytes).
   */
  uidSize: UidSize.nullable(),
});
export type DecimalUidProfile = z.infer<typeof DecimalUidProfile>;

/** 24 data bits: the last 3 of the 4 bytes kept (8-bit facility + 16-bit card). Always lossy. */
export const Wiegand26UidProfile = z.object({ encoding: z.literal('wiegand-26'), ...pipeline, display: WiegandDisplay });
export type Wiegand26UidProfile = z.infer<typeof Wiegand26UidProfile>;

/** 32 data bits: the 4 bytes kept (16-bit facility + 16-bit card). Needs exactly 4 bytes. */
export const Wiegand34UidProfile = z.object({ encoding: z.literal('wiegand-34'), ...pipeline, display: WiegandDisplay });
export type Wiegand34UidProfile = z.infer<typeof Wiegand34UidProfile>;

export const UidProfile = z.discriminatedUnion('encoding', [
  HexUidProfile,
  DecimalUidProfile,
  Wiegand26UidProfile,
  Wiegand34UidProfile,
]);
export type UidProfile = z.infer<typeof UidProfile>;
export type UidEncoding = UidProfile['encoding'];

/**
 * Whether a reader's or the venue's format is known. There is no default: until a calibration
 * tap has been made, the app must say so (DESIGN.md: "no default is assumed silently").
 */
export const UidFormatCalibration = z.discriminatedUnion('state', [
  z.object({ state: z.literal('uncalibrated') }),
  z.object({
    state: z.literal('calibrated'),
    profile: UidProfile,
    /** ISO 8601. */
    calibratedAt: z.string(),
    /** The tap the profile was learnt from: what was shown, and the band's canonical UID. */
    sample: z.object({ raw: z.string(), uid: z.string() }),
  }),
]);
export type UidFormatCalibration = z.infer<typeof UidFormatCalibration>;

/** How Venue Manager stores token UIDs at this venue. */
export const VenueUidFormat = UidFormatCalibration;
export type VenueUidFormat = UidFormatCalibration;

/** How one reader writes UIDs. */
export const ReaderUidFormat = UidFormatCalibration;
export type ReaderUidFormat = UidFormatCalibration;

/** Why a UID text or value was refused. The UI translates the reason; the message is for logs. */
export const UidFailureReason = z.enum([
  'empty',
  'not-hex',
  'not-a-number',
  'bad-length',
  'out-of-range',
  'bad-parity',
  'random-uid',
  'cascade-tag',
  'missing-cascade-tag',
  'profile-does-not-fit',
]);
export type UidFailureReason = z.infer<typeof UidFailureReason>;

/** One way the same UID may be written, and every profile that writes it so. */
export const UidRepresentation = z.object({
  value: z.string(),
  profiles: z.array(UidProfile).min(1),
  /** True when at least one of the profiles keeps every byte. */
  lossless: z.boolean(),
});
export type UidRepresentation = z.infer<typeof UidRepresentation>;

export const UidCalibrationCandidate = z.object({
  profile: UidProfile,
  lossless: z.boolean(),
  /** UID bits the tapped text pins down: the evidence behind the match. */
  matchedBits: z.number().int().min(0),
  /** What this one tap could not tell (e.g. padding, letter case). */
  unsettled: z.array(z.enum(['padding', 'letter-case', 'separator'])),
});
export type UidCalibrationCandidate = z.infer<typeof UidCalibrationCandidate>;

export const UidCalibrationOutcome = z.discriminatedUnion('status', [
  /** `candidates[0]` is the profile; the others match with less evidence. */
  z.object({ status: z.literal('unique'), candidates: z.array(UidCalibrationCandidate).min(1) }),
  /** The first `tied` candidates match equally well but differ on other bands: tap another band. */
  z.object({
    status: z.literal('ambiguous'),
    tied: z.number().int().min(2),
    candidates: z.array(UidCalibrationCandidate).min(2),
  }),
  z.object({ status: z.literal('no-match') }),
  /** The known UID itself is not usable, or the tap was empty. */
  z.object({ status: z.literal('invalid'), reason: UidFailureReason, message: z.string() }),
]);
export type UidCalibrationOutcome = z.infer<typeof UidCalibrationOutcome>;
