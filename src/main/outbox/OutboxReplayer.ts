import type { AppError } from '../../shared/errors';
import type { OutboxDecision } from '../../shared/outbox';
import type { ProductView } from '../../shared/model';
import type { VenueManagerClient } from '../venue-manager/VenueManagerClient';
import { backoffDelay, defaultBackoff, retryAfterMs } from './Backoff';
import type { BackoffPolicy } from './Backoff';
import { asAppError, classifyError, serverWords } from './classifyError';
import { commentCount, endStateReached, productFromHistory } from './EndState';
import type { Outbox, Settlement } from './Outbox';
import { openStates, orderingKeys } from './OutboxItem';
import type { OutboxAction, OutboxItem } from './OutboxItem';

/** The calls the replayer makes; VenueManagerClient has them. */
export type OutboxClient = Pick<VenueManagerClient, 'blockToken' | 'replaceToken' | 'addToken' | 'comment' | 'productHistory'>;

export interface OutboxProgress {
  /** Items finished (any outcome) since the queue was last empty. */
  done: number;
  total: number;
}

export interface OutboxReplayerOptions {
  outbox: Outbox;
  /** Read for every item, so new credentials or a new server apply at once. */
  client: () => OutboxClient;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Whether this Venue Manager lists comments in the product history. Only then can a comment
   * whose answer was lost be confirmed; otherwise it is resent and flagged "may be duplicated".
   */
  historyShowsComments: boolean | (() => boolean);
  /** Items on unrelated products and wristbands sent at once (default 4). */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Longest sleep of the start() loop between looks at the queue (default 30 s). */
  idleWaitMs?: number;
  onProgress?: (progress: OutboxProgress) => void;
  /** Sending stopped or resumed; `reasons` are the codes holding it (empty when it runs). */
  onPauseChange?: (paused: boolean, reasons: readonly string[]) => void;
  /** An item changed state: settled, or put back to wait after a failed try. */
  onItemChange?: (item: OutboxItem) => void;
  /** An unexpected failure of the start() loop (e.g. the database); the loop carries on. */
  onError?: (error: unknown) => void;
}

/**
 * Sends the outbox to Venue Manager: strictly in enqueue order for items sharing a product or a
 * token UID, unrelated items in parallel (bounded). One item waiting (backoff, conflict) holds
 * back only the items that share a key with it, never the whole queue. Every item ends with a
 * recorded outcome; a request whose answer may have been lost is never resent before the
 * product's state has been read.
 */
export class OutboxReplayer {
  private readonly concurrency: number;
  private readonly backoff: BackoffPolicy;
  /** Why sending is held: UNAUTHORIZED (the replayer's own), or the caller's reasons (e.g. OFFLINE). */
  private readonly holds = new Set<string>();
  private draining: Promise<{ nextDueAt: number | null }> | undefined;
  private loop: Promise<void> | undefined;
  private stopped = true;
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;
  /** Resolved when something the drain waits on happens (a request ends, wake()); then renewed. */
  private change: { promise: Promise<void>; resolve: () => void } | undefined;
  private doneSinceIdle = 0;
  /** The open items in enqueue order, as of `openRevision`: read again only when someone else changed the queue. */
  private open: OutboxItem[] = [];
  private openRevision = -1;

  constructor(private readonly options: OutboxReplayerOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.backoff = options.backoff ?? defaultBackoff;
  }

  get isPaused(): boolean {
    return this.holds.size > 0;
  }

  /** The codes holding sending back, oldest first. */
  get pausedFor(): readonly string[] {
    return [...this.holds];
  }

  /** Holds sending until resume(code); several reasons can hold it at once. */
  pause(code = 'PAUSED'): void {
    if (this.holds.has(code)) return;
    this.holds.add(code);
    this.options.onPauseChange?.(true, this.pausedFor);
  }

  /** Lifts one reason (or, without a code, every reason); sending starts again once none is left. */
  resume(code?: string): void {
    const before = this.holds.size;
    if (code === undefined) this.holds.clear();
    else this.holds.delete(code);
    if (this.holds.size === before) return;
    this.options.onPauseChange?.(this.isPaused, this.pausedFor);
    if (!this.isPaused) this.wake();
  }

  /** Something was enqueued or the network came back: look at the queue now. */
  wake(): void {
    // Remembered when the loop is busy draining, so an item enqueued meanwhile is not left waiting.
    this.wakeRequested = true;
    this.wakeUp?.();
    this.signalChange();
  }

  /**
   * Whether the item is first in line for its product and wristbands (nothing earlier and open
   * shares a key with it): only then can the desk expect an answer soon.
   */
  isHead(id: string): boolean {
    let head = false;
    this.walkHeads((item) => {
      if (item.id === id) head = true;
      return head;
    });
    return head;
  }

  /** One pending signal at a time: a long drain holds one promise, not one per step. */
  private nextChange(): Promise<void> {
    if (this.change === undefined) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      this.change = { promise, resolve };
    }
    return this.change.promise;
  }

  private signalChange(): void {
    const change = this.change;
    this.change = undefined;
    change?.resolve();
  }

  /**
   * Sends every item that may go now, until none is left that is due; resolves with when the
   * next waiting item falls due (null: nothing waits on time). One drain at a time.
   */
  runOnce(): Promise<{ nextDueAt: number | null }> {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Runs the queue in the background until stop(). */
  start(): void {
    if (this.loop !== undefined) return;
    this.stopped = false;
    this.loop = this.background();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    this.loop = undefined;
    await this.draining;
  }

  private async background(): Promise<void> {
    const idle = this.options.idleWaitMs ?? 30_000;
    while (!this.stopped) {
      this.takeWakeRequest();
      let wait = idle;
      if (!this.isPaused) {
        try {
          const { nextDueAt } = await this.runOnce();
          if (nextDueAt !== null) wait = Math.min(wait, Math.max(0, nextDueAt - this.options.now()));
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      // Both flags change while runOnce() awaits: read them through calls, not narrowed fields.
      if (this.isStopping()) break;
      if (this.takeWakeRequest()) continue;
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        void this.options.sleep(wait).then(resolve);
      });
      this.wakeUp = undefined;
    }
  }

  private isStopping(): boolean {
    return this.stopped;
  }

  private takeWakeRequest(): boolean {
    const requested = this.wakeRequested;
    this.wakeRequested = false;
    return requested;
  }

  private async drain(): Promise<{ nextDueAt: number | null }> {
    const inFlight = new Map<string, Promise<void>>();
    // Each drain starts from the database: what another process on this data folder did is seen.
    this.openRevision = -1;
    try {
      for (;;) {
        while (!this.isPaused && inFlight.size < this.concurrency) {
          const next = this.pick(inFlight);
          if (next === undefined) break;
          inFlight.set(
            next.id,
            this.process(next).finally(() => {
              inFlight.delete(next.id);
              this.signalChange();
            }),
          );
        }
        if (inFlight.size === 0) break;
        // A request ending, or a wake (a new item must not wait for a slow unrelated request).
        await this.nextChange();
      }
    } catch (error) {
      // Let the others finish and record their outcomes before reporting the failure.
      await Promise.allSettled(inFlight.values());
      throw error;
    }
    return { nextDueAt: this.isPaused ? null : this.nextDueAt() };
  }

  /**
   * The first item, in enqueue order, that is due and shares no key with an earlier open item
   * (pending, in flight, or waiting for a person): that earlier item must reach the server first.
   */
  private pick(inFlight: ReadonlyMap<string, unknown>): OutboxItem | undefined {
    const now = this.options.now();
    let found: OutboxItem | undefined;
    this.walkHeads((item) => {
      if (item.state === 'pending' && !inFlight.has(item.id) && item.nextAttemptAt <= now) {
        found = item;
        return true;
      }
      return false;
    }, inFlight);
    return found;
  }

  private nextDueAt(): number | null {
    let next: number | null = null;
    this.walkHeads((item) => {
      if (item.state === 'pending') next = next === null ? item.nextAttemptAt : Math.min(next, item.nextAttemptAt);
      return false;
    });
    return next;
  }

  /**
   * Visits open items that nothing holds back, in queue order, until visit says stop. An item is
   * held back by an earlier open item sharing a key, and by any request on its way sharing one,
   * whatever its place (an edit takes the place of the item it corrects, which may be earlier
   * than a request already sent: it must not overtake it).
   */
  private walkHeads(visit: (item: OutboxItem) => boolean, inFlight: ReadonlyMap<string, unknown> = new Map()): void {
    const items = this.openItems();
    const onItsWay = (item: OutboxItem) => item.state === 'sending' || inFlight.has(item.id);
    const busy = new Set(items.filter(onItsWay).flatMap((item) => orderingKeys(item.action)));
    const claimed = new Set<string>();
    for (const item of items) {
      const keys = orderingKeys(item.action);
      const free = keys.every((key) => !claimed.has(key)) && (onItsWay(item) || keys.every((key) => !busy.has(key)));
      for (const key of keys) claimed.add(key);
      if (free && visit(item)) return;
    }
  }

  private openItems(): OutboxItem[] {
    const { outbox } = this.options;
    if (outbox.revision !== this.openRevision) {
      this.open = outbox.list(openStates);
      this.openRevision = outbox.revision;
    }
    return this.open;
  }

  /**
   * After one of our own changes: the copy takes the item's new state without reading the whole
   * queue again — unless someone else changed it too, then it is read again at the next look.
   */
  private track(item: OutboxItem, revisionBefore: number): void {
    if (revisionBefore !== this.openRevision || this.options.outbox.revision !== revisionBefore + 1) return;
    this.openRevision = this.options.outbox.revision;
    const index = this.open.findIndex((open) => open.id === item.id);
    const stillOpen = openStates.includes(item.state);
    if (index === -1) return;
    if (stillOpen) this.open[index] = item;
    else this.open.splice(index, 1);
  }

  private pendingCount(): number {
    return this.openItems().filter((item) => item.state === 'pending' || item.state === 'sending').length;
  }

  private async process(item: OutboxItem): Promise<void> {
    const client = this.options.client();
    const { action } = item;
    let baseline: number | undefined;
    try {
      if (item.mayHaveApplied && (await this.alreadyThere(client, item))) {
        this.settle(item, {
          state: 'done',
          outcome: 'already-applied',
          decision: 'already-applied',
          decisionReason: 'an earlier answer was lost; the product history shows the wanted end state',
        });
        return;
      }
      if (action.kind === 'comment' && this.historyShowsComments() && item.commentBaseline === null) {
        // Counted before the first send, so a lost answer can later be confirmed by a higher count.
        baseline = commentCount(await this.product(client, action.productId), action.comment);
      }
    } catch (error) {
      await this.afterError(item, asAppError(error), false);
      return;
    }
    const revision = this.options.outbox.revision;
    if (!this.options.outbox.markSending(item.id, baseline)) {
      // Someone else (a person, another process on this data folder) has it now: never send it.
      this.openRevision = -1;
      return;
    }
    this.track(this.options.outbox.get(item.id), revision);
    try {
      await send(client, action);
    } catch (error) {
      await this.afterError(item, asAppError(error), true);
      return;
    }
    const duplicate = action.kind === 'comment' && item.mayHaveApplied && !this.commentConfirmable(item);
    this.settle(
      item,
      duplicate
        ? {
            state: 'done',
            outcome: 'possible-duplicate',
            decision: 'possible-duplicate',
            decisionReason: 'sent again after a lost answer; this server does not show comments, so it may be there twice',
            possibleDuplicate: true,
          }
        : { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'accepted by Venue Manager' },
    );
  }

  /** After a possibly lost answer: does the server already show what this item wants? */
  private async alreadyThere(client: OutboxClient, item: OutboxItem): Promise<boolean> {
    const { action } = item;
    if (action.kind === 'comment') {
      if (!this.commentConfirmable(item)) return false;
      return commentCount(await this.product(client, action.productId), action.comment) > (item.commentBaseline ?? 0);
    }
    return endStateReached(action, await this.product(client, action.productId));
  }

  private historyShowsComments(): boolean {
    const { historyShowsComments } = this.options;
    return typeof historyShowsComments === 'function' ? historyShowsComments() : historyShowsComments;
  }

  private commentConfirmable(item: OutboxItem): boolean {
    return this.historyShowsComments() && item.commentBaseline !== null;
  }

  private async product(client: OutboxClient, productId: number): Promise<ProductView> {
    return productFromHistory(await client.productHistory(productId));
  }

  /** `sent`: the error came from the write itself, which may have reached the server. */
  private async afterError(item: OutboxItem, error: AppError, sent: boolean): Promise<void> {
    switch (classifyError(error)) {
      case 'retry':
        this.retryLater(item, error, sent && !refusedUnprocessed(error));
        return;
      case 'unauthorized':
        // Refused at the door: nothing was applied. Never retried in a loop: sending pauses.
        this.waitAgain(item, { nextAttemptAt: this.options.now(), mayHaveApplied: false, error: errorOf(error) });
        this.pause('UNAUTHORIZED');
        return;
      case 'refusal':
        if (sent) await this.decideAfterRefusal(item, error);
        else this.settle(item, conflict(error, 'refused-unreadable', 'Venue Manager refused to show the product'));
        return;
      case 'failed':
        this.settle(item, {
          state: 'failed',
          outcome: 'failed',
          decision: 'cannot-be-sent',
          decisionReason: 'cannot be sent as it is',
          error: errorOf(error),
        });
        return;
    }
  }

  private retryLater(item: OutboxItem, error: AppError, mayHaveApplied: boolean): void {
    const now = this.options.now();
    const delay = backoffDelay(item.attempts + 1, this.options.random, this.backoff, retryAfterMs(error, now));
    this.waitAgain(item, { nextAttemptAt: now + delay, mayHaveApplied, error: errorOf(error) });
  }

  /**
   * The server refused. If it already shows the end state we wanted, someone else got there
   * first: done, and the audit says so. Any other state is a conflict a person must see, with the
   * server's words; it is never overwritten.
   */
  private async decideAfterRefusal(item: OutboxItem, refusal: AppError): Promise<void> {
    const { action } = item;
    if (action.kind === 'comment') {
      this.settle(item, conflict(refusal, 'refused-comment', 'Venue Manager refused the comment'));
      return;
    }
    let product: ProductView;
    try {
      product = await this.product(this.options.client(), action.productId);
    } catch (error) {
      const readError = asAppError(error);
      const kind = classifyError(readError);
      if (kind === 'retry' || kind === 'unauthorized') {
        // The refusal says nothing was applied; decide once the state can be read.
        this.waitAgain(item, {
          nextAttemptAt: this.options.now() + backoffDelay(item.attempts + 1, this.options.random, this.backoff),
          mayHaveApplied: false,
          error: errorOf(refusal),
        });
        if (kind === 'unauthorized') this.pause('UNAUTHORIZED');
        return;
      }
      this.settle(item, conflict(refusal, 'refused-unreadable', 'refused, and the product could not be read to check why'));
      return;
    }
    if (endStateReached(action, product)) {
      this.settle(item, {
        state: 'done',
        outcome: 'already-done-elsewhere',
        decision: 'already-done-elsewhere',
        decisionReason: 'already done by another desk: Venue Manager already shows the wanted end state',
        error: errorOf(refusal),
      });
      return;
    }
    this.settle(item, conflict(refusal, 'refused-different-state', 'Venue Manager refused it and shows a different state'));
  }

  private waitAgain(item: OutboxItem, retry: Parameters<Outbox['markRetry']>[1]): void {
    const revision = this.options.outbox.revision;
    this.options.outbox.markRetry(item.id, retry);
    const waiting = this.options.outbox.get(item.id);
    this.track(waiting, revision);
    this.options.onItemChange?.(waiting);
  }

  private settle(item: OutboxItem, settlement: Settlement): void {
    const revision = this.options.outbox.revision;
    const settled = this.options.outbox.settle(item.id, settlement);
    this.track(settled, revision);
    this.options.onItemChange?.(settled);
    this.doneSinceIdle++;
    const pending = this.pendingCount();
    this.options.onProgress?.({ done: this.doneSinceIdle, total: this.doneSinceIdle + pending });
    if (pending === 0) this.doneSinceIdle = 0;
  }
}

function send(client: OutboxClient, action: OutboxAction): Promise<void> {
  switch (action.kind) {
    case 'block':
      return client.blockToken(action.productId, action.uid, action.reason);
    case 'add':
      return client.addToken(action.productId, action.uid, action.reason);
    case 'replace':
      return client.replaceToken(action.productId, action.uid, action.newUid, action.reason);
    case 'comment':
      return client.comment(action.productId, action.comment);
  }
}

/**
 * A 503 or 429 is the server saying "not now" before doing anything (it names when to come back):
 * the write was not applied, so it is resent without a history check and never flagged.
 */
function refusedUnprocessed(error: AppError): boolean {
  const status = error.details?.status;
  return status === 503 || status === 429;
}

function errorOf(error: AppError): { code: string; message: string } {
  return { code: error.code, message: serverWords(error) };
}

function conflict(error: AppError, decision: OutboxDecision, decisionReason: string): Settlement {
  return { state: 'conflict', outcome: 'conflict', decision, decisionReason, error: errorOf(error) };
}
