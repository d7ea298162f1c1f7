import { afterEach, describe, expect, it } from 'vitest';
import { OutboxReplayer } from '../../../src/main/outbox/OutboxReplayer';
import type { OutboxClient } from '../../../src/main/outbox/OutboxReplayer';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { SimulatorDigitalProduct } from '../../../src/main/venue-manager-simulator';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { AppError } from '../../../src/shared/errors';
import { actor, memoryOutbox } from './helpers';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

type Fault = 'lose-answer' | 'fail-before';

async function setup(options: { commentsInHistory?: boolean; token?: string } = {}) {
  const commentsInHistory = options.commentsInHistory ?? true;
  const data = generateDemoData({ seed: 5, customers: 40 });
  const sim = new VenueManagerSimulator({
    data,
    clock: () => new Date('2026-07-03T12:00:00Z'),
    commentsInHistory,
    auth: { kind: 'bearer', token: 'good' },
  });
  const credentials = { token: options.token ?? 'good' };
  const client = new VenueManagerClient({
    baseUrl: await sim.start(0),
    authHeaders: () => ({ authorization: `Bearer ${credentials.token}` }),
    getRetries: 0,
  });
  stops.push(async () => {
    await client.close();
    await sim.stop();
  });
  // The next write meets this fault: its answer is lost after the server applied it, or it fails before leaving.
  const faults: Fault[] = [];
  const flaky = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (!['blockToken', 'replaceToken', 'addToken', 'comment'].includes(String(property))) return method.bind(target);
      return async (...args: unknown[]) => {
        const fault = faults.shift();
        if (fault === 'fail-before') throw new AppError('NETWORK', 'Venue Manager could not be reached');
        await method.apply(target, args);
        if (fault === 'lose-answer') throw new AppError('TIMEOUT', 'Venue Manager did not answer in time');
      };
    },
  }) as OutboxClient;
  const memory = memoryOutbox();
  const paused: boolean[] = [];
  const replayer = new OutboxReplayer({
    outbox: memory.outbox,
    client: () => flaky,
    now: memory.now,
    random: () => 0.5,
    sleep: () => Promise.resolve(),
    historyShowsComments: commentsInHistory,
    onPauseChange: (p) => paused.push(p),
  });
  /** Runs until nothing is due, moving the clock over every backoff. */
  const replayAll = async () => {
    for (let i = 0; i < 20; i++) {
      const { nextDueAt } = await replayer.runOnce();
      if (nextDueAt === null) return;
      memory.clock.now = Math.max(memory.clock.now, nextDueAt);
    }
  };
  const products = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
  const active = (p: SimulatorDigitalProduct) => p.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED);
  const valid = (p: SimulatorDigitalProduct) => p.invalidateTime === NOT_INVALIDATED;
  const withOneToken = products.filter((p) => valid(p) && active(p).length === 1);
  const withoutToken = products.filter((p) => valid(p) && active(p).length === 0);
  const writes = () => sim.requests.filter((r) => r.method !== 'GET');
  const state = (productId: number) => sim.customers().flatMap((c) => c.orders.flatMap((o) => o.digitalProducts)).find((p) => p.id === productId)!;
  const isActive = (productId: number, uid: string) => state(productId).tokens.some((t) => t.uid === uid && t.invalidateTime === NOT_INVALIDATED);
  return { sim, client, credentials, faults, replayer, replayAll, paused, ...memory, withOneToken, withoutToken, active, writes, state, isActive };
}

const freshUid = (n: number) => `04F0${String(n).padStart(10, '0')}`;

describe('OutboxReplayer against the simulator', () => {
  it('sends each kind once and records "sent" in outbox and audit', async () => {
    const s = await setup();
    const [p1, p2] = s.withOneToken;
    const [p3] = s.withoutToken;
    const block = s.outbox.enqueue({ kind: 'block', productId: p1!.id, uid: s.active(p1!)[0]!.uid, reason: 'Lost' }, actor);
    const replace = s.outbox.enqueue({ kind: 'replace', productId: p2!.id, uid: s.active(p2!)[0]!.uid, newUid: freshUid(1), reason: 'Broken' }, actor);
    const add = s.outbox.enqueue({ kind: 'add', productId: p3!.id, uid: freshUid(2), reason: 'New band' }, actor);
    const comment = s.outbox.enqueue({ kind: 'comment', productId: p1!.id, comment: 'Guest was kind' }, actor);
    await s.replayAll();
    for (const item of [block, replace, add, comment]) expect(s.outbox.get(item.id)).toMatchObject({ state: 'done', outcome: 'sent' });
    expect(s.writes().map((r) => r.status)).toEqual([204, 204, 204, 204]);
    expect(s.audit.recent(10).every((row) => row.outcome === 'done' && row.errorCode === null)).toBe(true);
    expect(s.outbox.summary()).toMatchObject({ pending: 0, conflicts: 0, failed: 0 });
    expect(s.outbox.summary().lastSuccessAt).not.toBeNull();
  });

  it.each(['block', 'replace', 'add'] as const)('%s: answer lost after the server applied it → confirmed from history, not resent', async (kind) => {
    const s = await setup();
    const p = kind === 'add' ? s.withoutToken[0]! : s.withOneToken[0]!;
    const uid = kind === 'add' ? freshUid(3) : s.active(p)[0]!.uid;
    const action =
      kind === 'replace'
        ? { kind, productId: p.id, uid, newUid: freshUid(4), reason: 'Broken' }
        : { kind, productId: p.id, uid, reason: 'Because' };
    const item = s.outbox.enqueue(action, actor);
    s.faults.push('lose-answer');
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({ state: 'done', outcome: 'already-applied', mayHaveApplied: true });
    expect(s.writes()).toHaveLength(1);
    expect(s.audit.recent(1)[0]).toMatchObject({ outcome: 'done', errorCode: 'ALREADY_APPLIED' });
  });

  it('a write that failed before leaving is checked, then sent once', async () => {
    const s = await setup();
    const p = s.withOneToken[0]!;
    const item = s.outbox.enqueue({ kind: 'block', productId: p.id, uid: s.active(p)[0]!.uid, reason: 'Lost' }, actor);
    s.faults.push('fail-before');
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({ state: 'done', outcome: 'sent', attempts: 2 });
    expect(s.writes().map((r) => r.status)).toEqual([204]);
  });

  it('crash while sending: recoverInFlight, then the state check decides (applied → done; not applied → sent)', async () => {
    const s = await setup();
    const [p1, p2] = s.withOneToken;
    const applied = s.outbox.enqueue({ kind: 'block', productId: p1!.id, uid: s.active(p1!)[0]!.uid, reason: 'Lost' }, actor);
    const notApplied = s.outbox.enqueue({ kind: 'block', productId: p2!.id, uid: s.active(p2!)[0]!.uid, reason: 'Lost' }, actor);
    s.outbox.markSending(applied.id);
    s.outbox.markSending(notApplied.id);
    await s.client.blockToken(p1!.id, s.active(p1!)[0]!.uid, 'Lost'); // reached the server, then the process died
    expect(s.outbox.recoverInFlight()).toBe(2);
    await s.replayAll();
    expect(s.outbox.get(applied.id)).toMatchObject({ state: 'done', outcome: 'already-applied' });
    expect(s.outbox.get(notApplied.id)).toMatchObject({ state: 'done', outcome: 'sent' });
    expect(s.writes().map((r) => r.status)).toEqual([204, 204]);
  });

  it('another desk already did exactly this → done, audited "already done by another desk"', async () => {
    const s = await setup();
    const p = s.withOneToken[0]!;
    const uid = s.active(p)[0]!.uid;
    const item = s.outbox.enqueue({ kind: 'replace', productId: p.id, uid, newUid: freshUid(5), reason: 'Broken' }, actor);
    await s.client.replaceToken(p.id, uid, freshUid(5), 'the other desk');
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({ state: 'done', outcome: 'already-done-elsewhere' });
    expect(s.audit.recent(1)[0]).toMatchObject({ outcome: 'done', errorCode: 'ALREADY_DONE_ELSEWHERE', serverMessage: 'already done by another desk' });
  });

  it('a different end state → conflict with the server\'s words; retry and discard record outcomes', async () => {
    const s = await setup();
    const p = s.withOneToken[0]!;
    const uid = s.active(p)[0]!.uid;
    const item = s.outbox.enqueue({ kind: 'replace', productId: p.id, uid, newUid: freshUid(6), reason: 'Broken' }, actor);
    const behind = s.outbox.enqueue({ kind: 'comment', productId: p.id, comment: 'after the replace' }, actor);
    await s.client.replaceToken(p.id, uid, freshUid(7), 'the other desk chose another band');
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({
      state: 'conflict',
      lastError: { code: 'VM_TOKEN_ALREADY_BLOCKED', message: 'Specified token UID is already blocked on the digital product.' },
    });
    expect(s.outbox.get(behind.id).state).toBe('pending'); // held back: same product
    expect(s.isActive(p.id, freshUid(7))).toBe(true); // never silently overwritten

    s.outbox.retry(item.id, actor);
    await s.replayAll();
    expect(s.outbox.get(item.id).state).toBe('conflict');
    s.outbox.discard(item.id, actor, 'Other desk gave the guest a band already');
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({ state: 'discarded', decisionReason: 'Other desk gave the guest a band already' });
    expect(s.outbox.get(behind.id).state).toBe('done');
  });

  it('401: sending pauses without looping, and resumes with new credentials', async () => {
    const s = await setup({ token: 'expired' });
    const [p1, p2] = s.withOneToken;
    const a = s.outbox.enqueue({ kind: 'block', productId: p1!.id, uid: s.active(p1!)[0]!.uid, reason: 'Lost' }, actor);
    const b = s.outbox.enqueue({ kind: 'block', productId: p2!.id, uid: s.active(p2!)[0]!.uid, reason: 'Lost' }, actor);
    const replayer = s.replayer;
    await s.replayAll();
    await s.replayAll();
    expect(replayer.isPaused).toBe(true);
    expect(s.paused).toEqual([true]);
    // Concurrency lets both leave at once; after the 401 nothing more is sent.
    expect(s.sim.requests.length).toBeLessThanOrEqual(2);
    expect(s.sim.requests.every((r) => r.status === 401)).toBe(true);
    expect(s.outbox.summary()).toMatchObject({ pending: 2, conflicts: 0, failed: 0 });
    s.credentials.token = 'good';
    replayer.resume();
    await s.replayAll();
    expect(s.outbox.get(a.id).state).toBe('done');
    expect(s.outbox.get(b.id).state).toBe('done');
    expect(s.paused).toEqual([true, false]);
  });

  it('comment, history shows comments: a lost answer is confirmed, never resent', async () => {
    const s = await setup({ commentsInHistory: true });
    const p = s.withOneToken[0]!;
    // The same words already on the product (another day, another desk) must not count as ours.
    await s.client.comment(p.id, 'Refund promised');
    const lost = s.outbox.enqueue({ kind: 'comment', productId: p.id, comment: 'Refund promised' }, actor);
    const failedBefore = s.outbox.enqueue({ kind: 'comment', productId: p.id, comment: 'Second note' }, actor);
    s.faults.push('lose-answer', 'fail-before');
    await s.replayAll();
    expect(s.outbox.get(lost.id)).toMatchObject({ state: 'done', outcome: 'already-applied', possibleDuplicate: false });
    expect(s.outbox.get(failedBefore.id)).toMatchObject({ state: 'done', outcome: 'sent', possibleDuplicate: false });
    expect(s.sim.comments().map((c) => c.comment)).toEqual(['Refund promised', 'Refund promised', 'Second note']);
  });

  it('comment, history hides comments: resent after a lost answer and flagged "may be duplicated"', async () => {
    const s = await setup({ commentsInHistory: false });
    const p = s.withOneToken[0]!;
    const lost = s.outbox.enqueue({ kind: 'comment', productId: p.id, comment: 'Refund promised' }, actor);
    const clean = s.outbox.enqueue({ kind: 'comment', productId: p.id, comment: 'Second note' }, actor);
    s.faults.push('lose-answer');
    await s.replayAll();
    expect(s.outbox.get(lost.id)).toMatchObject({ state: 'done', outcome: 'possible-duplicate', possibleDuplicate: true });
    expect(s.outbox.get(clean.id)).toMatchObject({ state: 'done', outcome: 'sent', possibleDuplicate: false });
    expect(s.sim.comments().map((c) => c.comment)).toEqual(['Refund promised', 'Refund promised', 'Second note']);
    expect(s.outbox.summary().possibleDuplicates).toBe(1);
    expect(s.audit.recent(10).find((r) => r.reason === 'Refund promised')).toMatchObject({ outcome: 'done', errorCode: 'POSSIBLE_DUPLICATE' });
  });

  it('a comment refused by the server (invalidated product) is a conflict, not lost silently', async () => {
    const s = await setup();
    const products = s.sim.customers().flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
    const target = products.find((p) => p.invalidateTime !== NOT_INVALIDATED)!;
    const item = s.outbox.enqueue({ kind: 'comment', productId: target.id, comment: 'Cancelled ticket, guest informed' }, actor);
    await s.replayAll();
    expect(s.outbox.get(item.id)).toMatchObject({ state: 'conflict', lastError: { code: 'VM_PRODUCT_INVALIDATED' } });
    expect(s.audit.recent(1)[0]).toMatchObject({ outcome: 'refused', errorCode: 'VM_PRODUCT_INVALIDATED' });
  });
});
