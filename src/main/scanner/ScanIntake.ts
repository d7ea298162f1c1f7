import type { ScanEvent } from '../../shared/model';
import type { UidFormatCalibration } from '../../shared/uidProfile';
import { readerUid } from '../uid';
import { DuplicateTapFilter } from './DuplicateTapFilter';

export interface ScanIntakeOptions {
  duplicateWindowMs: number;
  /** Sends a new tap on: logged and pushed to the screen. */
  publish: (scan: ScanEvent) => void;
}

/**
 * Where every hardware reader's text becomes a tap: read as a UID with that reader's format,
 * refused with a reason when it can be no wristband (a chip's random ID), and dropped when it
 * repeats the same band within the duplicate window.
 */
export class ScanIntake {
  private filter: DuplicateTapFilter;
  private windowMs: number;

  constructor(private readonly options: ScanIntakeOptions) {
    this.windowMs = options.duplicateWindowMs;
    this.filter = new DuplicateTapFilter(this.windowMs);
  }

  setDuplicateWindow(ms: number): void {
    if (ms === this.windowMs) return;
    this.windowMs = ms;
    this.filter = new DuplicateTapFilter(ms);
  }

  /** The published tap, or null for a repeat. `barcode`: the read is a barcode, not a UID. */
  admit(read: { readerId: string; raw: string; at: number }, format: UidFormatCalibration, barcode = false): ScanEvent | null {
    const uid = readerUid(read.raw, format);
    const scan: ScanEvent = barcode
      ? { readerId: read.readerId, raw: read.raw, uid: read.raw.trim(), at: read.at, kind: 'barcode' }
      : uid.ok
      ? { readerId: read.readerId, raw: read.raw, uid: uid.value, at: read.at }
      : { readerId: read.readerId, raw: read.raw, uid: read.raw.trim().toUpperCase(), at: read.at, problem: uid.reason };
    // Across readers too: on Linux a keyboard-mode reader opened through hidraw still types into
    // the focused window, so one tap arrives twice (HID and wedge). Two guests never share a UID.
    if (!this.filter.accept({ ...scan, readerId: 'any' })) return null;
    this.options.publish(scan);
    return scan;
  }
}
