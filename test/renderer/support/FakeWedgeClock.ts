import type { WedgeClock } from '../../../src/renderer/src/features/wedge/wedgeClock';

/** Time that moves only when a test says so: key times and release timers without sleeping. */
export class FakeWedgeClock implements WedgeClock {
  now = 0;
  private tasks: { due: number; task: () => void }[] = [];

  keyTime = (): number => this.now;

  after = (ms: number, task: () => void): (() => void) => {
    const entry = { due: this.now + ms, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((other) => other !== entry);
    };
  };

  /** Moves time on by `ms`, running every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = this.tasks.filter((entry) => entry.due <= end).sort((a, b) => a.due - b.due)[0];
      if (next === undefined) break;
      this.tasks = this.tasks.filter((entry) => entry !== next);
      this.now = next.due;
      next.task();
    }
    this.now = end;
  }
}
