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
  private readonly waiters = new Map<string, (word: FirstWord) => void>();

  constructor(private readonly schedule: Scheduler) {}

  /** Call from the replayer's onItemChange. */
  changed(item: OutboxItem): void {
    const resolve = this.waiters.get(item.id);
    if (resolve === undefined) return;
    const settled = item.state === 'done' || item.state === 'conflict' || item.state === 'failed';
    resolve(settled ? { kind: 'settled', item } : { kind: 'waiting', item });
  }

  firstWord(id: string, timeoutMs: number): Promise<FirstWord> {
    return new Promise<FirstWord>((resolve) => {
      const done = (word: FirstWord) => {
        if (this.waiters.get(id) !== done) return;
        this.waiters.delete(id);
        cancel();
        resolve(word);
      };
      this.waiters.set(id, done);
      const cancel = this.schedule(() => done({ kind: 'timeout' }), timeoutMs);
    });
  }
}
