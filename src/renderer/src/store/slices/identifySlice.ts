import type { WireError } from '../../../../shared/errors';
import type { IdentifyResult, ScanEvent } from '../../../../shared/model';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

/** What the identify screen shows: always about the latest tap only. */
export type IdentifyState =
  | { phase: 'idle' }
  | { phase: 'loading'; tap: number; scan: ScanEvent }
  | { phase: 'answered'; tap: number; scan: ScanEvent; result: IdentifyResult }
  | { phase: 'failed'; tap: number; scan: ScanEvent; error: WireError }
  /** The reader read something that can identify no wristband (e.g. a random ID): shown, not looked up. */
  | { phase: 'unreadable'; tap: number; scan: ScanEvent };

export interface IdentifySlice {
  identify: IdentifyState;
  /** Counts taps; an answer is shown only while its tap is still the latest. */
  latestTap: number;
  lookupScan: (scan: ScanEvent) => Promise<void>;
  /** Venue Manager's late answer to a lookup first answered from the cache: it replaces that answer. */
  lookupRefreshed: (uid: string, result: IdentifyResult) => void;
}

export const createIdentifySlice: SliceCreator<IdentifySlice> =
  ({ api }) =>
  (set, get) => ({
    identify: { phase: 'idle' },
    latestTap: 0,
    lookupScan: async (scan) => {
      const tap = get().latestTap + 1;
      if (scan.problem !== undefined) {
        set({ latestTap: tap, identify: { phase: 'unreadable', tap, scan } });
        return;
      }
      // A new tap replaces the view at once, so the previous owner is never shown next to a new UID.
      set({ latestTap: tap, identify: { phase: 'loading', tap, scan } });
      try {
        const result = await api.invoke('identify.lookup', { uid: scan.uid });
        if (get().latestTap === tap) set({ identify: { phase: 'answered', tap, scan, result } });
      } catch (error) {
        if (get().latestTap === tap) set({ identify: { phase: 'failed', tap, scan, error: toAppError(error).toWire() } });
      }
    },
    lookupRefreshed: (uid, result) => {
      const { identify } = get();
      // Only the answer still on screen, still waiting for it; a newer tap has its own answer.
      if (identify.phase !== 'answered' || identify.scan.uid !== uid) return;
      if (identify.result.kind !== 'found' || identify.result.refreshing !== true) return;
      set({ identify: { ...identify, result } });
    },
  });
