import type { ReaderStatus } from '../../shared/contract';
import type { ScanEvent } from '../../shared/model';

/**
 * Anything that reads wristbands: HID keyboard-report and raw readers, keyboard-wedge capture,
 * the virtual reader, later serial and PC/SC. Each emits canonical scans.
 */
export interface UidSource {
  readonly id: string;
  status(): ReaderStatus;
  /** Returns an unsubscribe function. */
  onScan(listener: (scan: ScanEvent) => void): () => void;
  close(): Promise<void>;
}
