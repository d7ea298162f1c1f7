/**
 * HID Keyboard/Keypad usage codes (USB HID Usage Tables §10) as the characters a US layout gives.
 * Decoding from usage codes rather than OS key events is what makes the OS layout irrelevant:
 * a reader that "types" 0 sends 0x27 whether the desk PC is QWERTY or AZERTY.
 */

/** Usages that end a line. */
export const TERMINATOR_USAGES: ReadonlySet<number> = new Set([
  0x28, // Enter
  0x58, // Keypad Enter
  0x2b, // Tab
]);

/** ErrorRollOver, POSTFail, ErrorUndefined: the report carries no key state at all. */
export const ERROR_USAGES: ReadonlySet<number> = new Set([0x01, 0x02, 0x03]);

interface KeyChars {
  plain: string;
  shifted: string;
}

function buildTable(): ReadonlyMap<number, KeyChars> {
  const table = new Map<number, KeyChars>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < letters.length; i += 1) {
    const letter = letters.charAt(i);
    table.set(0x04 + i, { plain: letter, shifted: letter.toUpperCase() });
  }
  // The top row runs 1..9 then 0.
  const digits = '1234567890';
  const shiftedDigits = '!@#$%^&*()';
  for (let i = 0; i < digits.length; i += 1) {
    table.set(0x1e + i, { plain: digits.charAt(i), shifted: shiftedDigits.charAt(i) });
  }
  const punctuation: [number, string, string][] = [
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
  ];
  for (const [usage, plain, shifted] of punctuation) table.set(usage, { plain, shifted });
  // Keypad keys ignore Shift, and their usages are the same whatever NumLock says.
  const keypad: [number, string][] = [
    [0x54, '/'],
    [0x55, '*'],
    [0x56, '-'],
    [0x57, '+'],
    [0x62, '0'],
    [0x63, '.'],
  ];
  for (let i = 0; i < 9; i += 1) keypad.push([0x59 + i, String(i + 1)]);
  for (const [usage, char] of keypad) table.set(usage, { plain: char, shifted: char });
  return table;
}

const table = buildTable();

/** The character a key types, or undefined when it types none a reader would send. */
export function charForUsage(usage: number, shift: boolean): string | undefined {
  const chars = table.get(usage);
  if (chars === undefined) return undefined;
  return shift ? chars.shifted : chars.plain;
}
