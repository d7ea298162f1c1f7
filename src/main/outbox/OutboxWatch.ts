import type { Scheduler } from '../core/Scheduler';
import type { OutboxItem } from './OutboxItem';

/** The first word on an item the desk is waiting for: its outcome, or that it must wait. */
export type FirstWord = { kind: 'settled'; item: OutboxItem } | { kind: 'waiting'; item: OutboxItem } | { kind: 'timeout' };

/**
 * Lets the desk wait, briefly, for the replayer's first word on an action it just queued: online,
 * the person sees "done" (or the refusal) as before; when the try fails and the item must wait
 * (network, backoff), or no word comes in time, the desk says "queued" and moves on.
 */
export class OutboxWatch {
  /** Several per id: the same submission sent again while the first still waits. */
  private readonly waiters = new Map<string, Set<(word: FirstWord) => void>>();

  constructor(private readonly schedule: Scheduler) {}

  /** Call from the replayer's onItemChange. */
  changed(item: OutboxItem): void {
    const waiting = this.waiters.get(item.id);
    if (waiting === undefined) return;
    const settled = item.state === 'done' || item.state === 'conflict' || item.state === 'failed';
    for (const resolve of [...waiting]) resolve(settled ? { kind: 'settled', item } : { kind: 'waiting', item });
  }

  firstWord(id: string, timeoutMs: number): Promise<FirstWord> {
    return new Promise<FirstWord>((resolve) => {
      const waiting = this.waiters.get(id) ?? new Set();
      this.waiters.set(id, waiting);
      const done = (word: FirstWord) => {
        if (!waiting.delete(done)) return;
        if (waiting.size === 0) this.waiters.delete(id);
        cancel();
        resolve(word);
      };
      waiting.add(done);
      const cancel = this.schedule(() => done({ kind: 'timeout' }), timeoutMs);
    });
  }
}
