import { useContext, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { defaultReadersSettings } from '../../../../shared/readers';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { replayKey, type HeldKeyPress } from './replayKey';
import { WedgeBurstDetector, type WedgeKey } from './WedgeBurstDetector';
import { WedgeClockContext } from './wedgeClock';

type CapturedKey = WedgeKey & HeldKeyPress;

/**
 * A timer's margin over the detector's gap: the timer only backs up the keys' own timestamps,
 * and firing a little late costs a person nothing they can notice.
 */
const releaseMarginMs = 15;

/**
 * Keyboard-wedge readers type a UID and press Enter (on Windows this is their only way in). This
 * listens before everything else on the page (window, capture phase) and keeps a reader's keys
 * from every field, dialog and shortcut (DESIGN §6: no dialog can swallow a scan); a finished
 * burst goes to the core, whose `scan` event routeScan handles like any tap. A person's keys are
 * held for at most ~50 ms and then delivered where they were going (see WedgeBurstDetector).
 * Mount once.
 */
export function useWedgeCapture(): void {
  const store = useAppStoreApi();
  const clock = useContext(WedgeClockContext);
  const timing = useAppStore(
    useShallow((state) => state.settingsView?.settings.readers.wedgeTiming ?? defaultReadersSettings.wedgeTiming),
  );
  useEffect(() => {
    const detector = new WedgeBurstDetector<CapturedKey>(timing);
    let cancelRelease: (() => void) | null = null;
    let replaying = false;

    const giveBack = (keys: readonly CapturedKey[]) => {
      // The replayed keydowns pass this same listener: they must go straight through.
      replaying = true;
      try {
        for (const key of keys) replayKey(key);
      } finally {
        replaying = false;
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (replaying) return;
      cancelRelease?.();
      cancelRelease = null;
      const decision = detector.feed({
        code: event.code,
        key: event.key,
        at: clock.keyTime(event),
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        isComposing: event.isComposing,
        target: event.target,
      });
      if (decision.action === 'scan') {
        keepFromPage(event);
        void store.getState().wedgeScan(decision.scan);
        return;
      }
      giveBack(decision.release);
      if (decision.action === 'hold') keepFromPage(event);
      if (detector.holding) {
        cancelRelease = clock.after(detector.maxGapMs + releaseMarginMs, () => {
          cancelRelease = null;
          giveBack(detector.release());
        });
      }
    };

    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      cancelRelease?.();
    };
  }, [store, clock, timing]);
}

/** No default (no typed character, no submit, no focus move) and no other listener sees it. */
function keepFromPage(event: KeyboardEvent): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}
