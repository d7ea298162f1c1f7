import type { WireError } from '../../../../shared/errors';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export interface WedgeSlice {
  /** Why the last keyboard-reader read did not reach the core; cleared by the next read. */
  wedgeError: WireError | null;
  /**
   * Hands a keyboard-wedge reader's burst to the core. The core answers with a `scan` event like
   * any reader (or with nothing for a repeat), and routeScan decides what it means: this never
   * looks anything up or refuses anything itself.
   */
  wedgeScan: (raw: string) => Promise<void>;
}

export const createWedgeSlice: SliceCreator<WedgeSlice> =
  ({ api }) =>
  (set) => ({
    wedgeError: null,
    wedgeScan: async (raw) => {
      set({ wedgeError: null });
      try {
        await api.invoke('reader.wedgeScan', { raw });
      } catch (error) {
        set({ wedgeError: toAppError(error).toWire() });
      }
    },
  });
