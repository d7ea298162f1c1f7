import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderStatus } from '../../../src/shared/contract';
import type { ScanEvent } from '../../../src/shared/model';
import type { Log } from '../../../src/main/core/Log';
import { BootKeyboardDecoder } from '../../../src/main/scanner/hid/BootKeyboardDecoder';
import type { HidDevicePort } from '../../../src/main/scanner/hid/HidDevicePort';
import { HidReader } from '../../../src/main/scanner/hid/HidReader';
import type { HidReaderOptions } from '../../../src/main/scanner/hid/HidReader';
import { RawReportDecoder } from '../../../src/main/scanner/hid/RawReportDecoder';
import { FakeHidOpener } from '../../support/FakeHidDevice';
import { ManualScheduler, settle } from '../../support/ManualScheduler';

const RELEASE = '00 00 00 00 00 00 00 00';
const ENTER = '00 00 28 00 00 00 00 00';
const PATH = '/dev/hidraw3';

/** "04a1" typed the way a keyboard-mode reader types it: key down, release, …, Enter. */
function typed(text: string, { enter = true } = {}): string[] {
  const usage = (char: string) => (char >= '1' && char <= '9' ? 0x1e + Number(char) - 1 : char === '0' ? 0x27 : 0x04 + char.charCodeAt(0) - 97);
  const reports = Array.from(text).flatMap((char) => [`00 00 ${usage(char).toString(16).padStart(2, '0')} 00 00 00 00 00`, RELEASE]);
  return enter ? [...reports, ENTER, RELEASE] : reports;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function setup(overrides: Partial<HidReaderOptions> = {}, opener = new FakeHidOpener()) {
  const scheduler = new ManualScheduler();
  const warnings: string[] = [];
  const errors: string[] = [];
  const log: Log = { info: () => {}, warn: (message) => warnings.push(message), error: (message) => errors.push(message) };
  const reader = new HidReader({
    id: 'desk-reader',
    name: 'USB Reader',
    path: PATH,
    open: opener.open,
    decoder: new BootKeyboardDecoder(),
    // The scheduler's clock, so silence and retries share one notion of time.
    now: () => 50_000 + scheduler.now,
    schedule: scheduler.schedule,
    log,
    ...overrides,
  });
  const scans: ScanEvent[] = [];
  const statuses: ReaderStatus['state'][] = [];
  reader.onScan((scan) => scans.push(scan));
  reader.onStatus((status) => statuses.push(status.state));
  closers.push(() => reader.close());
  return { reader, opener, scheduler, scans, statuses, warnings, errors };
}

describe('HidReader', () => {
  it('opens its device and turns each typed line into a scan with a normalised uid', async () => {
    const { reader, opener, scans, statuses } = setup();
    expect(reader.status()).toEqual({ id: 'desk-reader', name: 'USB Reader', kind: 'hid-keyboard', state: 'disconnected' });
    await reader.start();
    expect(opener.attempts).toEqual([PATH]);
    expect(reader.status().state).toBe('connected');
    expect(statuses).toEqual(['connected']);

    opener.current.send(...typed('04c43b'));
    expect(scans).toEqual([{ readerId: 'desk-reader', raw: '04c43b', uid: '04C43B', at: 50_000 }]);
  });

  it('uses the injected normaliser, and drops a read it rejects without stopping', async () => {
    const normalise = (raw: string) => {
      if (raw.length < 4) throw new Error('too short');
      return `uid:${raw}`;
    };
    const { reader, opener, scans, warnings } = setup({ normalise });
    await reader.start();
    opener.current.send(...typed('12'), ...typed('1234'));
    expect(scans.map((scan) => [scan.raw, scan.uid])).toEqual([['1234', 'uid:1234']]);
    expect(warnings).toEqual(['HID reader read something that is not a UID']);
  });

  it('survives an unplug: disconnects, polls every second, reconnects, and loses or doubles no tap', async () => {
    // A reset time longer than the outage, so only the unplug itself can discard the half-typed line.
    const { reader, opener, scheduler, scans, statuses } = setup({ decoder: new BootKeyboardDecoder({ resetAfterMs: 60_000 }) });
    await reader.start();
    const first = opener.current;

    first.send(...typed('aa11'));
    first.send(...typed('bb2', { enter: false })); // half-typed when the cable goes
    opener.unplug();
    await settle();

    expect(reader.status().state).toBe('disconnected');
    expect(first.closeCalls).toBe(1);
    // Whatever the dead device still delivers is not read, and a late error does not throw.
    first.send(ENTER);
    expect(() => first.failAsUnplugged()).not.toThrow();

    await scheduler.advance(3_000);
    expect(opener.attempts).toEqual([PATH, PATH, PATH, PATH]);
    expect(scheduler.pendingCount).toBe(1);

    opener.replug();
    await scheduler.advance(999);
    expect(reader.status().state).toBe('disconnected');
    await scheduler.advance(1);
    expect(reader.status().state).toBe('connected');
    expect(opener.opened).toHaveLength(2);
    // Connected: no more polling.
    expect(scheduler.pendingCount).toBe(0);

    opener.current.send(...typed('cc33'));
    expect(scans.map((scan) => scan.uid)).toEqual(['AA11', 'CC33']);
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('waits for a device that is absent at start, then connects when it appears', async () => {
    const { reader, opener, scheduler, statuses } = setup({ retryEveryMs: 500 }, new FakeHidOpener({ present: false }));
    await reader.start();
    expect(reader.status().state).toBe('disconnected');
    expect(statuses).toEqual([]);
    await scheduler.advance(1_000);
    expect(opener.attempts).toHaveLength(3);
    opener.replug();
    await scheduler.advance(500);
    expect(statuses).toEqual(['connected']);
    expect(opener.attempts).toHaveLength(4);
  });

  it('reopens at the path findPath reports, for systems that give a replugged device a new path', async () => {
    const opener = new FakeHidOpener();
    let currentPath: string | undefined = '/dev/hidraw3';
    const { reader, scheduler } = setup({ findPath: () => Promise.resolve(currentPath) }, opener);
    await reader.start();
    opener.unplug();
    currentPath = undefined;
    await scheduler.advance(2_000);
    expect(opener.attempts).toEqual(['/dev/hidraw3']);
    currentPath = '/dev/hidraw7';
    opener.replug();
    await scheduler.advance(1_000);
    expect(opener.attempts).toEqual(['/dev/hidraw3', '/dev/hidraw7']);
    expect(reader.status().state).toBe('connected');
  });

  it('close() closes the device, stops polling and emits nothing more', async () => {
    const { reader, opener, scheduler, scans } = setup();
    await reader.start();
    const device = opener.current;
    await reader.close();
    expect(device.closeCalls).toBe(1);
    expect(reader.status().state).toBe('disconnected');
    device.send(...typed('11'));
    expect(scans).toEqual([]);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('close() while waiting for the device cancels the retry timer', async () => {
    const { reader, opener, scheduler } = setup({}, new FakeHidOpener({ present: false }));
    await reader.start();
    expect(scheduler.pendingCount).toBe(1);
    await reader.close();
    expect(scheduler.pendingCount).toBe(0);
    opener.replug();
    await scheduler.advance(5_000);
    expect(opener.attempts).toHaveLength(1);
  });

  it('close() during an open closes the device the open returns', async () => {
    const opener = new FakeHidOpener();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowOpen = async (path: string): Promise<HidDevicePort> => {
      await gate;
      return opener.open(path);
    };
    const { reader, statuses } = setup({ open: slowOpen }, opener);
    const started = reader.start();
    const closed = reader.close();
    release();
    await Promise.all([started, closed]);
    expect(opener.current.closeCalls).toBe(1);
    expect(statuses).toEqual([]);
  });

  it('keeps reading when a listener throws', async () => {
    const { reader, opener, scans, errors } = setup();
    reader.onScan(() => {
      throw new Error('listener bug');
    });
    await reader.start();
    opener.current.send(...typed('11'), ...typed('22'));
    expect(scans.map((scan) => scan.uid)).toEqual(['11', '22']);
    expect(errors).toEqual(['A reader listener failed', 'A reader listener failed']);
  });

  it('reads vendor-mode reports with a raw decoder and reports its kind', async () => {
    const { reader, opener, scans } = setup({ decoder: new RawReportDecoder({ encoding: 'bytes-hex', offset: 1, length: 7 }) });
    await reader.start();
    expect(reader.status().kind).toBe('hid-raw');
    opener.current.send('00 04 c4 3b 1a 2b 80 00 00', '00 00 00 00 00 00 00 00 00');
    expect(scans).toEqual([{ readerId: 'desk-reader', raw: '04C43B1A2B8000', uid: '04C43B1A2B8000', at: 50_000 }]);
  });
});
