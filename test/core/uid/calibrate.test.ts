import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibratedUidFormat,
  encode,
  isCalibrated,
  parseCanonicalUid,
  representations,
  uidLookupPlan,
  uncalibratedUidFormat,
  type CanonicalUid,
} from '../../../src/main/uid';
import { UidCalibrationOutcome, VenueUidFormat, type UidProfile } from '../../../src/shared/uidProfile';

function uid(text: string): CanonicalUid {
  const parsed = parseCanonicalUid(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** The structural part of a profile: what calibration must get right whatever the style. */
const shapeOf = (profile: UidProfile) => ({
  encoding: profile.encoding,
  shortening: profile.shortening,
  byteOrder: profile.byteOrder,
  display: 'display' in profile ? profile.display : undefined,
});

const UID7 = uid('04C43B1A2B3C80');
const UID4 = uid('1C78F2BF');

describe('calibrate', () => {
  it('picks the one profile for every form of a 7-byte band', () => {
    for (const representation of representations(UID7)) {
      const outcome = calibrate(representation.value, UID7);
      expect(UidCalibrationOutcome.parse(outcome)).toEqual(outcome);
      expect(outcome.status, representation.value).toBe('unique');
      if (outcome.status !== 'unique') continue;
      expect(representation.profiles.map(shapeOf), representation.value).toContainEqual(shapeOf(outcome.candidates[0]!.profile));
    }
  });

  it('learns the notes\' cascade-level-1 reader from 1002701960', () => {
    const outcome = calibrate('1002701960', '04:c4:3b:1a:2b:3c:80');
    expect(outcome).toMatchObject({
      status: 'unique',
      candidates: [
        {
          profile: { encoding: 'decimal', shortening: 'cascade-level-1', byteOrder: 'reversed', padTo: 0 },
          lossless: false,
          matchedBits: 24,
          unsettled: ['padding'],
        },
      ],
    });
  });

  it('learns the style a server shows so encoding reproduces its exact string', () => {
    const vm = '80:3c:2b:1a:3b:c4:04';
    const outcome = calibrate(vm, UID7);
    expect(outcome.status).toBe('unique');
    const profile = outcome.status === 'unique' ? outcome.candidates[0]!.profile : undefined;
    expect(profile).toEqual({ encoding: 'hex', shortening: 'none', byteOrder: 'reversed', separator: ':', letterCase: 'lower' });
    expect(encode(UID7, profile!)).toEqual({ ok: true, value: vm });

    const padded = calibrate('0079969050', UID7);
    expect(padded).toMatchObject({ status: 'unique', candidates: [{ profile: { shortening: 'first-4-bytes', padTo: 10 }, unsettled: [] }] });
  });

  it('reports a 4-byte band as ambiguous: it cannot tell a full reader from a truncating one', () => {
    // 0xBFF2781C = 3220338716: full, first-4 and last-4 readers all print this for a 4-byte band.
    const outcome = calibrate('3220338716', UID4);
    expect(outcome.status).toBe('ambiguous');
    if (outcome.status !== 'ambiguous') return;
    expect(outcome.tied).toBe(3);
    expect(outcome.candidates.slice(0, 3).map((c) => c.profile.shortening)).toEqual(['none', 'first-4-bytes', 'last-4-bytes']);
    expect(outcome.candidates.every((c) => c.profile.encoding === 'decimal' && c.profile.byteOrder === 'reversed')).toBe(true);
    // Tapping a 7-byte band through the same reader settles it.
    expect(calibrate('36094952840348676', UID7)).toMatchObject({ status: 'unique', candidates: [{ profile: { shortening: 'none' } }] });
  });

  it('reports a palindromic band as ambiguous between byte orders', () => {
    const palindrome = uid('04112233221104');
    const outcome = calibrate('04112233221104', palindrome);
    expect(outcome).toMatchObject({ status: 'ambiguous', tied: 2 });
    if (outcome.status === 'ambiguous') {
      expect(outcome.candidates.slice(0, 2).map((c) => c.profile.byteOrder)).toEqual(['as-read', 'reversed']);
    }
  });

  it('ranks the fuller match first when a weaker one also fits', () => {
    // First 4 bytes 04 C4 3B 1A in Wiegand-34 pins 32 bits; nothing else reads "01220,15130" as this band.
    const outcome = calibrate('01220,15130', UID7);
    expect(outcome).toMatchObject({ status: 'unique', candidates: [{ matchedBits: 32 }] });
  });

  it('pins the size when a decimal band would otherwise read as a smaller one', () => {
    // 04 00 00 00 00 00 00 reversed is 4: only a pinned 7-byte size reads it back as this band.
    const outcome = calibrate('4', uid('04000000000000'));
    expect(outcome.status).toBe('unique');
    if (outcome.status === 'unique') {
      expect(outcome.candidates[0]!.profile).toMatchObject({ encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', uidSize: 7 });
    }
  });

  it('says no-match when no profile maps the tap to the band', () => {
    expect(calibrate('12345678', UID7)).toEqual({ status: 'no-match' });
    expect(calibrate('not a uid', UID7)).toEqual({ status: 'no-match' });
  });

  it('refuses an unusable known UID or an empty tap', () => {
    expect(calibrate('08A1B2C3', '08A1B2C3')).toMatchObject({ status: 'invalid', reason: 'random-uid' });
    expect(calibrate('1234', 'xyz')).toMatchObject({ status: 'invalid', reason: 'not-hex' });
    expect(calibrate('1234', '04C43B1A2B')).toMatchObject({ status: 'invalid', reason: 'bad-length' });
    expect(calibrate('  ', UID7)).toMatchObject({ status: 'invalid', reason: 'empty' });
  });
});

describe('venue UID format', () => {
  it('is uncalibrated until a calibration tap: the lookup plan says so and tries every form', () => {
    expect(VenueUidFormat.parse(uncalibratedUidFormat)).toEqual({ state: 'uncalibrated' });
    const plan = uidLookupPlan(UID7, uncalibratedUidFormat);
    expect(plan.calibrated).toBe(false);
    expect(plan.attempts.map((a) => a.value)).toEqual(representations(UID7).map((r) => r.value));
  });

  it('tries the calibrated form first, then the others, each with the profile that produces it', () => {
    const profile: UidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null };
    const format = calibratedUidFormat(profile, { raw: '36094952840348676', uid: UID7 }, new Date('2026-07-01T10:00:00Z'));
    expect(isCalibrated(format)).toBe(true);
    expect(VenueUidFormat.parse(format)).toEqual(format);
    const plan = uidLookupPlan(UID7, format);
    expect(plan.calibrated).toBe(true);
    expect(plan.attempts[0]).toEqual({ value: '36094952840348676', profiles: [profile], lossless: true });
    expect(plan.attempts.filter((a) => a.value === '36094952840348676')).toHaveLength(1);
    expect(plan.attempts.find((a) => a.value === '1002701960')?.profiles[0]).toMatchObject({ shortening: 'cascade-level-1' });
  });
});
