/**
 * The offline cache at festival size: 200,000 products in a store on disk, looked up by the
 * canonical UID a reader reports, as the desk does for every tap while Venue Manager is away.
 */
import { LookupCache } from '../src/main/cache';
import { openStore } from '../src/main/store/Store';
import { bulkUid, fillCache } from '../test/core/cache/bulk';
import { makeTempDir } from '../test/support/tempDir';
import { latencyLine } from './stats';
import type { LatencyLine } from './stats';

const PRODUCTS = 200_000;
const LOOKUPS = 5_000;
const WARMUP = 500;

/** A small PRNG so every run looks up the same bands. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `byTokenUid` by canonical hex for random bands: nine in ten cached (a tenth of those held as
 * reversed decimal), one in ten never cached, which walks every representation before "not found".
 */
export async function cacheLookup200k(): Promise<LatencyLine> {
  const dir = makeTempDir('wristdesk-cache-bench-');
  const db = openStore(dir.path);
  try {
    const cache = new LookupCache(db);
    fillCache(cache, PRODUCTS, Date.now());
    // Timers and I/O callbacks queued during the seconds-long fill run now, not inside a timed lookup.
    await new Promise((resolve) => setImmediate(resolve));
    const random = mulberry32(7);
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + LOOKUPS; i++) {
      const miss = random() < 0.1;
      const index = miss ? PRODUCTS + Math.floor(random() * PRODUCTS) : Math.floor(random() * PRODUCTS);
      const uid = bulkUid(index);
      const started = performance.now();
      const found = cache.byTokenUid(uid);
      const elapsed = performance.now() - started;
      if ((found === undefined) !== miss) throw new Error(`cache-lookup-200k: ${uid} ${miss ? 'found' : 'not found'}`);
      // The first lookups pay for JIT compilation and a cold page cache, once a day at a desk.
      if (i >= WARMUP) samples.push(elapsed);
    }
    return latencyLine('cache-lookup-200k', samples, { p99: 1 });
  } finally {
    db.close();
    dir.remove();
  }
}
