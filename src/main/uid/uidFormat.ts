import type { UidFormatCalibration, UidProfile, UidRepresentation } from '../../shared/uidProfile';
import type { CanonicalUid } from './canonicalUid';
import { isLossless } from './profiles';
import { representations } from './representations';
import { encode } from './uidCodec';

/** The calibration state of a reader or of the venue, and what to try when looking a band up. */

export type CalibratedUidFormat = Extract<UidFormatCalibration, { state: 'calibrated' }>;

export const uncalibratedUidFormat: UidFormatCalibration = { state: 'uncalibrated' };

export function isCalibrated(format: UidFormatCalibration): format is CalibratedUidFormat {
  return format.state === 'calibrated';
}

export function calibratedUidFormat(profile: UidProfile, sample: { raw: string; uid: CanonicalUid }, at: Date): CalibratedUidFormat {
  return { state: 'calibrated', profile, calibratedAt: at.toISOString(), sample };
}

export interface UidLookupPlan {
  /** False: the venue's format was never calibrated; the app must warn, whatever is found. */
  readonly calibrated: boolean;
  /** In order: the calibrated form (when there is one), then every other representation. */
  readonly attempts: readonly UidRepresentation[];
}

/** The token-UID search values to try for a tapped band against Venue Manager. */
export function uidLookupPlan(uid: CanonicalUid, venueFormat: UidFormatCalibration): UidLookupPlan {
  const all = representations(uid);
  if (!isCalibrated(venueFormat)) return { calibrated: false, attempts: all };
  const { profile } = venueFormat;
  const value = encode(uid, profile);
  if (!value.ok) return { calibrated: true, attempts: all };
  const first: UidRepresentation = { value: value.value, profiles: [profile], lossless: isLossless(profile) };
  return { calibrated: true, attempts: [first, ...all.filter((r) => r.value !== value.value)] };
}
