import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import type { TonePlayer } from './tonePlayer';

/** The sound for an action's outcome or a refused tap; TapFeedback does the same for lookups. */
export function ActionFeedback({ player }: { player: TonePlayer }) {
  const signal = useAppStore((state) => state.feedbackSignal);
  const lastSeq = useRef(0);

  useEffect(() => {
    if (signal === null || signal.seq === lastSeq.current) return;
    lastSeq.current = signal.seq;
    player.play(signal.tone);
  }, [signal, player]);

  return null;
}
