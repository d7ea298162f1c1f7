export { LookupCache } from './LookupCache';
export type { StoreOutcome } from './CacheWriter';
export { CachePrewarm } from './CachePrewarm';
export type { PrewarmClient, PrewarmItem, PrewarmOptions, PrewarmProgress, PrewarmReport, PrewarmRun } from './CachePrewarm';
export { unanswerableOffline } from './types';
export type { CachedProduct, CachedTokenLookup, CacheSearchResult, CacheSummary, UnanswerableCriterion } from './types';
export { lookupSql } from './cacheSql';
