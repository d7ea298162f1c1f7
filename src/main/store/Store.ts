import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './Migrator';
import { migrations } from './migrations';

export const databaseFileName = 'wristdesk.sqlite';

/**
 * Opens (creating if needed) the one database in the data folder and brings its schema up to
 * date. WAL with synchronous=FULL: a transaction that returned is on disk, even on power loss,
 * which the action queue relies on.
 */
export function openStore(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new BetterSqlite3(join(dataDir, databaseFileName));
  try {
    configure(db);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A second connection to the same (already migrated) database, for the lookup cache: WAL with
 * synchronous=NORMAL. The cache can always be fetched again, so losing its last writes to a power
 * cut costs nothing — while an fsync on every lookup would cost every tap. The queue keeps FULL.
 */
export function openCacheConnection(dataDir: string): Database {
  const db = new BetterSqlite3(join(dataDir, databaseFileName));
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function configure(db: Database): void {
  // Browser mode and the Electron app may share a data folder; wait for the other writer
  // (first, so that even the switch to WAL waits).
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}
