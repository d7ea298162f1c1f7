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
  {
    version: 5,
    name: 'outbox',
    up(db) {
      // Actions waiting for Venue Manager. Rows are never deleted: every item ends in a final
      // state with its outcome and who decided it, so nothing leaves the queue without a trace.
      // seq is the enqueue order that replay keeps per product and per token UID; id is the
      // stable id the caller (and the audit) knows the action by.
      db.exec(`
        CREATE TABLE outbox (
          seq                INTEGER PRIMARY KEY,
          id                 TEXT NOT NULL UNIQUE,
          kind               TEXT NOT NULL CHECK (kind IN ('block', 'replace', 'add', 'comment')),
          product_id         INTEGER NOT NULL,
          uid                TEXT,
          new_uid            TEXT,
          reason             TEXT,
          operator           TEXT NOT NULL,
          desk               TEXT NOT NULL,
          created_at         INTEGER NOT NULL,
          audit_id           INTEGER NOT NULL,
          state              TEXT NOT NULL
                             CHECK (state IN ('pending', 'sending', 'done', 'conflict', 'failed', 'discarded')),
          attempts           INTEGER NOT NULL DEFAULT 0,
          next_attempt_at    INTEGER NOT NULL,
          may_have_applied   INTEGER NOT NULL DEFAULT 0,
          comment_baseline   INTEGER,
          possible_duplicate INTEGER NOT NULL DEFAULT 0,
          last_error_code    TEXT,
          last_error_message TEXT,
          outcome            TEXT,
          decided_by         TEXT,
          decision_reason    TEXT,
          finished_at        INTEGER
        ) STRICT;
        CREATE INDEX outbox_state ON outbox (state, seq);
      `);
    },
  },
  {
    version: 6,
    name: 'lookup cache',
    up(db) {
      // What Venue Manager answered, for lookups while it cannot be reached. The validated wire
      // JSON is kept whole (customer without orders, order without products, product with its
      // tokens) so a view can always be rebuilt; the other tables are derived keys, each
      // behind an index so a lookup is a seek at any size. fetched_at (epoch ms) per entry: every
      // cached answer shows its age. Keys: a token's uid as written and upper-cased, plus its
      // canonical UID when the text is one; names, companies and e-mails lower-cased (NFC) per
      // address (order_id 0 = the customer's own address).
      db.exec(`
        CREATE TABLE cache_customers (
          id         INTEGER PRIMARY KEY,
          wire       TEXT NOT NULL,
          fetched_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX cache_customers_fetched ON cache_customers (fetched_at);
        CREATE TABLE cache_orders (
          id          INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL,
          wire        TEXT NOT NULL,
          fetched_at  INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE cache_products (
          id          INTEGER PRIMARY KEY,
          order_id    INTEGER NOT NULL,
          customer_id INTEGER NOT NULL,
          barcode     TEXT,
          wire        TEXT NOT NULL,
          fetched_at  INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX cache_products_barcode ON cache_products (barcode);
        CREATE INDEX cache_products_order ON cache_products (order_id);
        CREATE INDEX cache_products_customer ON cache_products (customer_id);
        CREATE INDEX cache_products_fetched ON cache_products (fetched_at);
        CREATE TABLE cache_tokens (
          product_id INTEGER NOT NULL,
          position   INTEGER NOT NULL,
          uid        TEXT NOT NULL,
          uid_key    TEXT NOT NULL,
          canonical  TEXT,
          PRIMARY KEY (product_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX cache_tokens_uid ON cache_tokens (uid_key);
        CREATE INDEX cache_tokens_canonical ON cache_tokens (canonical) WHERE canonical IS NOT NULL;
        CREATE TABLE cache_party_keys (
          field       TEXT NOT NULL CHECK (field IN ('name', 'company', 'email')),
          key         TEXT NOT NULL,
          customer_id INTEGER NOT NULL,
          order_id    INTEGER NOT NULL,
          slot        TEXT NOT NULL CHECK (slot IN ('customer', 'billing', 'delivery')),
          PRIMARY KEY (field, key, customer_id, order_id, slot)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX cache_party_keys_owner ON cache_party_keys (customer_id, order_id);
      `);
    },
  },
  {
    version: 7,
    name: 'outbox order and decisions',
    up(db) {
      // queue_pos: the place in the queue replay keeps per product and token UID. It is the seq
      // of the item, except for an edited item, which takes the place of the one it corrects (an
      // action that waited behind the original must still go after it). decision: why the item is
      // where it is, as a code the screens translate; replaced_by: the edit that replaced it.
      db.exec(`
        ALTER TABLE outbox ADD COLUMN queue_pos INTEGER;
        UPDATE outbox SET queue_pos = seq;
        ALTER TABLE outbox ADD COLUMN decision TEXT;
        ALTER TABLE outbox ADD COLUMN replaced_by TEXT;
        DROP INDEX outbox_state;
        CREATE INDEX outbox_state ON outbox (state, queue_pos, seq);
      `);
    },
  },
  {
    version: 8,
    name: 'tickoweb mirror',
    up(db) {
      // The Tickoweb WebDAV tree, mirrored: events, channels, order buckets (1-500/, 501-1000/ …)
      // and orders (customer.json + details.json kept raw, beside the fields the mapping module
      // extracted). Paths are relative to the configured root; folders end with '/'. modified
      // (epoch ms) and etag are the server's, so a sync fetches only what changed. A bucket is
      // complete once all its orders were stored in one transaction: a sync cut short resumes at
      // the incomplete ones. Orders have a stable integer id: the search tables' rowid.
      // tickoweb_order_keys: exact keys for linking and exact search (e-mail NFC lower-case; name
      // folded, its words sorted; phone its last 9 digits; barcode and order number upper-case).
      // Two contentless FTS5 tables over folded text (accents and ligatures folded in code,
      // since unicode61 leaves ø, æ, ß, ł alone): words/prefixes over names, e-mails, phones and
      // numbers; trigrams (substrings of 3+) over e-mails, phones and numbers. The trigger keeps
      // all three in step with every deletion. Quarantined files keep the reason they were
      // refused, and the previously stored order stays as it was.
      db.exec(`
        CREATE TABLE tickoweb_events (
          path       TEXT PRIMARY KEY,
          name       TEXT,
          starts_at  TEXT,
          location   TEXT,
          raw        TEXT,
          modified   INTEGER,
          etag       TEXT,
          fetched_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE tickoweb_channels (
          path       TEXT PRIMARY KEY,
          event_path TEXT NOT NULL,
          uuid       TEXT NOT NULL,
          name       TEXT,
          type       TEXT,
          url        TEXT,
          raw        TEXT,
          modified   INTEGER,
          etag       TEXT,
          fetched_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX tickoweb_channels_event ON tickoweb_channels (event_path);
        CREATE TABLE tickoweb_buckets (
          path       TEXT PRIMARY KEY,
          event_path TEXT NOT NULL,
          modified   INTEGER,
          listed_at  INTEGER NOT NULL,
          complete   INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1))
        ) STRICT;
        CREATE INDEX tickoweb_buckets_event ON tickoweb_buckets (event_path);
        CREATE INDEX tickoweb_buckets_incomplete ON tickoweb_buckets (path) WHERE complete = 0;
        CREATE TABLE tickoweb_orders (
          id                   INTEGER PRIMARY KEY,
          path                 TEXT NOT NULL UNIQUE,
          event_path           TEXT NOT NULL,
          bucket_path          TEXT NOT NULL,
          uuid                 TEXT NOT NULL,
          folder_modified      INTEGER,
          folder_etag          TEXT,
          order_number         TEXT,
          status               TEXT,
          created_at           TEXT,
          fields               TEXT NOT NULL,
          mapping_version      INTEGER NOT NULL,
          customer_raw         TEXT,
          details_raw          TEXT,
          fetched_at           INTEGER NOT NULL,
          details_refreshed_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX tickoweb_orders_bucket ON tickoweb_orders (bucket_path);
        CREATE INDEX tickoweb_orders_event ON tickoweb_orders (event_path);
        CREATE INDEX tickoweb_orders_refreshed ON tickoweb_orders (details_refreshed_at);
        CREATE INDEX tickoweb_orders_mapping ON tickoweb_orders (mapping_version);
        CREATE TABLE tickoweb_order_keys (
          field    TEXT NOT NULL CHECK (field IN ('email', 'name', 'phone', 'barcode', 'number')),
          key      TEXT NOT NULL,
          order_id INTEGER NOT NULL,
          PRIMARY KEY (field, key, order_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX tickoweb_order_keys_order ON tickoweb_order_keys (order_id);
        CREATE VIRTUAL TABLE tickoweb_order_words USING fts5 (
          names, emails, phones, numbers,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        CREATE VIRTUAL TABLE tickoweb_order_trigrams USING fts5 (
          emails, phones, numbers,
          content = '', contentless_delete = 1,
          tokenize = 'trigram remove_diacritics 1'
        );
        CREATE TRIGGER tickoweb_orders_deleted AFTER DELETE ON tickoweb_orders BEGIN
          DELETE FROM tickoweb_order_words WHERE rowid = old.id;
          DELETE FROM tickoweb_order_trigrams WHERE rowid = old.id;
          DELETE FROM tickoweb_order_keys WHERE order_id = old.id;
        END;
        CREATE TABLE tickoweb_quarantine (
          file_path  TEXT PRIMARY KEY,
          order_path TEXT,
          reason     TEXT NOT NULL,
          detail     TEXT NOT NULL,
          sample     TEXT NOT NULL,
          modified   INTEGER,
          etag       TEXT,
          at         INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX tickoweb_quarantine_order ON tickoweb_quarantine (order_path);
        CREATE TABLE tickoweb_sync_runs (
          id          INTEGER PRIMARY KEY,
          started_at  INTEGER NOT NULL,
          finished_at INTEGER,
          result      TEXT,
          counts      TEXT,
          detail      TEXT
        ) STRICT;
      `);
    },
  },
];

export const latestSchemaVersion = migrations.length;
