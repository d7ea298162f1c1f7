import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/Core';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import type { Log } from '../../../src/main/core/Log';
import { ReaderManager } from '../../../src/main/scanner/ReaderManager';
import type { HidBindings } from '../../../src/main/scanner/ReaderManager';
import { EnvironmentSecretStore } from '../../../src/main/secrets/EnvironmentSecretStore';
import type { AnyEvent } from '../../../src/shared/contract';
import type { HidReaderSetting } from '../../../src/shared/readers';
import { defaultReadersSettings } from '../../../src/shared/readers';
import { FakeHidOpener } from '../../support/FakeHidDevice';
import { makeTempDir } from '../../support/tempDir';
import { ManualScheduler } from '../../support/ManualScheduler';

const RELEASE = '00 00 00 00 00 00 00 00';
const ENTER = '00 00 28 00 00 00 00 00';
/** A keyboard-mode reader typing `text` (digits and a–f) then Enter, as boot reports. */
function typed(text: string): string[] {
  const usage = (c: string) => (c >= '1' && c <= '9' ? 0x1e + Number(c) - 1 : c === '0' ? 0x27 : 0x04 + c.charCodeAt(0) - 97);
  return [...Array.from(text).flatMap((c) => [`00 00 ${usage(c).toString(16).padStart(2, '0')} 00 00 00 00 00`, RELEASE]), ENTER, RELEASE];
}

const deskReader: HidReaderSetting = {
  id: 'desk-reader',
  name: 'Front desk reader',
  vendorId: 0xffff,
  productId: 0x0035,
  decoder: { kind: 'keyboard' },
  role: 'wristband',
  uidFormat: { state: 'uncalibrated' },
};

function fakeBindings(opener: FakeHidOpener, present: () => boolean = () => true): HidBindings {
  return {
    open: opener.open,
    devicesAsync: () =>
      Promise.resolve(
        present()
          ? [
              { vendorId: 0x046d, productId: 0xc31c, usagePage: 1, usage: 6, path: '/dev/hidraw0', product: 'Keyboard', interface: 0 },
              { vendorId: 0xffff, productId: 0x0035, usagePage: 1, usage: 6, path: '/dev/hidraw3', product: 'USB Reader', interface: 0 },
            ]
          : [],
      ),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A real core on a temp folder whose USB readers come from `hid`. */
async function coreWithHid(hid: () => Promise<HidBindings>) {
  const dir = makeTempDir();
  const core = await startCore({
    dataDir: dir.path,
    secrets: () => new EnvironmentSecretStore({}),
    appVersion: '0.0.0-test',
    systemLocale: 'en-US',
    log: silentLog,
    hid,
  });
  cleanups.push(async () => {
    await core.close();
    dir.remove();
  });
  return { core, call: (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('USB readers through the core', () => {
  it('opens a picked reader by its ids, and its taps arrive as canonical scans, once each', async () => {
    const opener = new FakeHidOpener();
    const { core, call } = await coreWithHid(() => Promise.resolve(fakeBindings(opener)));
    const devices = await call('reader.devices', {});
    expect(devices).toMatchObject({ ok: true, result: [{ product: 'Keyboard' }, { product: 'USB Reader', access: { status: 'openable', kind: 'hid-keyboard' } }] });

    await call('admin.setPin', { pin: '2468' });
    await call('settings.update', { readers: { ...defaultReadersSettings, hid: [deskReader] } });
    await settle();
    expect(opener.attempts).toEqual(['/dev/hidraw3']);
    const status = (await call('status.get', {})) as { result: { readers: { id: string; state: string; name: string }[] } };
    expect(status.result.readers).toContainEqual(expect.objectContaining({ id: 'desk-reader', name: 'Front desk reader', state: 'connected' }));

    const scans: AnyEvent[] = [];
    core.events.subscribe((event) => event.event === 'scan' && scans.push(event));
    opener.current.send(...typed('04c43b1a2b3c80'), ...typed('04c43b1a2b3c80'), ...typed('08a1b2c3'));
    expect(scans.map((e) => e.payload)).toEqual([
      expect.objectContaining({ readerId: 'desk-reader', raw: '04c43b1a2b3c80', uid: '04C43B1A2B3C80' }),
      // A chip's random ID is shown as refused, never looked up.
      expect.objectContaining({ readerId: 'desk-reader', uid: '08A1B2C3', problem: 'random-uid' }),
    ]);

    // The reader test screen: the last 20 raw reports, the taps, the last tap in every common form.
    opener.current.send(...typed('04c43b1a2b3c81'));
    const diagnostics = (await call('reader.diagnostics', {})) as {
      result: { id: string; taps: number; recentReports: string[]; lastScan?: { uid: string }; representations: { value: string }[] }[];
    };
    const desk = diagnostics.result.find((d) => d.id === 'desk-reader')!;
    expect(desk.taps).toBe(3);
    expect(desk.recentReports).toHaveLength(20);
    expect(desk.recentReports.at(-1)).toBe('00 00 00 00 00 00 00 00');
    expect(desk.recentReports.at(-2)).toBe('00 00 28 00 00 00 00 00');
    expect(desk.lastScan?.uid).toBe('04C43B1A2B3C81');
    expect(desk.representations.map((r) => r.value)).toEqual(expect.arrayContaining(['04C43B1A2B3C81', '813C2B1A3BC404', '1341658027998337']));

    await call('settings.update', { readers: defaultReadersSettings });
    expect(opener.current.closed).toBe(true);
  });

  it('says at the reader why nothing works when the USB driver cannot load', async () => {
    const { call } = await coreWithHid(() => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')));
    await call('admin.setPin', { pin: '2468' });
    await call('settings.update', { readers: { ...defaultReadersSettings, hid: [deskReader] } });
    const status = (await call('status.get', {})) as { result: { readers: { id: string; state: string; problem?: string }[] } };
    const reader = status.result.readers.find((r) => r.id === 'desk-reader');
    expect(reader?.state).toBe('disconnected');
    expect(reader?.problem).toContain('libusb-1.0.so.0');
    expect(await call('reader.devices', {})).toMatchObject({ ok: false, error: { code: 'READER_DRIVER_UNAVAILABLE' } });
  });
});

describe('ReaderManager', () => {
  it('marks an unplugged reader disconnected and reopens it on replug, by ids (the path may change)', async () => {
    const scheduler = new ManualScheduler();
    const opener = new FakeHidOpener();
    let present = true;
    const reads: string[] = [];
    let statusChanges = 0;
    const log: Log = silentLog;
    const manager = new ReaderManager({
      loadBindings: () => Promise.resolve(fakeBindings(opener, () => present)),
      now: () => scheduler.now,
      log,
      onRead: (read) => reads.push(read.raw),
      onStatusChange: () => (statusChanges += 1),
      schedule: scheduler.schedule,
    });
    cleanups.push(() => manager.close());
    await manager.configure([deskReader]);
    await settle();
    opener.current.send(...typed('aa11'));
    present = false;
    opener.unplug();
    expect(manager.statuses()).toEqual([expect.objectContaining({ id: 'desk-reader', state: 'disconnected' })]);
    await scheduler.advance(3000);
    present = true;
    opener.replug();
    await scheduler.advance(1000);
    expect(manager.statuses()).toEqual([expect.objectContaining({ state: 'connected' })]);
    opener.current.send(...typed('bb22'));
    expect(reads).toEqual(['aa11', 'bb22']);
    expect(statusChanges).toBeGreaterThanOrEqual(3);
  });
});
