import { isTypingTarget } from '../../ui/shortcutKeys';

/** A key wedge capture held back, with where it was going. */
export interface HeldKeyPress {
  readonly code: string;
  readonly key: string;
  readonly shiftKey: boolean;
  readonly target: EventTarget | null;
}

/**
 * Delivers a held key that turned out to be a person's, as if it had just been pressed: a
 * keydown for the app's own shortcuts (`G`, `S`…), then, unless a handler took the key, its
 * character typed into the field it was pressed in. Browsers never type for a synthetic keydown,
 * so the text is inserted here, at the caret, with the `input` event React listens to.
 * Keys for a field that has lost focus since are dropped: they would land somewhere else.
 */
export function replayKey(held: HeldKeyPress): void {
  const target = held.target instanceof Node && held.target.isConnected ? held.target : document.body;
  const event = new KeyboardEvent('keydown', {
    key: held.key,
    code: held.code,
    shiftKey: held.shiftKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!target.dispatchEvent(event)) return;
  if (target !== document.activeElement || !isTypingTarget(target)) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) insertText(target, held.key);
}

function insertText(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  // Only what a key press would have typed: one character ("Dead", "Unidentified" type nothing).
  if (!/^.$/u.test(text) || field.readOnly || field.disabled) return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  if (field.maxLength >= 0 && field.value.length - (end - start) + text.length > field.maxLength) return;
  // Through the prototype's setter: React watches `value` on the element itself, and only a
  // value it did not see being set makes the `input` event reach onChange.
  Reflect.set(Object.getPrototypeOf(field) as object, 'value', field.value.slice(0, start) + text + field.value.slice(end), field);
  field.setSelectionRange(start + text.length, start + text.length);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
