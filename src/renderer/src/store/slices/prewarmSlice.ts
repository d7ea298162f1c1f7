import type { Result, SyncProgress } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export type PrewarmState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'finished'; report: Result<'cache.prewarm'> }
  | { phase: 'failed'; error: WireError };

export interface PrewarmSlice {
  /** "Prepare for offline": fetching products into the cache before the event. */
  prewarm: PrewarmState;
  startPrewarm: (kind: 'barcode' | 'productId', values: string[]) => Promise<void>;
  cancelPrewarm: () => void;
  /** From the core's `syncProgress` events for the "prewarm" job. */
  prewarmProgress: (progress: SyncProgress) => void;
}

export const createPrewarmSlice: SliceCreator<PrewarmSlice> =
  ({ api }) =>
  (set, get) => ({
    prewarm: { phase: 'idle' },
    startPrewarm: async (kind, values) => {
      set({ prewarm: { phase: 'running', done: 0, total: values.length } });
      try {
        const report = await api.invoke('cache.prewarm', { kind, values });
        set({ prewarm: { phase: 'finished', report } });
      } catch (error) {
        set({ prewarm: { phase: 'failed', error: toAppError(error).toWire() } });
      }
    },
    cancelPrewarm: () => {
      void api.invoke('cache.prewarmCancel', {}).catch(() => undefined);
    },
    prewarmProgress: (progress) => {
      if (progress.job !== 'prewarm' || progress.finished || get().prewarm.phase !== 'running') return;
      set({ prewarm: { phase: 'running', done: progress.done, total: progress.total ?? progress.done } });
    },
  });
