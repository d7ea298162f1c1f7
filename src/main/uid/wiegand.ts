import type { WiegandDisplay } from '../../shared/uidProfile';
import { parseDecimalPair, parseHexNumber } from './rawText';
import { bigIntToBytes, bytesToBigInt, type UidBytes } from './uidBytes';
import { fail, succeed, type UidResult } from './uidResult';

/**
 * Wiegand-26 (8-bit facility + 16-bit card) and Wiegand-34 (16-bit facility + 16-bit card):
 * the data bits framed by a leading even-parity bit over the first half and a trailing
 * odd-parity bit over the second half. BigInt throughout: a 34-bit frame exceeds 32-bit ops.
 */
export type WiegandFormat = 26 | 34;

const dataBytes = (format: WiegandFormat): number => (format === 26 ? 3 : 4);
const facilityBits = (format: WiegandFormat): bigint => (format === 26 ? 8n : 16n);
const CARD_BITS = 16n;

function onesIn(value: bigint): number {
  let count = 0;
  for (let rest = value; rest > 0n; rest >>= 1n) count += Number(rest & 1n);
  return count;
}

function parityBits(data: bigint, format: WiegandFormat): { even: bigint; odd: bigint } {
  const half = BigInt((format - 2) / 2);
  const firstHalf = data >> half;
  const secondHalf = data & ((1n << half) - 1n);
  return { even: BigInt(onesIn(firstHalf) % 2), odd: BigInt(1 - (onesIn(secondHalf) % 2)) };
}

function frameOf(data: bigint, format: WiegandFormat): bigint {
  const { even, odd } = parityBits(data, format);
  return (even << BigInt(format - 1)) | (data << 1n) | odd;
}

/** `data` is 3 bytes for Wiegand-26, 4 for Wiegand-34. */
export function wiegandText(data: UidBytes, format: WiegandFormat, display: WiegandDisplay): string {
  const value = bytesToBigInt(data);
  if (display === 'frame-hex') {
    return frameOf(value, format).toString(16).toUpperCase().padStart(Math.ceil(format / 4), '0');
  }
  const facility = value >> CARD_BITS;
  const card = value & ((1n << CARD_BITS) - 1n);
  return `${facility.toString().padStart(format === 26 ? 3 : 5, '0')},${card.toString().padStart(5, '0')}`;
}

export function wiegandData(text: string, format: WiegandFormat, display: WiegandDisplay): UidResult<number[]> {
  let data: bigint;
  if (display === 'frame-hex') {
    const frame = parseHexNumber(text);
    if (!frame.ok) return frame;
    if (frame.value >= 1n << BigInt(format)) return fail('out-of-range', `"${text}" is longer than a ${format}-bit Wiegand frame.`);
    data = (frame.value >> 1n) & ((1n << BigInt(format - 2)) - 1n);
    if (frameOf(data, format) !== frame.value) return fail('bad-parity', `"${text}" fails the Wiegand-${format} parity check.`);
  } else {
    const pair = parseDecimalPair(text);
    if (!pair.ok) return pair;
    const [facility, card] = pair.value;
    if (facility >= 1n << facilityBits(format) || card >= 1n << CARD_BITS) {
      return fail('out-of-range', `"${text}" does not fit Wiegand-${format} (facility < ${1n << facilityBits(format)}, card < 65536).`);
    }
    data = (facility << CARD_BITS) | card;
  }
  // Cannot fail: data was masked or range-checked to the format's width above.
  return succeed(bigIntToBytes(data, dataBytes(format)) ?? []);
}
