import type { ReaderDiagnostic } from '../../shared/readers';
import type { ScanEvent } from '../../shared/model';
import { parseCanonicalUid, representations } from '../uid';

const kept = 20;

interface Entry {
  reports: string[];
  taps: number;
  lastScan?: ScanEvent;
}

/**
 * What the reader test screen shows: per reader, the last raw reports (hex) or texts, how many
 * taps it gave, and its last tap with the UID written every common way — so an admin can see at
 * once whether a reader works and which format it speaks.
 */
export class ReaderDiagnostics {
  private readonly entries = new Map<string, Entry>();

  report(readerId: string, report: Uint8Array | string): void {
    const entry = this.entry(readerId);
    entry.reports.push(typeof report === 'string' ? report : Buffer.from(report).toString('hex').replace(/(..)(?!$)/g, '$1 '));
    if (entry.reports.length > kept) entry.reports.splice(0, entry.reports.length - kept);
  }

  tap(scan: ScanEvent): void {
    const entry = this.entry(scan.readerId);
    entry.taps += 1;
    entry.lastScan = scan;
  }

  /** What the reader's last tap said, as read: the sample a calibration works from. */
  lastRaw(readerId: string): string | undefined {
    return this.entries.get(readerId)?.lastScan?.raw;
  }

  snapshot(readerId: string): Pick<ReaderDiagnostic, 'recentReports' | 'taps' | 'lastScan' | 'representations'> {
    const entry = this.entries.get(readerId);
    if (entry === undefined) return { recentReports: [], taps: 0, representations: [] };
    const canonical = entry.lastScan === undefined ? undefined : parseCanonicalUid(entry.lastScan.uid);
    return {
      recentReports: [...entry.reports],
      taps: entry.taps,
      ...(entry.lastScan === undefined ? {} : { lastScan: entry.lastScan }),
      representations: canonical?.ok === true ? commonForms(canonical.value) : [],
    };
  }

  private entry(readerId: string): Entry {
    let entry = this.entries.get(readerId);
    if (entry === undefined) {
      entry = { reports: [], taps: 0 };
      this.entries.set(readerId, entry);
    }
    return entry;
  }
}

/** The plain forms (no separators, no padding): enough to recognise a reader's or a database's format. */
function commonForms(uid: Parameters<typeof representations>[0]): ReaderDiagnostic['representations'] {
  return representations(uid)
    .map((representation) => ({ value: representation.value, profile: representation.profiles[0] }))
    .filter((form): form is ReaderDiagnostic['representations'][number] => {
      const profile = form.profile;
      if (profile === undefined) return false;
      if (profile.encoding === 'hex') return profile.separator === '' && profile.letterCase === 'upper';
      if (profile.encoding === 'decimal') return profile.padTo === 0;
      return true;
    });
}
