import { z } from 'zod';
import { charForUsage, ERROR_USAGES, TERMINATOR_USAGES } from './keyboardUsages';
import { emptyStats } from './ReportDecoder';
import type { DecoderStats, ReportDecoder } from './ReportDecoder';

export const BootKeyboardOptions = z
  .object({
    /** A partial line older than this (ms since its last keystroke) is a fragment, not a read. */
    resetAfterMs: z.number().int().min(1).max(60_000).default(300),
    /**
     * 'by-length': 8-byte reports are bare, 9-byte reports carry a report id in byte 0.
     * A number: the device uses numbered reports and only 9-byte reports with this id are keys.
     */
    reportId: z.union([z.literal('by-length'), z.number().int().min(0).max(255)]).default('by-length'),
    /** No wristband UID is this long; beyond it the input is noise and the whole line is dropped. */
    maxLineLength: z.number().int().min(1).max(1024).default(64),
  })
  .strict();
export type BootKeyboardOptions = z.input<typeof BootKeyboardOptions>;

const BOOT_REPORT_LENGTH = 8;
const SHIFT = 0x02 | 0x20;
/** Ctrl, Alt and GUI: a chord with any of them is a shortcut, never part of a UID. */
const NON_SHIFT_MODIFIERS = 0xff & ~SHIFT;

/**
 * Decodes the boot-protocol keyboard reports of a reader in keyboard ("wedge") mode into the
 * lines it types. A key counts once, when it appears in a report after being absent from the
 * previous one: that is how a held key is told from "00" (press, release, press).
 */
export class BootKeyboardDecoder implements ReportDecoder {
  readonly kind = 'hid-keyboard';
  private readonly options: z.output<typeof BootKeyboardOptions>;
  private readonly counts: DecoderStats = emptyStats();
  private held: ReadonlySet<number> = new Set();
  private line = '';
  /** Set once a line grows past maxLineLength: the rest of it is swallowed up to the terminator. */
  private overflowed = false;
  private lastKeyAt = 0;

  constructor(options: BootKeyboardOptions = {}) {
    this.options = BootKeyboardOptions.parse(options);
  }

  feed(report: Uint8Array, at: number): string[] {
    this.counts.reports += 1;
    const body = this.bootReport(report);
    if (body === undefined) {
      this.counts.ignoredReports += 1;
      return [];
    }
    const modifiers = body[0] ?? 0;
    const slots = body.subarray(2);
    // In the rollover state the slots say nothing about which keys are down, so the previous
    // state stays the truth: keys still held must not fire again once rollover clears.
    if (slots.some((usage) => ERROR_USAGES.has(usage))) {
      this.counts.ignoredReports += 1;
      return [];
    }
    const down = new Set<number>();
    for (const usage of slots) if (usage !== 0) down.add(usage);
    const lines: string[] = [];
    for (const usage of down) {
      if (this.held.has(usage)) continue;
      const line = this.press(usage, modifiers, at);
      if (line !== undefined) lines.push(line);
    }
    this.held = down;
    return lines;
  }

  reset(): void {
    this.discardPartial();
    this.held = new Set();
  }

  stats(): Readonly<DecoderStats> {
    return { ...this.counts };
  }

  private bootReport(report: Uint8Array): Uint8Array | undefined {
    const { reportId } = this.options;
    if (reportId === 'by-length') {
      if (report.length === BOOT_REPORT_LENGTH) return report;
      if (report.length === BOOT_REPORT_LENGTH + 1) return report.subarray(1);
      return undefined;
    }
    if (report.length === BOOT_REPORT_LENGTH + 1 && report[0] === reportId) return report.subarray(1);
    return undefined;
  }

  /** Returns the completed line when this key ends one. */
  private press(usage: number, modifiers: number, at: number): string | undefined {
    if (at - this.lastKeyAt > this.options.resetAfterMs) this.discardPartial();
    if (TERMINATOR_USAGES.has(usage)) {
      const line = this.overflowed ? '' : this.line;
      this.line = '';
      this.overflowed = false;
      return line === '' ? undefined : line;
    }
    const char = (modifiers & NON_SHIFT_MODIFIERS) === 0 ? charForUsage(usage, (modifiers & SHIFT) !== 0) : undefined;
    if (char === undefined) {
      this.counts.ignoredKeys += 1;
      return undefined;
    }
    this.lastKeyAt = at;
    if (this.overflowed) return undefined;
    if (this.line.length >= this.options.maxLineLength) {
      this.line = '';
      this.overflowed = true;
      this.counts.discardedLines += 1;
      return undefined;
    }
    this.line += char;
    return undefined;
  }

  private discardPartial(): void {
    if (this.line !== '') this.counts.discardedLines += 1;
    this.line = '';
    this.overflowed = false;
  }
}
