/** A character no search text contains: stands for `*` while the rest is escaped. */
const STAR = '\u0000';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Venue Manager's wildcard search as a regular expression source (anchor it yourself): `*` is any
 * text, the rest is literal, and — a guess beyond SQL LIKE — a " * " between words may also stand
 * for nothing, so the documented "Rakel * Hovn" finds "Rakel Hovn". One place, so the simulator
 * and the offline cache answer a pattern the same way.
 */
export function wildcardSource(pattern: string): string {
  return pattern
    .replaceAll(STAR, '')
    .split('*')
    .map(escapeRegExp)
    .join(STAR)
    .replaceAll(` ${STAR} `, ' (?:.* )?')
    .replaceAll(STAR, '.*');
}
