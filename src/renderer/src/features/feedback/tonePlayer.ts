import type { TapOutcome } from './tapOutcome';

/** Taps' outcomes, and an action kept for later ("queued"). */
export type Outcome = TapOutcome | 'queued';

interface Tone {
  frequencyHz: number;
  durationMs: number;
  wave: OscillatorType;
}

/**
 * Distinct by pitch direction and timbre, not just pitch, so they are told apart in a noisy
 * tent: rising = found, falling = unknown wristband, two level notes = queued, low buzz twice = something failed.
 */
const melodies: Record<Outcome, Tone[]> = {
  found: [
    { frequencyHz: 880, durationMs: 90, wave: 'sine' },
    { frequencyHz: 1320, durationMs: 140, wave: 'sine' },
  ],
  'not-found': [
    { frequencyHz: 660, durationMs: 150, wave: 'triangle' },
    { frequencyHz: 440, durationMs: 240, wave: 'triangle' },
  ],
  // Level, soft and short: noted for later — neither success nor failure.
  queued: [
    { frequencyHz: 740, durationMs: 110, wave: 'sine' },
    { frequencyHz: 740, durationMs: 110, wave: 'sine' },
  ],
  error: [
    { frequencyHz: 200, durationMs: 170, wave: 'square' },
    { frequencyHz: 200, durationMs: 170, wave: 'square' },
  ],
};

const gapMs = 40;
const volume = 0.2;

export interface TonePlayer {
  play(outcome: Outcome): void;
  /** Browsers only let audio start after a user gesture: call this from one. */
  unlock(): void;
}

type AudioContextConstructor = new () => AudioContext;

function findAudioContext(): AudioContextConstructor | null {
  const scope = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

/** Generated tones via WebAudio; silently does nothing where audio is unavailable (tests, locked-down kiosks). */
export function createTonePlayer(): TonePlayer {
  let context: AudioContext | null = null;

  const getContext = (): AudioContext | null => {
    if (context !== null) return context;
    const AudioContextImpl = findAudioContext();
    if (AudioContextImpl === null) return null;
    try {
      context = new AudioContextImpl();
    } catch {
      return null;
    }
    return context;
  };

  return {
    unlock() {
      const audio = getContext();
      if (audio?.state === 'suspended') audio.resume().catch(() => {});
    },
    play(outcome) {
      try {
        const audio = getContext();
        if (audio === null) return;
        if (audio.state === 'suspended') audio.resume().catch(() => {});
        let start = audio.currentTime;
        for (const tone of melodies[outcome]) {
          const end = start + tone.durationMs / 1000;
          const oscillator = audio.createOscillator();
          const gain = audio.createGain();
          oscillator.type = tone.wave;
          oscillator.frequency.setValueAtTime(tone.frequencyHz, start);
          // Short ramps avoid clicks at the edges of each tone.
          gain.gain.setValueAtTime(0, start);
          gain.gain.linearRampToValueAtTime(volume, start + 0.01);
          gain.gain.setValueAtTime(volume, end - 0.02);
          gain.gain.linearRampToValueAtTime(0, end);
          oscillator.connect(gain).connect(audio.destination);
          oscillator.start(start);
          oscillator.stop(end);
          start = end + gapMs / 1000;
        }
      } catch {
        // Sound is a courtesy: the screen already shows the answer.
      }
    },
  };
}
