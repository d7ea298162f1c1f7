import { describe, expect, it } from 'vitest';
import {
  comparisonKey,
  decode,
  decodedMatches,
  encode,
  parseCanonicalUid,
  representations,
  type CanonicalUid,
  type DecodedUid,
} from '../../../src/main/uid';
import type { UidProfile } from '../../../src/shared/uidProfile';

/**
 * Known bands written out by hand in every form. The expected texts are computed in the comments,
 * not by the code under test, so a wrong byte order, parity or padding makes these fail.
 */

function uid(text: string): CanonicalUid {
  const parsed = parseCanonicalUid(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

const hex = (byteOrder: UidProfile['byteOrder'], shortening: UidProfile['shortening'] = 'none'): UidProfile => ({
  encoding: 'hex',
  shortening,
  byteOrder,
  separator: '',
  letterCase: 'upper',
});
const decimal = (byteOrder: UidProfile['byteOrder'], shortening: UidProfile['shortening'] = 'none', padTo = 0): UidProfile => ({
  encoding: 'decimal',
  shortening,
  byteOrder,
  padTo,
  uidSize: null,
});
const wiegand = (
  encoding: 'wiegand-26' | 'wiegand-34',
  byteOrder: UidProfile['byteOrder'],
  display: 'facility-card' | 'frame-hex',
  shortening: UidProfile['shortening'] = 'none',
): UidProfile => ({ encoding, shortening, byteOrder, display });

function decoded(raw: string, profile: UidProfile): DecodedUid {
  const result = decode(raw, profile);
  if (!result.ok) throw new Error(`${raw}: ${result.reason} ${result.message}`);
  return result.value;
}

interface Form {
  name: string;
  profile: UidProfile;
  text: string;
  /** For a lossy form: the masks its reading reveals. */
  key?: string;
}
const form = (name: string, profile: UidProfile, text: string, key?: string): Form => ({ name, profile, text, key });

// 4-byte band from the notes (hamster wiki): 1C 78 F2 BF.
const UID4 = uid('1C78F2BF');
const lossless4: Form[] = [
  form('hex', hex('as-read'), '1C78F2BF'),
  form('hex reversed', hex('reversed'), 'BFF2781C'),
  // 0x1C*2^24 + 0x78*2^16 + 0xF2*2^8 + 0xBF = 469762048 + 7864320 + 61952 + 191
  form('decimal', decimal('as-read'), '477688511'),
  form('decimal zero-padded to 10', decimal('as-read', 'none', 10), '0477688511'),
  // 0xBFF2781C = 3204448256 + 15859712 + 30720 + 28: the value the notes saw printed at an event.
  form('decimal reversed', decimal('reversed'), '3220338716'),
  // facility 0x1C78 = 7288, card 0xF2BF = 62143
  form('Wiegand-34 facility,card', wiegand('wiegand-34', 'as-read', 'facility-card'), '07288,62143'),
  // 0x1C78 has 7 ones -> leading even-parity bit 1; 0xF2BF has 12 ones -> trailing odd-parity bit 1:
  // 1<<33 | 0x1C78F2BF<<1 | 1 = 0x200000000 + 0x38F1E57E + 1
  form('Wiegand-34 frame', wiegand('wiegand-34', 'as-read', 'frame-hex'), '238F1E57F'),
  // reversed BF F2 78 1C: facility 0xBFF2 = 49138, card 0x781C = 30748
  form('Wiegand-34 reversed facility,card', wiegand('wiegand-34', 'reversed', 'facility-card'), '49138,30748'),
];
// Wiegand-26 keeps the low 24 bits, so byte 0 (as read) or byte 3 (reversed) is lost.
const lossy4: Form[] = [
  // data 78 F2 BF: facility 0x78 = 120, card 0xF2BF = 62143
  form('Wiegand-26 facility,card', wiegand('wiegand-26', 'as-read', 'facility-card'), '120,62143', '??78F2BF'),
  // 0x78F2BF: first 12 bits 0x78F has 8 ones -> even bit 0; last 12 bits 0x2BF has 8 ones -> odd bit 1:
  // 0x78F2BF<<1 | 1 = 0xF1E57F, 7 hex digits for 26 bits
  form('Wiegand-26 frame', wiegand('wiegand-26', 'as-read', 'frame-hex'), '0F1E57F', '??78F2BF'),
  // reversed BF F2 78 1C -> data F2 78 1C: facility 242, card 0x781C = 30748
  form('Wiegand-26 reversed facility,card', wiegand('wiegand-26', 'reversed', 'facility-card'), '242,30748', '1C78F2??'),
];

// 7-byte NXP band (manufacturer 04) whose first 3 bytes are the notes' 04 C4 3B.
const UID7 = uid('04C43B1A2B3C80');
const lossless7: Form[] = [
  form('hex', hex('as-read'), '04C43B1A2B3C80'),
  form('hex reversed', hex('reversed'), '803C2B1A3BC404'),
  // 0x04C43B1A * 2^24 + 0x2B3C80 = 79969050 * 16777216 + 2833536
  form('decimal', decimal('as-read'), '1341658027998336'),
  // 2^56 - 1 has 17 digits
  form('decimal zero-padded to 17', decimal('as-read', 'none', 17), '01341658027998336'),
  // 0x803C2B1A * 2^24 + 0x3BC404 = 2151426842 * 16777216 + 3916804 (> 2^53)
  form('decimal reversed', decimal('reversed'), '36094952840348676'),
];
const CL1_MASK = '04C43B????????|04C43B??????????????';
const FIRST4_MASK = '04C43B1A|04C43B1A??????|04C43B1A????????????';
const lossy7: Form[] = [
  // cascade level 1: 88 04 C4 3B
  form('cascade level 1 hex', hex('as-read', 'cascade-level-1'), '8804C43B', CL1_MASK),
  // 3B C4 04 88 = 0x3BC40488: the notes' event value
  form('cascade level 1 decimal reversed', decimal('reversed', 'cascade-level-1'), '1002701960', CL1_MASK),
  // 0x8804C43B = 136*2^24 + 4*2^16 + 196*2^8 + 59 = 2281701376 + 262144 + 50176 + 59
  form('cascade level 1 decimal', decimal('as-read', 'cascade-level-1'), '2282013755', CL1_MASK),
  // reversed 3B C4 04 88 -> Wiegand-26 data C4 04 88: facility 196, card 0x0488 = 1160; byte 2 (3B) is lost
  form('cascade level 1 Wiegand-26 reversed', wiegand('wiegand-26', 'reversed', 'facility-card', 'cascade-level-1'), '196,01160', '04C4??????????|04C4????????????????'),
  form('first 4 bytes hex', hex('as-read', 'first-4-bytes'), '04C43B1A', FIRST4_MASK),
  // 0x04C43B1A = 79969050
  form('first 4 bytes decimal zero-padded', decimal('as-read', 'first-4-bytes', 10), '0079969050', FIRST4_MASK),
  // facility 0x04C4 = 1220, card 0x3B1A = 15130
  form('first 4 bytes Wiegand-34', wiegand('wiegand-34', 'as-read', 'facility-card', 'first-4-bytes'), '01220,15130', FIRST4_MASK),
  // data C4 3B 1A: facility 196, card 15130; byte 0 (04) is lost
  form('first 4 bytes Wiegand-26', wiegand('wiegand-26', 'as-read', 'facility-card', 'first-4-bytes'), '196,15130', '??C43B1A|??C43B1A??????|??C43B1A????????????'),
  // last 4 bytes 1A 2B 3C 80 reversed = 0x803C2B1A = 2151426842
  form('last 4 bytes decimal reversed', decimal('reversed', 'last-4-bytes'), '2151426842', '1A2B3C80|??????1A2B3C80|????????????1A2B3C80'),
];

describe.each([
  ['4-byte', UID4, lossless4, lossy4],
  ['7-byte', UID7, lossless7, lossy7],
] as const)('%s band %s', (_size, band, lossless, lossy) => {
  it.each(lossless)('$name: encodes to $text and decodes back to the band', ({ profile, text }) => {
    expect(encode(band, profile)).toEqual({ ok: true, value: text });
    expect(decoded(text, profile)).toEqual({ kind: 'full', uid: band });
  });

  it.each(lossy)('$name: encodes to $text; decodes to a partial that matches only by comparison', ({ profile, text, key }) => {
    expect(encode(band, profile)).toEqual({ ok: true, value: text });
    const reading = decoded(text, profile);
    expect(reading.kind).toBe('partial');
    if (reading.kind === 'partial') expect(reading.partial.key).toBe(key);
    expect(decodedMatches(reading, band)).toBe(true);
    expect(comparisonKey(band, profile)).toEqual({ ok: true, value: key });
  });

  it('lists every hand-computed form among its representations, with the producing profile', () => {
    const listed = representations(band);
    for (const { profile, text } of [...lossless, ...lossy]) {
      const entry = listed.find((r) => r.value === text);
      expect(entry, text).toBeDefined();
      expect(entry!.profiles).toContainEqual(profile);
    }
    expect(new Set(listed.map((r) => r.value)).size).toBe(listed.length);
    expect(listed[0]).toMatchObject({ value: band, lossless: true });
  });
});

describe('lossy readings', () => {
  it('do not match a band that differs in a byte the reader kept', () => {
    const reading = decoded('1002701960', decimal('reversed', 'cascade-level-1'));
    expect(decodedMatches(reading, uid('04C43C1A2B3C80'))).toBe(false);
    // ...but do match a band that differs only in dropped bytes: that is what lossy means.
    expect(decodedMatches(reading, uid('04C43BFFFFFFFF'))).toBe(true);
  });

  it('cascade level 1 without the 88 tag is refused', () => {
    expect(decode('1204C43B', hex('as-read', 'cascade-level-1'))).toMatchObject({ ok: false, reason: 'missing-cascade-tag' });
  });

  it('a shortened form read as if full is refused as a cascade tag, not taken for a 4-byte band', () => {
    expect(decode('8804C43B', hex('as-read'))).toMatchObject({ ok: false, reason: 'cascade-tag' });
    expect(decode('1002701960', decimal('reversed'))).toMatchObject({ ok: false, reason: 'cascade-tag' });
  });

  it('a 4-byte band has no cascade level 1, and a 7-byte one does not fit Wiegand unshortened', () => {
    expect(encode(UID4, hex('as-read', 'cascade-level-1'))).toMatchObject({ ok: false, reason: 'profile-does-not-fit' });
    expect(encode(UID7, wiegand('wiegand-34', 'as-read', 'facility-card'))).toMatchObject({ ok: false, reason: 'profile-does-not-fit' });
  });
});

describe('BigInt', () => {
  it('keeps a 7-byte decimal above 2^53 exact', () => {
    const text = '36094952840348676';
    // The guard: a Number cannot hold this value, so a Number-based decoder would be wrong here.
    expect(BigInt(text) > 2n ** 53n).toBe(true);
    expect(String(Number(text))).not.toBe(text);
    expect(decoded(text, decimal('reversed'))).toEqual({ kind: 'full', uid: UID7 });
    expect(encode(UID7, decimal('reversed'))).toEqual({ ok: true, value: text });
  });

  it('decodes the largest 7-byte and 10-byte values', () => {
    // 2^56 - 1 and 2^80 - 1
    expect(decoded('72057594037927935', decimal('as-read'))).toEqual({ kind: 'full', uid: 'FFFFFFFFFFFFFF' });
    expect(decoded('1208925819614629174706175', decimal('as-read'))).toEqual({ kind: 'full', uid: 'FFFFFFFFFFFFFFFFFFFF' });
    expect(decode('1208925819614629174706176', decimal('as-read'))).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  it('infers the size from the value unless the profile pins it', () => {
    // 7-byte 04 00 00 00 00 00 00 reversed = 0x04: decimal "4" fits in 4 bytes
    const tiny = uid('04000000000000');
    expect(encode(tiny, decimal('reversed'))).toEqual({ ok: true, value: '4' });
    expect(decoded('4', decimal('reversed'))).toEqual({ kind: 'full', uid: '04000000' });
    expect(decoded('4', { ...decimal('reversed'), uidSize: 7 } as UidProfile)).toEqual({ kind: 'full', uid: tiny });
  });
});

describe('random IDs', () => {
  it.each([
    ['hex', '08A1B2C3', hex('as-read')],
    ['hex reversed', 'C3B2A108', hex('reversed')],
    // 0x08A1B2C3 = 134217728 + 10551296 + 45568 + 195
    ['decimal', '144814787', decimal('as-read')],
  ])('a 4-byte UID starting 08 is refused (%s)', (_name, text, profile) => {
    const result = decode(text, profile);
    expect(result).toMatchObject({ ok: false, reason: 'random-uid' });
    if (!result.ok) expect(result.message).toMatch(/random/);
  });

  it('is refused as a known UID too, but 08 is a fine first byte for a 7-byte UID', () => {
    expect(parseCanonicalUid('08a1b2c3')).toMatchObject({ ok: false, reason: 'random-uid' });
    expect(parseCanonicalUid('08A1B2C3D4E5F6')).toEqual({ ok: true, value: '08A1B2C3D4E5F6' });
  });
});

describe('input tolerance', () => {
  it.each([
    ['  04c43b1a2b3c80\n', hex('as-read')],
    ['04:C4:3B:1A:2B:3C:80', hex('as-read')],
    ['04-c4-3b-1a-2b-3c-80', hex('as-read')],
    ['04 C4 3B 1A 2B 3C 80', hex('as-read')],
    ['0x04C43B1A2B3C80', hex('as-read')],
    [' 0001341658027998336 ', decimal('as-read')],
  ])('reads %j', (text, profile) => {
    expect(decoded(text, profile)).toEqual({ kind: 'full', uid: UID7 });
  });

  it('writes the style the profile asks for', () => {
    expect(encode(UID7, { ...hex('reversed'), separator: ':', letterCase: 'lower' } as UidProfile)).toEqual({
      ok: true,
      value: '80:3c:2b:1a:3b:c4:04',
    });
  });

  it.each([
    ['', hex('as-read'), 'empty'],
    ['   ', decimal('as-read'), 'empty'],
    ['04C43G1A', hex('as-read'), 'not-hex'],
    ['04C43B1', hex('as-read'), 'bad-length'],
    ['04C43B1A2B', hex('as-read'), 'bad-length'],
    ['04C43B1A2B3C', hex('as-read', 'first-4-bytes'), 'bad-length'],
    ['12 345', decimal('as-read'), 'not-a-number'],
    ['-1', decimal('as-read'), 'not-a-number'],
    ['1e9', decimal('as-read'), 'not-a-number'],
    ['4294967296', decimal('as-read', 'first-4-bytes'), 'out-of-range'],
    ['256,00001', wiegand('wiegand-26', 'as-read', 'facility-card'), 'out-of-range'],
    ['120', wiegand('wiegand-26', 'as-read', 'facility-card'), 'not-a-number'],
    // 0F1E57F with the odd-parity bit cleared
    ['0F1E57E', wiegand('wiegand-26', 'as-read', 'frame-hex'), 'bad-parity'],
    ['4000000', wiegand('wiegand-26', 'as-read', 'frame-hex'), 'out-of-range'],
  ])('refuses %j with a reason', (text, profile, reason) => {
    expect(decode(text, profile)).toMatchObject({ ok: false, reason });
  });
});
