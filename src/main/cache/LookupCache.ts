import type { Database, Statement } from 'better-sqlite3';
import type { SearchCriteria } from '../../shared/search';
import type { WireCustomer, WireProductHistory } from '../venue-manager/wireSchemas';
import { CacheReader } from './CacheReader';
import { CacheSearch } from './CacheSearch';
import { CacheWriter } from './CacheWriter';
import type { StoreOutcome } from './CacheWriter';
import { clearSql, summarySql } from './cacheSql';
import type { CachedProduct, CachedTokenLookup, CacheSearchResult, CacheSummary } from './types';

/**
 * Everything fetched from Venue Manager, kept for lookups when it cannot be reached (and to answer
 * at once while a fresh answer is on its way). Synchronous: every call is a few index seeks on
 * the core's one database, well under a millisecond, so there is nothing to await.
 * The database must have the store's migrations applied (version 6 creates the tables).
 */
export class LookupCache {
  private readonly writer: CacheWriter;
  private readonly reader: CacheReader;
  private readonly searcher: CacheSearch;
  private readonly counts: Statement<[], { customers: number; products: number; tokens: number }>;
  private readonly range: Statement<[], { oldest: number | null; newest: number | null }>;

  constructor(private readonly db: Database) {
    this.writer = new CacheWriter(db);
    this.reader = new CacheReader(db);
    this.searcher = new CacheSearch(db, this.reader);
    this.counts = db.prepare(summarySql.counts);
    this.range = db.prepare(summarySql.range);
  }

  /** A search answer; `fetchedAt` is when it arrived (epoch ms). */
  storeCustomers(customers: readonly WireCustomer[], fetchedAt: number): StoreOutcome {
    return this.writer.storeCustomers(customers, fetchedAt);
  }

  /** A product-history answer; `fetchedAt` is when it arrived (epoch ms). */
  storeHistory(history: WireProductHistory, fetchedAt: number): StoreOutcome {
    return this.writer.storeHistory(history, fetchedAt);
  }

  /** Any representation of a band finds it; undefined when the cache holds no product with it. */
  byTokenUid(uid: string): CachedTokenLookup | undefined {
    return this.reader.byTokenUid(uid);
  }

  byProductId(id: number): CachedProduct | undefined {
    return this.reader.product(id);
  }

  search(criteria: SearchCriteria): CacheSearchResult {
    return this.searcher.search(criteria);
  }

  /** What the cache holds, so that nobody assumes more. */
  summary(): CacheSummary {
    const counts = this.counts.get();
    const range = this.range.get();
    return {
      customers: counts?.customers ?? 0,
      products: counts?.products ?? 0,
      tokens: counts?.tokens ?? 0,
      ...(range?.oldest == null ? {} : { oldestFetchedAt: range.oldest }),
      ...(range?.newest == null ? {} : { newestFetchedAt: range.newest }),
    };
  }

  clear(): void {
    this.db.transaction(() => this.db.exec(clearSql))();
  }
}
