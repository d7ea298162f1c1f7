import { z } from 'zod';
import { emptyStats } from './ReportDecoder';
import type { DecoderStats, ReportDecoder } from './ReportDecoder';

const reportIdAndOffset = {
  /** For devices with numbered reports: only reports with this id are reads; the id byte is skipped before `offset`. */
  reportId: z.number().int().min(0).max(255).optional(),
  /** Where the UID starts, after any report id. */
  offset: z.number().int().min(0).max(4095).default(0),
};

/**
 * Where a vendor-mode ("HID data") reader puts the UID in its reports. It comes from settings,
 * so it is validated here, at the boundary. Hex needs a length because a UID may end in 00 and
 * cannot be told from the report's zero padding; ASCII may run to the end, as the padding is NUL.
 */
export const RawReportFormat = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('bytes-hex'), ...reportIdAndOffset, length: z.number().int().min(1).max(64) }).strict(),
  z.object({ encoding: z.literal('ascii'), ...reportIdAndOffset, length: z.number().int().min(1).max(4096).optional() }).strict(),
]);
export type RawReportFormat = z.input<typeof RawReportFormat>;

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
    const { reportId, offset, length } = this.format;
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
