/**
 * Byte-level helpers. UID values only ever become BigInt: a 7-byte UID exceeds 2^53, so a
 * Number would silently round it.
 */
export type UidBytes = readonly number[];

export function bytesToHex(bytes: UidBytes): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** `hex` must already be validated: an even number of hex digits. */
export function hexToBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  return bytes;
}

export function bytesToBigInt(bytes: UidBytes): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** Big-endian, exactly `size` bytes; undefined when the value does not fit. */
export function bigIntToBytes(value: bigint, size: number): number[] | undefined {
  if (value < 0n || value >= 1n << BigInt(8 * size)) return undefined;
  const bytes = new Array<number>(size);
  let rest = value;
  for (let i = size - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/** Digits of the largest value `size` bytes can hold: the width readers zero-pad decimal to. */
export function decimalWidth(size: number): number {
  return ((1n << BigInt(8 * size)) - 1n).toString().length;
}
