/**
 * USB reader figures: what our own code costs between the reports node-hid hands over and the
 * ScanEvent, with a fake device so no hardware (and no native module) is needed.
 */
import type { ScanEvent } from '../src/shared/model';
import type { HexUidProfile } from '../src/shared/uidProfile';
import { DuplicateTapFilter } from '../src/main/scanner/DuplicateTapFilter';
import { BootKeyboardDecoder } from '../src/main/scanner/hid/BootKeyboardDecoder';
import { HidReader } from '../src/main/scanner/hid/HidReader';
import { decode } from '../src/main/uid';
import { FakeHidOpener } from '../test/support/FakeHidDevice';
import { latencyLine, print } from './stats';

const PATH = '/dev/hidraw-bench';
const LEFT_SHIFT = 0x02;
const RELEASE = new Uint8Array(8);
const ENTER = 0x28;

const hexProfile: HexUidProfile = { encoding: 'hex', shortening: 'none', byteOrder: 'as-read', separator: '', letterCase: 'upper' };

/** The normaliser a calibrated hex reader gets: anything that is not a full UID is no scan. */
function normaliseHex(raw: string): string {
  const decoded = decode(raw, hexProfile);
  if (!decoded.ok) throw new Error(decoded.message);
  if (decoded.value.kind !== 'full') throw new Error(`${raw} decodes to a partial UID`);
  return decoded.value.uid;
}

function keyReport(modifiers: number, usage: number): Uint8Array {
  return Uint8Array.of(modifiers, 0, usage, 0, 0, 0, 0, 0);
}

/**
 * A hex UID as a keyboard-mode reader types it: each key pressed then released (so repeated
 * digits such as "00" count twice), letters with Shift as readers that print uppercase send them.
 */
export function typedReports(uid: string): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (const char of uid) {
    const usage =
      char === '0' ? 0x27 : char >= '1' && char <= '9' ? 0x1e + char.charCodeAt(0) - 0x31 : 0x04 + char.charCodeAt(0) - 0x41;
    reports.push(keyReport(char >= 'A' ? LEFT_SHIFT : 0, usage), RELEASE);
  }
  reports.push(keyReport(0, ENTER), RELEASE);
  return reports;
}

/**
 * Distinct 7-byte NXP-style UIDs (manufacturer byte 04), spread over every hex digit so letters,
 * digits and repeated keys all occur. Multiplying by an odd constant modulo 2^48 is a bijection,
 * so the first 2^48 indices never collide.
 */
export function benchUid(index: number): string {
  const spread = (BigInt(index) * 0x9e3779b97f4bn) & 0xffffffffffffn;
  return `04${spread.toString(16).padStart(12, '0').toUpperCase()}`;
}

async function startReader(now: () => number): Promise<{ reader: HidReader; send: (report: Uint8Array) => void }> {
  const opener = new FakeHidOpener();
  const reader = new HidReader({
    id: 'bench-reader',
    name: 'Bench reader',
    path: PATH,
    open: opener.open,
    decoder: new BootKeyboardDecoder(),
    now,
    normalise: normaliseHex,
  });
  await reader.start();
  const device = opener.current;
  return { reader, send: (report) => device.send(report) };
}

/**
 * From the first report of a read to the ScanEvent. The reports are fed back to back, so this is
 * our processing cost for one whole read; a real reader spreads the same reports over tens of ms.
 */
export async function reportToUid(runs: number): Promise<void> {
  const warmup = 200;
  const streams = Array.from({ length: warmup + runs }, (_, i) => {
    const uid = benchUid(i);
    return { uid, reports: typedReports(uid) };
  });
  const { reader, send } = await startReader(Date.now);
  const emitted: { scan: ScanEvent; at: number }[] = [];
  reader.onScan((scan) => emitted.push({ scan, at: performance.now() }));
  const samples: number[] = [];
  try {
    for (const [i, { uid, reports }] of streams.entries()) {
      emitted.length = 0;
      const started = performance.now();
      for (const report of reports) send(report);
      const [result] = emitted;
      if (emitted.length !== 1 || result?.scan.uid !== uid) {
        throw new Error(`report-to-uid: expected one scan of ${uid}, the reader emitted [${emitted.map((e) => e.scan.uid).join(', ')}]`);
      }
      // The first runs pay for JIT compilation, which a desk running all day pays once.
      if (i >= warmup) samples.push(result.at - started);
    }
  } finally {
    await reader.close();
  }
  print(latencyLine('report-to-uid', samples, { p99: 1 }));
}

/**
 * 10,000 different bands through decoder → reader → duplicate filter, as fast as the code takes
 * them. Every fifth band is read again 500 ms later, as a band left on the reader is, so the
 * filter has repeats to drop; a repeat that gets through counts as doubled. The clock is simulated
 * (a report every 4 ms) so the duplicate window and the decoder's silence limit see reader-like timing.
 */
export async function tapStream10k(): Promise<boolean> {
  const expected = 10_000;
  const reportEveryMs = 4;
  const rereadAfterMs = 500;
  let clock = Date.UTC(2026, 6, 4, 12);
  const { reader, send } = await startReader(() => clock);
  const filter = new DuplicateTapFilter();
  const counts = new Map<string, number>();
  reader.onScan((scan) => {
    if (filter.accept(scan)) counts.set(scan.uid, (counts.get(scan.uid) ?? 0) + 1);
  });
  const type = (uid: string) => {
    for (const report of typedReports(uid)) {
      clock += reportEveryMs;
      send(report);
    }
  };
  let rereads = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < expected; i++) {
      const uid = benchUid(i);
      type(uid);
      if (i % 5 === 0) {
        clock += rereadAfterMs;
        type(uid);
        rereads += 1;
      }
    }
  } finally {
    await reader.close();
  }
  const seconds = (performance.now() - started) / 1000;

  let emitted = 0;
  let doubled = 0;
  for (const count of counts.values()) {
    emitted += count;
    doubled += count - 1;
  }
  let lost = 0;
  for (let i = 0; i < expected; i++) if (!counts.has(benchUid(i))) lost += 1;
  print({ name: 'tap-stream-10k', unit: 'taps', value: emitted, expected, lost, doubled, rereads, seconds: Math.round(seconds * 1000) / 1000 });
  return emitted === expected && lost === 0 && doubled === 0;
}
