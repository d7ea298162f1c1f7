import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { Outbox } from '../../../src/main/outbox/Outbox';
import type { OutboxAction } from '../../../src/main/outbox/OutboxItem';
import { OutboxReplayer } from '../../../src/main/outbox/OutboxReplayer';
import type { BackoffPolicy } from '../../../src/main/outbox/Backoff';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { openStore } from '../../../src/main/store/Store';
import { NOT_INVALIDATED, VenueManagerSimulator, documentedErrors } from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { FaultProxy, faultKinds } from '../../support/FaultProxy';
import type { FaultKind } from '../../support/FaultProxy';
import { makeTempDir } from '../../support/tempDir';
import { checkRun, crashData, crashPlan, originalUid, plannedKey, productIdOf, readRows, requestKey } from './crashPlan';
import { mulberry32 } from './helpers';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rerun = `seed ${seed}; rerun with WRISTDESK_TEST_SEED=${seed}`;

/** A client that gives up fast: the proxy's held requests cost 300 ms, not 15 s. */
const timeoutMs = 300;
/** 37.5 % of requests meet a fault (the proxy's bag of 40 holds exactly 15). */
const rates: Record<FaultKind, number> = {
  'server-error': 0.075,
  'server-error-retry-after': 0.05,
  reset: 0.075,
  'timeout-before': 0.025,
  'timeout-after': 0.025,
  slow: 0.05,
  'drop-after-applied': 0.075,
};
const backoff: BackoffPolicy = { baseMs: 5, capMs: 40, maxRetryAfterMs: 80 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function simulator(data: SimulatorCustomer[], commentsInHistory: boolean) {
  const sim = new VenueManagerSimulator({ data, commentsInHistory });
  const url = await sim.start(0);
  stops.push(() => sim.stop());
  return { sim, url };
}

/** An outbox in memory (no fsync per item: the faults here are the network's, not the disk's). */
function memoryStore(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  stops.push(() => {
    db.close();
  });
  return db;
}

/** A database in its own data folder, as a desk has. */
function fileStore(): Database {
  const dir = makeTempDir();
  const db = openStore(dir.path);
  stops.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}

/** One desk: its outbox, and its replayer sending through its own faulty proxy. */
async function desk(options: { name: string; target: string; db: Database; seed: number; historyShowsComments: boolean; rates?: Partial<Record<FaultKind, number>>; maxRetryAfterMs?: number }) {
  const random = mulberry32(options.seed);
  const proxy = new FaultProxy({ target: options.target, random: mulberry32(options.seed ^ 0x5f3759df), rates: options.rates ?? rates });
  const client = new VenueManagerClient({
    baseUrl: await proxy.start(),
    authHeaders: () => ({}),
    connectTimeoutMs: timeoutMs,
    totalTimeoutMs: timeoutMs,
    getRetries: 0,
  });
  stops.push(() => proxy.stop());
  stops.push(() => client.close());
  const outbox = new Outbox({ db: options.db, audit: new AuditLog(options.db, Date.now), now: Date.now });
  const replayer = new OutboxReplayer({
    outbox,
    client: () => client,
    now: Date.now,
    random,
    sleep,
    historyShowsComments: options.historyShowsComments,
    concurrency: 4,
    backoff: { ...backoff, maxRetryAfterMs: options.maxRetryAfterMs ?? backoff.maxRetryAfterMs },
  });
  const actor = { operator: `Operator ${options.name}`, desk: options.name };
  /** Replays until nothing waits on time, sleeping over every backoff; fails past the deadline. */
  const drain = async (deadlineMs: number) => {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const { nextDueAt } = await replayer.runOnce();
      if (nextDueAt === null) return;
      if (Date.now() > deadline) {
        throw new Error(`${rerun}: desk ${options.name} still has ${outbox.summary().pending} items pending after ${deadlineMs} ms`);
      }
      await sleep(Math.max(1, nextDueAt - Date.now()));
    }
  };
  return { proxy, client, outbox, replayer, actor, drain, db: options.db };
}

describe(`FaultProxy: each fault reaches the client as what it models (${rerun})`, () => {
  it('5xx, Retry-After, reset, timeouts, slow answers and dropped answers', async () => {
    const { sim, url } = await simulator(crashData(7), true);
    const proxy = new FaultProxy({ target: url, random: mulberry32(seed), slowMs: [20, 60] });
    const client = new VenueManagerClient({ baseUrl: await proxy.start(), authHeaders: () => ({}), connectTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs, getRetries: 0 });
    stops.push(() => proxy.stop());
    stops.push(() => client.close());
    const expected: Record<FaultKind, { code?: string; applied: boolean }> = {
      'server-error': { code: 'SERVER_ERROR', applied: false },
      'server-error-retry-after': { code: 'SERVER_ERROR', applied: false },
      reset: { code: 'NETWORK', applied: false },
      'timeout-before': { code: 'TIMEOUT', applied: false },
      'timeout-after': { code: 'TIMEOUT', applied: true },
      slow: { applied: true },
      'drop-after-applied': { code: 'NETWORK', applied: true },
    };
    for (const [i, kind] of faultKinds.entries()) {
      proxy.forceNext(kind);
      const started = Date.now();
      const result = await client.blockToken(productIdOf(i), originalUid(i), 'Lost').then(
        () => undefined,
        (error: unknown) => error as { code: string; details?: Record<string, unknown> },
      );
      expect(result?.code, `${kind} (${rerun})`).toBe(expected[kind].code);
      if (kind === 'server-error-retry-after') expect(result?.details?.retryAfter, `${kind} (${rerun})`).toMatch(/^1$|GMT$/);
      if (kind.startsWith('timeout')) expect(Date.now() - started, `${kind} (${rerun})`).toBeGreaterThanOrEqual(timeoutMs - 20);
      await sleep(20); // a request the proxy still forwards would arrive now
      const applied = sim.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`/${productIdOf(i)}/tokens/${originalUid(i)}`) && r.status === 204);
      expect(applied, `${kind}: applied on the server (${rerun})`).toBe(expected[kind].applied);
    }
    expect(proxy.log.map((r) => r.fault), rerun).toEqual([...faultKinds]);
    expect(proxy.injected, rerun).toBe(faultKinds.length);
  });

  it("a 503's Retry-After is a floor for the replayer's next try, then the action is sent once", async () => {
    const { sim, url } = await simulator(crashData(1), true);
    const d = await desk({ name: 'Gate 1', target: url, db: memoryStore(), seed, historyShowsComments: true, rates: {}, maxRetryAfterMs: 400 });
    const item = d.outbox.enqueue({ kind: 'block', productId: productIdOf(0), uid: originalUid(0), reason: 'Lost' }, d.actor);
    d.proxy.forceNext('server-error-retry-after');
    const before = Date.now();
    await d.replayer.runOnce();
    const waiting = d.outbox.get(item.id);
    expect(waiting, rerun).toMatchObject({ state: 'pending', lastError: { code: 'SERVER_ERROR' } });
    // Jitter alone waits under capMs (40 ms); the server asked for ≥ 1 s, cut to maxRetryAfterMs.
    expect(waiting.nextAttemptAt - before, rerun).toBeGreaterThanOrEqual(400);
    await d.drain(5_000);
    expect(d.outbox.get(item.id), rerun).toMatchObject({ state: 'done', outcome: 'sent' });
    expect(sim.requests.filter((r) => r.method === 'DELETE').map((r) => r.status), rerun).toEqual([204]);
  });
});

const products = 60; // × 5 = 300 actions

describe.each([
  { comments: true, label: 'history shows comments' },
  { comments: false, label: 'history hides comments' },
])(`outbox behind a faulty network, $label (${rerun})`, ({ comments }) => {
  it(
    `${products * 5} mixed actions through a proxy faulting ≥ 30 % of requests: each applied once in effect, no comment lost, duplicates only flagged`,
    async () => {
      const mode = `${rerun}, ${comments ? 'comments shown' : 'comments hidden'}`;
      const { sim, url } = await simulator(crashData(products), comments);
      const db = memoryStore();
      const d = await desk({ name: 'Gate 2', target: url, db, seed: seed ^ (comments ? 1 : 2), historyShowsComments: comments });
      const plan = crashPlan(seed, products);
      const started = Date.now();
      for (const { id, action } of plan) d.outbox.enqueue(action, d.actor, id);
      await d.drain(25_000);
      const elapsed = Date.now() - started;

      const { rows, audit } = readRows(db);
      const report = checkRun(plan, products, { requests: sim.requests, comments: sim.comments(), customers: sim.customers() }, rows, audit, comments);
      expect(report.problems.slice(0, 20), `${mode}: ${report.problems.length} problems`).toEqual([]);
      expect(d.outbox.summary(), mode).toMatchObject({ pending: 0, conflicts: 0, failed: 0 });

      const ratio = d.proxy.injected / d.proxy.requests;
      const counts = d.proxy.counts();
      expect(ratio, `${mode}: fault ratio ${ratio.toFixed(3)} of ${d.proxy.requests} requests`).toBeGreaterThanOrEqual(0.3);
      for (const kind of faultKinds) expect(counts[kind], `${mode}: no ${kind} injected`).toBeGreaterThan(0);
      // The lost answers were really confirmed from history, and (comments hidden) flagged.
      expect(report.outcomes['already-applied'] ?? 0, mode).toBeGreaterThan(0);
      if (!comments) {
        expect(report.outcomes['possible-duplicate'] ?? 0, mode).toBeGreaterThan(0);
        expect(report.duplicatedComments, `${mode}: no comment was resent after a lost answer`).toBeGreaterThan(0);
      }
      console.log(
        `outbox faults (${mode}): ${plan.length} actions in ${elapsed} ms; ${d.proxy.injected}/${d.proxy.requests} requests faulted ` +
          `(${(ratio * 100).toFixed(1)} %) ${JSON.stringify(counts)}; outcomes ${JSON.stringify(report.outcomes)}; ${report.duplicatedComments} comments duplicated (all flagged)`,
      );
    },
    40_000,
  );
});

/*
 * Two desks, each with its own database and its own faulty network, acting offline on the same
 * products of one Venue Manager. Products 0..n-1 start with one active band; the "empty" ones have
 * theirs blocked already, so a band can be added.
 */
function twoDeskData(count: number, empty: (i: number) => boolean): SimulatorCustomer[] {
  const data = crashData(count);
  for (const [i, customer] of data.entries()) {
    if (!empty(i)) continue;
    for (const token of customer.orders[0]!.digitalProducts[0]!.tokens) token.invalidateTime = '2026-07-01 11:00:00';
  }
  return data;
}
type TokenAction = Exclude<OutboxAction, { kind: 'comment' }>;
const bandOf = (desk: 'A' | 'B' | 'both', i: number) => `04${{ A: 'A', B: 'B', both: 'C' }[desk]}${String(i).padStart(11, '0')}`;

async function twoDesks(data: SimulatorCustomer[]) {
  const { sim, url } = await simulator(data, true);
  const a = await desk({ name: 'Gate A', target: url, db: fileStore(), seed: seed ^ 0xa, historyShowsComments: true });
  const b = await desk({ name: 'Gate B', target: url, db: fileStore(), seed: seed ^ 0xb, historyShowsComments: true });
  return { sim, a, b };
}

const active = (data: SimulatorCustomer[], productId: number) =>
  data
    .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts))
    .find((p) => p.id === productId)!
    .tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED)
    .map((t) => t.uid);

describe(`two desks sharing one Venue Manager, each behind a faulty network (${rerun})`, () => {
  it('both queue the same action: both end done (one sent, the other already there), applied once', async () => {
    const kinds = ['block', 'replace', 'add'] as const;
    const pairs = 12;
    const { sim, a, b } = await twoDesks(twoDeskData(pairs, (i) => kinds[i % 3] === 'add'));
    const planned: { action: TokenAction; idA: string; idB: string }[] = [];
    for (let i = 0; i < pairs; i++) {
      const productId = productIdOf(i);
      const kind = kinds[i % 3]!;
      const action = (reason: string): TokenAction =>
        kind === 'block'
          ? { kind, productId, uid: originalUid(i), reason }
          : kind === 'replace'
            ? { kind, productId, uid: originalUid(i), newUid: bandOf('both', i), reason }
            : { kind, productId, uid: bandOf('both', i), reason };
      planned.push({ action: action('Lost'), idA: a.outbox.enqueue(action('Lost'), a.actor).id, idB: '' });
    }
    // Desk B queued the same actions in the other order: who gets there first varies.
    for (const p of [...planned].reverse()) p.idB = b.outbox.enqueue({ ...p.action, reason: 'Guest says lost' }, b.actor).id;
    await Promise.all([a.drain(20_000), b.drain(20_000)]);

    const state = sim.customers();
    const outcomes: string[] = [];
    for (const { action, idA, idB } of planned) {
      const what = `${plannedKey(action)} (${rerun})`;
      const items = [a.outbox.get(idA), b.outbox.get(idB)];
      outcomes.push(...items.map((item) => item.outcome ?? item.state));
      for (const item of items) {
        expect(item.state, `${what}: ${item.desk} ended ${item.state}/${item.outcome ?? '-'} ${JSON.stringify(item.lastError)}`).toBe('done');
        expect(['sent', 'already-applied', 'already-done-elsewhere'], what).toContain(item.outcome);
      }
      expect(items.filter((item) => item.outcome === 'sent').length, `${what}: both say they sent it`).toBeLessThanOrEqual(1);
      const accepted = sim.requests.filter((r) => r.method !== 'GET' && r.status === 204 && requestKey(r) === plannedKey(action));
      expect(accepted.length, `${what}: applied ${accepted.length} times`).toBe(1);
      const wanted = action.kind === 'block' ? [] : [action.kind === 'replace' ? action.newUid : action.uid];
      expect(active(state, action.productId), what).toEqual(wanted);
    }
    // The documented path was taken: a refusal, then the history shows our end state.
    expect(outcomes.filter((o) => o === 'already-done-elsewhere').length, `${rerun}: ${outcomes.join(',')}`).toBeGreaterThan(0);
    for (const d of [a, b]) {
      expect(d.outbox.summary(), rerun).toMatchObject({ pending: 0, conflicts: 0, failed: 0 });
      const elsewhere = d.db.prepare("SELECT a.outcome, a.error_code, a.server_message FROM outbox o JOIN audit a ON a.id = o.audit_id WHERE o.outcome = 'already-done-elsewhere'").all();
      for (const row of elsewhere) expect(row, rerun).toEqual({ outcome: 'done', error_code: 'ALREADY_DONE_ELSEWHERE', server_message: 'already done by another desk' });
      expect(d.db.prepare('SELECT count(*) FROM audit WHERE outcome IS NULL').pluck().get(), rerun).toBe(0);
    }
    console.log(`two desks, same actions (${rerun}): outcomes ${outcomes.join(',')}; faults A ${a.proxy.injected}/${a.proxy.requests}, B ${b.proxy.injected}/${b.proxy.requests}`);
  }, 30_000);

  it("different end states on the same band: exactly one ends done, the other is a conflict with the server's words", async () => {
    const pairs = 10;
    const isAdd = (i: number) => i % 2 === 1;
    const data = twoDeskData(pairs, isAdd);
    const { sim, a, b } = await twoDesks(data);
    const planned: { actions: [OutboxAction, OutboxAction]; ids: [string, string]; refusal: string }[] = [];
    for (let i = 0; i < pairs; i++) {
      const productId = productIdOf(i);
      // Replace band X by Y at desk A and by Z at desk B; or add Y at A and Z at B.
      const actions: [OutboxAction, OutboxAction] = isAdd(i)
        ? [
            { kind: 'add', productId, uid: bandOf('A', i), reason: 'New band' },
            { kind: 'add', productId, uid: bandOf('B', i), reason: 'New band' },
          ]
        : [
            { kind: 'replace', productId, uid: originalUid(i), newUid: bandOf('A', i), reason: 'Broken' },
            { kind: 'replace', productId, uid: originalUid(i), newUid: bandOf('B', i), reason: 'Broken' },
          ];
      planned.push({
        actions,
        ids: [a.outbox.enqueue(actions[0], a.actor).id, ''],
        refusal: isAdd(i) ? documentedErrors.productHasActiveToken : documentedErrors.tokenAlreadyBlocked,
      });
    }
    for (const p of [...planned].reverse()) p.ids[1] = b.outbox.enqueue(p.actions[1], b.actor).id;
    await Promise.all([a.drain(20_000), b.drain(20_000)]);

    const state = sim.customers();
    const winners: string[] = [];
    for (const { actions, ids, refusal } of planned) {
      const what = `${plannedKey(actions[0])} vs ${plannedKey(actions[1])} (${rerun})`;
      const items = [a.outbox.get(ids[0]), b.outbox.get(ids[1])] as const;
      const states = items.map((item) => `${item.desk}: ${item.state}/${item.outcome ?? '-'} ${JSON.stringify(item.lastError)}`).join('; ');
      const conflicts = items.filter((item) => item.state === 'conflict');
      const done = items.filter((item) => item.state === 'done');
      expect([conflicts.length, done.length], `${what}: ${states}`).toEqual([1, 1]);
      expect(['sent', 'already-applied'], `${what}: ${states}`).toContain(done[0]!.outcome);
      // The person sees Venue Manager's own words, in the outbox and in the audit.
      expect(conflicts[0]!.lastError, `${what}: ${states}`).toEqual({ code: expect.stringMatching(/^VM_/) as unknown, message: refusal });
      const auditRow = (conflicts[0] === items[0] ? a : b).db.prepare('SELECT outcome, server_message FROM audit WHERE id = ?').get(conflicts[0]!.auditId);
      expect(auditRow, what).toEqual({ outcome: 'refused', server_message: refusal });
      // Never silently overwritten: the server shows the winner's band, applied once; the loser's never.
      const winner = actions[done[0] === items[0] ? 0 : 1];
      const loser = actions[done[0] === items[0] ? 1 : 0];
      const newBand = (action: OutboxAction) => (action.kind === 'replace' ? action.newUid : action.kind === 'add' ? action.uid : '');
      expect(active(state, winner.productId), what).toEqual([newBand(winner)]);
      const accepted = (action: OutboxAction) =>
        sim.requests.filter((r) => r.method !== 'GET' && r.status === 204 && requestKey(r) === plannedKey(action)).length;
      expect([accepted(winner), accepted(loser)], `${what}: accepted (winner, loser)`).toEqual([1, 0]);
      winners.push(done[0]!.desk);
    }
    for (const d of [a, b]) expect(d.db.prepare('SELECT count(*) FROM audit WHERE outcome IS NULL').pluck().get(), rerun).toBe(0);
    console.log(`two desks, different end states (${rerun}): winners ${winners.join(',')}; faults A ${a.proxy.injected}/${a.proxy.requests}, B ${b.proxy.injected}/${b.proxy.requests}`);
  }, 30_000);
});
