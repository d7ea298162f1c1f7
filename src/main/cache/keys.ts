import { parseCanonicalUid, representations } from '../uid';

/**
 * The texts the cache indexes and looks up by. Venue Manager's search compares names, companies
 * and e-mails ignoring case but not diacritics ("Søren" is not "Soren"), on NFC text; the cache
 * keys follow the same rule so an offline answer agrees with the online one.
 */
export function textKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** Readers and Venue Manager differ in the case of hex digits, never in their meaning. */
export function uidKey(uid: string): string {
  return uid.trim().toUpperCase();
}

/** The canonical UID a stored token text stands for, when it is written as canonical hex. */
export function storedCanonical(uid: string): string | null {
  const canonical = parseCanonicalUid(uid);
  return canonical.ok ? canonical.value : null;
}

export interface UidCandidate {
  key: string;
  lossless: boolean;
}

/**
 * What to try, in order, for a tapped UID once its verbatim text found nothing: the band's other
 * representations (reversed, decimal, shortened, Wiegand …), lossless ones first, as the online
 * lookup does. A lossy form can also belong to another band, hence the flag.
 */
export function otherRepresentations(uid: string): UidCandidate[] {
  const canonical = parseCanonicalUid(uid);
  if (!canonical.ok) return [];
  const verbatim = uidKey(uid);
  return representations(canonical.value)
    .map((r) => ({ key: uidKey(r.value), lossless: r.lossless }))
    .filter((c) => c.key !== verbatim && c.key !== canonical.value);
}
