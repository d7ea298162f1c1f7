/**
 * The character a reader meant by a key, read from `KeyboardEvent.code` (the physical key), never
 * from `key`: the OS layout rewrites `key` (on AZERTY, Digit1 without Shift is "&"; Danish and
 * German layouts move other keys), while readers send the same physical keys on every layout.
 * Digits and letters only: hex UIDs, decimal UIDs and barcodes need nothing else.
 * Letters are upper case, whatever Shift or Caps Lock said.
 */
export function wedgeCharacter(code: string): string | null {
  // Keypad digits count whatever NumLock made of them (a reader's digits must not become arrows);
  // the price: with NumLock off, a person's keypad arrow is re-delivered without moving a caret.
  const match = /^(?:Digit|Numpad)([0-9])$|^Key([A-Z])$/.exec(code);
  if (match === null) return null;
  return match[1] ?? match[2] ?? null;
}

/** The suffixes readers end a read with. */
export function isWedgeTerminator(code: string): boolean {
  return code === 'Enter' || code === 'NumpadEnter' || code === 'Tab';
}

/** Keys a reader (or a person) presses around a character without typing anything. */
export function isModifierOnly(code: string): boolean {
  return /^(?:Shift|Control|Alt|Meta)(?:Left|Right)$|^CapsLock$/.test(code);
}
