import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from '../../../src/main/scanner/hid/BootKeyboardDecoder';
import { hexReport } from '../../support/FakeHidDevice';

const RELEASE = '00 00 00 00 00 00 00 00';
const ENTER = '00 00 28 00 00 00 00 00';

/** Feeds reports 8 ms apart (a reader's usual pace) and collects the lines they complete. */
function typeReports(decoder: BootKeyboardDecoder, reports: readonly string[], startAt = 1_000, stepMs = 8): string[] {
  return reports.flatMap((report, i) => decoder.feed(hexReport(report), startAt + i * stepMs));
}

/** Key down then all-zero release, as keyboard-mode readers send every character. */
function tap(usage: number, modifiers = 0): string[] {
  const hex = (byte: number) => byte.toString(16).padStart(2, '0');
  return [`${hex(modifiers)} 00 ${hex(usage)} 00 00 00 00 00`, RELEASE];
}

describe('BootKeyboardDecoder', () => {
  it('decodes a recorded ffff:0035 read of a 10-digit decimal UID', () => {
    const recorded = [
      '00 00 27 00 00 00 00 00', RELEASE, // 0
      '00 00 27 00 00 00 00 00', RELEASE, // 0
      '00 00 1e 00 00 00 00 00', RELEASE, // 1
      '00 00 1f 00 00 00 00 00', RELEASE, // 2
      '00 00 20 00 00 00 00 00', RELEASE, // 3
      '00 00 21 00 00 00 00 00', RELEASE, // 4
      '00 00 22 00 00 00 00 00', RELEASE, // 5
      '00 00 23 00 00 00 00 00', RELEASE, // 6
      '00 00 24 00 00 00 00 00', RELEASE, // 7
      '00 00 25 00 00 00 00 00', RELEASE, // 8
      ENTER, RELEASE,
    ];
    expect(typeReports(new BootKeyboardDecoder(), recorded)).toEqual(['0012345678']);
  });

  it('decodes a recorded hex UID typed with Shift for the letters', () => {
    const recorded = [
      '00 00 27 00 00 00 00 00', RELEASE, // 0
      '00 00 21 00 00 00 00 00', RELEASE, // 4
      '02 00 06 00 00 00 00 00', RELEASE, // C
      '00 00 21 00 00 00 00 00', RELEASE, // 4
      '00 00 20 00 00 00 00 00', RELEASE, // 3
      '02 00 05 00 00 00 00 00', RELEASE, // B
      ENTER, RELEASE,
    ];
    expect(typeReports(new BootKeyboardDecoder(), recorded)).toEqual(['04C43B']);
  });

  it('types each top-row digit', () => {
    const table: [number, string][] = [
      [0x1e, '1'], [0x1f, '2'], [0x20, '3'], [0x21, '4'], [0x22, '5'],
      [0x23, '6'], [0x24, '7'], [0x25, '8'], [0x26, '9'], [0x27, '0'],
    ];
    for (const [usage, digit] of table) {
      expect(typeReports(new BootKeyboardDecoder(), [...tap(usage), ENTER, RELEASE])).toEqual([digit]);
    }
  });

  it('types each letter, lowercase without Shift and uppercase with either Shift', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const plain = Array.from(letters).flatMap((_, i) => tap(0x04 + i));
    expect(typeReports(new BootKeyboardDecoder(), [...plain, ENTER])).toEqual([letters]);
    const leftShift = Array.from(letters).flatMap((_, i) => tap(0x04 + i, 0x02));
    expect(typeReports(new BootKeyboardDecoder(), [...leftShift, ENTER])).toEqual([letters.toUpperCase()]);
    const rightShift = Array.from(letters).flatMap((_, i) => tap(0x04 + i, 0x20));
    expect(typeReports(new BootKeyboardDecoder(), [...rightShift, ENTER])).toEqual([letters.toUpperCase()]);
  });

  it('types the shifted characters of the top row and punctuation', () => {
    const reports = [...tap(0x1e, 0x02), ...tap(0x27, 0x20), ...tap(0x2d), ...tap(0x2d, 0x02), ...tap(0x33, 0x02), ENTER];
    expect(typeReports(new BootKeyboardDecoder(), reports)).toEqual(['!)-_:']);
  });

  it('types keypad digits 0x59–0x62 as digits, with or without Shift', () => {
    const keypad = [0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x62].flatMap((usage) => tap(usage));
    expect(typeReports(new BootKeyboardDecoder(), [...keypad, ENTER])).toEqual(['1234567890']);
    expect(typeReports(new BootKeyboardDecoder(), [...tap(0x62, 0x02), ...tap(0x59, 0x20), ENTER])).toEqual(['01']);
  });

  it('ends a line on Enter, keypad Enter and Tab, and emits nothing for an empty line', () => {
    const decoder = new BootKeyboardDecoder();
    expect(typeReports(decoder, [...tap(0x1e), '00 00 28 00 00 00 00 00', RELEASE])).toEqual(['1']);
    expect(typeReports(decoder, [...tap(0x1f), '00 00 58 00 00 00 00 00', RELEASE])).toEqual(['2']);
    expect(typeReports(decoder, [...tap(0x20), '00 00 2b 00 00 00 00 00', RELEASE])).toEqual(['3']);
    expect(typeReports(decoder, [ENTER, RELEASE, ENTER, RELEASE])).toEqual([]);
  });

  it('emits two reads that follow each other as two lines', () => {
    const reports = [...tap(0x1e), ...tap(0x1f), ENTER, RELEASE, ...tap(0x20), ...tap(0x21), ENTER, RELEASE];
    expect(typeReports(new BootKeyboardDecoder(), reports)).toEqual(['12', '34']);
  });

  it('counts a key once however many reports repeat it', () => {
    const held = '00 00 1e 00 00 00 00 00';
    expect(typeReports(new BootKeyboardDecoder(), [held, held, held, held, RELEASE, ENTER])).toEqual(['1']);
  });

  it('reads "00" as two presses because a release sits between them', () => {
    const zero = '00 00 27 00 00 00 00 00';
    expect(typeReports(new BootKeyboardDecoder(), [zero, RELEASE, zero, RELEASE, ENTER])).toEqual(['00']);
    // Without the release it is one held key.
    expect(typeReports(new BootKeyboardDecoder(), [zero, zero, RELEASE, ENTER])).toEqual(['0']);
  });

  it('reads overlapping presses in the order the keys went down', () => {
    const reports = ['00 00 1e 00 00 00 00 00', '00 00 1e 1f 00 00 00 00', '00 00 1f 00 00 00 00 00', '00 00 1f 20 00 00 00 00', RELEASE, ENTER];
    expect(typeReports(new BootKeyboardDecoder(), reports)).toEqual(['123']);
  });

  it('ignores ErrorRollOver reports entirely, without re-firing keys held through them', () => {
    const decoder = new BootKeyboardDecoder();
    const reports = [
      '00 00 1e 00 00 00 00 00',
      '00 00 01 01 01 01 01 01',
      '00 00 1e 1f 00 00 00 00', // 1 was held through the rollover: only 2 is new
      RELEASE,
      ENTER,
    ];
    expect(typeReports(decoder, reports)).toEqual(['12']);
    expect(decoder.stats()).toEqual({ reports: 5, ignoredReports: 1, ignoredKeys: 0, discardedLines: 0 });
  });

  describe('report ids', () => {
    it('by length: reads 9-byte reports as report id + boot report', () => {
      const reports = ['01 00 00 27 00 00 00 00 00', '01 00 00 00 00 00 00 00 00', '01 02 00 04 00 00 00 00 00', '01 00 00 00 00 00 00 00 00', '01 00 00 28 00 00 00 00 00'];
      expect(typeReports(new BootKeyboardDecoder(), reports)).toEqual(['0A']);
    });

    it('with a configured id: reads only 9-byte reports carrying it', () => {
      const decoder = new BootKeyboardDecoder({ reportId: 1 });
      const reports = [
        '01 00 00 1e 00 00 00 00 00',
        '01 00 00 00 00 00 00 00 00',
        '02 00 00 1f 00 00 00 00 00', // another report of the device, not keys
        '00 00 20 00 00 00 00 00', // a bare report cannot be from a numbered device
        '01 00 00 28 00 00 00 00 00',
      ];
      expect(typeReports(decoder, reports)).toEqual(['1']);
      expect(decoder.stats()).toEqual({ reports: 5, ignoredReports: 2, ignoredKeys: 0, discardedLines: 0 });
    });
  });

  describe('silence', () => {
    it('discards a partial burst after more than 300 ms without a key, then reads the next one whole', () => {
      const decoder = new BootKeyboardDecoder();
      expect(typeReports(decoder, [...tap(0x1e), ...tap(0x1f)], 1_000)).toEqual([]);
      // The last key went down at 1_016; 1_317 is 301 ms later.
      expect(typeReports(decoder, [...tap(0x20), ...tap(0x21), ENTER], 1_317)).toEqual(['34']);
      expect(decoder.stats().discardedLines).toBe(1);
    });

    it('keeps a partial line across exactly the reset time', () => {
      const decoder = new BootKeyboardDecoder();
      expect(typeReports(decoder, tap(0x1e), 1_000)).toEqual([]);
      expect(typeReports(decoder, [...tap(0x1f), ENTER], 1_300)).toEqual(['12']);
    });

    it('does not let a late Enter complete a stale fragment', () => {
      const decoder = new BootKeyboardDecoder();
      typeReports(decoder, [...tap(0x1e), ...tap(0x1f)], 1_000);
      expect(decoder.feed(hexReport(ENTER), 2_000)).toEqual([]);
    });

    it('uses the configured reset time', () => {
      const decoder = new BootKeyboardDecoder({ resetAfterMs: 50 });
      typeReports(decoder, tap(0x1e), 1_000);
      expect(typeReports(decoder, [...tap(0x1f), ENTER], 1_051)).toEqual(['2']);
    });

    it('reset() drops the partial line, as on unplug', () => {
      const decoder = new BootKeyboardDecoder();
      typeReports(decoder, [...tap(0x1e), '00 00 1f 00 00 00 00 00']);
      decoder.reset();
      // 2 was down at reset: after it, the same report is a new press.
      expect(typeReports(decoder, ['00 00 1f 00 00 00 00 00', RELEASE, ENTER])).toEqual(['2']);
      expect(decoder.stats().discardedLines).toBe(1);
    });
  });

  describe('garbage', () => {
    it('ignores reports of the wrong length and keys no reader types, and counts them', () => {
      const decoder = new BootKeyboardDecoder();
      const reports = [
        '', // empty
        '00 00 1e 00 00 00 00', // 7 bytes
        '00'.repeat(64), // a vendor report
        '00 00 1e 00 00 00 00 00 00 00', // 10 bytes
        '00 00 3a 00 00 00 00 00', // F1
        '00 00 39 00 00 00 00 00', // Caps Lock
        '01 00 04 00 00 00 00 00', // Ctrl+A
        '04 00 05 00 00 00 00 00', // Alt+B
        '00 00 ff 00 00 00 00 00', // reserved usage
        RELEASE,
        ...tap(0x1e),
        ENTER,
      ];
      expect(() => typeReports(decoder, reports)).not.toThrow();
      expect(typeReports(new BootKeyboardDecoder(), reports)).toEqual(['1']);
      expect(decoder.stats()).toEqual({ reports: 13, ignoredReports: 4, ignoredKeys: 5, discardedLines: 0 });
    });

    it('drops a line longer than maxLineLength whole instead of emitting its tail', () => {
      const decoder = new BootKeyboardDecoder({ maxLineLength: 4 });
      const six = [0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23].flatMap((usage) => tap(usage));
      expect(typeReports(decoder, [...six, ENTER, RELEASE])).toEqual([]);
      expect(typeReports(decoder, [...tap(0x24), ...tap(0x25), ENTER])).toEqual(['78']);
      expect(decoder.stats().discardedLines).toBe(1);
    });

    it('rejects options that make no sense', () => {
      expect(() => new BootKeyboardDecoder({ resetAfterMs: -1 })).toThrow();
      expect(() => new BootKeyboardDecoder({ reportId: 256 })).toThrow();
      expect(() => new BootKeyboardDecoder({ maxLineLength: 0 })).toThrow();
    });
  });
});
