import type { z } from 'zod';
import { RawReportFormat } from '../../../shared/readers';
import { emptyStats } from './ReportDecoder';
import type { DecoderStats, ReportDecoder } from './ReportDecoder';

// The format comes from settings, so its schema lives with them (src/shared/readers.ts).
export { RawReportFormat };

const PADDING = new Set([0x00, 0x0d, 0x0a]);

/** One report is one read: the configured bytes, as uppercase hex or as ASCII text. */
export class RawReportDecoder implements ReportDecoder {
  readonly kind = 'hid-raw';
  private readonly format: z.output<typeof RawReportFormat>;
  private readonly counts: DecoderStats = emptyStats();

  constructor(format: RawReportFormat) {
    this.format = RawReportFormat.parse(format);
  }

  feed(report: Uint8Array, _at: number): string[] {
    this.counts.reports += 1;
    const raw = this.decode(report);
    if (raw === undefined) {
      this.counts.ignoredReports += 1;
      return [];
    }
    return [raw];
  }

  /** Nothing to forget: a raw report is complete in itself. */
  reset(): void {
    // Intentionally empty.
  }

  stats(): Readonly<DecoderStats> {
    return { ...this.counts };
  }

  private decode(report: Uint8Array): string | undefined {
    const { reportId, offset = 0, length } = this.format;
    let payload = report;
    if (reportId !== undefined) {
      if (report[0] !== reportId) return undefined;
      payload = report.subarray(1);
    }
    const end = length === undefined ? payload.length : offset + length;
    if (end > payload.length || offset >= end) return undefined;
    const field = payload.subarray(offset, end);
    return this.format.encoding === 'bytes-hex' ? hex(field) : ascii(field);
  }
}

function hex(field: Uint8Array): string | undefined {
  // Readers send all-zero reports when idle or when the band leaves the field; no band has UID 0.
  if (field.every((byte) => byte === 0)) return undefined;
  return Array.from(field, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function ascii(field: Uint8Array): string | undefined {
  let start = 0;
  let end = field.length;
  while (start < end && PADDING.has(field[start] ?? 0)) start += 1;
  while (end > start && PADDING.has(field[end - 1] ?? 0)) end -= 1;
  if (start === end) return undefined;
  const text = field.subarray(start, end);
  // Anything but printable ASCII means the format is wrong or the report is noise.
  if (!text.every((byte) => byte >= 0x20 && byte <= 0x7e)) return undefined;
  return String.fromCharCode(...text);
}
