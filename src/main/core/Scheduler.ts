/** Runs a callback later; returns a cancel function. Injected so tests control time. */
export type Scheduler = (callback: () => void, delayMs: number) => () => void;

export const timerScheduler: Scheduler = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  // A reader waiting for its device must not keep the process alive by itself.
  timer.unref();
  return () => clearTimeout(timer);
};
