import type { UidCalibrationCandidate, UidCalibrationOutcome, UidProfile } from '../../shared/uidProfile';
import { parseCanonicalUid, type CanonicalUid } from './canonicalUid';
import { knownBits } from './partialUid';
import { isLossless, profilePrior, profileShapes } from './profiles';
import { decode, decodedMatches } from './uidCodec';

/**
 * Learns a profile from one tap: the text a reader (or Venue Manager) showed for a band whose
 * canonical UID is known. Every profile that maps the text to that UID is a candidate; the
 * evidence is how many UID bits the text pins down. Equal evidence between different profiles
 * is reported as ambiguous (tap another band) rather than settled by a guess.
 */
export function calibrate(rawTapped: string, knownUid: string): UidCalibrationOutcome {
  const known = parseCanonicalUid(knownUid);
  if (!known.ok) return { status: 'invalid', reason: known.reason, message: `Known UID: ${known.message}` };
  if (rawTapped.trim() === '') return { status: 'invalid', reason: 'empty', message: 'The tap produced no text.' };

  const candidates = profileShapes()
    .map((shape) => candidateFor(rawTapped, known.value, shape))
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => b.matchedBits - a.matchedBits || profilePrior(a.profile) - profilePrior(b.profile));

  const best = candidates[0];
  if (best === undefined) return { status: 'no-match' };
  const tied = candidates.filter((candidate) => candidate.matchedBits === best.matchedBits).length;
  return tied > 1 ? { status: 'ambiguous', tied, candidates } : { status: 'unique', candidates };
}

function candidateFor(raw: string, known: CanonicalUid, shape: UidProfile): UidCalibrationCandidate | undefined {
  const candidate = matchingCandidate(raw, known, shape);
  if (candidate !== undefined || shape.encoding !== 'decimal' || shape.shortening !== 'none') return candidate;
  // Decimal infers the size from the value, so a band whose written-first bytes are zero reads
  // as a smaller UID: this band proves the venue's size, so pin it and try again.
  const size = known.length / 2;
  return size === 4 || size === 7 || size === 10 ? matchingCandidate(raw, known, { ...shape, uidSize: size }) : undefined;
}

function matchingCandidate(raw: string, known: CanonicalUid, shape: UidProfile): UidCalibrationCandidate | undefined {
  const { profile, unsettled } = withStyleOf(raw, shape);
  const decoded = decode(raw, profile);
  if (!decoded.ok || !decodedMatches(decoded.value, known)) return undefined;
  const matchedBits = decoded.value.kind === 'full' ? known.length * 4 : knownBits(decoded.value.partial, known);
  return { profile, lossless: isLossless(profile), matchedBits, unsettled };
}

/** The style the tapped text shows, so encoding reproduces the exact string (e.g. to query a server). */
function withStyleOf(raw: string, shape: UidProfile): Pick<UidCalibrationCandidate, 'profile' | 'unsettled'> {
  const text = raw.trim();
  switch (shape.encoding) {
    case 'hex': {
      const separator = ([':', '-', ' '] as const).find((candidate) => text.includes(candidate)) ?? '';
      const lower = /[a-f]/.test(text);
      const upper = /[A-F]/.test(text);
      return {
        profile: { ...shape, separator, letterCase: lower && !upper ? 'lower' : 'upper' },
        unsettled: lower || upper ? [] : ['letter-case'],
      };
    }
    case 'decimal':
      // Without a leading zero this tap cannot show whether shorter numbers get padded.
      return /^0\d/.test(text)
        ? { profile: { ...shape, padTo: text.length }, unsettled: [] }
        : { profile: shape, unsettled: ['padding'] };
    case 'wiegand-26':
    case 'wiegand-34':
      return { profile: shape, unsettled: [] };
  }
}
