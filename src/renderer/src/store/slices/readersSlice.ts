import type { Result } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import type { ListedHidDevice, ReaderDiagnostic } from '../../../../shared/readers';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export type DeviceList =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'loaded'; devices: ListedHidDevice[] }
  | { phase: 'failed'; error: WireError };

export interface ReadersSlice {
  /** The reader test screen's picture, refreshed while it is open. */
  readerDiagnostics: ReaderDiagnostic[] | null;
  loadReaderDiagnostics: () => Promise<void>;
  /** The USB HID devices present, for picking a reader in Settings. */
  hidDevices: DeviceList;
  loadHidDevices: () => Promise<void>;
  /** Rejects with an AppError (READER_NO_TAP, ADMIN_LOCKED, …). */
  calibrateReader: (readerId: string, knownUid: string) => Promise<Result<'reader.calibrate'>>;
}

export const createReadersSlice: SliceCreator<ReadersSlice> =
  ({ api }) =>
  (set) => ({
    readerDiagnostics: null,
    loadReaderDiagnostics: async () => {
      try {
        set({ readerDiagnostics: await api.invoke('reader.diagnostics', {}) });
      } catch {
        // The next refresh tries again; the screen keeps what it last knew.
      }
    },
    calibrateReader: async (readerId, knownUid) => {
      try {
        return await api.invoke('reader.calibrate', { readerId, knownUid });
      } catch (error) {
        throw toAppError(error);
      }
    },
    hidDevices: { phase: 'idle' },
    loadHidDevices: async () => {
      set({ hidDevices: { phase: 'loading' } });
      try {
        set({ hidDevices: { phase: 'loaded', devices: await api.invoke('reader.devices', {}) } });
      } catch (error) {
        set({ hidDevices: { phase: 'failed', error: toAppError(error).toWire() } });
      }
    },
  });
