import type { Status } from '../../../../shared/contract';
import type { SliceCreator } from '../appState';

export interface StatusSlice {
  /** From `status.get`, then replaced by every `status` event. */
  status: Status | null;
  setStatus: (status: Status) => void;
}

export const createStatusSlice: SliceCreator<StatusSlice> = () => (set) => ({
  status: null,
  setStatus: (status) => set({ status }),
});
