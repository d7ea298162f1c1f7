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
  /** Venue Manager's late answer to a lookup first answered from the cache: it replaces that answer, and only that one. */
  lookupRefreshed: (revalidation: string, result: IdentifyResult) => void;
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
    lookupRefreshed: (revalidation, result) => {
      const { identify } = get();
      // Only the answer still on screen and still waiting for this very answer: a newer tap of
      // the same band has its own.
      if (identify.phase !== 'answered' || identify.result.kind !== 'found' || identify.result.revalidation !== revalidation) return;
      set({ identify: { ...identify, result } });
    },
  });
