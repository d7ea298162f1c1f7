import { beforeAll, describe, expect, it } from 'vitest';
import { lookupSql } from '../../../src/main/cache';
import { partiesByFieldSql } from '../../../src/main/cache/cacheSql';
import { bulkUid, fillCache } from './bulk';
import { openCache } from './fixtures';

/**
 * 200,000 products take about 19 s to insert on this 2-core machine, so the test fills 20,000 and
 * bench/cacheBench.ts measures the full size. What makes size harmless is checked here: every
 * lookup is an index seek, never a scan.
 */
const PRODUCTS = 20_000;

function planOf(db: ReturnType<typeof openCache>['db'], sql: string): string[] {
  const parameters = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x');
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...parameters)
    .map((row) => row.detail);
}

describe('LookupCache at size', () => {
  const { cache, db } = openCache();
  // The hook's time limit is the "reasonable time": speed figures belong to the bench.
  beforeAll(() => fillCache(cache, PRODUCTS, 1_000), 20_000);

  it(`holds ${PRODUCTS} products stored through the public API`, () => {
    expect(cache.summary()).toEqual({ customers: PRODUCTS / 4, products: PRODUCTS, tokens: PRODUCTS, oldestFetchedAt: 1_000, newestFetchedAt: 1_000 });
  });

  it('finds a band by canonical hex whether Venue Manager holds it as hex or reversed decimal', () => {
    for (const index of [1, 10, 7_777, 19_990, PRODUCTS - 1]) {
      const found = cache.byTokenUid(bulkUid(index));
      expect(found?.matches.map((m) => m.product.id)).toEqual([index + 1]);
      expect(found?.matchedAs === bulkUid(index)).toBe(index % 10 !== 0);
    }
    expect(cache.byTokenUid(bulkUid(PRODUCTS + 5))).toBeUndefined();
  });

  it.each(Object.entries(lookupSql))('%s is index-backed (no full scan)', (_name, sql) => {
    const plan = planOf(db, sql);
    expect(plan.some((step) => /^SEARCH .* USING .*(INDEX|PRIMARY KEY)/.test(step))).toBe(true);
    // The one scan allowed is of the statement's own list of UID forms, never of a cache table.
    expect(plan.filter((step) => step.startsWith('SCAN') && !step.startsWith('SCAN json_each'))).toEqual([]);
  });

  it('a name pattern with a leading * walks the name keys in their index, never a table', () => {
    expect(planOf(db, partiesByFieldSql)).toEqual(['SEARCH cache_party_keys USING PRIMARY KEY (field=?)']);
  });
});
