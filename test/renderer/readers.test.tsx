import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderDiagnostic } from '../../src/shared/readers';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { FakeApi } from './support/FakeApi';
import { actAndSettle, goTo, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

const desk: ReaderDiagnostic = {
  id: 'usb-ffff-0035',
  name: 'USB Reader',
  kind: 'hid-keyboard',
  state: 'connected',
  recentReports: ['00 00 27 00 00 00 00 00', '00 00 00 00 00 00 00 00'],
  taps: 2,
  lastScan: { readerId: 'usb-ffff-0035', raw: '04c43b1a2b3c80', uid: '04C43B1A2B3C80', at: 1 },
  representations: [
    { value: '04C43B1A2B3C80', profile: { encoding: 'hex', shortening: 'none', byteOrder: 'as-read', separator: '', letterCase: 'upper' } },
    { value: '36094952840348676', profile: { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null } },
  ],
};

describe('reader test screen', () => {
  it("shows each reader's state, taps, last UID in every form and its last reports", async () => {
    const unplugged: ReaderDiagnostic = { ...desk, id: 'b', name: 'Gate reader', state: 'disconnected', taps: 0, recentReports: [], representations: [], problem: 'libusb missing' };
    delete (unplugged as Partial<ReaderDiagnostic>).lastScan;
    renderApp(new FakeApi({ handlers: { 'reader.diagnostics': () => [desk, unplugged] } }));
    await goTo('#/readers');
    const [first, second] = await screen.findAllByTestId('reader-card');
    const card = within(first!);
    expect(card.getByTestId('reader-state').textContent).toContain(en.readers.connected);
    expect(card.getByTestId('reader-taps').textContent).toBe('2 taps');
    expect(card.getByTestId('reader-last-uid').textContent).toBe('04C43B1A2B3C80');
    expect(card.getByTestId('reader-forms').textContent).toContain('36094952840348676decimal, bytes reversed');
    expect(card.getByTestId('reader-reports').textContent).toBe('00 00 27 00 00 00 00 00\n00 00 00 00 00 00 00 00');
    expect(within(second!).getByTestId('reader-state').textContent).toContain(en.readers.disconnected);
    expect(within(second!).getByTestId('reader-problem').textContent).toContain('libusb missing');
  });
});

describe('picking USB readers (Settings)', () => {
  it('lists the devices present, adds a reader by its ids, changes its role and removes it', async () => {
    const api = new FakeApi({
      handlers: {
        'reader.devices': () => [
          { vendorId: 0xffff, productId: 0x0035, usagePage: 1, usage: 6, path: '/dev/hidraw3', product: 'USB Reader', interface: 0, access: { status: 'openable', kind: 'hid-keyboard' } },
          { vendorId: 0x046d, productId: 0xc31c, path: '\\\\?\\hid#kbd', product: 'Keyboard', interface: 0, access: { status: 'os-held', reason: 'Windows keeps keyboards' } },
        ],
      },
    });
    renderApp(api);
    await goTo('#/settings');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('readers-find')));
    const [reader, keyboard] = screen.getAllByTestId('reader-device');
    expect(within(keyboard!).queryByTestId('reader-add')).toBeNull();
    expect(keyboard!.textContent).toContain(en.readers.settings.osHeld);

    await actAndSettle(() => fireEvent.click(within(reader!).getByTestId('reader-add')));
    const added = api.callsOf('settings.update')[0] as { readers: { hid: unknown[] } };
    expect(added.readers.hid).toEqual([
      {
        id: 'usb-ffff-0035-0001-0006',
        name: 'USB Reader',
        vendorId: 0xffff,
        productId: 0x0035,
        usagePage: 1,
        usage: 6,
        decoder: { kind: 'keyboard' },
        role: 'wristband',
        uidFormat: { state: 'uncalibrated' },
      },
    ]);
    expect(screen.getByTestId('reader-configured').textContent).toContain('ffff:0035');

    await actAndSettle(() => fireEvent.change(screen.getByTestId('reader-role'), { target: { value: 'barcode' } }));
    expect((api.callsOf('settings.update')[1] as { readers: { hid: { role: string }[] } }).readers.hid[0]?.role).toBe('barcode');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('reader-remove')));
    expect((api.callsOf('settings.update')[2] as { readers: { hid: unknown[] } }).readers.hid).toEqual([]);
    expect(screen.getByTestId('readers-configured-none')).toBeTruthy();
  });
});

describe('reader calibration and options (Settings)', () => {
  it("calibrates the keyboard reader from its last tap and the band's UID, and says what it learnt", async () => {
    const api = new FakeApi({
      handlers: {
        'reader.calibrate': ({ knownUid }) =>
          knownUid === '04C43B1A2B3C80'
            ? {
                saved: true,
                outcome: {
                  status: 'unique',
                  candidates: [
                    { profile: { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: 7 }, lossless: true, matchedBits: 56, unsettled: [] },
                  ],
                },
              }
            : { saved: false, outcome: { status: 'no-match' } },
      },
    });
    renderApp(api);
    await goTo('#/settings');
    const wedge = (await screen.findAllByTestId('reader-calibration')).find((el) => el.dataset.reader === 'wedge')!;
    expect(within(wedge).getByTestId('reader-format').textContent).toContain('Not calibrated');
    await actAndSettle(() => fireEvent.change(within(wedge).getByTestId('reader-known-uid'), { target: { value: '04C43B1A2B3C81' } }));
    await actAndSettle(() => fireEvent.click(within(wedge).getByTestId('reader-calibrate')));
    expect(within(wedge).getByTestId('reader-calibration-result').textContent).toContain("The reader's last tap is no form of 04C43B1A2B3C81");
    await actAndSettle(() => fireEvent.change(within(wedge).getByTestId('reader-known-uid'), { target: { value: '04C43B1A2B3C80' } }));
    await actAndSettle(() => fireEvent.click(within(wedge).getByTestId('reader-calibrate')));
    expect(api.callsOf('reader.calibrate')).toEqual([
      { readerId: 'wedge', knownUid: '04C43B1A2B3C81' },
      { readerId: 'wedge', knownUid: '04C43B1A2B3C80' },
    ]);
    expect(within(wedge).getByTestId('reader-calibration-result').textContent).toContain('this reader writes UIDs as decimal, bytes reversed');
  });

  it('saves the duplicate window and barcode pattern only when valid', async () => {
    const api = new FakeApi();
    renderApp(api);
    await goTo('#/settings');
    await actAndSettle(() => fireEvent.change(screen.getByTestId('reader-barcode-pattern'), { target: { value: '^(\\d{13}' } }));
    await actAndSettle(() => fireEvent.click(screen.getByTestId('reader-options-save')));
    expect(api.callsOf('settings.update')).toEqual([]);
    expect(screen.getByTestId('reader-options').textContent).toContain(en.readers.options.invalid);
    await actAndSettle(() => fireEvent.change(screen.getByTestId('reader-barcode-pattern'), { target: { value: '^\\d{13}$' } }));
    await actAndSettle(() => fireEvent.change(screen.getByTestId('reader-duplicate-window'), { target: { value: '3000' } }));
    await actAndSettle(() => fireEvent.click(screen.getByTestId('reader-options-save')));
    expect(api.callsOf('settings.update')).toEqual([{ readers: expect.objectContaining({ duplicateWindowMs: 3000, barcodePattern: '^\\d{13}$' }) as unknown }]);
  });
});
