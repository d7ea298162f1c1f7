import type { ScanEvent } from '../../shared/model';

/**
 * Readers report a band again and again while it lies on them (raw readers every report,
 * keyboard readers every second or so). The window is measured from the last time the band was
 * seen, not the last time it passed, so a band left on the reader stays one tap however long it lies there.
 */
export class DuplicateTapFilter {
  /** Last time each (reader, uid) was seen. Entries older than the window are pruned, so it stays small. */
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs = 2000) {
    if (!Number.isFinite(windowMs) || windowMs < 0) throw new RangeError(`windowMs must be a non-negative number, not ${windowMs}`);
  }

  /** True when this scan is a new tap; false when the same reader saw the same uid less than windowMs ago. */
  accept(scan: Pick<ScanEvent, 'readerId' | 'uid' | 'at'>): boolean {
    this.prune(scan.at);
    const key = `${scan.readerId}\u0000${scan.uid}`;
    const previous = this.lastSeen.get(key);
    this.lastSeen.set(key, scan.at);
    return previous === undefined || !this.isWithinWindow(previous, scan.at);
  }

  private prune(at: number): void {
    for (const [key, seen] of this.lastSeen) if (!this.isWithinWindow(seen, at)) this.lastSeen.delete(key);
  }

  /** A clock stepped backwards makes `at` precede `seen`; treating that as fresh avoids muting a band until the clock catches up. */
  private isWithinWindow(seen: number, at: number): boolean {
    return at >= seen && at - seen < this.windowMs;
  }
}
