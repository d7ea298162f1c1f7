import { act } from '@testing-library/react';
import { isTypingTarget } from '../../../src/renderer/src/ui/shortcutKeys';
import type { FakeWedgeClock } from './FakeWedgeClock';

/** One physical key: `code` is the key's place, `key` what the OS layout made of it. */
export interface KeyPress {
  code: string;
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
}

/**
 * Presses a key as a browser would: keydown to the focused element and, unless a listener
 * prevented it, its character typed into the focused field (happy-dom types nothing itself).
 * Then `gapMs` passes on the clock, running any timer due by then.
 */
export function press(clock: FakeWedgeClock, key: KeyPress, gapMs = 0): void {
  act(() => {
    const target = document.activeElement ?? document.body;
    const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true, composed: true });
    const typed = target.dispatchEvent(event) && key.key.length === 1 && key.ctrlKey !== true;
    if (typed && isTypingTarget(target) && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) typeInto(target, key.key);
    target.dispatchEvent(new KeyboardEvent('keyup', { ...key, bubbles: true, cancelable: true, composed: true }));
    clock.advance(gapMs);
  });
}

/** What a browser does for a typed character: insert it at the caret, then `input` (React sees it as a change). */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  Reflect.set(Object.getPrototypeOf(field) as object, 'value', field.value.slice(0, start) + text + field.value.slice(end), field);
  field.setSelectionRange(start + text.length, start + text.length);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Presses each key with `gapMs` after it. */
export function pressAll(clock: FakeWedgeClock, keys: readonly KeyPress[], gapMs: number): void {
  for (const key of keys) press(clock, key, gapMs);
}

/** US-layout keys for digits and upper-case letters, as a person types them. */
export function usKeys(text: string): KeyPress[] {
  return Array.from(text).map((char) => {
    if (/[0-9]/.test(char)) return { code: `Digit${char}`, key: char };
    if (/[A-Z]/.test(char)) return { code: `Key${char}`, key: char, shiftKey: true };
    if (/[a-z]/.test(char)) return { code: `Key${char.toUpperCase()}`, key: char };
    throw new Error(`no US key for ${char}`);
  });
}

const azertyDigits: Record<string, string> = { 1: '&', 2: 'é', 3: '"', 4: "'", 5: '(', 6: '-', 7: 'è', 8: '_', 9: 'ç', 0: 'à' };
const azertySwapped: Record<string, string> = { A: 'Q', Q: 'A', W: 'Z', Z: 'W', M: '?' };

/**
 * The keys a reader sends for `text` (US key codes, Shift for letters) as a French AZERTY
 * desk sees them: digits come out as `&é"'(-è_çà`, A as Q, and so on.
 */
export function azertyReaderKeys(text: string): KeyPress[] {
  return Array.from(text).map((char) => {
    if (/[0-9]/.test(char)) return { code: `Digit${char}`, key: azertyDigits[char]! };
    if (/[A-Z]/.test(char)) return { code: `Key${char}`, key: azertySwapped[char] ?? char, shiftKey: true };
    throw new Error(`a reader sends only digits and upper-case letters, not ${char}`);
  });
}

export const enter: KeyPress = { code: 'Enter', key: 'Enter' };
export const tab: KeyPress = { code: 'Tab', key: 'Tab' };
