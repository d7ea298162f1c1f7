import BetterSqlite3 from 'better-sqlite3';
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { Outbox } from '../../../src/main/outbox/Outbox';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';

export const actor = { operator: 'Mette Hansen', desk: 'Gate 3' };

export function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An in-memory database at the latest schema, with an outbox on a clock the test moves. */
export function memoryOutbox() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const audit = new AuditLog(db, now);
  let next = 0;
  const outbox = new Outbox({ db, audit, now, newId: () => `item-${++next}` });
  return { db, clock, now, audit, outbox };
}

/** Lets queued promise callbacks (and the replayer's picks) run. */
export async function settleMicrotasks(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
