import { wildcardSource } from '../venue-manager/wildcardSource';
import { textKey } from './keys';

export interface WildcardPattern {
  /** The key text before the first `*`: an index range narrows the candidates to it. */
  prefix: string;
  /** True when the pattern has no `*`: the key must equal `prefix`. */
  exact: boolean;
  /** Whether a stored key matches the whole pattern. */
  matches: (key: string) => boolean;
}

/**
 * Venue Manager's name/company rule: the pattern must match the whole field, `*` stands for any
 * text, and " * " between words may also stand for nothing (the documented "Rakel * Hovn" finds
 * "Rakel Hovn"). Applied to keys already lower-cased by `textKey`.
 */
export function wildcardPattern(pattern: string): WildcardPattern {
  const key = textKey(pattern.trim()).replaceAll('\u0000', '');
  const star = key.indexOf('*');
  const regex = new RegExp(`^${wildcardSource(key)}$`, 'su');
  return {
    prefix: star === -1 ? key : key.slice(0, star),
    exact: star === -1,
    matches: (candidate) => regex.test(candidate),
  };
}

/**
 * The smallest text above every key that starts with `prefix`: SQLite compares TEXT as UTF-8
 * bytes, and U+10FFFF encodes above any other character.
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
