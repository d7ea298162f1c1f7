import type { UidProfile } from '../../shared/uidProfile';
import { canonicalUidBytes, canonicalUidFromBytes, type CanonicalUid } from './canonicalUid';
import { isLossless } from './profiles';
import { partialUid, matchesPartial, type KnownByte, type PartialUid } from './partialUid';
import { parseDecimal, parseHexBytes } from './rawText';
import { inByteOrder, keptBytes } from './readerBytes';
import { bigIntToBytes, bytesToBigInt, bytesToHex, type UidBytes } from './uidBytes';
import { fail, succeed, type UidResult } from './uidResult';
import { wiegandData, wiegandText } from './wiegand';

/**
 * decode / encode between a canonical UID and the text one profile shows. A lossless profile
 * decodes to the canonical UID; a lossy one to a PartialUid, which can only be compared.
 */

export type DecodedUid =
  | { readonly kind: 'full'; readonly uid: CanonicalUid }
  | { readonly kind: 'partial'; readonly partial: PartialUid };

const SHORTENED_SIZE = 4;

export function encode(uid: CanonicalUid, profile: UidProfile): UidResult<string> {
  const kept = keptBytes(canonicalUidBytes(uid), profile.shortening);
  if (!kept.ok) return kept;
  const written = inByteOrder(kept.value, profile.byteOrder);
  switch (profile.encoding) {
    case 'hex': {
      const pairs = written.map((byte) => bytesToHex([byte]));
      const text = pairs.join(profile.separator);
      return succeed(profile.letterCase === 'lower' ? text.toLowerCase() : text);
    }
    case 'decimal':
      return succeed(bytesToBigInt(written).toString().padStart(profile.padTo, '0'));
    case 'wiegand-26':
    case 'wiegand-34': {
      if (written.length !== 4) {
        return fail('profile-does-not-fit', `Wiegand carries at most 4 bytes; this ${written.length}-byte UID needs a shortening.`);
      }
      const format = profile.encoding === 'wiegand-26' ? 26 : 34;
      // Wiegand-26 keeps the low 24 bits of the 32-bit value, as readers truncate a card number.
      return succeed(wiegandText(format === 26 ? written.slice(1) : written, format, profile.display));
    }
  }
}

function writtenBytes(raw: string, profile: UidProfile): UidResult<KnownByte[]> {
  const full = profile.shortening === 'none';
  switch (profile.encoding) {
    case 'hex': {
      const bytes = parseHexBytes(raw);
      if (!bytes.ok) return bytes;
      if (!full && bytes.value.length !== SHORTENED_SIZE) {
        return fail('bad-length', `A shortened UID has ${SHORTENED_SIZE} bytes, not ${bytes.value.length}.`);
      }
      return bytes;
    }
    case 'decimal': {
      const value = parseDecimal(raw);
      if (!value.ok) return value;
      const size = full ? (profile.uidSize ?? smallestSizeHolding(value.value)) : SHORTENED_SIZE;
      const bytes = size === undefined ? undefined : bigIntToBytes(value.value, size);
      if (bytes === undefined) return fail('out-of-range', `${raw.trim()} is too large for a ${size ?? 10}-byte UID.`);
      return succeed(bytes);
    }
    case 'wiegand-26':
    case 'wiegand-34': {
      const format = profile.encoding === 'wiegand-26' ? 26 : 34;
      const data = wiegandData(raw, format, profile.display);
      if (!data.ok) return data;
      return succeed(format === 26 ? [null, ...data.value] : data.value);
    }
  }
}

/** Decimal has no leading zero bytes to count: take the smallest UID size that holds the value. */
function smallestSizeHolding(value: bigint): 4 | 7 | 10 | undefined {
  if (value < 1n << 32n) return 4;
  if (value < 1n << 56n) return 7;
  if (value < 1n << 80n) return 10;
  return undefined;
}

export function decode(raw: string, profile: UidProfile): UidResult<DecodedUid> {
  const written = writtenBytes(raw, profile);
  if (!written.ok) return written;
  const kept = inByteOrder(written.value, profile.byteOrder);
  if (isLossless(profile)) {
    const uid = canonicalUidFromBytes(kept as UidBytes);
    return uid.ok ? succeed({ kind: 'full', uid: uid.value }) : uid;
  }
  const partial = partialUid(kept, profile.shortening);
  return partial.ok ? succeed({ kind: 'partial', partial: partial.value }) : partial;
}

/** Whether a decoded reading is (full) or may be (partial) this UID. */
export function decodedMatches(decoded: DecodedUid, uid: CanonicalUid): boolean {
  return decoded.kind === 'full' ? decoded.uid === uid : matchesPartial(uid, decoded.partial);
}

/**
 * What `uid` reduces to under a lossy profile: equal to the `partial.key` of any reading of it
 * through that profile. For a lossless profile, the canonical UID itself.
 */
export function comparisonKey(uid: CanonicalUid, profile: UidProfile): UidResult<string> {
  const text = encode(uid, profile);
  if (!text.ok) return text;
  const decoded = decode(text.value, profile);
  if (!decoded.ok) return decoded;
  return succeed(decoded.value.kind === 'full' ? decoded.value.uid : decoded.value.partial.key);
}
