import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { tapOutcome } from './tapOutcome';
import { createTonePlayer, type TonePlayer } from './tonePlayer';

/**
 * A sound and a colour flash for every answered tap. The flash overlays the screen without
 * hiding or delaying anything; it is remounted per tap (keyed), so its CSS animation restarts.
 */
export function TapFeedback({ player: givenPlayer }: { player?: TonePlayer } = {}) {
  const [player] = useState(() => givenPlayer ?? createTonePlayer());
  const identify = useAppStore((state) => state.identify);
  const outcome = tapOutcome(identify);
  const tap = identify.phase === 'idle' ? 0 : identify.tap;
  const lastSignalledTap = useRef(0);

  useEffect(() => {
    if (outcome === null || tap === lastSignalledTap.current) return;
    lastSignalledTap.current = tap;
    player.play(outcome);
  }, [outcome, tap, player]);

  useEffect(() => {
    const unlock = () => player.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [player]);

  if (outcome === null) return null;
  return <div key={tap} className={`tap-flash tap-flash--${outcome}`} data-testid="tap-flash" aria-hidden="true" />;
}
