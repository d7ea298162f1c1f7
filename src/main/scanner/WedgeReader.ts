import type { ReaderStatus } from '../../shared/contract';
import type { ScanEvent } from '../../shared/model';
import type { UidSource } from './UidSource';

/**
 * The core's end of keyboard-wedge capture: the renderer recognises a reader's typed burst
 * (the only place keystrokes exist) and hands the characters here, so a wedge reader's taps take
 * the same path as every other reader's — normalised, de-duplicated, logged, sent as `scan`.
 */
export class WedgeReader implements UidSource {
  readonly id = 'wedge';
  private readonly listeners = new Set<(scan: ScanEvent) => void>();
  private lastAt: number | undefined;

  constructor(
    private readonly now: () => number,
    private readonly normalise: (raw: string) => string = (raw) => raw.trim().toUpperCase(),
  ) {}

  status(): ReaderStatus {
    return { id: this.id, name: 'Keyboard reader', kind: 'wedge', state: 'connected' };
  }

  /** Whether a burst has arrived yet: until then, a wedge reader may not even exist. */
  get seen(): boolean {
    return this.lastAt !== undefined;
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One burst the renderer captured; throws (AppError) when `raw` is no UID the normaliser accepts. */
  receive(raw: string): ScanEvent {
    const at = this.now();
    const scan: ScanEvent = { readerId: this.id, raw, uid: this.normalise(raw), at };
    this.lastAt = at;
    for (const listener of this.listeners) listener(scan);
    return scan;
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
