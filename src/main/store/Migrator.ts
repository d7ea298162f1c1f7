import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `The database was written by a newer Wristdesk (schema ${found}; this version knows up to ${supported}). ` +
        'Install the newer version again, or use another data folder.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations above the database's version, each in its own transaction together
 * with the version bump, so a crash leaves the database at a whole version. Each step takes the
 * write lock first and re-reads the version under it: the desktop app and browser mode may open
 * the same new database at the same moment, and only one of them may migrate it.
 */
export function migrate(db: Database, all: readonly Migration[], target = all.length): number {
  all.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  const step = db.transaction((): boolean => {
    const current = schemaVersion(db);
    if (current > all.length) throw new SchemaTooNewError(current, all.length);
    const migration = all[current];
    if (migration === undefined || current >= target) return false;
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction, until the target is reached
  }
  return schemaVersion(db);
}
