import type { WireError } from '../../../../shared/errors';
import type { SampleWristband } from '../../../../shared/model';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export interface VirtualReaderSlice {
  samples: SampleWristband[];
  /** The sample the Tap button and F2 tap; '' lets the core pick. */
  selectedSampleUid: string;
  virtualReaderError: WireError | null;
  selectSample: (uid: string) => void;
  loadSamples: () => Promise<void>;
  /**
   * Asks the core to tap (a chosen sample, or one it picks). The answer arrives as a `scan`
   * event like any real tap, so this deliberately never looks anything up itself.
   */
  virtualTap: (uid?: string) => Promise<void>;
}

export const createVirtualReaderSlice: SliceCreator<VirtualReaderSlice> =
  ({ api }) =>
  (set) => ({
    samples: [],
    selectedSampleUid: '',
    virtualReaderError: null,
    selectSample: (selectedSampleUid) => set({ selectedSampleUid }),
    loadSamples: async () => {
      try {
        set({ samples: await api.invoke('reader.samples', {}) });
      } catch (error) {
        set({ virtualReaderError: toAppError(error).toWire() });
      }
    },
    virtualTap: async (uid) => {
      set({ virtualReaderError: null });
      try {
        await api.invoke('reader.virtualTap', uid === undefined ? {} : { uid });
      } catch (error) {
        set({ virtualReaderError: toAppError(error).toWire() });
      }
    },
  });
