import { describe, expect, it } from 'vitest';
import { RawReportDecoder, RawReportFormat } from '../../../src/main/scanner/hid/RawReportDecoder';
import { hexReport } from '../../support/FakeHidDevice';

const read = (decoder: RawReportDecoder, hex: string) => decoder.feed(hexReport(hex), 0);

describe('RawReportDecoder', () => {
  describe('bytes-hex', () => {
    it('reads a 7-byte UID as uppercase hex, keeping a trailing 00 that belongs to it', () => {
      const decoder = new RawReportDecoder({ encoding: 'bytes-hex', offset: 0, length: 7 });
      expect(read(decoder, '04 c4 3b 1a 2b 80 00 00')).toEqual(['04C43B1A2B8000']);
    });

    it('skips a matching report id before applying the offset, and ignores other report ids', () => {
      const decoder = new RawReportDecoder({ encoding: 'bytes-hex', reportId: 2, offset: 2, length: 4 });
      expect(read(decoder, '02 aa bb 1c 78 f2 bf 00')).toEqual(['1C78F2BF']);
      expect(read(decoder, '03 aa bb 1c 78 f2 bf 00')).toEqual([]);
      expect(decoder.stats()).toEqual({ reports: 2, ignoredReports: 1, ignoredKeys: 0, discardedLines: 0 });
    });

    it('ignores the all-zero reports readers send when no band is on them', () => {
      const decoder = new RawReportDecoder({ encoding: 'bytes-hex', length: 4 });
      expect(read(decoder, '00 00 00 00 00 00 00 00')).toEqual([]);
    });

    it('ignores a report too short to hold the field, without throwing', () => {
      const decoder = new RawReportDecoder({ encoding: 'bytes-hex', offset: 2, length: 7 });
      expect(read(decoder, '00 00 04 c4 3b')).toEqual([]);
      expect(read(decoder, '')).toEqual([]);
      expect(decoder.stats()).toEqual({ reports: 2, ignoredReports: 2, ignoredKeys: 0, discardedLines: 0 });
    });
  });

  describe('ascii', () => {
    it('reads text and trims the NUL padding and CR/LF around it', () => {
      const decoder = new RawReportDecoder({ encoding: 'ascii' });
      // "\0\004a1b2c3\r\n\0\0"
      expect(read(decoder, '00 00 30 34 61 31 62 32 63 33 0d 0a 00 00')).toEqual(['04a1b2c3']);
    });

    it('reads only the configured field', () => {
      const decoder = new RawReportDecoder({ encoding: 'ascii', reportId: 1, offset: 1, length: 4 });
      expect(read(decoder, '01 ff 31 32 33 34 35 36')).toEqual(['1234']);
    });

    it('ignores reports that are empty after trimming or not printable ASCII', () => {
      const decoder = new RawReportDecoder({ encoding: 'ascii' });
      expect(read(decoder, '00 00 0d 0a 00')).toEqual([]);
      expect(read(decoder, '30 34 ff 31')).toEqual([]);
      expect(read(decoder, '30 00 31')).toEqual([]);
      expect(decoder.stats().ignoredReports).toBe(3);
    });
  });

  describe('format validation', () => {
    it('accepts the documented shapes as written', () => {
      expect(RawReportFormat.parse({ encoding: 'bytes-hex', length: 7 })).toEqual({ encoding: 'bytes-hex', length: 7 });
      expect(RawReportFormat.parse({ encoding: 'ascii', reportId: 0 })).toEqual({ encoding: 'ascii', reportId: 0 });
    });

    it('rejects what settings must not carry', () => {
      const invalid: unknown[] = [
        { encoding: 'bytes-hex' }, // hex needs a length
        { encoding: 'bytes-hex', length: 0 },
        { encoding: 'bytes-hex', length: 7, offset: -1 },
        { encoding: 'ascii', reportId: 256 },
        { encoding: 'ascii', offset: 1.5 },
        { encoding: 'base64', length: 7 },
        { encoding: 'ascii', surprise: true },
      ];
      for (const format of invalid) expect(RawReportFormat.safeParse(format).success, JSON.stringify(format)).toBe(false);
      expect(() => new RawReportDecoder({ encoding: 'bytes-hex', length: 0 })).toThrow();
    });
  });
});
