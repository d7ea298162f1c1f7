import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import type { AnyEvent } from '../../../src/shared/contract';
import { startTestCore } from '../../support/startTestCore';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('reader.wedgeScan', () => {
  it('turns a captured burst into a scan like any reader, once per band within the duplicate window', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const events: AnyEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    const call = (raw: string) => dispatch(core.handlers, 'reader.wedgeScan', { raw }, silentLog);

    const first = await call(' 04a2b3c4d5e6c1 ');
    expect(first).toEqual({ ok: true, result: { readerId: 'wedge', raw: '04a2b3c4d5e6c1', uid: '04A2B3C4D5E6C1', at: Date.UTC(2026, 6, 4, 12) } });
    // The same band again at once is the same tap: answered with null, not sent as a scan.
    expect(await call('04A2B3C4D5E6C1')).toEqual({ ok: true, result: null });
    expect(await call('04FFFFFFFFFF01')).toMatchObject({ ok: true, result: { uid: '04FFFFFFFFFF01' } });

    expect(events.filter((e) => e.event === 'scan').map((e) => (e.payload as { uid: string }).uid)).toEqual(['04A2B3C4D5E6C1', '04FFFFFFFFFF01']);
    const status = await dispatch(core.handlers, 'status.get', {}, silentLog);
    const readers = (status as { result: { readers: { id: string; kind: string }[] } }).result.readers;
    expect(readers.map((r) => [r.id, r.kind])).toContainEqual(['wedge', 'wedge']);
    expect(await dispatch(core.handlers, 'reader.wedgeScan', { raw: '   ' }, silentLog)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('barcodes from keyboard scanners', () => {
  it('input matching the barcode pattern is a barcode scan; a UID is not', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const call = (raw: string) => dispatch(core.handlers, 'reader.wedgeScan', { raw }, silentLog);
    expect(await call('5701234567890')).toMatchObject({ ok: true, result: { kind: 'barcode', uid: '5701234567890' } });
    expect(await call('000109028100377396')).toMatchObject({ ok: true, result: { kind: 'barcode' } });
    const uid = await call('1341658027998336'); // a 7-byte UID in decimal: 16 digits
    expect(uid).toMatchObject({ ok: true, result: { uid: '04C43B1A2B3C80' } });
    expect((uid as { result: object }).result).not.toHaveProperty('kind');
  });
});

describe('reader calibration', () => {
  it("learns a reader's format from its last tap and the band's known UID, then reads it right", async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const call = (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog);
    // 04C43B1A2B3C80 as a reader that prints the bytes reversed, in decimal.
    const guessed = await call('reader.wedgeScan', { raw: '36094952840348676' });
    expect(guessed.ok).toBe(true);
    expect((guessed as { result: { uid: string } }).result.uid).not.toBe('04C43B1A2B3C80');

    expect(await call('reader.calibrate', { readerId: 'wedge', knownUid: '04C43B1A2B3C80' })).toMatchObject({ ok: false, error: { code: 'ADMIN_PIN_NOT_SET' } });
    await call('admin.setPin', { pin: '2468' });
    expect(await call('reader.calibrate', { readerId: 'nope', knownUid: '04C43B1A2B3C80' })).toMatchObject({ ok: false, error: { code: 'READER_UNKNOWN' } });
    const calibrated = await call('reader.calibrate', { readerId: 'wedge', knownUid: '04C43B1A2B3C80' });
    expect(calibrated).toMatchObject({
      ok: true,
      result: { saved: true, outcome: { status: 'unique', candidates: [{ profile: { encoding: 'decimal', byteOrder: 'reversed', shortening: 'none' } }] } },
    });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, result: { settings: { readers: { wedgeUidFormat: { state: 'calibrated' } } } } });
    expect(await call('reader.wedgeScan', { raw: '36094952840348676' })).toMatchObject({ ok: true, result: { uid: '04C43B1A2B3C80' } });
  });
});
