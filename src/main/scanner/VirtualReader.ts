import { AppError } from '../../shared/errors';
import type { ReaderStatus } from '../../shared/contract';
import type { SampleWristband, ScanEvent } from '../../shared/model';
import type { UidSource } from './UidSource';

/**
 * A reader that exists only in software: the demo's "tap sample wristband" button and the
 * tests' hand. It emits exactly what a hardware reader would.
 */
export class VirtualReader implements UidSource {
  readonly id = 'virtual';
  private readonly listeners = new Set<(scan: ScanEvent) => void>();
  private next = 0;

  constructor(
    private readonly samples: () => readonly SampleWristband[],
    private readonly now: () => number,
  ) {}

  status(): ReaderStatus {
    return { id: this.id, name: 'Virtual reader', kind: 'virtual', state: 'connected' };
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Taps the given UID, or the next sample in turn. */
  tap(uid?: string): ScanEvent {
    const chosen = uid ?? this.nextSample();
    const scan: ScanEvent = { readerId: this.id, raw: chosen, uid: chosen.toUpperCase(), at: this.now() };
    for (const listener of this.listeners) listener(scan);
    return scan;
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  private nextSample(): string {
    const samples = this.samples();
    const sample = samples[this.next % Math.max(samples.length, 1)];
    if (sample === undefined) throw new AppError('READER_UNKNOWN_SAMPLE', 'There are no sample wristbands to tap');
    this.next += 1;
    return sample.uid;
  }
}
