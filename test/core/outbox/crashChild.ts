// Child process for the crash test: opens the store, recovers, enqueues the seeded plan (ids make
// re-enqueueing after a restart a no-op) while replaying against the simulator with injected
// faults, and says "idle" once everything is done. The test SIGKILLs it at random moments.
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { Outbox } from '../../../src/main/outbox/Outbox';
import { OutboxReplayer } from '../../../src/main/outbox/OutboxReplayer';
import type { OutboxClient } from '../../../src/main/outbox/OutboxReplayer';
import { openStore } from '../../../src/main/store/Store';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { AppError } from '../../../src/shared/errors';
import { crashPlan } from './crashPlan';
import { mulberry32 } from './helpers';

const [dir, baseUrl, seedText, productsText, runText] = process.argv.slice(2);
if (dir === undefined || baseUrl === undefined || seedText === undefined || productsText === undefined || runText === undefined) process.exit(2);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const random = mulberry32(Number(seedText) * 1000 + Number(runText));

const db = openStore(dir);
const outbox = new Outbox({ db, audit: new AuditLog(db, Date.now), now: Date.now });
outbox.recoverInFlight();
const client = new VenueManagerClient({ baseUrl, authHeaders: () => ({}), getRetries: 0 });

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
  historyShowsComments: true,
  concurrency: 4,
  backoff: { baseMs: 5, capMs: 50, maxRetryAfterMs: 100 },
  idleWaitMs: 20,
});
replayer.start();
process.send?.('ready');

for (const { id, action } of crashPlan(Number(seedText), Number(productsText))) {
  if (outbox.find(id) !== undefined) continue;
  outbox.enqueue(action, { operator: 'Crash Test', desk: 'Gate 9' }, id);
  replayer.wake();
  await sleep(Math.floor(random() * 20));
}
while (outbox.summary().pending > 0) await sleep(10);
await replayer.stop();
process.send?.('idle');
await client.close();
db.close();
process.exit(0);
