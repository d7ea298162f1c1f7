import type { Scheduler } from '../../src/main/core/Scheduler';

interface Pending {
  callback: () => void;
  dueAt: number;
}

/** A Scheduler whose time moves only when the test says, so retry tests never sleep. */
export class ManualScheduler {
  private time = 0;
  private readonly pending = new Set<Pending>();

  readonly schedule: Scheduler = (callback, delayMs) => {
    const entry: Pending = { callback, dueAt: this.time + delayMs };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  };

  get now(): number {
    return this.time;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Moves time on, running what falls due in order, and lets the promises they start settle. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const next = [...this.pending].filter((entry) => entry.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (next === undefined) break;
      this.pending.delete(next);
      this.time = next.dueAt;
      next.callback();
      await settle();
    }
    this.time = until;
    await settle();
  }
}

/** Lets already-resolved promise chains run to the end: setImmediate runs after every queued microtask. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
