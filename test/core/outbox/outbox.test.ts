import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../src/main/outbox/Backoff';
import { OutboxReplayer } from '../../../src/main/outbox/OutboxReplayer';
import type { OutboxClient } from '../../../src/main/outbox/OutboxReplayer';
import { AppError } from '../../../src/shared/errors';
import { actor, memoryOutbox, mulberry32, settleMicrotasks } from './helpers';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Call {
  name: string;
  args: unknown[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A client whose writes stay open until the test ends them, to see what runs at once. */
function manualClient() {
  const calls: Call[] = [];
  const write =
    (name: string) =>
    (...args: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ name, args, resolve, reject });
      });
  const client = {
    blockToken: write('block'),
    addToken: write('add'),
    replaceToken: write('replace'),
    comment: write('comment'),
    productHistory: () => Promise.reject(new AppError('INTERNAL', 'not used here')),
  } as unknown as OutboxClient;
  return { client, calls };
}

describe('Outbox', () => {
  it('enqueue stores the item and its audit row together, and is idempotent by id', () => {
    const { outbox, audit, db } = memoryOutbox();
    const item = outbox.enqueue({ kind: 'block', productId: 7, uid: ' 04AA ', reason: 'Lost' }, actor, 'fixed-id');
    expect(item).toMatchObject({ id: 'fixed-id', state: 'pending', attempts: 0, action: { kind: 'block', uid: '04AA' } });
    expect(audit.recent(1)[0]).toMatchObject({ id: item.auditId, action: 'block', productId: 7, uid: '04AA', outcome: null });
    expect(outbox.enqueue({ kind: 'block', productId: 7, uid: '04AA', reason: 'Lost' }, actor, 'fixed-id')).toEqual(item);
    expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(1);
    expect(outbox.pendingFor(7).map((i) => i.id)).toEqual(['fixed-id']);
  });

  it('an enqueue that fails writes neither the item nor the audit row', () => {
    const { outbox, db } = memoryOutbox();
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => outbox.enqueue({ kind: 'comment', productId: 7, comment: 'hi' }, actor)).toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(0);
  });

  it('refuses what could never be sent', () => {
    const { outbox } = memoryOutbox();
    expect(() => outbox.enqueue({ kind: 'comment', productId: 7, comment: '  ' }, actor)).toThrow(AppError);
    expect(() => outbox.enqueue({ kind: 'replace', productId: 7, uid: 'A', newUid: '', reason: 'x' }, actor)).toThrow(AppError);
    expect(() => outbox.enqueue({ kind: 'add', productId: -1, uid: 'A', reason: 'x' }, actor)).toThrow(AppError);
  });

  it('recoverInFlight puts sending items back to pending, marked as possibly applied', () => {
    const { outbox } = memoryOutbox();
    const a = outbox.enqueue({ kind: 'block', productId: 1, uid: 'A', reason: 'Lost' }, actor);
    const b = outbox.enqueue({ kind: 'block', productId: 2, uid: 'B', reason: 'Lost' }, actor);
    outbox.markSending(a.id);
    expect(outbox.recoverInFlight()).toBe(1);
    expect(outbox.get(a.id)).toMatchObject({ state: 'pending', mayHaveApplied: true, attempts: 1 });
    expect(outbox.get(b.id)).toMatchObject({ state: 'pending', mayHaveApplied: false });
  });

  it('conflicts are retried or discarded by a person, always with a recorded outcome', () => {
    const { outbox, audit } = memoryOutbox();
    const a = outbox.enqueue({ kind: 'block', productId: 1, uid: 'A', reason: 'Lost' }, actor);
    const error = { code: 'VM_UNKNOWN_TOKEN', message: 'Unknown token UID for the digital product.' };
    outbox.settle(a.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'test', error });
    expect(audit.recent(1)[0]).toMatchObject({ outcome: 'refused', errorCode: 'VM_UNKNOWN_TOKEN', serverMessage: error.message });
    expect(outbox.summary()).toMatchObject({ pending: 0, conflicts: 1, lastError: { code: 'VM_UNKNOWN_TOKEN' } });

    const retried = outbox.retry(a.id, { operator: 'Ole', desk: 'Gate 3' });
    expect(retried).toMatchObject({ state: 'pending', decidedBy: 'Ole', outcome: null });
    expect(retried.auditId).not.toBe(a.auditId);
    outbox.settle(a.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'again', error });

    expect(() => outbox.discard(a.id, actor, ' ')).toThrow(AppError);
    const discarded = outbox.discard(a.id, actor, 'Guest left the festival');
    expect(discarded).toMatchObject({ state: 'discarded', outcome: 'discarded', decidedBy: actor.operator, decisionReason: 'Guest left the festival' });
    expect(audit.recent(1)[0]).toMatchObject({ outcome: 'refused', errorCode: 'DISCARDED', reason: 'Discarded from the outbox: Guest left the festival' });
    expect(() => outbox.discard(a.id, actor, 'again')).toThrow(AppError);
    expect(outbox.summary()).toMatchObject({ pending: 0, conflicts: 0, failed: 0 });
  });
});

describe('Outbox: what the desk and the Outbox view read', () => {
  it('recent() is newest first, by state; openFor/openForUid find what still waits, whatever the letter case', () => {
    const { outbox } = memoryOutbox();
    const a = outbox.enqueue({ kind: 'block', productId: 1, uid: '04aa', reason: 'Lost' }, actor);
    const b = outbox.enqueue({ kind: 'replace', productId: 2, uid: '04BB', newUid: '04AA', reason: 'Broken' }, actor);
    const c = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'note' }, actor);
    outbox.settle(c.id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'accepted' });
    expect(outbox.recent(10).map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(outbox.recent(1).map((i) => i.id)).toEqual([c.id]);
    expect(outbox.recent(10, ['pending']).map((i) => i.id)).toEqual([b.id, a.id]);
    expect(outbox.openFor(1).map((i) => i.id)).toEqual([a.id]);
    expect(outbox.openForUid('04AA').map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it('bringForward() makes items waiting out a backoff due now, and only those', () => {
    const { outbox, clock } = memoryOutbox();
    const waiting = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'x' }, actor);
    const due = outbox.enqueue({ kind: 'comment', productId: 2, comment: 'y' }, actor);
    outbox.markRetry(waiting.id, { nextAttemptAt: clock.now + 60_000, mayHaveApplied: false, error: { code: 'NETWORK', message: 'down' } });
    expect(outbox.bringForward()).toBe(1);
    expect(outbox.get(waiting.id).nextAttemptAt).toBe(clock.now);
    expect(outbox.get(due.id).nextAttemptAt).toBe(clock.now);
  });

  it('closeShown() ends a refusal the desk saw at once; it is no longer open, and the audit keeps the refusal', () => {
    const { outbox, audit } = memoryOutbox();
    const item = outbox.enqueue({ kind: 'block', productId: 1, uid: '04AA', reason: 'Lost' }, actor);
    expect(() => outbox.closeShown(item.id, actor)).toThrow(expect.objectContaining({ code: 'OUTBOX_NOT_RESOLVABLE' }) as Error);
    outbox.settle(item.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'refused', error: { code: 'VM_TOKEN_ALREADY_BLOCKED', message: 'already blocked' } });
    const closed = outbox.closeShown(item.id, actor);
    expect(closed).toMatchObject({ state: 'discarded', decidedBy: actor.operator, decisionReason: 'refused while the desk waited; shown at once' });
    expect(outbox.summary()).toMatchObject({ pending: 0, conflicts: 0 });
    expect(audit.recent()).toEqual([expect.objectContaining({ outcome: 'refused', errorCode: 'VM_TOKEN_ALREADY_BLOCKED' })]);
  });

  it('edit() keeps kind and product, and closes the old item and queues the new one together', () => {
    const { outbox } = memoryOutbox();
    const item = outbox.enqueue({ kind: 'add', productId: 1, uid: '04AA', reason: 'New' }, actor);
    outbox.settle(item.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'refused', error: { code: 'VM_TOKEN_ACTIVE_ELSEWHERE', message: 'in use' } });
    expect(() => outbox.edit(item.id, actor, { kind: 'add', productId: 2, uid: '04AB', reason: 'New' })).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST' }) as Error,
    );
    expect(outbox.get(item.id).state).toBe('conflict');
    const edited = outbox.edit(item.id, actor, { kind: 'add', productId: 1, uid: '04AB', reason: 'New' }, 'edited-1');
    expect(edited).toMatchObject({ id: 'edited-1', state: 'pending', action: { uid: '04AB' } });
    expect(outbox.get(item.id)).toMatchObject({ state: 'discarded', decisionReason: 'edited: replaced by edited-1' });
    expect(() => outbox.get('nope')).toThrow(expect.objectContaining({ code: 'OUTBOX_ITEM_UNKNOWN' }) as Error);
  });
});

describe('OutboxReplayer holds', () => {
  it('several reasons hold sending; it runs again only when all are lifted, and says so', () => {
    const { outbox } = memoryOutbox();
    const changes: [boolean, readonly string[]][] = [];
    const replayer = new OutboxReplayer({
      outbox,
      client: () => manualClient().client,
      now: () => 0,
      random: () => 0,
      sleep: () => Promise.resolve(),
      historyShowsComments: true,
      onPauseChange: (paused, reasons) => changes.push([paused, reasons]),
    });
    replayer.pause('OFFLINE');
    replayer.pause('UNAUTHORIZED');
    replayer.pause('OFFLINE');
    replayer.resume('OFFLINE');
    expect(replayer.isPaused).toBe(true);
    expect(replayer.pausedFor).toEqual(['UNAUTHORIZED']);
    replayer.resume('NOT_HELD');
    replayer.resume('UNAUTHORIZED');
    expect(replayer.isPaused).toBe(false);
    expect(changes).toEqual([
      [true, ['OFFLINE']],
      [true, ['OFFLINE', 'UNAUTHORIZED']],
      [true, ['UNAUTHORIZED']],
      [false, []],
    ]);
  });
});

describe(`backoff (seed ${seed}; rerun with WRISTDESK_TEST_SEED)`, () => {
  const policy = { baseMs: 1_000, capMs: 60_000, maxRetryAfterMs: 600_000 };

  it('full jitter stays in [0, min(cap, base·2^(n-1))) and spreads over it', () => {
    const random = mulberry32(seed);
    for (let failures = 1; failures <= 12; failures++) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1));
      const samples = Array.from({ length: 300 }, () => backoffDelay(failures, random, policy));
      for (const delay of samples) {
        expect(delay, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        expect(delay, `seed ${seed}`).toBeLessThan(ceiling);
      }
      // Full jitter, not "half plus jitter": both ends of the range are used.
      expect(Math.min(...samples), `seed ${seed}`).toBeLessThan(ceiling * 0.1);
      expect(Math.max(...samples), `seed ${seed}`).toBeGreaterThan(ceiling * 0.9);
    }
  });

  it('Retry-After is a floor, capped', () => {
    expect(backoffDelay(1, () => 0, policy, 120_000)).toBe(120_000);
    expect(backoffDelay(1, () => 0.99, policy, 10)).toBe(990);
    expect(backoffDelay(1, () => 0, policy, 86_400_000)).toBe(600_000);
    const now = Date.parse('2026-07-03T12:00:00Z');
    expect(retryAfterMs(new AppError('SERVER_ERROR', 'x', { retryAfter: '30' }), now)).toBe(30_000);
    expect(retryAfterMs(new AppError('SERVER_ERROR', 'x', { retryAfter: 'Fri, 03 Jul 2026 12:01:00 GMT' }), now)).toBe(60_000);
    expect(retryAfterMs(new AppError('SERVER_ERROR', 'x', { retryAfterMs: 1500 }), now)).toBe(1500);
    expect(retryAfterMs(new AppError('SERVER_ERROR', 'x'), now)).toBeUndefined();
  });

  it('a failed send waits its jittered backoff (or Retry-After) and blocks only its own keys', async () => {
    const { outbox, clock, now } = memoryOutbox();
    const random = mulberry32(seed);
    const failures: AppError[] = [
      new AppError('NETWORK', 'down'),
      new AppError('SERVER_ERROR', 'busy', { status: 503, retryAfter: '120' }),
    ];
    const sent: string[] = [];
    const client = {
      blockToken: (productId: number) => {
        sent.push(`block ${productId}`);
        const failure = productId === 1 ? failures.shift() : undefined;
        return failure === undefined ? Promise.resolve() : Promise.reject(failure);
      },
      comment: (productId: number) => {
        sent.push(`comment ${productId}`);
        return Promise.resolve();
      },
      productHistory: () => Promise.reject(new AppError('TIMEOUT', 'slow')),
    } as unknown as OutboxClient;
    const replayer = new OutboxReplayer({
      outbox,
      client: () => client,
      now,
      random,
      sleep: () => Promise.resolve(),
      historyShowsComments: false,
      backoff: policy,
    });
    const a = outbox.enqueue({ kind: 'block', productId: 1, uid: 'A', reason: 'Lost' }, actor);
    outbox.enqueue({ kind: 'comment', productId: 1, comment: 'after the block' }, actor);
    outbox.enqueue({ kind: 'block', productId: 2, uid: 'B', reason: 'Lost' }, actor);

    const first = await replayer.runOnce();
    // The unrelated product went; the comment on product 1 waits behind the block.
    expect(sent).toEqual(['block 1', 'block 2']);
    const afterNetwork = outbox.get(a.id);
    expect(afterNetwork).toMatchObject({ state: 'pending', mayHaveApplied: true, lastError: { code: 'NETWORK' } });
    expect(afterNetwork.nextAttemptAt - now()).toBeGreaterThanOrEqual(0);
    expect(afterNetwork.nextAttemptAt - now()).toBeLessThan(policy.baseMs);
    expect(first.nextDueAt).toBe(afterNetwork.nextAttemptAt);

    // Due again: the state check (history) times out → backoff grows, nothing is resent blindly.
    clock.now = afterNetwork.nextAttemptAt;
    await replayer.runOnce();
    const afterTimeout = outbox.get(a.id);
    expect(sent).toEqual(['block 1', 'block 2']);
    expect(afterTimeout.attempts).toBe(2);
    expect(afterTimeout.nextAttemptAt - now()).toBeLessThan(policy.baseMs * 2);
  });
});

describe('replay order', () => {
  it('same product or same UID strictly in order; unrelated items in parallel, bounded', async () => {
    const { outbox, now } = memoryOutbox();
    const { client, calls } = manualClient();
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false, concurrency: 3 });
    outbox.enqueue({ kind: 'block', productId: 1, uid: 'X', reason: 'Lost' }, actor, 'A');
    outbox.enqueue({ kind: 'add', productId: 2, uid: 'x', reason: 'Moved' }, actor, 'B'); // same UID as A
    outbox.enqueue({ kind: 'comment', productId: 3, comment: 'c3' }, actor, 'C');
    outbox.enqueue({ kind: 'block', productId: 1, uid: 'Y', reason: 'Lost' }, actor, 'D'); // same product as A
    outbox.enqueue({ kind: 'comment', productId: 4, comment: 'c4' }, actor, 'E');
    outbox.enqueue({ kind: 'replace', productId: 5, uid: 'Q', newUid: 'Y', reason: 'Broken' }, actor, 'F'); // new UID = D's
    outbox.enqueue({ kind: 'comment', productId: 6, comment: 'c6' }, actor, 'G');
    const describe = () => calls.map((c) => `${c.name}:${c.args[0] as number}`);

    const run = replayer.runOnce();
    await settleMicrotasks();
    expect(describe()).toEqual(['block:1', 'comment:3', 'comment:4']);
    calls[0]!.resolve(); // A done: B (same UID) may go now, D too, but only 3 at once
    await settleMicrotasks();
    expect(describe()).toEqual(['block:1', 'comment:3', 'comment:4', 'add:2']);
    calls[1]!.resolve();
    await settleMicrotasks();
    expect(describe().slice(4)).toEqual(['block:1']); // D
    calls[2]!.resolve();
    await settleMicrotasks();
    expect(describe().slice(5)).toEqual(['comment:6']); // F waits for D (shares UID Y): G goes
    calls[4]!.resolve(); // D
    await settleMicrotasks();
    expect(describe().slice(6)).toEqual(['replace:5']);
    for (const call of calls) call.resolve();
    await settleMicrotasks();
    await run;
    expect(outbox.list().map((i) => i.state)).toEqual(Array(7).fill('done'));
  });

  it('an edited item keeps the place of the one it corrects: what waited behind it still goes after it', async () => {
    const { outbox, now } = memoryOutbox();
    const sent: string[] = [];
    const refused = new AppError('VM_UNKNOWN_ERROR', 'Venue Manager answered 400: nope', { status: 400, serverMessage: 'nope' });
    let refuse = true;
    const client = {
      blockToken: (id: number, uid: string, reason: string) => (refuse ? Promise.reject(refused) : (sent.push(`block ${uid} on ${id}: ${reason}`), Promise.resolve())),
      addToken: (id: number, uid: string) => (sent.push(`add ${uid} to ${id}`), Promise.resolve()),
    } as unknown as OutboxClient;
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false });
    const block = outbox.enqueue({ kind: 'block', productId: 1, uid: '04AA', reason: 'Lost' }, actor);
    outbox.enqueue({ kind: 'add', productId: 2, uid: '04AA', reason: 'Found' }, actor);
    await replayer.runOnce();
    expect(outbox.get(block.id).state).toBe('failed');
    refuse = false;
    outbox.edit(block.id, actor, { kind: 'block', productId: 1, uid: '04AA', reason: 'Lost at the bar' });
    await replayer.runOnce();
    expect(sent).toEqual(['block 04AA on 1: Lost at the bar', 'add 04AA to 2']);
  });

  it('an edit that takes an earlier place never overtakes a request already on its way with the same band', async () => {
    const { outbox, now } = memoryOutbox();
    const { client, calls } = manualClient();
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false });
    const a = outbox.enqueue({ kind: 'block', productId: 1, uid: 'X', reason: 'Lost' }, actor);
    outbox.settle(a.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'refused', error: { code: 'VM_UNKNOWN_TOKEN', message: 'no' } });
    outbox.enqueue({ kind: 'add', productId: 2, uid: 'Y', reason: 'New' }, actor);
    const run = replayer.runOnce();
    await settleMicrotasks();
    expect(calls.map((c) => c.name)).toEqual(['add']);
    // The person corrects A to block Y (A's place is before the add, which is already sent).
    outbox.edit(a.id, actor, { kind: 'block', productId: 1, uid: 'Y', reason: 'Lost' });
    replayer.wake();
    await settleMicrotasks();
    expect(calls.map((c) => c.name)).toEqual(['add']);
    calls[0]!.resolve();
    await settleMicrotasks();
    expect(calls.map((c) => c.name)).toEqual(['add', 'block']);
    calls[1]!.resolve();
    await run;
  });

  it('an item claimed by someone else meanwhile is never sent (two processes on one data folder)', async () => {
    const { outbox, now } = memoryOutbox();
    const sent: string[] = [];
    const client = { comment: (_: number, text: string) => (sent.push(text), Promise.resolve()) } as unknown as OutboxClient;
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false });
    const item = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'once' }, actor);
    // The other process claims it between our pick and our send.
    const markSending = outbox.markSending.bind(outbox);
    outbox.markSending = (id, baseline) => {
      markSending(id, baseline);
      outbox.settle(id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'sent by the other process' });
      return markSending(id, baseline);
    };
    await replayer.runOnce();
    expect(sent).toEqual([]);
    expect(outbox.get(item.id)).toMatchObject({ state: 'done', decisionReason: 'sent by the other process' });
  });

  it('a new item does not wait for a slow unrelated request; isHead says who is first in line', async () => {
    const { outbox, now } = memoryOutbox();
    const { client, calls } = manualClient();
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false });
    outbox.enqueue({ kind: 'comment', productId: 1, comment: 'slow' }, actor, 'slow');
    const run = replayer.runOnce();
    await settleMicrotasks();
    const behind = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'same product' }, actor);
    const fresh = outbox.enqueue({ kind: 'comment', productId: 2, comment: 'unrelated' }, actor);
    expect([replayer.isHead(behind.id), replayer.isHead(fresh.id)]).toEqual([false, true]);
    replayer.wake();
    await settleMicrotasks();
    expect(calls.map((c) => c.args[1])).toEqual(['slow', 'unrelated']);
    for (const call of calls) call.resolve();
    await settleMicrotasks();
    calls[2]?.resolve();
    await run;
  });

  it('a 503 or 429 answer was not applied: resent after its Retry-After without a history check, never flagged', async () => {
    const { outbox, now, clock } = memoryOutbox();
    let answers = [
      new AppError('SERVER_ERROR', 'Venue Manager answered 503', { status: 503, retryAfter: '30' }),
      new AppError('VM_UNKNOWN_ERROR', 'Venue Manager answered 429', { status: 429, retryAfter: '5' }),
    ];
    const sent: string[] = [];
    const client = {
      comment: (_: number, text: string) => {
        const answer = answers.shift();
        if (answer !== undefined) return Promise.reject(answer);
        sent.push(text);
        return Promise.resolve();
      },
      productHistory: () => Promise.reject(new AppError('INTERNAL', 'no history check expected')),
    } as unknown as OutboxClient;
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0, sleep: () => Promise.resolve(), historyShowsComments: false });
    const item = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'hello' }, actor);
    await replayer.runOnce();
    expect(outbox.get(item.id)).toMatchObject({ state: 'pending', mayHaveApplied: false, nextAttemptAt: clock.now + 30_000 });
    // Back online: network waits come forward, a server's Retry-After does not.
    expect(outbox.bringForward()).toBe(0);
    clock.now += 30_000;
    await replayer.runOnce();
    expect(outbox.get(item.id)).toMatchObject({ state: 'pending', mayHaveApplied: false, nextAttemptAt: clock.now + 5_000 });
    clock.now += 5_000;
    answers = [];
    await replayer.runOnce();
    expect(sent).toEqual(['hello']);
    expect(outbox.get(item.id)).toMatchObject({ state: 'done', outcome: 'sent', possibleDuplicate: false });
  });

  it('a conflict holds back only later items sharing its keys', async () => {
    const { outbox, now } = memoryOutbox();
    const refused = new AppError('VM_UNKNOWN_ERROR', 'Venue Manager answered 400: nope', { status: 400, serverMessage: 'nope' });
    const client = {
      blockToken: () => Promise.reject(refused),
      comment: () => Promise.resolve(),
    } as unknown as OutboxClient;
    const replayer = new OutboxReplayer({ outbox, client: () => client, now, random: () => 0.5, sleep: () => Promise.resolve(), historyShowsComments: false });
    const bad = outbox.enqueue({ kind: 'block', productId: 1, uid: 'X', reason: 'Lost' }, actor);
    const behind = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'after' }, actor);
    const other = outbox.enqueue({ kind: 'comment', productId: 2, comment: 'elsewhere' }, actor);
    await replayer.runOnce();
    expect(outbox.get(bad.id)).toMatchObject({ state: 'failed', lastError: { code: 'VM_UNKNOWN_ERROR', message: 'nope' } });
    expect(outbox.get(behind.id).state).toBe('pending');
    expect(outbox.get(other.id).state).toBe('done');
    outbox.discard(bad.id, actor, 'Sent by phone instead');
    await replayer.runOnce();
    expect(outbox.get(behind.id).state).toBe('done');
  });

  it('start() runs in the background and wake() picks up new items at once', async () => {
    const { outbox, now } = memoryOutbox();
    const done: string[] = [];
    const client = { comment: (_: number, text: string) => (done.push(text), Promise.resolve()) } as unknown as OutboxClient;
    const progress: string[] = [];
    const replayer = new OutboxReplayer({
      outbox,
      client: () => client,
      now,
      random: () => 0.5,
      sleep: () => new Promise(() => undefined), // never wakes by itself
      historyShowsComments: false,
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    replayer.start();
    outbox.enqueue({ kind: 'comment', productId: 1, comment: 'one' }, actor);
    outbox.enqueue({ kind: 'comment', productId: 1, comment: 'two' }, actor);
    replayer.wake();
    await settleMicrotasks();
    expect(done).toEqual(['one', 'two']);
    expect(progress).toEqual(['1/2', '2/2']);
    await replayer.stop();
  });
});
