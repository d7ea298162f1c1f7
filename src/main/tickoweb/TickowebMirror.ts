import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type {
  TickowebLink,
  TickowebOrderView,
  TickowebSearchHit,
  TickowebSummary,
  TickowebSyncProgress,
  TickowebSyncReport,
} from '../../shared/tickoweb';
import type { Scheduler } from '../core/Scheduler';
import { MirrorStore } from './MirrorStore';
import type { MirrorOrder, WristbandOwnerKeys } from './MirrorStore';
import { displayFields, parseOrderFiles } from './TickowebMapping';
import type { DavSource } from './types';
import { WebdavMirror } from './WebdavMirror';

/** Where the mirror reads from now: the configured server, the demo tree, or nothing. */
export interface TickowebConnection {
  source: DavSource;
  demo: boolean;
  close(): Promise<void>;
}

export interface TickowebMirrorOptions {
  db: Database;
  now: () => number;
  schedule: Scheduler;
  /** The connection for the current settings; undefined when Tickoweb is not configured. */
  connect: () => Promise<TickowebConnection | undefined>;
  /** What the settings say now: a server configured, or the demo tree (demo mode without one). */
  mode: () => { configured: boolean; demo: boolean };
  /** Minutes between incremental syncs and hours between full reconciles (0: off), read at each scheduling. */
  intervals: () => { autoSyncMinutes: number; fullReconcileHours: number };
  /** The summary changed (progress, a finished run): pushed to the screens, coalesced by the caller. */
  onChange: (summary: TickowebSummary) => void;
  onError?: (error: unknown) => void;
}

/**
 * The desk's copy of Tickoweb: runs syncs (on demand, every few minutes, and a full reconcile
 * every few hours — one at a time), answers searches, order views and wristband-owner links from
 * the store, and refreshes an opened order's scans when Tickoweb can be reached (scans do not move
 * folder times, so a plain sync does not see them).
 */
export class TickowebMirror {
  private readonly store: MirrorStore;
  private running: { promise: Promise<TickowebSyncReport>; controller: AbortController; progress?: TickowebSyncProgress } | undefined;
  private connection: TickowebConnection | undefined;
  private cancelTimers: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: TickowebMirrorOptions) {
    this.store = new MirrorStore(options.db, options.now);
  }

  /** Settings changed (or start-up): forget the old connection and plan the next runs. */
  reconfigure(): void {
    void this.connection?.close();
    this.connection = undefined;
    for (const cancel of this.cancelTimers.splice(0)) cancel();
    if (this.closed) return;
    const { autoSyncMinutes, fullReconcileHours } = this.options.intervals();
    if (autoSyncMinutes > 0) this.every(autoSyncMinutes * 60_000, false, 5_000);
    if (fullReconcileHours > 0) this.every(fullReconcileHours * 3_600_000, true);
    this.changed();
  }

  summary(): TickowebSummary {
    const summary = this.store.summary();
    const last = summary.lastRun;
    const { configured, demo } = this.options.mode();
    return {
      configured,
      demo,
      events: summary.events,
      orders: summary.orders,
      quarantined: summary.quarantined,
      ...(this.running?.progress === undefined ? {} : { running: this.running.progress }),
      ...(last === null
        ? {}
        : {
            lastRun: {
              startedAt: last.startedAt,
              finishedAt: last.finishedAt,
              result: last.result,
              ...(last.counts?.ordersFetched === undefined ? {} : { ordersFetched: last.counts.ordersFetched }),
              error: last.detail,
            },
          }),
    };
  }

  /** One sync at a time: asking while one runs joins it. */
  sync(full: boolean): Promise<TickowebSyncReport> {
    if (this.running !== undefined) return this.running.promise;
    const controller = new AbortController();
    const promise = this.run(full, controller).finally(() => {
      this.running = undefined;
      this.changed();
    });
    this.running = { promise, controller };
    return promise;
  }

  cancel(): void {
    this.running?.controller.abort();
  }

  search(query: string, limit: number): { hits: TickowebSearchHit[]; truncated: boolean } {
    const result = this.store.search(query, limit);
    return {
      truncated: result.truncated,
      hits: result.hits.map((hit) => ({
        orderPath: hit.orderPath,
        eventName: hit.eventName,
        orderNumber: hit.orderNumber,
        status: hit.status,
        createdAt: hit.createdAt,
        name: hit.name,
        email: hit.email,
        kind: hit.kind,
        field: hit.field,
        value: hit.value,
        highlight: hit.highlight,
      })),
    };
  }

  /** The order, its scans refreshed first when Tickoweb answers (a failure keeps what is stored). */
  async order(orderPath: string): Promise<TickowebOrderView> {
    const stored = this.store.order(orderPath);
    if (stored === undefined) throw new AppError('TICKOWEB_NOT_FOUND', 'This desk has no such Tickoweb order', { orderPath });
    await this.refreshScans(stored).catch((error: unknown) => this.options.onError?.(error));
    return orderView(this.store.order(orderPath) ?? stored);
  }

  links(owner: WristbandOwnerKeys): TickowebLink[] {
    return this.store.ordersMatching(owner).flatMap((link) => {
      const order = this.store.order(link.orderPath);
      if (order === undefined) return [];
      return [
        {
          orderPath: link.orderPath,
          reason: link.reason,
          matched: link.matched,
          orderNumber: order.fields.orderNumber,
          eventName: order.event?.name ?? null,
          status: order.fields.status,
        },
      ];
    });
  }

  quarantine() {
    return this.store.quarantine(500).map((entry) => ({
      file: entry.filePath,
      orderPath: entry.orderPath,
      reason: entry.reason,
      detail: entry.detail,
      sample: entry.sample,
      at: entry.at,
    }));
  }

  /** Forgets the mirror (Settings → Clear local data). */
  clear(): void {
    this.store.clear();
    this.changed();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const cancel of this.cancelTimers.splice(0)) cancel();
    this.cancel();
    await this.running?.promise.catch(() => undefined);
    await this.connection?.close();
    this.connection = undefined;
  }

  private async run(full: boolean, controller: AbortController): Promise<TickowebSyncReport> {
    const connection = await this.connected();
    if (connection === undefined) {
      throw new AppError('NOT_CONFIGURED', 'No Tickoweb WebDAV address is set: the admin enters it in Settings');
    }
    const mirror = new WebdavMirror({ source: connection.source, store: this.store, now: this.options.now });
    return mirror.sync({
      full,
      signal: controller.signal,
      onProgress: (progress) => {
        if (this.running !== undefined) this.running.progress = progress.phase === 'finished' ? undefined : progress;
        this.changed();
      },
    });
  }

  private async connected(): Promise<TickowebConnection | undefined> {
    this.connection ??= await this.options.connect();
    return this.connection;
  }

  private async refreshScans(order: MirrorOrder): Promise<void> {
    const connection = await this.connected();
    if (connection === undefined) return;
    const got = await connection.source.get(`${order.path}details.json`);
    if (got.status !== 'ok') return;
    const details = got.body.toString('utf8');
    if (details === order.detailsRaw) return;
    const parsed = parseOrderFiles(order.customerRaw, details);
    if (parsed.ok) this.store.refreshDetails(order.path, details, parsed.fields);
  }

  private every(intervalMs: number, full: boolean, firstAfterMs = intervalMs): void {
    const plan = (delay: number) => {
      this.cancelTimers.push(
        this.options.schedule(() => {
          if (this.closed) return;
          void this.sync(full)
            .catch((error: unknown) => this.options.onError?.(error))
            .finally(() => plan(intervalMs));
        }, delay),
      );
    };
    plan(firstAfterMs);
  }

  private changed(): void {
    if (!this.closed) this.options.onChange(this.summary());
  }
}

function orderView(order: MirrorOrder): TickowebOrderView {
  const { fields } = order;
  const customer = parsedOrNull(order.customerRaw);
  return {
    orderPath: order.path,
    uuid: order.uuid,
    orderNumber: fields.orderNumber,
    status: fields.status,
    createdAt: fields.createdAt,
    names: fields.names,
    emails: fields.emails,
    phones: fields.phones,
    barcodes: fields.barcodes,
    products: fields.products,
    scans: fields.scans,
    event: order.event === null ? null : { name: order.event.name, startsAt: order.event.startsAt, location: order.event.location },
    channel: order.channel === null ? null : { name: order.channel.name, type: order.channel.type, url: order.channel.url },
    customerFields: displayFields(customer),
    customerRaw: order.customerRaw,
    detailsRaw: order.detailsRaw,
    fetchedAt: order.fetchedAt,
    detailsRefreshedAt: order.detailsRefreshedAt,
    quarantined: order.quarantine.map((entry) => ({ file: entry.filePath, reason: entry.reason, detail: entry.detail })),
  };
}

/** Stored raw text as JSON for display; text that does not parse shows no fields (the raw view still has it). */
function parsedOrNull(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
