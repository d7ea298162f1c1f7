import { z } from 'zod';
import { ScanEvent } from './model';
import { ReaderUidFormat, UidProfile } from './uidProfile';

const reportIdAndOffset = {
  /** For devices with numbered reports: only reports with this id are reads; the id byte is skipped before `offset`. */
  reportId: z.number().int().min(0).max(255).optional(),
  /** Where the UID starts, after any report id; absent = 0. (No zod default: stored settings read back as written.) */
  offset: z.number().int().min(0).max(4095).optional(),
};

/**
 * Where a vendor-mode ("HID data") reader puts the UID in its reports. Hex needs a length because
 * a UID may end in 00 and cannot be told from the report's zero padding; ASCII may run to the
 * end, as the padding is NUL.
 */
export const RawReportFormat = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('bytes-hex'), ...reportIdAndOffset, length: z.number().int().min(1).max(64) }).strict(),
  z.object({ encoding: z.literal('ascii'), ...reportIdAndOffset, length: z.number().int().min(1).max(4096).optional() }).strict(),
]);
export type RawReportFormat = z.input<typeof RawReportFormat>;

const usbId = z.number().int().min(0).max(0xffff);

/** One USB HID reader the admin picked in Settings; found again by these ids after every replug. */
export const HidReaderSetting = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(60),
  vendorId: usbId,
  productId: usbId,
  usagePage: usbId.optional(),
  usage: usbId.optional(),
  /** keyboard: boot-protocol key reports (most readers); raw: vendor-mode reports in `raw` format. */
  decoder: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('keyboard') }),
    z.object({ kind: z.literal('raw'), format: RawReportFormat }),
  ]),
  /** What it reads: wristband UIDs, or barcodes (which open the barcode search). */
  role: z.enum(['wristband', 'barcode']),
  /** How this reader writes UIDs; learnt by a calibration tap. */
  uidFormat: ReaderUidFormat,
});
export type HidReaderSetting = z.infer<typeof HidReaderSetting>;

export const ReadersSettings = z.object({
  hid: z
    .array(HidReaderSetting)
    .max(8)
    .refine((readers) => new Set(readers.map((reader) => reader.id)).size === readers.length, 'reader ids must be unique'),
  /** The same band from the same reader within this time is one tap. */
  duplicateWindowMs: z.number().int().min(0).max(60_000),
  /** How the keyboard-wedge reader (if any) writes UIDs. */
  wedgeUidFormat: ReaderUidFormat,
  /** Keyboard-wedge timing: the longest gap between a reader's keys, and the shortest read. */
  wedgeTiming: z.object({ maxGapMs: z.number().int().min(10).max(200), minLength: z.number().int().min(2).max(40) }),
  /**
   * Keyboard input matching this (a regular expression) is a barcode, not a wristband: both come
   * from keyboard-like devices, so the text tells them apart. HID readers are told by their role.
   */
  barcodePattern: z.string().max(200).refine(isRegExp, 'not a valid regular expression'),
});
export type ReadersSettings = z.infer<typeof ReadersSettings>;

export const defaultReadersSettings: ReadersSettings = {
  hid: [],
  duplicateWindowMs: 2000,
  wedgeUidFormat: { state: 'uncalibrated' },
  // See WedgeBurstDetector for why: readers type every 1–20 ms, people rarely under 80 ms.
  wedgeTiming: { maxGapMs: 35, minLength: 4 },
  // EAN/UPC (12–13 digits) and long ticket numbers (18+): a 4-byte UID in decimal has at most 10
  // digits and a 7-byte one at most 17, so neither is mistaken for the other.
  barcodePattern: '^(\\d{12,13}|\\d{18,40})$',
};

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A HID device present now, for the reader picker. */
export const ListedHidDevice = z.object({
  vendorId: usbId,
  productId: usbId,
  usagePage: usbId.optional(),
  usage: usbId.optional(),
  path: z.string().optional(),
  product: z.string().optional(),
  manufacturer: z.string().optional(),
  interface: z.number().int(),
  access: z.discriminatedUnion('status', [
    z.object({ status: z.literal('openable'), kind: z.enum(['hid-keyboard', 'hid-raw', 'unknown']) }),
    z.object({ status: z.literal('os-held'), reason: z.string() }),
    z.object({ status: z.literal('unsupported'), reason: z.string() }),
  ]),
});
export type ListedHidDevice = z.infer<typeof ListedHidDevice>;

export const ReaderStatus = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['virtual', 'hid-keyboard', 'hid-raw', 'wedge']),
  state: z.enum(['connected', 'disconnected']),
  /** Why a reader cannot work at all (e.g. the USB driver library is missing), in words for the admin. */
  problem: z.string().optional(),
});
export type ReaderStatus = z.infer<typeof ReaderStatus>;

/** One reader on the reader test screen. */
export const ReaderDiagnostic = ReaderStatus.extend({
  /** The last reports (hex, for HID) or texts (wedge, virtual), oldest first. */
  recentReports: z.array(z.string()).max(20),
  taps: z.number().int().nonnegative(),
  lastScan: ScanEvent.optional(),
  /** The last tap's UID written every common way, with the profile that writes it so. */
  representations: z.array(z.object({ value: z.string(), profile: UidProfile })),
});
export type ReaderDiagnostic = z.infer<typeof ReaderDiagnostic>;
