import { uidSizes } from '../../shared/uidProfile';
import { parseHexBytes } from './rawText';
import { bytesToHex, hexToBytes, type UidBytes } from './uidBytes';
import { fail, succeed, type UidResult } from './uidResult';

/**
 * The one form the app keeps and compares: uppercase hex, byte 0 (first sent by the chip) first,
 * 4, 7 or 10 bytes (ISO 14443 single/double/triple size). Branded so only a validated value can
 * be passed where a canonical UID is required.
 */
export type CanonicalUid = string & { readonly __brand: 'CanonicalUid' };

/** ISO 14443-3: a 4-byte UID starting 0x08 is a random ID that changes at every power-up. */
const RANDOM_ID_PREFIX = 0x08;
/** ISO 14443-3 cascade tag: never the first byte of a real 4-byte UID. */
export const CASCADE_TAG = 0x88;

export function canonicalUidFromBytes(bytes: UidBytes): UidResult<CanonicalUid> {
  if (!(uidSizes as readonly number[]).includes(bytes.length)) {
    return fail('bad-length', `A UID has 4, 7 or 10 bytes, not ${bytes.length}.`);
  }
  if (bytes.length === 4 && bytes[0] === RANDOM_ID_PREFIX) {
    return fail('random-uid', `${bytesToHex(bytes)} is a random ID (starts 08): it changes at every tap and cannot identify a wristband.`);
  }
  if (bytes.length === 4 && bytes[0] === CASCADE_TAG) {
    return fail(
      'cascade-tag',
      `${bytesToHex(bytes)} starts with the cascade tag 88: the reader stopped at cascade level 1 of a longer UID.`,
    );
  }
  return succeed(bytesToHex(bytes) as CanonicalUid);
}

/** Accepts canonical hex written loosely (lowercase, separators), as an admin may type it. */
export function parseCanonicalUid(text: string): UidResult<CanonicalUid> {
  const bytes = parseHexBytes(text);
  return bytes.ok ? canonicalUidFromBytes(bytes.value) : bytes;
}

export function canonicalUidBytes(uid: CanonicalUid): number[] {
  return hexToBytes(uid);
}
