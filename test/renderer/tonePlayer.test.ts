import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTonePlayer } from '../../src/renderer/src/features/feedback/tonePlayer';

/** Records the oscillators each outcome schedules. */
class RecordingAudioContext {
  static played: { type: string; frequency: number }[] = [];
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = () => Promise.resolve();
  createOscillator() {
    const oscillator = {
      type: 'sine',
      frequency: { setValueAtTime: (value: number) => RecordingAudioContext.played.push({ type: oscillator.type, frequency: value }) },
      connect: (node: unknown) => node,
      start: () => {},
      stop: () => {},
    };
    return oscillator;
  }
  createGain() {
    return {
      gain: { setValueAtTime: () => {}, linearRampToValueAtTime: () => {} },
      connect: (node: unknown) => node,
    };
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  RecordingAudioContext.played = [];
});

describe('tone player', () => {
  it('does nothing, and does not throw, where there is no AudioContext', () => {
    vi.stubGlobal('AudioContext', undefined);
    const player = createTonePlayer();
    expect(() => {
      player.unlock();
      player.play('found');
      player.play('error');
    }).not.toThrow();
  });

  it('plays a different melody for found, not found and error', () => {
    vi.stubGlobal('AudioContext', RecordingAudioContext);
    const player = createTonePlayer();
    const melody = (outcome: 'found' | 'not-found' | 'error') => {
      RecordingAudioContext.played = [];
      player.play(outcome);
      return JSON.stringify(RecordingAudioContext.played);
    };
    const melodies = new Set([melody('found'), melody('not-found'), melody('error')]);
    expect(melodies.size).toBe(3);
    expect(JSON.parse(melody('found'))).toHaveLength(2);
  });

  it('swallows audio failures: sound must never break a lookup', () => {
    vi.stubGlobal(
      'AudioContext',
      function BrokenAudioContext() {
        throw new Error('no audio device');
      },
    );
    expect(() => createTonePlayer().play('not-found')).not.toThrow();
  });
});
