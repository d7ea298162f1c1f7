import { describe, expect, it } from 'vitest';
import { readerUid } from '../../../src/main/uid';
import type { UidFormatCalibration } from '../../../src/shared/uidProfile';

const uncalibrated: UidFormatCalibration = { state: 'uncalibrated' };
const reversedDecimal: UidFormatCalibration = {
  state: 'calibrated',
  profile: { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: 7 },
  calibratedAt: '2026-07-01T10:00:00.000Z',
  sample: { raw: '36094952840348676', uid: '04C43B1A2B3C80' },
};

describe('readerUid', () => {
  it('uncalibrated: whole-UID hex, lower case or spaced, is taken as the UID', () => {
    expect(readerUid(' 04c43b1a2b3c80\r', uncalibrated)).toEqual({ ok: true, value: '04C43B1A2B3C80' });
    expect(readerUid('04:C4:3B:1A:2B:3C:80', uncalibrated)).toEqual({ ok: true, value: '04C43B1A2B3C80' });
  });

  it('uncalibrated: a decimal number is read as the UID it encodes (BigInt: 7 bytes exceed 2^53)', () => {
    // 0x04C43B1A2B3C80 = 1341658027998336
    expect(readerUid('1341658027998336', uncalibrated)).toEqual({ ok: true, value: '04C43B1A2B3C80' });
  });

  it('uncalibrated: anything else is passed on as read, for a verbatim search', () => {
    expect(readerUid('ab-12', uncalibrated)).toEqual({ ok: true, value: 'AB-12' });
  });

  it('refuses a random ID (4 bytes starting 08) and an empty read', () => {
    expect(readerUid('08A1B2C3', uncalibrated)).toMatchObject({ ok: false, reason: 'random-uid' });
    expect(readerUid('   ', uncalibrated)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('calibrated: decodes with the reader profile', () => {
    expect(readerUid('36094952840348676', reversedDecimal)).toEqual({ ok: true, value: '04C43B1A2B3C80' });
    expect(readerUid('04C43B1A2B3C80', reversedDecimal)).toMatchObject({ ok: false });
  });
});
