import type { Result } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export type UidCalibration =
  | { phase: 'idle' }
  | { phase: 'waiting' }
  | { phase: 'busy'; uid: string }
  | { phase: 'done'; uid: string; outcome: Result<'uidFormat.calibrateVenue'> }
  | { phase: 'failed'; uid: string; error: WireError };

export interface UidCalibrationSlice {
  /** The venue's UID-format calibration: while `waiting`, the next tap is the calibration band (routeScan). */
  uidCalibration: UidCalibration;
  startUidCalibration: () => void;
  cancelUidCalibration: () => void;
  calibrateWithTap: (uid: string) => Promise<void>;
}

export const createUidCalibrationSlice: SliceCreator<UidCalibrationSlice> =
  ({ api }) =>
  (set, get) => ({
    uidCalibration: { phase: 'idle' },
    startUidCalibration: () => set({ uidCalibration: { phase: 'waiting' } }),
    cancelUidCalibration: () => set({ uidCalibration: { phase: 'idle' } }),
    calibrateWithTap: async (uid) => {
      set({ uidCalibration: { phase: 'busy', uid } });
      try {
        const outcome = await api.invoke('uidFormat.calibrateVenue', { uid });
        if (get().uidCalibration.phase === 'busy') set({ uidCalibration: { phase: 'done', uid, outcome } });
      } catch (error) {
        if (get().uidCalibration.phase === 'busy') set({ uidCalibration: { phase: 'failed', uid, error: toAppError(error).toWire() } });
      }
    },
  });
