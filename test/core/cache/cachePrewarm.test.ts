import { afterEach, describe, expect, it } from 'vitest';
import { CachePrewarm } from '../../../src/main/cache';
import type { PrewarmItem, PrewarmProgress } from '../../../src/main/cache';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import { openCache } from './fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function venue() {
  const data = generateDemoData({ seed: 7, customers: 50 });
  const simulator = new VenueManagerSimulator({ data });
  const client = new VenueManagerClient({ baseUrl: await simulator.start(0), authHeaders: () => ({}), getRetries: 0 });
  cleanups.push(async () => {
    await client.close();
    await simulator.stop();
  });
  const products = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
  return { client, simulator, products, data };
}

describe('CachePrewarm against the simulator', () => {
  it('fetches barcodes, product ids and searches into the cache with progress; a failure is counted, not fatal', async () => {
    const { client, simulator, products, data } = await venue();
    const { cache } = openCache();
    const byBarcode = products.slice(0, 10);
    const byId = products.slice(10, 20);
    const someone = data[5]!;
    const items: PrewarmItem[] = [
      ...byBarcode.map((p): PrewarmItem => ({ kind: 'barcode', barcode: p.barcode })),
      ...byId.map((p): PrewarmItem => ({ kind: 'productId', productId: p.id })),
      { kind: 'search', criteria: { customerId: String(someone.id) } },
      { kind: 'productId', productId: 987_654_321 },
      { kind: 'barcode', barcode: 'no-such-barcode' },
    ];
    const progress: PrewarmProgress[] = [];
    const report = await new CachePrewarm({ cache, client, concurrency: 3, now: () => 1_000 }).start(items, (p) => progress.push(p)).done;

    expect(report).toMatchObject({ total: items.length, done: items.length, failed: 1, empty: 1, cancelled: false });
    expect(report.failures).toEqual([{ item: { kind: 'productId', productId: 987_654_321 }, message: expect.any(String) as string }]);
    expect(progress.map((p) => p.done)).toEqual(items.map((_, i) => i + 1));
    expect(progress.at(-1)).toMatchObject({ done: items.length, total: items.length, failed: 1 });

    for (const p of [...byBarcode, ...byId]) {
      expect(cache.byProductId(p.id)?.fetchedAt).toBe(1_000);
      const uid = p.tokens.at(-1)?.uid;
      if (uid !== undefined) expect(cache.byTokenUid(uid)?.matches.map((m) => m.product.id)).toContain(p.id);
    }
    const someonesProducts = someone.orders.flatMap((o) => o.digitalProducts.map((p) => p.id));
    const answer = cache.search({ customerId: String(someone.id) });
    expect(answer.kind === 'answered' && answer.matches.map((m) => m.product.id).sort()).toEqual([...someonesProducts].sort());
    expect(simulator.requests).toHaveLength(items.length);
  });

  it('stops asking when cancelled and says so', async () => {
    const { client, products } = await venue();
    const { cache } = openCache();
    const items = products.slice(0, 20).map((p): PrewarmItem => ({ kind: 'productId', productId: p.id }));
    const run = new CachePrewarm({ cache, client, concurrency: 2 }).start(items, (p) => {
      if (p.done === 3) run.cancel();
    });
    const report = await run.done;
    expect(report.cancelled).toBe(true);
    expect(report.done).toBeGreaterThanOrEqual(3);
    expect(report.done).toBeLessThan(items.length);
    expect(cache.summary().products).toBe(report.products);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { cache } = openCache();
    let inFlight = 0;
    let most = 0;
    const client = {
      search: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return [];
      },
      productHistory: () => Promise.reject(new Error('unused')),
    };
    const items = Array.from({ length: 12 }, (_, i): PrewarmItem => ({ kind: 'barcode', barcode: String(i) }));
    const report = await new CachePrewarm({ cache, client, concurrency: 3 }).start(items).done;
    expect(most).toBe(3);
    expect(report).toMatchObject({ done: 12, empty: 12, failed: 0 });
  });

  it('does nothing, and reports so, for an empty list', async () => {
    const { cache } = openCache();
    const client = { search: () => Promise.reject(new Error('unused')), productHistory: () => Promise.reject(new Error('unused')) };
    const report = await new CachePrewarm({ cache, client }).start([]).done;
    expect(report).toMatchObject({ total: 0, done: 0, failed: 0, cancelled: false });
  });
});
