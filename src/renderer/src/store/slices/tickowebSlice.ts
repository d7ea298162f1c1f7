import type { Result } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import type { TickowebLink, TickowebOrderView, TickowebSearchHit, TickowebSummary, TickowebSyncReport } from '../../../../shared/tickoweb';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';
import type { ViewName } from './viewSlice';

export type TickowebQuarantineEntry = Result<'tickoweb.quarantine'>[number];

/** How many mirror hits the search view asks for; more means "type more". */
export const tickowebSearchLimit = 50;

/** The latest answer the mirror gave to an as-you-type search (it may be for an earlier query). */
export interface TickowebSearchAnswer {
  query: string;
  hits: TickowebSearchHit[];
  truncated: boolean;
}

/** A Tickoweb order opened from a search hit or an Identify link, shown in place of `view` until closed. */
export type OpenedTickowebOrder =
  | { phase: 'loading'; request: number; orderPath: string; view: ViewName }
  | { phase: 'loaded'; request: number; orderPath: string; view: ViewName; order: TickowebOrderView }
  | { phase: 'failed'; request: number; orderPath: string; view: ViewName; error: WireError };

/** What a wristband owner is matched by (the core's 'tickoweb.links' params). */
export interface TickowebOwnerKeys {
  emails: string[];
  names: string[];
  phones: string[];
  barcodes: string[];
}

/** One product's links, with the owner keys they were asked for (other keys: asked again). */
export type TickowebLinksEntry =
  | { key: string; phase: 'loading' }
  | { key: string; phase: 'loaded'; links: TickowebLink[] }
  | { key: string; phase: 'failed'; error: WireError };

export type TickowebQuarantineState =
  | { phase: 'idle' }
  | { phase: 'loading'; entries: TickowebQuarantineEntry[] | null }
  | { phase: 'loaded'; entries: TickowebQuarantineEntry[] }
  | { phase: 'failed'; error: WireError; entries: TickowebQuarantineEntry[] | null };

/** A sync this desk asked for (the progress itself comes with the summary, whoever started the run). */
export type TickowebSyncRequest =
  | { phase: 'idle' }
  | { phase: 'running'; full: boolean }
  | { phase: 'finished'; full: boolean; report: TickowebSyncReport }
  | { phase: 'failed'; full: boolean; error: WireError };

export interface TickowebSlice {
  /** From 'tickoweb.summary' at start and every 'tickoweb' event; null until known. */
  tickowebSummary: TickowebSummary | null;
  setTickowebSummary: (summary: TickowebSummary) => void;
  /** At start and after a reconnect; a failure keeps what was known (a core without a mirror says nothing). */
  loadTickowebSummary: () => Promise<void>;

  tickowebSync: TickowebSyncRequest;
  /** Why the last cancel was refused; cleared by the next sync or cancel. */
  tickowebCancelError: WireError | null;
  startTickowebSync: (full: boolean) => Promise<void>;
  cancelTickowebSync: () => Promise<void>;

  /** The query the screen wants answered now ('' = none), trimmed. */
  tickowebQuery: string;
  tickowebSearch: TickowebSearchAnswer | null;
  /** A search request is on its way. */
  tickowebSearching: boolean;
  tickowebSearchError: { query: string; error: WireError } | null;
  /**
   * As-you-type search without timers: at most one request is on its way; queries typed while it
   * runs wait, and only the newest of them is sent when it returns. Resolves when the mirror has
   * answered the newest query (or failed to).
   */
  searchTickoweb: (query: string) => Promise<void>;
  /** The same query asked again (after a failure). */
  retryTickowebSearch: () => Promise<void>;

  tickowebOrder: OpenedTickowebOrder | null;
  /** Opens an order in place of the current view (Escape or Back closes it). */
  openTickowebOrder: (orderPath: string) => Promise<void>;
  closeTickowebOrder: () => void;

  /** Per product id. */
  tickowebLinks: Record<number, TickowebLinksEntry>;
  /** Asks once per product and owner keys (again with `force`, or after a sync changed the mirror). */
  loadTickowebLinks: (productId: number, keys: TickowebOwnerKeys, force?: boolean) => Promise<void>;

  tickowebQuarantine: TickowebQuarantineState;
  loadTickowebQuarantine: () => Promise<void>;
}

/** The cache key of a set of owner keys: the same owner asked twice is asked once. */
export function ownerKeysId(keys: TickowebOwnerKeys): string {
  return JSON.stringify([keys.emails, keys.names, keys.phones, keys.barcodes]);
}

/** Whether a mirror is worth asking: configured (or the demo tree) and holding orders. */
export function tickowebHasOrders(summary: TickowebSummary | null): boolean {
  return summary !== null && (summary.configured || summary.demo) && summary.orders > 0;
}

/**
 * The mirror's contents may have changed: a run finished. (Progress events during a run are not
 * counted: a long sync would ask everything again for every bucket written.)
 */
function mirrorChanged(before: TickowebSummary | null, after: TickowebSummary): boolean {
  return before !== null && before.lastRun?.finishedAt !== after.lastRun?.finishedAt;
}

export const createTickowebSlice: SliceCreator<TickowebSlice> =
  ({ api }) =>
  (set, get) => {
    // The search loop's state: one request at a time; `answered` is the query last answered
    // (or failed), so the same text is not asked twice.
    const search = { running: null as Promise<void> | null, answered: null as string | null };
    let latestOrderRequest = 0;
    let latestQuarantineLoad = 0;

    /** Asks the newest query until it is answered; the caller makes sure only one runs. */
    const answerNewest = async () => {
      for (;;) {
        const query = get().tickowebQuery;
        if (query === '' || query === search.answered) return;
        let answer: TickowebSearchAnswer | { error: WireError };
        try {
          const { hits, truncated } = await api.invoke('tickoweb.search', { query, limit: tickowebSearchLimit });
          answer = { query, hits, truncated };
        } catch (error) {
          answer = { error: toAppError(error).toWire() };
        }
        // Cleared meanwhile: the answer is for nothing on screen any more.
        if (get().tickowebQuery === '') {
          search.answered = null;
          return;
        }
        search.answered = query;
        if ('error' in answer) set({ tickowebSearchError: { query, error: answer.error } });
        else set({ tickowebSearch: answer, tickowebSearchError: null });
      }
    };

    const pump = (): Promise<void> => {
      if (search.running !== null) return search.running;
      const query = get().tickowebQuery;
      if (query === '' || query === search.answered) return Promise.resolve();
      set({ tickowebSearching: true });
      // `.finally` runs after this assignment even if nothing is awaited, so `running` is never left set.
      const run = answerNewest().finally(() => {
        search.running = null;
        set({ tickowebSearching: false });
      });
      search.running = run;
      return run;
    };

    const loadQuarantine = async () => {
      latestQuarantineLoad += 1;
      const request = latestQuarantineLoad;
      const before = get().tickowebQuarantine;
      const shown = before.phase === 'idle' ? null : before.entries;
      set({ tickowebQuarantine: { phase: 'loading', entries: shown } });
      try {
        const entries = await api.invoke('tickoweb.quarantine', {});
        if (request === latestQuarantineLoad) set({ tickowebQuarantine: { phase: 'loaded', entries } });
      } catch (error) {
        if (request === latestQuarantineLoad) {
          set({ tickowebQuarantine: { phase: 'failed', error: toAppError(error).toWire(), entries: shown } });
        }
      }
    };

    return {
      tickowebSummary: null,
      setTickowebSummary: (summary) => {
        const before = get().tickowebSummary;
        set({ tickowebSummary: summary });
        // Refused files shown are read again as soon as their count moves.
        if (get().tickowebQuarantine.phase !== 'idle' && before !== null && before.quarantined !== summary.quarantined) {
          void loadQuarantine();
        }
        if (!mirrorChanged(before, summary)) return;
        // What the mirror answered before may be out of date: links are asked again when shown,
        // the search on screen again now.
        set({ tickowebLinks: {} });
        search.answered = null;
        if (tickowebHasOrders(summary)) void pump();
      },
      loadTickowebSummary: async () => {
        try {
          get().setTickowebSummary(await api.invoke('tickoweb.summary', {}));
        } catch {
          // The next 'tickoweb' event brings it; until then nothing Tickoweb is shown.
        }
      },

      tickowebSync: { phase: 'idle' },
      tickowebCancelError: null,
      startTickowebSync: async (full) => {
        if (get().tickowebSync.phase === 'running') return;
        set({ tickowebSync: { phase: 'running', full }, tickowebCancelError: null });
        try {
          const report = await api.invoke('tickoweb.sync', { full });
          set({ tickowebSync: { phase: 'finished', full, report } });
        } catch (error) {
          set({ tickowebSync: { phase: 'failed', full, error: toAppError(error).toWire() } });
        }
      },
      cancelTickowebSync: async () => {
        set({ tickowebCancelError: null });
        try {
          await api.invoke('tickoweb.cancel', {});
        } catch (error) {
          set({ tickowebCancelError: toAppError(error).toWire() });
        }
      },

      tickowebQuery: '',
      tickowebSearch: null,
      tickowebSearching: false,
      tickowebSearchError: null,
      searchTickoweb: (query) => {
        const wanted = query.trim();
        if (wanted === get().tickowebQuery) return search.running ?? Promise.resolve();
        set({ tickowebQuery: wanted });
        if (wanted === '') {
          search.answered = null;
          set({ tickowebSearch: null, tickowebSearchError: null });
          return search.running ?? Promise.resolve();
        }
        return pump();
      },
      retryTickowebSearch: () => {
        search.answered = null;
        return pump();
      },

      tickowebOrder: null,
      openTickowebOrder: async (orderPath) => {
        latestOrderRequest += 1;
        const request = latestOrderRequest;
        const view = get().view;
        set({ tickowebOrder: { phase: 'loading', request, orderPath, view } });
        const current = () => get().tickowebOrder?.request === request;
        try {
          const order = await api.invoke('tickoweb.order', { orderPath });
          if (current()) set({ tickowebOrder: { phase: 'loaded', request, orderPath, view, order } });
        } catch (error) {
          if (current()) set({ tickowebOrder: { phase: 'failed', request, orderPath, view, error: toAppError(error).toWire() } });
        }
      },
      closeTickowebOrder: () => {
        if (get().tickowebOrder !== null) set({ tickowebOrder: null });
      },

      tickowebLinks: {},
      loadTickowebLinks: async (productId, keys, force = false) => {
        const key = ownerKeysId(keys);
        const cached = get().tickowebLinks[productId];
        if (!force && cached?.key === key && cached.phase !== 'failed') return;
        if (cached?.key === key && cached.phase === 'loading') return;
        const put = (entry: TickowebLinksEntry) => set((state) => ({ tickowebLinks: { ...state.tickowebLinks, [productId]: entry } }));
        put({ key, phase: 'loading' });
        // Still the entry this request made: a newer request, or a cleared cache, wins.
        const current = () => {
          const entry = get().tickowebLinks[productId];
          return entry?.key === key && entry.phase === 'loading';
        };
        try {
          const links = await api.invoke('tickoweb.links', keys);
          if (current()) put({ key, phase: 'loaded', links });
        } catch (error) {
          if (current()) put({ key, phase: 'failed', error: toAppError(error).toWire() });
        }
      },

      tickowebQuarantine: { phase: 'idle' },
      loadTickowebQuarantine: loadQuarantine,
    };
  };
