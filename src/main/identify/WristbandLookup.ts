import type { OwnerMatch } from '../../shared/model';
import type { UidFormatCalibration, UidProfile, UidRepresentation } from '../../shared/uidProfile';
import { isCalibrated, parseCanonicalUid, uidLookupPlan } from '../uid';
import type { WireCustomer } from '../venue-manager/wireSchemas';
import { ownerMatchesForUid } from '../venue-manager/productView';

export interface WristbandLookupOptions {
  /** Venue Manager's search by token UID. */
  searchToken: (tokenUid: string) => Promise<WireCustomer[]>;
  venueFormat: () => UidFormatCalibration;
  /** How many other representations are searched at once after the expected one found nothing. */
  concurrency?: number;
}

export interface Found {
  matches: [OwnerMatch, ...OwnerMatch[]];
  /** Absent when the UID was searched verbatim (not a canonical UID). */
  matchedAs?: { value: string; profile: UidProfile; expected: boolean };
}

/**
 * Finds a tapped band in Venue Manager whatever form Venue Manager stores its UID in. The venue's
 * calibrated form is asked first — one request, the normal case. Only when that finds nothing
 * are the band's other representations tried (hex, reversed, decimal, shortened, Wiegand), so a
 * valid band never shows "not found" because of a format, and the admin learns which form matched.
 */
export class WristbandLookup {
  constructor(private readonly options: WristbandLookupOptions) {}

  async find(uid: string): Promise<Found | undefined> {
    const canonical = parseCanonicalUid(uid);
    if (!canonical.ok) {
      const matches = ownerMatchesForUid(await this.options.searchToken(uid), uid);
      return nonEmpty(matches) ? { matches } : undefined;
    }
    const format = this.options.venueFormat();
    const plan = uidLookupPlan(canonical.value, format);
    const [first, ...others] = plan.attempts;
    if (first === undefined) return undefined;
    // Uncalibrated, no form is "expected": whatever matches, the admin must still calibrate.
    const expectedFirst = isCalibrated(format);
    const firstMatches = await this.matchesFor(first);
    if (nonEmpty(firstMatches)) return found(firstMatches, first, expectedFirst);
    for (const [representation, matches] of await this.searchAll(others, true)) {
      if (nonEmpty(matches)) return found(matches, representation, false);
    }
    return undefined;
  }

  /** Every representation of the band that Venue Manager knows, for calibration. */
  async knownRepresentations(uid: string): Promise<{ representation: UidRepresentation; matches: OwnerMatch[] }[]> {
    const canonical = parseCanonicalUid(uid);
    if (!canonical.ok) return [];
    const { attempts } = uidLookupPlan(canonical.value, { state: 'uncalibrated' });
    return (await this.searchAll(attempts))
      .filter(([, matches]) => matches.length > 0)
      .map(([representation, matches]) => ({ representation, matches }));
  }

  private async matchesFor(representation: UidRepresentation): Promise<OwnerMatch[]> {
    return ownerMatchesForUid(await this.options.searchToken(representation.value), representation.value);
  }

  /** In the plan's order, a few at a time: bounded load on Venue Manager, bounded wait at the desk. */
  private async searchAll(
    representations: readonly UidRepresentation[],
    stopAtFirstHit = false,
  ): Promise<[UidRepresentation, OwnerMatch[]][]> {
    const results: [UidRepresentation, OwnerMatch[]][] = [];
    const failures: unknown[] = [];
    const width = this.options.concurrency ?? 4;
    for (let start = 0; start < representations.length; start += width) {
      const batch = representations.slice(start, start + width);
      const settled = await Promise.allSettled(batch.map((representation) => this.matchesFor(representation)));
      // Venue Manager may refuse an odd form (a Wiegand "123,45678"): that form finds nothing.
      // Only when every form failed is it the connection, and the lookup fails with it.
      for (const outcome of settled) if (outcome.status === 'rejected') failures.push(outcome.reason as unknown);
      const answers = settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
      batch.forEach((representation, index) => results.push([representation, answers[index] ?? []]));
      if (stopAtFirstHit && answers.some((matches) => matches.length > 0)) break;
    }
    if (failures.length > 0 && failures.length === results.length) throw failures[0];
    return results;
  }
}

function nonEmpty<T>(items: T[]): items is [T, ...T[]] {
  return items.length > 0;
}

function found(matches: [OwnerMatch, ...OwnerMatch[]], representation: UidRepresentation, expected: boolean): Found {
  const [profile] = representation.profiles;
  return profile === undefined ? { matches } : { matches, matchedAs: { value: representation.value, profile, expected } };
}
