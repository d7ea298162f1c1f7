import type { UidProfile, UidRepresentation } from '../../shared/uidProfile';
import { canonicalUidBytes, type CanonicalUid } from './canonicalUid';
import { isLossless, profilePrior, profileShapes } from './profiles';
import { keptBytes } from './readerBytes';
import { decimalWidth } from './uidBytes';
import { encode } from './uidCodec';

/**
 * Every distinct text the same band may appear as, each with the profiles that produce it, so a
 * lookup that found nothing can try the others and tell the admin which profile matched.
 * Style variants that servers and readers rarely differ on (lowercase, byte separators) are not
 * listed; decimal is listed both plain and zero-padded to the full width, a common reader setting.
 */
export function representations(uid: CanonicalUid): UidRepresentation[] {
  const byValue = new Map<string, UidProfile[]>();
  for (const profile of withPaddedDecimals(uid, profileShapes())) {
    const text = encode(uid, profile);
    if (!text.ok) continue;
    const profiles = byValue.get(text.value);
    if (profiles === undefined) byValue.set(text.value, [profile]);
    else profiles.push(profile);
  }
  const result = [...byValue].map(([value, profiles]) => {
    const ranked = [...profiles].sort((a, b) => rank(a) - rank(b));
    return { value, profiles: ranked, lossless: ranked.some(isLossless) };
  });
  return result.sort((a, b) => rank(a.profiles[0]) - rank(b.profiles[0]));
}

/** Lossless before lossy, then by prior. */
function rank(profile: UidProfile | undefined): number {
  if (profile === undefined) return Number.POSITIVE_INFINITY;
  return (isLossless(profile) ? 0 : 1000) + profilePrior(profile);
}

function withPaddedDecimals(uid: CanonicalUid, shapes: UidProfile[]): UidProfile[] {
  return shapes.flatMap((shape): UidProfile[] => {
    if (shape.encoding !== 'decimal') return [shape];
    const kept = keptBytes(canonicalUidBytes(uid), shape.shortening);
    return kept.ok ? [shape, { ...shape, padTo: decimalWidth(kept.value.length) }] : [shape];
  });
}
