import type { SearchCriteria } from '../../shared/search';
import type { WireCustomer, WireProductHistory } from '../venue-manager/wireSchemas';
import type { StoreOutcome } from './CacheWriter';
import type { LookupCache } from './LookupCache';

export type PrewarmItem =
  | { kind: 'barcode'; barcode: string }
  | { kind: 'productId'; productId: number }
  | { kind: 'search'; criteria: SearchCriteria };

/** The two reads of VenueManagerClient that pre-warming needs. */
export interface PrewarmClient {
  search(criteria: SearchCriteria): Promise<WireCustomer[]>;
  productHistory(digitalProductId: number): Promise<WireProductHistory>;
}

export interface PrewarmOptions {
  cache: Pick<LookupCache, 'storeCustomers' | 'storeHistory'>;
  client: PrewarmClient;
  /** Requests in flight at once (default 4): the festival's server also serves the desks. */
  concurrency?: number;
  now?: () => number;
}

export interface PrewarmProgress {
  /** Items finished, failed ones included. */
  done: number;
  total: number;
  failed: number;
  /** Products written into the cache so far. */
  products: number;
}

export interface PrewarmReport extends PrewarmProgress {
  /** Items whose answer held no product (an unknown barcode, a search without hits). */
  empty: number;
  /** True when cancelled before every item was asked for. */
  cancelled: boolean;
  /** The first failures, for the admin; `failed` counts all of them. */
  failures: { item: PrewarmItem; message: string }[];
}

export interface PrewarmRun {
  done: Promise<PrewarmReport>;
  /** Asks for nothing more; answers already on their way are still stored. */
  cancel(): void;
}

const KEPT_FAILURES = 50;

/**
 * Fills the cache before the event from a list of barcodes, product ids or searches, so the desk
 * can still answer when the venue's network fails. One failed item is counted and reported, never
 * fatal: a pre-warm of thousands must not stop at the first unknown barcode.
 */
export class CachePrewarm {
  constructor(private readonly options: PrewarmOptions) {}

  start(items: readonly PrewarmItem[], onProgress?: (progress: PrewarmProgress) => void): PrewarmRun {
    let cancelled = false;
    const report: PrewarmReport = { done: 0, total: items.length, failed: 0, products: 0, empty: 0, cancelled: false, failures: [] };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!cancelled && next < items.length) {
        const item = items[next++];
        if (item === undefined) break;
        try {
          const stored = await this.fetchAndStore(item);
          report.products += stored.products;
          if (stored.products + stored.stale === 0) report.empty += 1;
        } catch (error) {
          report.failed += 1;
          if (report.failures.length < KEPT_FAILURES) report.failures.push({ item, message: messageOf(error) });
        }
        report.done += 1;
        onProgress?.({ done: report.done, total: report.total, failed: report.failed, products: report.products });
      }
    };
    const width = Math.max(1, Math.min(this.options.concurrency ?? 4, items.length));
    const done = Promise.all(Array.from({ length: width }, worker)).then(() => ({
      ...report,
      cancelled: report.done < report.total,
    }));
    return {
      done,
      cancel: () => {
        cancelled = true;
      },
    };
  }

  private async fetchAndStore(item: PrewarmItem): Promise<StoreOutcome> {
    const { cache, client } = this.options;
    const now = this.options.now ?? Date.now;
    switch (item.kind) {
      case 'barcode':
        return cache.storeCustomers(await client.search({ barcode: item.barcode }), now());
      case 'search':
        return cache.storeCustomers(await client.search(item.criteria), now());
      case 'productId':
        return cache.storeHistory(await client.productHistory(item.productId), now());
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
