import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer, SimulatorDigitalProduct } from '../../../src/main/venue-manager-simulator';
import type { AnyEvent, Result } from '../../../src/shared/contract';
import { optimisticProduct } from '../../../src/shared/optimisticProduct';
import { startTestCore } from '../../support/startTestCore';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const active = (p: SimulatorDigitalProduct) => p.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED);
const valid = (p: SimulatorDigitalProduct) => p.invalidateTime === NOT_INVALIDATED;
const productsOf = (data: readonly SimulatorCustomer[]) => data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));

/** A core pointed at a simulator that the test can stop and start again on the same port. */
async function deskWithVenueManager() {
  const data = generateDemoData({ seed: 11, customers: 60 });
  let simulator = new VenueManagerSimulator({ data });
  const url = await simulator.start(0);
  const port = Number(new URL(url).port);
  const { core, stop } = await startTestCore({}, { now: Date.now, actionWaitMs: 5_000 });
  const events: AnyEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  let running = true;
  cleanups.push(async () => {
    await stop();
    if (running) await simulator.stop();
  });
  const call = async <R = unknown>(method: string, params: unknown = {}): Promise<R> => {
    const outcome = await dispatch(core.handlers, method, params, silentLog);
    if (!outcome.ok) throw Object.assign(new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`), outcome.error);
    return outcome.result as R;
  };
  await call('admin.setPin', { pin: '2468' });
  await call('settings.update', { venueManager: { baseUrl: url, authMode: 'none', basicUsername: '', headerName: '' } });
  await call('operator.signIn', { name: 'Mette Hansen' });
  const pick = (test: (p: SimulatorDigitalProduct) => boolean, not: number[] = []) =>
    productsOf(data).find((p) => !not.includes(p.id) && test(p))!;
  return {
    call,
    events,
    pick,
    data,
    url,
    sim: () => simulator,
    stopVenueManager: async () => {
      await simulator.stop();
      running = false;
    },
    /** Venue Manager back on the same address, its state as `change` leaves the original data. */
    restartVenueManager: async (change: (data: SimulatorCustomer[]) => void = () => {}) => {
      const copy = structuredClone<SimulatorCustomer[]>(data);
      change(copy);
      simulator = new VenueManagerSimulator({ data: copy });
      await simulator.start(port);
      running = true;
    },
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const writes = (sim: VenueManagerSimulator) => sim.requests.filter((r) => r.method !== 'GET');

describe('actions through the outbox, in the core', () => {
  it('online: the desk waits for Venue Manager and reads "done" with the new state; audit and outbox agree', async () => {
    const desk = await deskWithVenueManager();
    const product = desk.pick((p) => valid(p) && active(p).length === 1);
    const uid = active(product)[0]!.uid;
    const result = await desk.call<Result<'actions.block'>>('actions.block', { productId: product.id, uid, reason: 'Stolen' });
    expect(result.outcome).toBe('done');
    expect(result.match?.product.tokens.find((t) => t.uid === uid)?.active).toBe(false);
    expect(result.match?.pending).toBeUndefined();
    expect(writes(desk.sim()).map((r) => [r.method, JSON.parse(r.body) as unknown])).toEqual([['DELETE', { reason: 'Stolen' }]]);
    const { items } = await desk.call<Result<'outbox.list'>>('outbox.list', {});
    expect(items).toEqual([expect.objectContaining({ id: result.outboxId, state: 'done', outcome: 'sent', operator: 'Mette Hansen' })]);
    const { entries } = await desk.call<Result<'audit.list'>>('audit.list', {});
    expect(entries[0]).toMatchObject({ id: result.auditId, action: 'block', outcome: 'done', operator: 'Mette Hansen', reason: 'Stolen' });
    // The screens hear of it (events are coalesced, at most one per 100 ms).
    const last = await until(
      () => Promise.resolve(desk.events.filter((e) => e.event === 'outbox').at(-1)?.payload),
      (summary) => summary !== undefined && 'lastSyncAt' in summary,
      'an outbox event',
    );
    expect(last).toMatchObject({ pending: 0, conflicts: 0, lastSyncAt: expect.any(Number) as unknown });
  });

  it('offline: cached owner with its age, actions "queued" with pending marks; back online both are confirmed', async () => {
    const desk = await deskWithVenueManager();
    const first = desk.pick((p) => valid(p) && active(p).length === 1);
    const second = desk.pick((p) => valid(p), [first.id]);
    const uid = active(first)[0]!.uid;
    // Seen once online: the cache knows both products.
    await desk.call('identify.lookup', { uid });
    await desk.call('venueManager.product', { productId: second.id });
    await desk.stopVenueManager();

    const found = await desk.call<Result<'identify.lookup'>>('identify.lookup', { uid });
    expect(found).toMatchObject({ kind: 'found' });
    expect(found.kind === 'found' ? found.cachedAt : undefined).toBeTypeOf('number');
    const blocked = await desk.call<Result<'actions.block'>>('actions.block', { productId: first.id, uid, reason: 'Lost' });
    expect(blocked.outcome).toBe('queued');
    expect(blocked.cachedAt).toBeTypeOf('number');
    expect(blocked.match?.pending).toEqual([expect.objectContaining({ id: blocked.outboxId, state: 'pending', action: expect.objectContaining({ kind: 'block', uid }) as unknown })]);
    const commented = await desk.call<Result<'actions.comment'>>('actions.comment', { productId: second.id, comment: 'Guest will come back tomorrow' });
    expect(commented.outcome).toBe('queued');
    // Every product the desk is shown carries its queued actions.
    const shown = await desk.call<Result<'identify.lookup'>>('identify.lookup', { uid });
    expect(shown.kind === 'found' ? shown.matches[0]?.pending?.map((m) => m.id) : []).toEqual([blocked.outboxId]);
    expect(await desk.call<Result<'outbox.summary'>>('outbox.summary')).toMatchObject({ pending: 2 });

    await desk.restartVenueManager();
    await desk.call('outbox.sendNow');
    await until(() => desk.call<Result<'outbox.summary'>>('outbox.summary'), (s) => s.pending === 0, 'the queue to empty');
    const { items } = await desk.call<Result<'outbox.list'>>('outbox.list', {});
    expect(items.map((i) => [i.id, i.state, i.outcome])).toEqual([
      [commented.outboxId, 'done', 'sent'],
      [blocked.outboxId, 'done', 'sent'],
    ]);
    expect(writes(desk.sim()).map((r) => r.method)).toEqual(['DELETE', 'POST']);
    const { entries } = await desk.call<Result<'audit.list'>>('audit.list', { filter: { outcome: 'open' } });
    expect(entries).toEqual([]);

    // Offline again: the cached copy (refreshed, or older than the block) reads the band as blocked.
    await desk.stopVenueManager();
    const later = await desk.call<Result<'identify.lookup'>>('identify.lookup', { uid });
    const match = later.kind === 'found' ? later.matches[0] : undefined;
    const applied = (match?.pending ?? []).filter((m) => m.state !== 'conflict' && m.state !== 'failed').map((m) => m.action);
    const expected = match === undefined ? undefined : optimisticProduct(match.product, applied);
    expect(expected?.tokens.find((t) => t.uid === uid)?.active).toBe(false);
  });

  it('a queued action that meets a different state is a conflict a person resolves: edit, or discard with a reason', async () => {
    const desk = await deskWithVenueManager();
    const bare = desk.pick((p) => valid(p) && active(p).length === 0);
    const bare2 = desk.pick((p) => valid(p) && active(p).length === 0, [bare.id]);
    await desk.call('venueManager.product', { productId: bare.id });
    await desk.call('venueManager.product', { productId: bare2.id });
    await desk.stopVenueManager();
    const added = await desk.call<Result<'actions.add'>>('actions.add', { productId: bare.id, uid: '04C0FFEE000001', reason: 'New band' });
    const added2 = await desk.call<Result<'actions.add'>>('actions.add', { productId: bare2.id, uid: '04C0FFEE000002', reason: 'New band' });
    expect([added.outcome, added2.outcome]).toEqual(['queued', 'queued']);
    // Meanwhile another desk put both bands on other products.
    await desk.restartVenueManager((data) => {
      const others = productsOf(data).filter((p) => valid(p) && active(p).length === 0 && p.id !== bare.id && p.id !== bare2.id);
      others[0]!.tokens.push({ uid: '04C0FFEE000001', insertTime: '2026-07-03 10:00:00', invalidateTime: NOT_INVALIDATED });
      others[1]!.tokens.push({ uid: '04C0FFEE000002', insertTime: '2026-07-03 10:00:00', invalidateTime: NOT_INVALIDATED });
    });
    await desk.call('outbox.sendNow');
    const summary = await until(() => desk.call<Result<'outbox.summary'>>('outbox.summary'), (s) => s.pending === 0, 'the queue to settle');
    expect(summary.conflicts).toBe(2);
    const { items } = await desk.call<Result<'outbox.list'>>('outbox.list', { states: ['conflict'] });
    expect(items.map((i) => i.lastError)).toEqual([
      { code: 'VM_TOKEN_ACTIVE_ELSEWHERE', message: expect.stringMatching(/\S/) as unknown },
      { code: 'VM_TOKEN_ACTIVE_ELSEWHERE', message: expect.stringMatching(/\S/) as unknown },
    ]);

    // Edit: another band for the first; the edit is checked and sent like a new action.
    const edited = await desk.call<Result<'outbox.edit'>>('outbox.edit', { id: added.outboxId, uid: '04C0FFEE000003' });
    expect(edited.action).toMatchObject({ kind: 'add', uid: '04C0FFEE000003', reason: 'New band' });
    await until(() => desk.call<Result<'outbox.summary'>>('outbox.summary'), (s) => s.pending === 0, 'the edit to be sent');
    await expect(desk.call('outbox.discard', { id: added2.outboxId, reason: '  ' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await desk.call('outbox.discard', { id: added2.outboxId, reason: 'Guest already has a band' });
    const after = await desk.call<Result<'outbox.list'>>('outbox.list', {});
    expect(after.items.map((i) => [i.state, i.decidedBy, i.decisionReason])).toEqual([
      ['done', 'replayer', 'accepted by Venue Manager'],
      ['discarded', 'Mette Hansen', 'Guest already has a band'],
      ['discarded', 'Mette Hansen', `edited: replaced by ${edited.id}`],
    ]);
    expect(await desk.call<Result<'outbox.summary'>>('outbox.summary')).toMatchObject({ pending: 0, conflicts: 0, failed: 0 });
    // The audit tells the whole story; the CSV carries it.
    const csv = await desk.call<Result<'audit.exportCsv'>>('audit.exportCsv', {});
    expect(csv.rows).toBe(5); // two adds (refused), the edit, the edited add (done), the discard
    expect(csv.csv).toContain('Guest already has a band');
    expect(csv.fileName).toMatch(/^wristdesk-audit-Help-desk-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('a Venue Manager failing with 5xx does not refuse the action: it is queued, and sent once a server answers', async () => {
    const desk = await deskWithVenueManager();
    const product = desk.pick((p) => valid(p) && active(p).length === 1);
    const uid = active(product)[0]!.uid;
    const failing = createServer((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => failing.close(() => resolve())));
    const { port } = failing.address() as AddressInfo;
    const goodUrl = desk.url;
    await desk.call('settings.update', { venueManager: { baseUrl: `http://127.0.0.1:${port}/api/digital_product`, authMode: 'none', basicUsername: '', headerName: '' } });
    const queued = await desk.call<Result<'actions.block'>>('actions.block', { productId: product.id, uid, reason: 'Stolen' });
    expect(queued.outcome).toBe('queued');
    await desk.call('settings.update', { venueManager: { baseUrl: goodUrl, authMode: 'none', basicUsername: '', headerName: '' } });
    await desk.call('outbox.sendNow');
    await until(() => desk.call<Result<'outbox.summary'>>('outbox.summary'), (s) => s.pending === 0, 'the block to be sent', 20_000);
    expect(writes(desk.sim()).map((r) => [r.method, r.status])).toEqual([['DELETE', 204]]);
  }, 30_000);

  it('work offline holds sending; switching it off sends what waited', async () => {
    const desk = await deskWithVenueManager();
    const product = desk.pick((p) => valid(p));
    await desk.call('venueManager.product', { productId: product.id });
    await desk.call('settings.update', { workOffline: true });
    const queued = await desk.call<Result<'actions.comment'>>('actions.comment', { productId: product.id, comment: 'Asked for a refund' });
    expect(queued.outcome).toBe('queued');
    expect(await desk.call<Result<'outbox.summary'>>('outbox.summary')).toMatchObject({ pending: 1, pausedFor: 'OFFLINE_FORCED' });
    expect(writes(desk.sim())).toEqual([]);
    await desk.call('settings.update', { workOffline: false });
    await until(() => desk.call<Result<'outbox.summary'>>('outbox.summary'), (s) => s.pending === 0, 'the comment to be sent');
    expect(writes(desk.sim()).map((r) => JSON.parse(r.body) as unknown)).toEqual([{ comment: 'Asked for a refund' }]);
  });
});
