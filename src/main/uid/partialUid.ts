import { uidSizes, type UidShortening } from '../../shared/uidProfile';
import { CASCADE_TAG, canonicalUidFromBytes, type CanonicalUid } from './canonicalUid';
import { fail, succeed, type UidResult } from './uidResult';

/**
 * What a lossy reading says about a UID: some bytes, at known positions, for each UID size it
 * may belong to. It can be compared with a canonical UID, never turned into one.
 */
export interface PartialUid {
  /** One mask per possible size: two hex digits per known byte, "??" per byte the reader dropped. */
  readonly masks: readonly string[];
  /**
   * The comparison key: equal for two readings that reveal the same bytes, whatever profile
   * produced them, so lossy readings can be indexed and compared with each other.
   */
  readonly key: string;
}

/** A byte the reader kept, or null where it dropped or overwrote it. */
export type KnownByte = number | null;

const UNKNOWN = '??';

function mask(bytes: readonly KnownByte[]): string {
  return bytes.map((byte) => (byte === null ? UNKNOWN : byte.toString(16).padStart(2, '0').toUpperCase())).join('');
}

const unknowns = (count: number): KnownByte[] => new Array<KnownByte>(count).fill(null);

/** A 4-byte candidate that could never be a real band is not a candidate. */
function possibleSingleSize(bytes: readonly KnownByte[]): boolean {
  if (bytes.some((byte) => byte === null)) return true;
  return canonicalUidFromBytes(bytes as number[]).ok;
}

/** `kept` is in chip order (byte order already undone): 4 bytes for every shortened form. */
export function partialUid(kept: readonly KnownByte[], shortening: UidShortening): UidResult<PartialUid> {
  const candidates: KnownByte[][] = [];
  switch (shortening) {
    case 'none':
      candidates.push([...kept]);
      break;
    case 'cascade-level-1': {
      const [tag, ...first3] = kept;
      if (tag !== null && tag !== CASCADE_TAG) {
        return fail('missing-cascade-tag', `A cascade-level-1 reading starts with the tag 88; this one has ${mask([tag ?? null])}.`);
      }
      // Only double and triple size UIDs have a cascade level 2 for the reader to skip.
      for (const size of [7, 10]) candidates.push([...first3, ...unknowns(size - 3)]);
      break;
    }
    case 'first-4-bytes':
      for (const size of uidSizes) candidates.push([...kept, ...unknowns(size - 4)]);
      break;
    case 'last-4-bytes':
      for (const size of uidSizes) candidates.push([...unknowns(size - 4), ...kept]);
      break;
  }
  const masks = candidates.filter((bytes) => bytes.length !== 4 || possibleSingleSize(bytes)).map(mask);
  if (masks.length === 0) return fail('random-uid', `${mask(kept)} can only be a 4-byte UID, and no real band has it.`);
  return succeed({ masks, key: masks.join('|') });
}

function maskFits(candidate: string, uid: CanonicalUid): boolean {
  if (candidate.length !== uid.length) return false;
  for (let i = 0; i < candidate.length; i++) {
    if (candidate[i] !== '?' && candidate[i] !== uid[i]) return false;
  }
  return true;
}

export function matchesPartial(uid: CanonicalUid, partial: PartialUid): boolean {
  return partial.masks.some((candidate) => maskFits(candidate, uid));
}

/** UID bits the reading pins down for a UID of this size (0 when it cannot be that size). */
export function knownBits(partial: PartialUid, uid: CanonicalUid): number {
  const candidate = partial.masks.find((m) => m.length === uid.length);
  return candidate === undefined ? 0 : candidate.replaceAll('?', '').length * 4;
}
