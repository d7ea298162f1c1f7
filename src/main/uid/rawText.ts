import { hexToBytes } from './uidBytes';
import { fail, succeed, type UidResult } from './uidResult';

/**
 * Tolerant reading of what readers and people type: surrounding whitespace, any letter case,
 * byte separators in hex, leading zeros in decimal. Anything else is refused with a reason,
 * never guessed at.
 */

const hexSeparators = /[\s:-]/g;

export function parseHexBytes(text: string): UidResult<number[]> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'The UID text is empty.');
  const digits = trimmed.replace(/^0x/i, '').replace(hexSeparators, '');
  if (!/^[0-9a-fA-F]+$/.test(digits)) return fail('not-hex', `"${text}" is not hexadecimal.`);
  if (digits.length % 2 !== 0) return fail('bad-length', `"${text}" has an odd number of hex digits: not whole bytes.`);
  return succeed(hexToBytes(digits));
}

export function parseDecimal(text: string): UidResult<bigint> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'The UID text is empty.');
  if (!/^\d+$/.test(trimmed)) return fail('not-a-number', `"${text}" is not a decimal number.`);
  return succeed(BigInt(trimmed));
}

/** A frame or other value written as one hex number (not necessarily whole bytes). */
export function parseHexNumber(text: string): UidResult<bigint> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'The UID text is empty.');
  const digits = trimmed.replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]+$/.test(digits)) return fail('not-hex', `"${text}" is not hexadecimal.`);
  return succeed(BigInt(`0x${digits}`));
}

/** Two decimal groups, e.g. Wiegand "facility,card": "191,62072", "191/62072", "191 62072". */
export function parseDecimalPair(text: string): UidResult<readonly [bigint, bigint]> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'The UID text is empty.');
  const match = /^(\d+)\s*[,;:/.\s-]\s*(\d+)$/.exec(trimmed);
  if (match?.[1] === undefined || match[2] === undefined) {
    return fail('not-a-number', `"${text}" is not two decimal numbers (facility, card).`);
  }
  return succeed([BigInt(match[1]), BigInt(match[2])] as const);
}
