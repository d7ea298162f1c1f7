import { describe, expect, it } from 'vitest';
import { WedgeBurstDetector, type WedgeDecision, type WedgeKey } from '../../src/renderer/src/features/wedge/WedgeBurstDetector';
import { azertyReaderKeys, enter, tab, usKeys, type KeyPress } from './support/keyboard';

/** Feeds `keys` one every `gapMs` from `start`, then `last` `lastGapMs` later; returns every decision. */
function feed(
  detector: WedgeBurstDetector,
  keys: readonly KeyPress[],
  gapMs: number,
  { start = 1000, last, lastGapMs = gapMs }: { start?: number; last?: KeyPress; lastGapMs?: number } = {},
): WedgeDecision<WedgeKey>[] {
  const decisions = keys.map((key, index) => detector.feed(wedgeKey(key, start + index * gapMs)));
  if (last !== undefined) decisions.push(detector.feed(wedgeKey(last, start + (keys.length - 1) * gapMs + lastGapMs)));
  return decisions;
}

function wedgeKey(key: KeyPress, at: number): WedgeKey {
  return { code: key.code, key: key.key, at, shiftKey: key.shiftKey ?? false, ctrlKey: key.ctrlKey ?? false };
}

const scans = (decisions: readonly WedgeDecision<WedgeKey>[]) => decisions.flatMap((d) => (d.action === 'scan' ? [d.scan] : []));
const released = (decisions: readonly WedgeDecision<WedgeKey>[]) =>
  decisions.flatMap((d) => (d.action === 'scan' ? [] : d.release.map((key) => key.key))).join('');

describe('WedgeBurstDetector', () => {
  it('reads a 5 ms/key burst by key code, so an AZERTY layout cannot garble it', () => {
    const keys = azertyReaderKeys('04A2B3C4D5E6F7');
    expect(keys.map((key) => key.key).join('')).toBe(`à'QéB"C'D(E-Fè`);
    const decisions = feed(new WedgeBurstDetector(), keys, 5, { last: enter });
    expect(decisions.slice(0, -1).every((d) => d.action === 'hold' && d.release.length === 0)).toBe(true);
    expect(decisions.at(-1)).toEqual({ action: 'scan', scan: '04A2B3C4D5E6F7' });
  });

  it('takes Tab and NumpadEnter as the end of a burst too', () => {
    expect(scans(feed(new WedgeBurstDetector(), usKeys('1C78F2BF'), 4, { last: tab }))).toEqual(['1C78F2BF']);
    expect(scans(feed(new WedgeBurstDetector(), usKeys('8768765876875'), 4, { last: { code: 'NumpadEnter', key: 'Enter' } }))).toEqual([
      '8768765876875',
    ]);
  });

  it('reads Numpad digits whatever Num Lock made of their key', () => {
    const keys: KeyPress[] = Array.from('3220338716').map((digit) => ({ code: `Numpad${digit}`, key: digit === '0' ? 'Insert' : digit }));
    expect(scans(feed(new WedgeBurstDetector(), keys, 8, { last: enter }))).toEqual(['3220338716']);
  });

  it('never scans the rest of a burst that was split: its first half went to the page', () => {
    const detector = new WedgeBurstDetector();
    const first = feed(detector, usKeys('04A2B3'), 5);
    // The caller's timer fired (the page was busy): the first half is given back as typing.
    expect(detector.release().map((key) => key.key).join('')).toBe('04A2B3');
    expect(first.every((d) => d.action === 'hold')).toBe(true);
    // The rest follows at reader speed: a valid-looking 4-byte UID, but only half a band.
    const rest = feed(detector, usKeys('C4D5E6C1'), 5, { start: 1000 + 5 * 5 + 5, last: enter });
    expect(scans(rest)).toEqual([]);
    expect(released(rest)).toBe('C4D5E6C1');
    // A clean burst later is read again.
    expect(scans(feed(detector, usKeys('04A2B3C4D5E6C1'), 5, { start: 5000, last: enter }))).toEqual(['04A2B3C4D5E6C1']);
  });

  it('gives a stalled burst back as typing: no scan, and the Enter after it passes', () => {
    const detector = new WedgeBurstDetector();
    const decisions = feed(detector, usKeys('04A2B3C4'), 5, { last: enter, lastGapMs: 200 });
    expect(scans(decisions)).toEqual([]);
    expect(released(decisions)).toBe('04A2B3C4');
    expect(decisions.at(-1)?.action).toBe('pass');
    expect(detector.holding).toBe(false);
  });

  it('gives back the keys before a stall at once, and judges a fast run after it on its own', () => {
    const detector = new WedgeBurstDetector();
    const before = feed(detector, usKeys('04A2'), 5);
    const after = feed(detector, usKeys('1C78F2BF'), 5, { start: 2000, last: enter });
    expect(after[0]).toEqual({ action: 'hold', release: usKeys('04A2').map((key): unknown => expect.objectContaining({ key: key.key })) });
    expect(scans([...before, ...after])).toEqual(['1C78F2BF']);
  });

  it('gives the keys back when Enter comes too late or the burst is too short', () => {
    expect(scans(feed(new WedgeBurstDetector(), usKeys('04A2B3C4'), 5, { last: enter, lastGapMs: 36 }))).toEqual([]);
    const short = feed(new WedgeBurstDetector(), usKeys('123'), 5, { last: enter });
    expect(scans(short)).toEqual([]);
    expect(released(short)).toBe('123');
  });

  it('holds a person typing at 150 ms/key only until the next key shows it was a person', () => {
    const detector = new WedgeBurstDetector();
    const decisions = feed(detector, usKeys('Hansen'), 150, { last: enter });
    expect(decisions.slice(0, -1).every((d) => d.action === 'hold')).toBe(true);
    expect(released(decisions)).toBe('Hansen');
    expect(decisions.at(-1)?.action).toBe('pass');
    expect(detector.holding).toBe(false);
  });

  it('passes Ctrl/Alt/Meta combinations, auto-repeat and keys no reader sends, giving earlier held keys back first', () => {
    const detector = new WedgeBurstDetector();
    expect(detector.feed({ code: 'KeyF', key: 'f', at: 0, shiftKey: false, ctrlKey: true })).toEqual({ action: 'pass', release: [] });
    expect(detector.feed({ code: 'KeyV', key: 'v', at: 10, shiftKey: false, metaKey: true }).action).toBe('pass');
    expect(detector.feed({ code: 'Digit2', key: '@', at: 20, shiftKey: false, ctrlKey: true, altKey: true }).action).toBe('pass');
    expect(detector.feed({ code: 'Digit1', key: '1', at: 30, shiftKey: false, repeat: true }).action).toBe('pass');

    detector.feed({ code: 'Digit1', key: '1', at: 100, shiftKey: false });
    const backspace = detector.feed({ code: 'Backspace', key: 'Backspace', at: 105, shiftKey: false });
    expect(backspace).toEqual({ action: 'pass', release: [expect.objectContaining({ key: '1' })] });
  });

  it("ignores a reader's Shift presses between characters", () => {
    const keys = usKeys('04AB').flatMap((key): KeyPress[] => (key.shiftKey === true ? [{ code: 'ShiftLeft', key: 'Shift' }, key] : [key]));
    expect(scans(feed(new WedgeBurstDetector(), keys, 3, { last: enter }))).toEqual(['04AB']);
  });

  it('release() gives back what it held, oldest first, and a configured gap is honoured', () => {
    const detector = new WedgeBurstDetector({ maxGapMs: 60, minLength: 6 });
    feed(detector, usKeys('12345'), 50);
    expect(detector.release().map((key) => key.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(detector.holding).toBe(false);
    expect(scans(feed(detector, usKeys('123456'), 50, { start: 5000, last: enter }))).toEqual(['123456']);
  });
});
