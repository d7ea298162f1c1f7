// Child process for the crash test: opens the store, recovers, enqueues the seeded plan (ids make
// re-enqueueing after a restart a no-op) while replaying against the simulator with injected
// faults, reports its progress ({ done }) after every finished item, and says "idle" once
// everything is done. The test SIGKILLs it at random moments.
// Arguments: data folder, simulator URL, seed, products, run number, history shows comments (1/0).
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { Outbox } from '../../../src/main/outbox/Outbox';
import { OutboxReplayer } from '../../../src/main/outbox/OutboxReplayer';
import type { OutboxClient } from '../../../src/main/outbox/OutboxReplayer';
import { openStore } from '../../../src/main/store/Store';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { AppError } from '../../../src/shared/errors';
import { crashPlan } from './crashPlan';
import { mulberry32 } from './helpers';

const [dir, baseUrl, seedText, productsText, runText, commentsText] = process.argv.slice(2);
if (dir === undefined || baseUrl === undefined || seedText === undefined || productsText === undefined || runText === undefined) process.exit(2);
const historyShowsComments = commentsText !== '0';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const random = mulberry32((Number(seedText) * 1000 + Number(runText) * 2 + (historyShowsComments ? 1 : 0)) | 0);

// Loaded, it waits for "go": the test starts the next run while this one works, and says go once
// the data folder is free (two processes never replay one folder at once).
await new Promise<void>((resolve) => {
  process.on('message', (message) => message === 'go' && resolve());
  process.send?.('loaded');
});

const db = openStore(dir);
// The store commits with synchronous=FULL: an fsync per transaction, against power loss. A
// SIGKILL is not a power loss: what a commit wrote survives the process in the OS cache, and WAL
// stays atomic without syncs (https://sqlite.org/pragma.html#pragma_synchronous). NORMAL keeps
// what this test checks and saves ~3,000 fsyncs (half the run's time) per case.
db.pragma('synchronous = NORMAL');
const outbox = new Outbox({ db, audit: new AuditLog(db, Date.now), now: Date.now });
outbox.recoverInFlight();
const client = new VenueManagerClient({ baseUrl, authHeaders: () => ({}), getRetries: 0 });
const doneCount = db.prepare<[], number>("SELECT count(*) FROM outbox WHERE state = 'done'").pluck();
const openCount = db.prepare<[], number>("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')").pluck();
const report = () => process.send?.({ done: doneCount.get() });

// Writes fail before leaving, or lose their answer after the server applied it; reads fail sometimes.
const faulty: OutboxClient = {
  productHistory: async (id) => {
    if (random() < 0.05) throw new AppError('NETWORK', 'injected');
    return client.productHistory(id);
  },
  blockToken: (...args) => write(() => client.blockToken(...args)),
  addToken: (...args) => write(() => client.addToken(...args)),
  replaceToken: (...args) => write(() => client.replaceToken(...args)),
  comment: (...args) => write(() => client.comment(...args)),
};
async function write(call: () => Promise<void>): Promise<void> {
  const roll = random();
  if (roll < 0.1) throw new AppError('NETWORK', 'injected before sending');
  await call();
  // A little time between the server's answer and our record of it: a kill here loses the answer.
  await sleep(Math.floor(random() * 4));
  if (roll < 0.2) throw new AppError('TIMEOUT', 'injected lost answer');
}

const replayer = new OutboxReplayer({
  outbox,
  client: () => faulty,
  now: Date.now,
  random,
  sleep,
  historyShowsComments,
  concurrency: 4,
  backoff: { baseMs: 5, capMs: 50, maxRetryAfterMs: 100 },
  idleWaitMs: 20,
  onProgress: report,
});
replayer.start();
process.send?.('ready');
report();

for (const { id, action } of crashPlan(Number(seedText), Number(productsText))) {
  if (outbox.find(id) !== undefined) continue;
  outbox.enqueue(action, { operator: 'Crash Test', desk: 'Gate 9' }, id);
  replayer.wake();
  // Bursts and pauses: the queue fills faster than it drains at times, and the other way round;
  // it holds at most ~60 open items (every pick reads them all: a backlog of hundreds costs time).
  if (random() < 0.5) await sleep(Math.floor(random() * 6));
  while (openCount.get()! > 60) await sleep(5);
}
for (;;) {
  const summary = outbox.summary();
  if (summary.pending === 0) break;
  if (summary.conflicts + summary.failed > 0) {
    // Nothing in this plan may end so: stop here rather than wait for items held behind it.
    const stuck = outbox.list(['conflict', 'failed']).map((i) => ({ id: i.id, action: i.action, state: i.state, error: i.lastError }));
    process.stderr.write(`items needing a person: ${JSON.stringify(stuck)}\n`);
    process.exit(3);
  }
  await sleep(10);
}
await replayer.stop();
process.send?.('idle');
await client.close();
db.close();
process.exit(0);
