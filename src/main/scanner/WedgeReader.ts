import type { ReaderStatus } from '../../shared/contract';

/**
 * The core's end of keyboard-wedge capture. Keystrokes exist only in the renderer, which
 * recognises a reader's burst and hands the characters over; from here they take the same path
 * as every reader's reads (the scan intake). Listed as a reader once the first burst arrived.
 */
export class WedgeReader {
  readonly id = 'wedge';
  private lastAt: number | undefined;

  constructor(private readonly now: () => number) {}

  status(): ReaderStatus {
    return { id: this.id, name: 'Keyboard reader', kind: 'wedge', state: 'connected' };
  }

  /** Whether a burst has arrived yet: until then, a wedge reader may not even exist. */
  get seen(): boolean {
    return this.lastAt !== undefined;
  }

  read(raw: string): { readerId: string; raw: string; at: number } {
    this.lastAt = this.now();
    return { readerId: this.id, raw: raw.trim(), at: this.lastAt };
  }
}
