import type { UidByteOrder, UidShortening } from '../../shared/uidProfile';
import { CASCADE_TAG } from './canonicalUid';
import type { KnownByte } from './partialUid';
import type { UidBytes } from './uidBytes';
import { fail, succeed, type UidResult } from './uidResult';

/**
 * The first two steps of a profile: which bytes a reader keeps, and in which order it writes
 * them. Shortening happens on chip-order bytes (it is how the reader talks to the chip); the
 * byte order is how it prints what it kept.
 */

export function keptBytes(uid: UidBytes, shortening: UidShortening): UidResult<UidBytes> {
  switch (shortening) {
    case 'none':
      return succeed(uid);
    case 'cascade-level-1':
      if (uid.length === 4) return fail('profile-does-not-fit', 'A 4-byte UID has no cascade level 2: it is never shortened to cascade level 1.');
      return succeed([CASCADE_TAG, ...uid.slice(0, 3)]);
    case 'first-4-bytes':
      return succeed(uid.slice(0, 4));
    case 'last-4-bytes':
      return succeed(uid.slice(-4));
  }
}

export function inByteOrder<T extends KnownByte>(bytes: readonly T[], order: UidByteOrder): T[] {
  return order === 'reversed' ? [...bytes].reverse() : [...bytes];
}
