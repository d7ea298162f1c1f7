/**
 * The action queue: what queueing an action costs the desk (one SQLite transaction that is on
 * disk before it returns: WAL, synchronous=FULL), and how fast a queue built up offline drains to
 * Venue Manager once it is back (the simulator over real HTTP on 127.0.0.1).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { AuditLog } from '../src/main/audit/AuditLog';
import { Outbox } from '../src/main/outbox/Outbox';
import type { OutboxAction } from '../src/main/outbox/OutboxItem';
import { OutboxReplayer } from '../src/main/outbox/OutboxReplayer';
import { openStore } from '../src/main/store/Store';
import { VenueManagerSimulator } from '../src/main/venue-manager-simulator';
import { VenueManagerClient } from '../src/main/venue-manager/VenueManagerClient';
import { crashData, crashPlan } from '../test/core/outbox/crashPlan';
import { mulberry32 } from '../test/core/outbox/helpers';
import { latencyLine, print } from './stats';
import type { LatencyLine } from './stats';
import { fileSystemOf } from './fileSystemOf';

const ENQUEUES = 1_000;
const ENQUEUE_WARMUP = 50;
/** Five actions each (comment, replace, block, add, comment): 1,000 actions. */
const REPLAY_PRODUCTS = 200;
const actor = { operator: 'Mette Hansen', desk: 'Gate 3' };

/**
 * A fresh data folder on a disk, since an fsync on tmpfs costs nothing: the OS temp dir, or the
 * repository's .tmp/ when the temp dir is in memory.
 */
function diskFolder(prefix: string): { path: string; remove: () => void; fs: string; under: string } {
  let under = tmpdir();
  let fs = fileSystemOf(under);
  if (fs === 'tmpfs' || fs === 'ramfs') {
    under = fileURLToPath(new URL('../.tmp/', import.meta.url));
    mkdirSync(under, { recursive: true });
    fs = fileSystemOf(under);
  }
  const path = mkdtempSync(join(under, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }), fs, under };
}

/** The settings the queue's durability rests on, read back rather than assumed. */
function durability(db: Database): string {
  const journal = String(db.pragma('journal_mode', { simple: true }));
  const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))] ?? 'unknown';
  if (journal !== 'wal' || synchronous !== 'FULL') {
    throw new Error(`the store is ${journal}, synchronous=${synchronous}: the queue needs WAL with synchronous=FULL`);
  }
  return synchronous;
}

/** A desk's mix: blocks, replacements, added bands and comments on random products. */
function randomAction(random: () => number): OutboxAction {
  const productId = 1_000 + Math.floor(random() * 5_000);
  const uid = () => `04${Math.floor(random() * 2 ** 48).toString(16).toUpperCase().padStart(12, '0')}`;
  const reasons = ['Lost', 'Broken', 'Stolen', 'Guest asked for a new band at the info desk'];
  const reason = reasons[Math.floor(random() * reasons.length)]!;
  const pick = random();
  if (pick < 0.35) return { kind: 'block', productId, uid: uid(), reason };
  if (pick < 0.6) return { kind: 'replace', productId, uid: uid(), newUid: uid(), reason };
  if (pick < 0.8) return { kind: 'add', productId, uid: uid(), reason };
  return { kind: 'comment', productId, comment: 'Guest came back to the desk. '.repeat(1 + Math.floor(random() * 8)).trim() };
}

/** Outbox.enqueue on a store on disk: the item and its audit row, committed, before "queued". */
export function outboxEnqueue(): LatencyLine & { fs: string; dir: string; synchronous: string } {
  const dir = diskFolder('wristdesk-outbox-bench-');
  const db = openStore(dir.path);
  try {
    const synchronous = durability(db);
    const outbox = new Outbox({ db, audit: new AuditLog(db, Date.now), now: Date.now });
    const random = mulberry32(11);
    const samples: number[] = [];
    for (let i = 0; i < ENQUEUE_WARMUP + ENQUEUES; i++) {
      const action = randomAction(random);
      const started = performance.now();
      outbox.enqueue(action, actor);
      const elapsed = performance.now() - started;
      // The first ones pay for JIT compilation and statement preparation.
      if (i >= ENQUEUE_WARMUP) samples.push(elapsed);
    }
    if (outbox.summary().pending !== ENQUEUE_WARMUP + ENQUEUES) throw new Error('outbox-enqueue: items went missing');
    return { ...latencyLine('outbox-enqueue', samples, { p99: 10 }), fs: dir.fs, dir: dir.under, synchronous };
  } finally {
    db.close();
    dir.remove();
  }
}

/**
 * 1,000 queued actions on 200 products (each product: comment, replace, block, add, comment; every
 * other product adds the band its neighbour blocked, so order across products matters too), all
 * accepted by the simulator, drained by the replayer as the app runs it: store on disk, default
 * concurrency, comments counted in the history before they are sent. Enqueueing is not timed.
 */
export async function outboxReplay(): Promise<void> {
  const dir = diskFolder('wristdesk-replay-bench-');
  const db = openStore(dir.path);
  let requests = 0;
  const simulator = new VenueManagerSimulator({
    data: crashData(REPLAY_PRODUCTS),
    recordRequests: false,
    onRequest: () => requests++,
  });
  const client = new VenueManagerClient({ baseUrl: await simulator.start(0), authHeaders: () => ({}), getRetries: 0 });
  try {
    durability(db);
    const outbox = new Outbox({ db, audit: new AuditLog(db, Date.now), now: Date.now });
    const plan = crashPlan(2026, REPLAY_PRODUCTS);
    for (const { id, action } of plan) outbox.enqueue(action, actor, id);
    const replayer = new OutboxReplayer({
      outbox,
      client: () => client,
      now: Date.now,
      random: mulberry32(3),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      historyShowsComments: true,
    });
    const started = performance.now();
    for (let round = 0; outbox.summary().pending > 0; round++) {
      if (round === 20) throw new Error(`outbox-replay: ${outbox.summary().pending} items still pending after 20 rounds`);
      const { nextDueAt } = await replayer.runOnce();
      // Only a retry (which this plan should never need) waits; the wait counts, as at a desk.
      if (nextDueAt !== null) await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDueAt - Date.now())));
    }
    const seconds = (performance.now() - started) / 1000;
    const notSent = outbox.list().filter((item) => item.outcome !== 'sent');
    if (notSent.length > 0) {
      const first = notSent[0]!;
      throw new Error(`outbox-replay: ${notSent.length} items not plainly sent, e.g. ${first.id} ${first.outcome ?? first.state}: ${first.lastError?.message ?? ''}`);
    }
    print({
      name: 'outbox-replay',
      unit: 'actions/s',
      value: Math.round((plan.length / seconds) * 10) / 10,
      // A floor: more is better.
      goal: { min: 200 },
      actions: plan.length,
      requests,
      seconds: Math.round(seconds * 1000) / 1000,
      fs: dir.fs,
    });
  } finally {
    await client.close();
    await simulator.stop();
    db.close();
    dir.remove();
  }
}
