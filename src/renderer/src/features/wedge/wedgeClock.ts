import { createContext } from 'react';

/** Time as wedge capture sees it; tests provide their own so no test has to sleep. */
export interface WedgeClock {
  /** When a key was pressed, in ms. */
  keyTime(event: KeyboardEvent): number;
  /** Runs `task` after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
}

/**
 * The page's own clock. A key's `timeStamp` is when it was pressed (in Chromium, the input
 * event's platform time), not when a busy page got round to it, so keys queued behind a long
 * render are not squeezed into something that looks like a reader's burst.
 */
export const browserWedgeClock: WedgeClock = {
  keyTime: (event) => event.timeStamp,
  after: (ms, task) => {
    const timer = window.setTimeout(task, ms);
    return () => window.clearTimeout(timer);
  },
};

export const WedgeClockContext = createContext<WedgeClock>(browserWedgeClock);
