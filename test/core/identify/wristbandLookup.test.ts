import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { encode, parseCanonicalUid } from '../../../src/main/uid';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { UidProfile } from '../../../src/shared/uidProfile';
import { AppError } from '../../../src/shared/errors';
import { WristbandLookup } from '../../../src/main/identify/WristbandLookup';
import type { WireCustomer } from '../../../src/main/venue-manager/wireSchemas';
import { startTestCore } from '../../support/startTestCore';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const reversedDecimal: UidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'reversed', padTo: 0, uidSize: null };

/** A Venue Manager whose database holds token UIDs as reversed decimal — as some readers register them. */
async function venueStoringReversedDecimal() {
  const data = generateDemoData({ seed: 7, customers: 40 });
  let activeUid = '';
  for (const customer of data) {
    for (const order of customer.orders) {
      for (const product of order.digitalProducts) {
        for (const token of product.tokens) {
          const canonical = parseCanonicalUid(token.uid);
          if (!canonical.ok) continue;
          const stored = encode(canonical.value, reversedDecimal);
          if (!stored.ok) continue;
          if (activeUid === '' && token.invalidateTime === NOT_INVALIDATED && product.invalidateTime === NOT_INVALIDATED) activeUid = token.uid;
          token.uid = stored.value;
        }
      }
    }
  }
  const simulator = new VenueManagerSimulator({ data });
  const url = await simulator.start(0);
  const { core, stop } = await startTestCore();
  cleanups.push(async () => {
    await stop();
    await simulator.stop();
  });
  const call = (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog);
  await call('admin.setPin', { pin: '2468' });
  await call('settings.update', { venueManager: { baseUrl: url, authMode: 'none', basicUsername: '', headerName: '' } });
  return { simulator, core, call, activeUid, storedAs: (uid: string) => {
    const canonical = parseCanonicalUid(uid);
    const encoded = canonical.ok ? encode(canonical.value, reversedDecimal) : undefined;
    return encoded?.ok === true ? encoded.value : '';
  } };
}

function searches(simulator: VenueManagerSimulator): string[] {
  return simulator.requests.filter((r) => r.method === 'GET' && r.query.tokenUid !== undefined).map((r) => r.query.tokenUid!);
}

describe('finding a band whatever form Venue Manager stores its UID in', () => {
  it('the demo finds a band by its hex UID at the first request, as expected', async () => {
    const { core, stop } = await startTestCore();
    cleanups.push(stop);
    const samples = (await dispatch(core.handlers, 'reader.samples', {}, silentLog)) as { result: { uid: string; kind: string }[] };
    const uid = samples.result.find((s) => s.kind === 'active')!.uid;
    const found = await dispatch(core.handlers, 'identify.lookup', { uid }, silentLog);
    expect(found).toMatchObject({ ok: true, result: { kind: 'found', matchedAs: { value: uid, expected: true, profile: { encoding: 'hex' } } } });
  });

  it('uncalibrated: finds a band stored as reversed decimal and says it was not the expected form', async () => {
    const { simulator, call, activeUid, storedAs } = await venueStoringReversedDecimal();
    const found = await call('identify.lookup', { uid: activeUid });
    expect(found).toMatchObject({
      ok: true,
      result: { kind: 'found', uid: activeUid, matchedAs: { value: storedAs(activeUid), expected: false, profile: reversedDecimal } },
    });
    const tried = searches(simulator);
    expect(tried[0]).toBe(activeUid); // plain hex first
    expect(tried).toContain(storedAs(activeUid));
  });

  it('a band no form of which is known is "not found", after a bounded number of searches', async () => {
    const { simulator, call } = await venueStoringReversedDecimal();
    simulator.clearRequests();
    expect(await call('identify.lookup', { uid: '04DEADBEEF0101' })).toMatchObject({ ok: true, result: { kind: 'not-found' } });
    const tried = searches(simulator);
    expect(tried.length).toBeGreaterThan(4);
    expect(tried.length).toBeLessThanOrEqual(48);
    expect(new Set(tried).size).toBe(tried.length);
  });

  it('calibration by tap learns the form; then one search finds the band and new bands are sent in that form', async () => {
    const { simulator, call, activeUid, storedAs } = await venueStoringReversedDecimal();
    await call('admin.lock', {});
    expect(await call('uidFormat.calibrateVenue', { uid: activeUid })).toMatchObject({ ok: false, error: { code: 'ADMIN_LOCKED' } });
    await call('admin.unlock', { pin: '2468' });
    expect(await call('uidFormat.calibrateVenue', { uid: '04DEADBEEF0101' })).toEqual({ ok: true, result: { outcome: 'not-found' } });
    const calibrated = await call('uidFormat.calibrateVenue', { uid: activeUid });
    expect(calibrated).toMatchObject({ ok: true, result: { outcome: 'calibrated', format: { state: 'calibrated', profile: reversedDecimal } } });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, result: { settings: { venueUidFormat: { state: 'calibrated' } } } });

    simulator.clearRequests();
    expect(await call('identify.lookup', { uid: activeUid })).toMatchObject({ ok: true, result: { matchedAs: { expected: true } } });
    expect(searches(simulator)).toEqual([storedAs(activeUid)]);

    // A new band given as canonical hex goes to Venue Manager in the venue's form.
    await call('operator.signIn', { name: 'Anna' });
    const found = (await call('identify.lookup', { uid: activeUid })) as { result: { matches: { product: { id: number } }[] } };
    const productId = found.result.matches[0]!.product.id;
    simulator.clearRequests();
    await call('actions.replace', { productId, uid: storedAs(activeUid), newUid: '04ABCDEF123456', reason: 'Chip broken' });
    const put = simulator.requests.find((r) => r.method === 'PUT');
    expect(put?.query.newUid).toBe(storedAs('04ABCDEF123456'));
  });
});

describe('WristbandLookup with a Venue Manager that refuses some forms', () => {
  const customer = (uid: string) =>
    ({
      id: 1,
      address: { name: 'Mette Hansen' },
      orders: [{ id: 9, authorizedTime: '2026-07-01 10:00:00', digitalProducts: [{ id: 5, name: 'Pass', invalidateTime: null, productImageUrl: null, barcode: '', alias: null, tokens: [{ uid, insertTime: '2026-07-01 10:00:00', invalidateTime: null }], events: [] }] }],
    }) as unknown as WireCustomer;

  it('an alternative form the server refuses finds nothing; another form still finds the band', async () => {
    const lookup = new WristbandLookup({
      venueFormat: () => ({ state: 'uncalibrated' }),
      searchToken: (tokenUid) => {
        if (tokenUid.includes(',')) return Promise.reject(new AppError('VM_UNKNOWN_ERROR', 'bad value'));
        return Promise.resolve(tokenUid === '36094952840348676' ? [customer(tokenUid)] : []);
      },
    });
    const found = await lookup.find('04C43B1A2B3C80');
    expect(found?.matchedAs).toMatchObject({ value: '36094952840348676', expected: false });
  });

  it('when every form fails, the lookup fails with the first error (it is the connection)', async () => {
    let first = true;
    const lookup = new WristbandLookup({
      venueFormat: () => ({ state: 'uncalibrated' }),
      searchToken: () => {
        if (first) {
          first = false;
          return Promise.resolve([]);
        }
        return Promise.reject(new AppError('NETWORK', 'down'));
      },
    });
    await expect(lookup.find('04C43B1A2B3C80')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
