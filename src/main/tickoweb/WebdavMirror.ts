import { AppError } from '../../shared/errors';
import type { MirrorStore, OrderUpsert, QuarantineInput } from './MirrorStore';
import { parseChannelFile, parseEventFile, parseOrderFiles, quarantineSample } from './TickowebMapping';
import type { DavEntry, DavSource } from './types';

export type SyncPhase = 'listing' | 'fetching' | 'writing' | 'finished';

export interface SyncProgress {
  phase: SyncPhase;
  /** Buckets done of those found so far (the total grows while the tree is walked). */
  bucketsDone: number;
  bucketsTotal: number;
  ordersFetched: number;
  ordersUnchanged: number;
  /** Order folders fetched per second since the start. */
  rate: number;
}

export interface SyncReport {
  result: 'done' | 'cancelled' | 'failed';
  events: number;
  buckets: number;
  ordersFetched: number;
  ordersUnchanged: number;
  ordersDeleted: number;
  quarantined: number;
  requests: { list: number; get: number };
  error?: { code: string; message: string };
}

export interface WebdavMirrorOptions {
  source: DavSource;
  store: MirrorStore;
  now: () => number;
  /** Order folders fetched at once within a bucket (the client bounds its connections too). */
  concurrency?: number;
  /** Per file; larger files are quarantined (default 1 MB). */
  maxFileBytes?: number;
  /** How deep below the root an event folder may be (reseller/organisation/event: 3). */
  maxDepth?: number;
}

const eventFile = 'event.json';

interface FoundEvent {
  path: string;
  /** Its listing, made while looking for it. */
  entries: DavEntry[];
}

/**
 * Mirrors a Tickoweb WebDAV tree into the store, incrementally (DESIGN §3, Tickoweb): the tree is
 * walked with Depth-1 listings from whatever root the credentials give down to the events
 * (folders holding event.json); each order bucket is listed once and only order folders whose
 * last-modified (or ETag) differs from what is stored are fetched. A sync where nothing changed
 * costs one listing per bucket (plus the few above them), no GET. Each bucket is committed in one
 * transaction, so an interrupted sync keeps what it finished and the next one goes on from there.
 * A file that cannot be used is quarantined with the reason, the rest goes on, and what was
 * stored before is kept.
 */
export class WebdavMirror {
  private readonly concurrency: number;
  private readonly maxFileBytes: number;
  private readonly maxDepth: number;
  private requests = { list: 0, get: 0 };

  constructor(private readonly options: WebdavMirrorOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
    this.maxDepth = options.maxDepth ?? 4;
  }

  /**
   * `full`: fetch every order again whatever its folder time says — the safety net for servers
   * whose folder times lag (run it e.g. nightly). `signal` cancels between buckets.
   */
  async sync(options: { full?: boolean; signal?: AbortSignal; onProgress?: (progress: SyncProgress) => void } = {}): Promise<SyncReport> {
    const { store, now } = this.options;
    const started = now();
    this.requests = { list: 0, get: 0 };
    const report: SyncReport = { result: 'done', events: 0, buckets: 0, ordersFetched: 0, ordersUnchanged: 0, ordersDeleted: 0, quarantined: 0, requests: this.requests };
    let bucketsTotal = 0;
    const progress = (phase: SyncPhase) => {
      const seconds = Math.max(0.001, (now() - started) / 1000);
      options.onProgress?.({
        phase,
        bucketsDone: report.buckets,
        bucketsTotal,
        ordersFetched: report.ordersFetched,
        ordersUnchanged: report.ordersUnchanged,
        rate: Math.round((report.ordersFetched / seconds) * 10) / 10,
      });
    };
    // A function, not a narrowed field: the signal changes while the sync awaits.
    const cancelled = () => options.signal?.aborted === true;
    const runId = store.beginRun();
    try {
      progress('listing');
      const events = await this.findEvents();
      for (const event of events) {
        if (cancelled()) break;
        report.events++;
        const buckets = await this.syncEventHeader(event, report);
        bucketsTotal += buckets.length;
        progress('listing');
        for (const bucket of buckets) {
          if (cancelled()) break;
          await this.syncBucket(event.path, bucket, options.full === true, report, progress);
          report.buckets++;
          progress('writing');
        }
      }
      if (cancelled()) report.result = 'cancelled';
    } catch (error) {
      report.result = 'failed';
      report.error = error instanceof AppError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: String(error) };
    }
    store.finishRun(runId, report.result, countsOf(report), report.error?.message ?? null);
    progress('finished');
    return report;
  }

  /**
   * Breadth-first from the root: a folder holding event.json is an event (its listing is kept, so
   * it is not listed twice); others are looked into.
   */
  private async findEvents(): Promise<FoundEvent[]> {
    const events: FoundEvent[] = [];
    let level: { path: string; depth: number }[] = [{ path: '', depth: 0 }];
    while (level.length > 0) {
      const next: { path: string; depth: number }[] = [];
      for (const folder of level) {
        const entries = await this.list(folder.path);
        if (entries.some((entry) => !entry.isFolder && entry.name === eventFile)) {
          events.push({ path: folder.path, entries });
          continue;
        }
        if (folder.depth >= this.maxDepth) continue;
        for (const entry of entries) if (entry.isFolder) next.push({ path: entry.path, depth: folder.depth + 1 });
      }
      level = next;
    }
    return events;
  }

  /** The event's own file and channels, and its order buckets (vanished ones removed). */
  private async syncEventHeader(event: FoundEvent, report: SyncReport): Promise<DavEntry[]> {
    const { store } = this.options;
    const { entries } = event;
    const file = entries.find((entry) => entry.name === eventFile && !entry.isFolder);
    const stored = store.event(event.path);
    if (file !== undefined && changed(file, stored)) {
      const got = await this.get(file.path, stored === undefined ? undefined : { etag: stored.etag, lastModified: stored.modified });
      if (got !== undefined) {
        const parsed = parseEventFile(got, { maxBytes: this.maxFileBytes });
        if (parsed.ok) store.upsertEvent({ path: event.path, fields: parsed.fields, raw: got, modified: file.lastModified, etag: file.etag });
        else {
          store.quarantineFile(quarantineOf(file.path, null, parsed, got, file));
          report.quarantined++;
        }
      }
    }
    const folders = new Map(entries.filter((entry) => entry.isFolder).map((entry) => [entry.name, entry]));
    const channelFolder = folders.get('channel');
    if (channelFolder !== undefined) await this.syncChannels(event.path, channelFolder.path, report);
    const orderFolder = folders.get('order');
    if (orderFolder === undefined) return [];
    const buckets = (await this.list(orderFolder.path)).filter((entry) => entry.isFolder);
    const listed = new Set(buckets.map((bucket) => bucket.path));
    for (const gone of store.bucketPaths(event.path)) {
      if (!listed.has(gone)) report.ordersDeleted += store.deleteBucket(gone);
    }
    store.recordBucketListing(event.path, buckets.map((bucket) => ({ path: bucket.path, modified: bucket.lastModified })));
    return buckets;
  }

  private async syncChannels(eventPath: string, folder: string, report: SyncReport): Promise<void> {
    const { store } = this.options;
    const stored = new Map(store.channels(eventPath).map((channel) => [channel.path, channel]));
    const files = (await this.list(folder)).filter((entry) => !entry.isFolder && entry.name.endsWith('.json'));
    for (const file of files) {
      const previous = stored.get(file.path);
      stored.delete(file.path);
      if (!changed(file, previous)) continue;
      const got = await this.get(file.path, previous === undefined ? undefined : { etag: previous.etag, lastModified: previous.modified });
      if (got === undefined) continue;
      const parsed = parseChannelFile(got, { maxBytes: this.maxFileBytes });
      if (parsed.ok) {
        store.upsertChannel({
          path: file.path,
          eventPath,
          uuid: file.name.replace(/\.json$/, ''),
          fields: parsed.fields,
          raw: got,
          modified: file.lastModified,
          etag: file.etag,
        });
      } else {
        store.quarantineFile(quarantineOf(file.path, null, parsed, got, file));
        report.quarantined++;
      }
    }
    for (const gone of stored.keys()) store.deleteChannel(gone);
  }

  private async syncBucket(
    eventPath: string,
    bucket: DavEntry,
    full: boolean,
    report: SyncReport,
    progress: (phase: SyncPhase) => void,
  ): Promise<void> {
    const { store } = this.options;
    const folders = (await this.list(bucket.path)).filter((entry) => entry.isFolder);
    const stored = store.orderStates(bucket.path);
    const toFetch = folders.filter((folder) => full || changed(folder, stored.get(folder.path)));
    report.ordersUnchanged += folders.length - toFetch.length;
    const listed = new Set(folders.map((folder) => folder.path));
    const deletions = [...stored.keys()].filter((path) => !listed.has(path));
    if (toFetch.length === 0 && deletions.length === 0) return;

    progress('fetching');
    const upserts: OrderUpsert[] = [];
    const quarantined: QuarantineInput[] = [];
    await forEachLimited(toFetch, this.concurrency, async (folder) => {
      const [customer, details] = await Promise.all([this.getText(`${folder.path}customer.json`), this.getText(`${folder.path}details.json`)]);
      report.ordersFetched++;
      for (const [name, file] of [['customer.json', customer], ['details.json', details]] as const) {
        if (file.kind === 'text') continue;
        const detail = file.kind === 'missing' ? 'the file is not in the order folder' : `the file is larger than ${this.maxFileBytes} bytes`;
        quarantined.push({ filePath: `${folder.path}${name}`, orderPath: folder.path, reason: file.kind, detail, sample: '', modified: folder.lastModified, etag: folder.etag });
        return;
      }
      if (customer.kind !== 'text' || details.kind !== 'text') return;
      const parsed = parseOrderFiles(customer.text, details.text, { maxBytes: this.maxFileBytes });
      if (!parsed.ok) {
        const file = `${folder.path}${parsed.file}`;
        const text = parsed.file === 'details.json' ? details.text : customer.text;
        quarantined.push(quarantineOf(file, folder.path, parsed, text, folder));
        return;
      }
      upserts.push({
        path: folder.path,
        uuid: folder.name,
        modified: folder.lastModified,
        etag: folder.etag,
        fields: parsed.fields,
        customerRaw: customer.text,
        detailsRaw: details.text,
      });
    });
    progress('writing');
    const outcome = store.commitBucket({
      eventPath,
      bucketPath: bucket.path,
      bucketModified: bucket.lastModified,
      upserts,
      deletions,
      quarantined,
      clearedQuarantine: [],
    });
    report.ordersDeleted += outcome.deleted;
    report.quarantined += outcome.quarantined;
  }

  private list(path: string): Promise<DavEntry[]> {
    this.requests.list++;
    return this.options.source.list(path);
  }

  /** A file's text; undefined when the server says it has not changed since what is stored. */
  private async get(path: string, conditional?: { etag: string | null; lastModified: number | null }): Promise<string | undefined> {
    this.requests.get++;
    const got = await this.options.source.get(path, { ...conditional, maxBytes: this.maxFileBytes });
    return got.status === 'ok' ? got.body.toString('utf8') : undefined;
  }

  /** An order file's text, or why there is none. */
  private async getText(path: string): Promise<{ kind: 'text'; text: string } | { kind: 'missing' | 'too-large' }> {
    try {
      return { kind: 'text', text: (await this.get(path)) ?? '' };
    } catch (error) {
      if (error instanceof AppError && error.code === 'TICKOWEB_NOT_FOUND') return { kind: 'missing' };
      if (error instanceof AppError && error.code === 'TICKOWEB_TOO_LARGE') return { kind: 'too-large' };
      throw error;
    }
  }
}

/** Whether a listed file or folder differs from what is stored (new, other time, other ETag). */
function changed(entry: DavEntry, stored: { modified: number | null; etag: string | null } | undefined): boolean {
  if (stored === undefined) return true;
  if (entry.etag !== null && stored.etag !== null) return entry.etag !== stored.etag || entry.lastModified !== stored.modified;
  return entry.lastModified === null || entry.lastModified !== stored.modified;
}

function quarantineOf(
  filePath: string,
  orderPath: string | null,
  failure: { reason: string; detail: string },
  text: string | null,
  entry: DavEntry,
): QuarantineInput {
  return {
    filePath,
    orderPath,
    reason: failure.reason,
    detail: failure.detail,
    sample: quarantineSample(text),
    modified: entry.lastModified,
    etag: entry.etag,
  };
}

function countsOf(report: SyncReport): Record<string, number> {
  return {
    events: report.events,
    buckets: report.buckets,
    ordersFetched: report.ordersFetched,
    ordersUnchanged: report.ordersUnchanged,
    ordersDeleted: report.ordersDeleted,
    quarantined: report.quarantined,
    lists: report.requests.list,
    gets: report.requests.get,
  };
}

/** Runs `work` over `items`, at most `limit` at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(workers);
}
