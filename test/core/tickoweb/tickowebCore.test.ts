import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { generateDemoData, pickSampleWristbands } from '../../../src/main/venue-manager-simulator';
import type { AnyEvent, Result } from '../../../src/shared/contract';
import { startTestCore } from '../../support/startTestCore';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('Tickoweb in the core (demo tree)', () => {
  it('a demo desk syncs the sample tree, searches it, opens an order and links a wristband owner to it', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const events: AnyEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    const call = async <R>(method: string, params: unknown = {}): Promise<R> => {
      const outcome = await dispatch(core.handlers, method, params, silentLog);
      if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.result as R;
    };
    expect(await call<Result<'tickoweb.summary'>>('tickoweb.summary')).toMatchObject({ configured: true, demo: true, orders: 0 });

    const report = await call<Result<'tickoweb.sync'>>('tickoweb.sync', {});
    expect(report).toMatchObject({ result: 'done', quarantined: 0 });
    expect(report.ordersFetched).toBeGreaterThan(100);
    const summary = await call<Result<'tickoweb.summary'>>('tickoweb.summary');
    expect(summary).toMatchObject({ orders: report.ordersFetched, lastRun: { result: 'done' } });
    expect(summary.running).toBeUndefined();

    // The owner of the demo's active sample band, as the Identify view would ask.
    const data = generateDemoData({ seed: 2026 });
    const sample = pickSampleWristbands(data).find((s) => s.kind === 'active')!;
    const owner = data.find((c) => c.orders.some((o) => o.digitalProducts.some((p) => p.tokens.some((t) => t.uid === sample.uid))))!;
    const email = owner.address.email!;
    const links = await call<Result<'tickoweb.links'>>('tickoweb.links', { emails: [email.toUpperCase()], names: [owner.address.name] });
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatchObject({ reason: 'email', eventName: 'Demo Festival 2026' });

    const found = await call<Result<'tickoweb.search'>>('tickoweb.search', { query: email.slice(0, 6) });
    expect(found.hits.map((hit) => hit.orderPath)).toContain(links[0]!.orderPath);
    const order = await call<Result<'tickoweb.order'>>('tickoweb.order', { orderPath: links[0]!.orderPath });
    expect(order.emails.map((e) => e.toLowerCase())).toContain(email.toLowerCase());
    expect(order.event?.name).toBe('Demo Festival 2026');
    expect(JSON.parse(order.customerRaw ?? 'null')).toBeTypeOf('object');

    // The screens heard of the run (coalesced).
    const deadline = Date.now() + 2000;
    while (!events.some((e) => e.event === 'tickoweb' && e.payload.orders > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(events.some((e) => e.event === 'tickoweb' && e.payload.orders > 0)).toBe(true);
  });

  it('a sync asked for while one runs joins it; unknown orders say so', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const [a, b] = await Promise.all([
      dispatch(core.handlers, 'tickoweb.sync', {}, silentLog),
      dispatch(core.handlers, 'tickoweb.sync', {}, silentLog),
    ]);
    expect(a).toEqual(b);
    expect(await dispatch(core.handlers, 'tickoweb.order', { orderPath: 'nope/' }, silentLog)).toMatchObject({ ok: false, error: { code: 'TICKOWEB_NOT_FOUND' } });
  });
});
