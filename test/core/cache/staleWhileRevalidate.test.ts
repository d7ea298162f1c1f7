import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { AnyEvent, Result } from '../../../src/shared/contract';
import { FaultProxy } from '../../support/FaultProxy';
import { startTestCore } from '../../support/startTestCore';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A desk whose Venue Manager answers every request only after 300–350 ms. */
async function slowVenueManager() {
  const data = generateDemoData({ seed: 13, customers: 40 });
  const sim = new VenueManagerSimulator({ data });
  const proxy = new FaultProxy({ target: await sim.start(0), random: () => 0.5, rates: { slow: 1 }, slowMs: [300, 350] });
  const url = await proxy.start();
  const { core, stop } = await startTestCore({}, { now: Date.now, lookupBudgetMs: 50 });
  stops.push(async () => {
    await stop();
    await proxy.stop();
    await sim.stop();
  });
  const events: AnyEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  const call = async <R>(method: string, params: unknown): Promise<R> => {
    const outcome = await dispatch(core.handlers, method, params, silentLog);
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code}`);
    return outcome.result as R;
  };
  await call('admin.setPin', { pin: '2468' });
  await call('settings.update', { venueManager: { baseUrl: url, authMode: 'none', basicUsername: '', headerName: '' } });
  const product = data
    .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts))
    .find((p) => p.invalidateTime === NOT_INVALIDATED && p.tokens.some((t) => t.invalidateTime === NOT_INVALIDATED))!;
  const uid = product.tokens.find((t) => t.invalidateTime === NOT_INVALIDATED)!.uid;
  return { call, events, uid };
}

describe('stale-while-revalidate for taps', () => {
  it('a band seen before is answered from the cache at once when Venue Manager is slow; its answer follows as an event', async () => {
    const { call, events, uid } = await slowVenueManager();
    // Never seen: the desk waits for Venue Manager, however slow.
    const first = await call<Result<'identify.lookup'>>('identify.lookup', { uid });
    expect(first).toMatchObject({ kind: 'found' });
    expect(first).not.toHaveProperty('cachedAt');

    // Seen before: the cache answers once the 50 ms budget is spent (the server takes ≥ 300 ms).
    const second = await call<Result<'identify.lookup'>>('identify.lookup', { uid });
    expect(second).toMatchObject({ kind: 'found', refreshing: true, cachedAt: expect.any(Number) as unknown });
    expect(events.some((e) => e.event === 'lookupRefreshed')).toBe(false);

    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.event === 'lookupRefreshed') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const refreshed = events.find((e) => e.event === 'lookupRefreshed');
    expect(refreshed?.payload).toMatchObject({ uid, revalidation: (second as { revalidation?: string }).revalidation, result: { kind: 'found' } });
    expect(refreshed?.event === 'lookupRefreshed' ? refreshed.payload.result : undefined).not.toHaveProperty('cachedAt');
  });
});
