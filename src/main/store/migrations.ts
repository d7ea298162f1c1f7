import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … in order; stored in PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

/**
 * The schema's whole history. Never edit a migration that has shipped: add a new one.
 * test/core/store/migrations.test.ts upgrades from every earlier version.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      // One row per top-level setting, JSON-encoded and validated on read, so one bad value
      // never costs the others. Secret ciphertext lives here too, under "secret:<name>".
      db.exec(`
        CREATE TABLE settings (
          key        TEXT PRIMARY KEY,
          value      TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'scan log',
    up(db) {
      // Recent taps from every reader, for the reader test screen and support.
      db.exec(`
        CREATE TABLE scan_log (
          id        INTEGER PRIMARY KEY,
          reader_id TEXT NOT NULL,
          raw       TEXT NOT NULL,
          uid       TEXT NOT NULL,
          at        INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX scan_log_at ON scan_log (at);
      `);
    },
  },
  {
    version: 3,
    name: 'audit and operators',
    up(db) {
      // Every action attempt, written before the request leaves and completed with its outcome:
      // a crash in between leaves an attempt without outcome, never no trace at all.
      db.exec(`
        CREATE TABLE audit (
          id          INTEGER PRIMARY KEY,
          at          INTEGER NOT NULL,
          operator    TEXT NOT NULL,
          desk        TEXT NOT NULL,
          action      TEXT NOT NULL,
          product_id  INTEGER NOT NULL,
          uid         TEXT,
          new_uid     TEXT,
          reason      TEXT,
          outcome     TEXT,
          error_code  TEXT,
          server_message TEXT,
          finished_at INTEGER
        ) STRICT;
        CREATE INDEX audit_at ON audit (at);
        CREATE INDEX audit_product ON audit (product_id);
        CREATE TABLE operators (
          name_key   TEXT PRIMARY KEY,
          name       TEXT NOT NULL,
          pin_hash   TEXT,
          created_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 4,
    name: 'admin PIN',
    up(db) {
      // One row at most: the desk's admin PIN (salted hash) and the wrong-PIN throttle, kept on
      // disk so that restarting the app does not reset the count.
      db.exec(`
        CREATE TABLE admin_pin (
          id              INTEGER PRIMARY KEY CHECK (id = 1),
          pin_hash        TEXT NOT NULL,
          set_at          INTEGER NOT NULL,
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until    INTEGER
        ) STRICT;
      `);
    },
  },
];

export const latestSchemaVersion = migrations.length;
