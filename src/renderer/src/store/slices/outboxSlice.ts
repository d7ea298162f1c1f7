import type { WireError } from '../../../../shared/errors';
import type { OutboxEditRequest, OutboxItemView, OutboxState, OutboxSummary, QueuedAction } from '../../../../shared/outbox';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';
import type { FeedbackSignal } from './actionSlice';

/** The Outbox view's state filter; "attention" = what a person must decide (conflicts and failures). */
export const outboxFilters = ['attention', 'waiting', 'done', 'discarded', 'all'] as const;
export type OutboxFilter = (typeof outboxFilters)[number];

export const statesForFilter: Record<OutboxFilter, OutboxState[] | undefined> = {
  attention: ['conflict', 'failed'],
  waiting: ['pending', 'sending'],
  done: ['done'],
  discarded: ['discarded'],
  all: undefined,
};

/** The last thing a person did in the Outbox view, said on screen until the next one. */
export type OutboxNotice =
  | { seq: number; kind: 'retried' | 'edited' | 'discarded'; item: OutboxItemView }
  | { seq: number; kind: 'sentNow'; summary: OutboxSummary }
  /** The item had moved on (gone, or no longer a conflict): the list was reloaded, so its row may be gone. */
  | { seq: number; kind: 'stale'; action: QueuedAction; error: WireError };

export interface OutboxSlice {
  /** What the status bar and the Outbox header show; from 'outbox.summary' at start and every 'outbox' event. */
  outboxSummary: OutboxSummary | null;
  /** The Outbox view's list (newest first); null until first loaded. */
  outboxItems: OutboxItemView[] | null;
  outboxLoading: boolean;
  /** The last list load failed; the list shown (if any) is older. */
  outboxError: WireError | null;
  outboxFilter: OutboxFilter;
  outboxNotice: OutboxNotice | null;
  setOutboxSummary: (summary: OutboxSummary) => void;
  /** At start and after a reconnect; a failure keeps what was known (the core may not have an outbox yet). */
  loadOutboxSummary: () => Promise<void>;
  /** Loads the list, optionally only some states; an answer to an older load is dropped. */
  loadOutbox: (states?: OutboxState[]) => Promise<void>;
  showOutboxFilter: (filter: OutboxFilter) => Promise<void>;
  /** The Outbox view opened: "Needs a person" first when anything does, else everything. */
  openOutbox: () => Promise<void>;
  /** An 'outbox' event: the summary, and (while the Outbox view shows) the list again. */
  outboxChanged: (summary: OutboxSummary) => void;
  /** Each of these rejects with an AppError, answers with the item as it is now, and sounds its outcome. */
  retryOutboxItem: (id: string) => Promise<OutboxItemView>;
  discardOutboxItem: (id: string, reason: string) => Promise<OutboxItemView>;
  editOutboxItem: (request: OutboxEditRequest) => Promise<OutboxItemView>;
  sendOutboxNow: () => Promise<OutboxSummary>;
}

export const createOutboxSlice: SliceCreator<OutboxSlice> =
  ({ api }) =>
  (set, get) => {
    let latestLoad = 0;
    let noticeSeq = 0;
    // The states the list was last loaded with; reloads show the same.
    let shownStates: OutboxState[] | undefined;

    // Light debounce without timers: at most one reload runs, and any number of events while it
    // runs cause exactly one more (a replay of a backlog pushes an event per item).
    const reloads = { running: false, again: false };
    const askedAgain = () => reloads.again && get().view === 'outbox';
    const reload = async () => {
      if (reloads.running) {
        reloads.again = true;
        return;
      }
      reloads.running = true;
      try {
        do {
          reloads.again = false;
          await get().loadOutbox(shownStates);
        } while (askedAgain());
      } finally {
        reloads.running = false;
      }
    };

    const signal = (tone: FeedbackSignal['tone']) =>
      set((state) => ({ feedbackSignal: { seq: (state.feedbackSignal?.seq ?? 0) + 1, tone } }));

    /** The answered item in place of the one acted on (until the reload says where it belongs now). */
    const replaceItem = (id: string, item: OutboxItemView) =>
      set((state) => ({ outboxItems: state.outboxItems?.map((shown) => (shown.id === id ? item : shown)) ?? null }));

    const act = async (id: string, kind: 'retried' | 'edited' | 'discarded', request: () => Promise<OutboxItemView>) => {
      let item: OutboxItemView;
      try {
        item = await request();
      } catch (error) {
        const appError = toAppError(error);
        signal('error');
        const action = get().outboxItems?.find((shown) => shown.id === id)?.action;
        if ((appError.code === 'OUTBOX_ITEM_UNKNOWN' || appError.code === 'OUTBOX_NOT_RESOLVABLE') && action !== undefined) {
          noticeSeq += 1;
          set({ outboxNotice: { seq: noticeSeq, kind: 'stale', action, error: appError.toWire() } });
          void reload();
        }
        throw appError;
      }
      replaceItem(id, item);
      noticeSeq += 1;
      set({ outboxNotice: { seq: noticeSeq, kind, item } });
      // A retry can be refused again at once: that is no success.
      signal(item.state === 'conflict' || item.state === 'failed' ? 'error' : 'found');
      void reload();
      return item;
    };

    return {
      outboxSummary: null,
      outboxItems: null,
      outboxLoading: false,
      outboxError: null,
      outboxFilter: 'attention',
      outboxNotice: null,
      setOutboxSummary: (summary) => set({ outboxSummary: summary }),
      loadOutboxSummary: async () => {
        try {
          set({ outboxSummary: await api.invoke('outbox.summary', {}) });
        } catch {
          // The next 'outbox' event brings it; the status bar shows nothing rather than a guess.
        }
      },
      loadOutbox: async (states) => {
        latestLoad += 1;
        const request = latestLoad;
        shownStates = states;
        set({ outboxLoading: true });
        try {
          const { items } = await api.invoke('outbox.list', states === undefined ? {} : { states });
          if (request === latestLoad) set({ outboxItems: items, outboxLoading: false, outboxError: null });
        } catch (error) {
          if (request === latestLoad) set({ outboxLoading: false, outboxError: toAppError(error).toWire() });
        }
      },
      showOutboxFilter: (filter) => {
        // Another filter's rows must not pass for this one's while it loads.
        set(filter === get().outboxFilter ? {} : { outboxFilter: filter, outboxItems: null, outboxError: null });
        return get().loadOutbox(statesForFilter[filter]);
      },
      openOutbox: () => {
        const summary = get().outboxSummary;
        const needsPerson = summary !== null && summary.conflicts + summary.failed > 0;
        set({ outboxNotice: null });
        return get().showOutboxFilter(needsPerson ? 'attention' : 'all');
      },
      outboxChanged: (summary) => {
        set({ outboxSummary: summary });
        if (get().view === 'outbox') void reload();
      },
      retryOutboxItem: (id) => act(id, 'retried', () => api.invoke('outbox.retry', { id })),
      discardOutboxItem: (id, reason) => act(id, 'discarded', () => api.invoke('outbox.discard', { id, reason })),
      editOutboxItem: (request) => act(request.id, 'edited', () => api.invoke('outbox.edit', request)),
      sendOutboxNow: async () => {
        let summary: OutboxSummary;
        try {
          summary = await api.invoke('outbox.sendNow', {});
        } catch (error) {
          signal('error');
          throw toAppError(error);
        }
        noticeSeq += 1;
        set({ outboxSummary: summary, outboxNotice: { seq: noticeSeq, kind: 'sentNow', summary } });
        signal('found');
        if (get().view === 'outbox') void reload();
        return summary;
      },
    };
  };
