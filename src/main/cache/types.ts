import type { OwnerMatch } from '../../shared/model';
import type { SearchCriteria } from '../../shared/search';

/** Every answer from the cache carries its age: the desk shows "as of 14:02, offline". */
export interface CachedProduct {
  match: OwnerMatch;
  /** Epoch ms of the oldest Venue Manager answer this view is built from. */
  fetchedAt: number;
}

export interface CachedTokenLookup {
  /** The product where the band is active first: that is the one the guest holds now. */
  matches: [OwnerMatch, ...OwnerMatch[]];
  oldestFetchedAt: number;
  /** The token UID as Venue Manager wrote it, which may differ from the tapped text. */
  matchedAs: string;
  /**
   * False when only a lossy form (a shortened or Wiegand-26 UID) matched: another band can share
   * it, so the desk must treat the match as a hint.
   */
  lossless: boolean;
}

/** The criteria the cache keeps no index for. */
export const unanswerableOffline = ['street', 'quick_search', 'festiwebPersonId'] as const satisfies readonly (keyof SearchCriteria)[];
export type UnanswerableCriterion = (typeof unanswerableOffline)[number];

export type CacheSearchResult =
  | {
      kind: 'answered';
      /** Only what the cache holds: a customer's products never fetched are missing. */
      matches: OwnerMatch[];
      /** Absent when nothing matched. */
      oldestFetchedAt?: number;
    }
  | {
      kind: 'not-answerable-offline';
      criteria: [UnanswerableCriterion, ...UnanswerableCriterion[]];
      message: string;
    };

export interface CacheSummary {
  customers: number;
  products: number;
  tokens: number;
  /** Epoch ms; absent while the cache is empty. */
  oldestFetchedAt?: number;
  newestFetchedAt?: number;
}
