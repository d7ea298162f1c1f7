/** What a decoder has thrown away, so a misbehaving reader can be diagnosed without ever throwing. */
export interface DecoderStats {
  /** Reports seen, valid or not. */
  reports: number;
  /** Reports ignored whole: wrong length, wrong report id, rollover, unreadable payload. */
  ignoredReports: number;
  /** Key presses that mean nothing to a reader (unknown usages, Ctrl/Alt chords). */
  ignoredKeys: number;
  /** Partial lines dropped: silence, overflow, or the device going away. */
  discardedLines: number;
}

/**
 * Turns the reports of one HID device into the text lines a wristband read produces.
 * Implementations are pure: time is passed in, nothing is read from a clock.
 */
export interface ReportDecoder {
  /** The reader kind this decoder serves, as shown in ReaderStatus. */
  readonly kind: 'hid-keyboard' | 'hid-raw';
  /** Returns the lines this report completed, oldest first; usually none or one. */
  feed(report: Uint8Array, at: number): string[];
  /** Forgets partial input, as when the device vanishes mid-line. */
  reset(): void;
  stats(): Readonly<DecoderStats>;
}

export function emptyStats(): DecoderStats {
  return { reports: 0, ignoredReports: 0, ignoredKeys: 0, discardedLines: 0 };
}
