/**
 * Every statement the mirror's store runs, in one place (tables from store migration 8). The
 * lookups the desk waits for (by path, by key, by bucket) are index seeks; search goes through the
 * two FTS5 tables. Deleting an order row also deletes its keys and search rows (trigger).
 */

export const orderSql = {
  existing: 'SELECT id, fields FROM tickoweb_orders WHERE path = ?',
  insert: `
    INSERT INTO tickoweb_orders (path, event_path, bucket_path, uuid, folder_modified, folder_etag, order_number, status,
      created_at, fields, mapping_version, customer_raw, details_raw, fetched_at, details_refreshed_at)
    VALUES (@path, @eventPath, @bucketPath, @uuid, @modified, @etag, @orderNumber, @status,
      @createdAt, @fields, @mappingVersion, @customerRaw, @detailsRaw, @now, @now)`,
  update: `
    UPDATE tickoweb_orders SET event_path = @eventPath, bucket_path = @bucketPath, uuid = @uuid,
      folder_modified = @modified, folder_etag = @etag, order_number = @orderNumber, status = @status,
      created_at = @createdAt, fields = @fields, mapping_version = @mappingVersion, customer_raw = @customerRaw,
      details_raw = @detailsRaw, fetched_at = @now, details_refreshed_at = @now
    WHERE id = @id`,
  /** Scans do not move a folder's last-modified: details are refreshed on their own. */
  refreshDetails: `
    UPDATE tickoweb_orders SET order_number = @orderNumber, status = @status, created_at = @createdAt, fields = @fields,
      mapping_version = @mappingVersion, details_raw = @detailsRaw, details_refreshed_at = @now
    WHERE id = @id`,
  rederive: `
    UPDATE tickoweb_orders SET order_number = @orderNumber, status = @status, created_at = @createdAt, fields = @fields,
      mapping_version = @mappingVersion
    WHERE id = @id`,
  bumpMapping: 'UPDATE tickoweb_orders SET mapping_version = ? WHERE id = ?',
  deleteByPath: 'DELETE FROM tickoweb_orders WHERE path = ?',
  deleteByBucket: 'DELETE FROM tickoweb_orders WHERE bucket_path = ?',
  deleteByEvent: 'DELETE FROM tickoweb_orders WHERE event_path = ?',
  statesInBucket: 'SELECT path, folder_modified AS modified, folder_etag AS etag FROM tickoweb_orders WHERE bucket_path = ?',
  byPath: `
    SELECT id, path, event_path AS eventPath, bucket_path AS bucketPath, uuid, folder_modified AS folderModified,
      folder_etag AS folderEtag, fields, mapping_version AS mappingVersion, customer_raw AS customerRaw,
      details_raw AS detailsRaw, fetched_at AS fetchedAt, details_refreshed_at AS detailsRefreshedAt
    FROM tickoweb_orders WHERE path = ?`,
  /** The hits of a search, in one statement (a JSON list of ids). */
  hits: `
    SELECT o.id, o.path, o.event_path AS eventPath, e.name AS eventName, o.fields
    FROM tickoweb_orders o LEFT JOIN tickoweb_events e ON e.path = o.event_path
    WHERE o.id IN (SELECT value FROM json_each(?))`,
  outdatedMapping: `
    SELECT id, customer_raw AS customerRaw, details_raw AS detailsRaw FROM tickoweb_orders
    WHERE mapping_version < ? LIMIT ?`,
  staleDetails: `
    SELECT path FROM tickoweb_orders WHERE details_refreshed_at < ? ORDER BY details_refreshed_at LIMIT ?`,
} as const;

export const indexSql = {
  insertKey: 'INSERT OR IGNORE INTO tickoweb_order_keys (field, key, order_id) VALUES (?, ?, ?)',
  deleteKeys: 'DELETE FROM tickoweb_order_keys WHERE order_id = ?',
  insertWords: 'INSERT INTO tickoweb_order_words (rowid, names, emails, phones, numbers) VALUES (?, ?, ?, ?, ?)',
  deleteWords: 'DELETE FROM tickoweb_order_words WHERE rowid = ?',
  insertTrigrams: 'INSERT INTO tickoweb_order_trigrams (rowid, emails, phones, numbers) VALUES (?, ?, ?, ?)',
  deleteTrigrams: 'DELETE FROM tickoweb_order_trigrams WHERE rowid = ?',
} as const;

/** Search: exact keys first, then words/prefixes, then substrings; newest rows first, never ranked. */
export const searchSql = {
  exactKey: 'SELECT order_id AS id FROM tickoweb_order_keys WHERE field = ? AND key = ? ORDER BY order_id DESC LIMIT ?',
  words: 'SELECT rowid AS id FROM tickoweb_order_words WHERE tickoweb_order_words MATCH ? ORDER BY rowid DESC LIMIT ?',
  trigrams: 'SELECT rowid AS id FROM tickoweb_order_trigrams WHERE tickoweb_order_trigrams MATCH ? ORDER BY rowid DESC LIMIT ?',
} as const;

/** Linking a wristband owner: one statement per key field, one seek per value. */
export const linkSql = {
  byKeys: `
    SELECT k.key, o.path FROM tickoweb_order_keys k JOIN tickoweb_orders o ON o.id = k.order_id
    WHERE k.field = ? AND k.key IN (SELECT value FROM json_each(?))`,
} as const;

export const bucketSql = {
  /** Listed: a new bucket, or one whose last-modified moved, is incomplete until committed. */
  listed: `
    INSERT INTO tickoweb_buckets (path, event_path, modified, listed_at, complete) VALUES (?, ?, ?, ?, 0)
    ON CONFLICT (path) DO UPDATE SET event_path = excluded.event_path, modified = excluded.modified,
      listed_at = excluded.listed_at,
      complete = CASE WHEN tickoweb_buckets.modified IS excluded.modified THEN tickoweb_buckets.complete ELSE 0 END`,
  committed: `
    INSERT INTO tickoweb_buckets (path, event_path, modified, listed_at, complete) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (path) DO UPDATE SET event_path = excluded.event_path, modified = excluded.modified,
      listed_at = excluded.listed_at, complete = 1`,
  pathsOfEvent: 'SELECT path FROM tickoweb_buckets WHERE event_path = ? ORDER BY path',
  incomplete: 'SELECT path, event_path AS eventPath FROM tickoweb_buckets WHERE complete = 0 ORDER BY path',
  delete: 'DELETE FROM tickoweb_buckets WHERE path = ?',
  deleteByEvent: 'DELETE FROM tickoweb_buckets WHERE event_path = ?',
} as const;

export const eventSql = {
  upsert: `
    INSERT INTO tickoweb_events (path, name, starts_at, location, raw, modified, etag, fetched_at)
    VALUES (@path, @name, @startsAt, @location, @raw, @modified, @etag, @now)
    ON CONFLICT (path) DO UPDATE SET name = excluded.name, starts_at = excluded.starts_at, location = excluded.location,
      raw = excluded.raw, modified = excluded.modified, etag = excluded.etag, fetched_at = excluded.fetched_at`,
  byPath: 'SELECT path, name, starts_at AS startsAt, location, raw, modified, etag, fetched_at AS fetchedAt FROM tickoweb_events WHERE path = ?',
  all: 'SELECT path, name, starts_at AS startsAt, location, raw, modified, etag, fetched_at AS fetchedAt FROM tickoweb_events ORDER BY path',
  delete: 'DELETE FROM tickoweb_events WHERE path = ?',
} as const;

export const channelSql = {
  upsert: `
    INSERT INTO tickoweb_channels (path, event_path, uuid, name, type, url, raw, modified, etag, fetched_at)
    VALUES (@path, @eventPath, @uuid, @name, @type, @url, @raw, @modified, @etag, @now)
    ON CONFLICT (path) DO UPDATE SET event_path = excluded.event_path, uuid = excluded.uuid, name = excluded.name,
      type = excluded.type, url = excluded.url, raw = excluded.raw, modified = excluded.modified, etag = excluded.etag,
      fetched_at = excluded.fetched_at`,
  ofEvent: `
    SELECT path, event_path AS eventPath, uuid, name, type, url, raw, modified, etag, fetched_at AS fetchedAt
    FROM tickoweb_channels WHERE event_path = ? ORDER BY path`,
  delete: 'DELETE FROM tickoweb_channels WHERE path = ?',
  deleteByEvent: 'DELETE FROM tickoweb_channels WHERE event_path = ?',
} as const;

/** Paths under a folder are the range [folder, folder with its final '/' raised to '0'). */
export const quarantineSql = {
  upsert: `
    INSERT INTO tickoweb_quarantine (file_path, order_path, reason, detail, sample, modified, etag, at)
    VALUES (@filePath, @orderPath, @reason, @detail, @sample, @modified, @etag, @now)
    ON CONFLICT (file_path) DO UPDATE SET order_path = excluded.order_path, reason = excluded.reason,
      detail = excluded.detail, sample = excluded.sample, modified = excluded.modified, etag = excluded.etag, at = excluded.at`,
  delete: 'DELETE FROM tickoweb_quarantine WHERE file_path = ?',
  deleteByOrder: 'DELETE FROM tickoweb_quarantine WHERE order_path = ?',
  deleteUnder: 'DELETE FROM tickoweb_quarantine WHERE file_path >= ? AND file_path < ?',
  statesUnder: `
    SELECT order_path AS path, modified, etag FROM tickoweb_quarantine
    WHERE order_path >= ? AND order_path < ? AND (modified IS NOT NULL OR etag IS NOT NULL)`,
  ofOrder: `
    SELECT file_path AS filePath, order_path AS orderPath, reason, detail, sample, modified, etag, at
    FROM tickoweb_quarantine WHERE order_path = ? ORDER BY file_path`,
  all: `
    SELECT file_path AS filePath, order_path AS orderPath, reason, detail, sample, modified, etag, at
    FROM tickoweb_quarantine ORDER BY at DESC, file_path LIMIT ?`,
} as const;

export const runSql = {
  begin: 'INSERT INTO tickoweb_sync_runs (started_at) VALUES (?)',
  finish: 'UPDATE tickoweb_sync_runs SET finished_at = ?, result = ?, counts = ?, detail = ? WHERE id = ?',
  last: `
    SELECT id, started_at AS startedAt, finished_at AS finishedAt, result, counts, detail
    FROM tickoweb_sync_runs ORDER BY id DESC LIMIT 1`,
} as const;

export const summarySql = `
  SELECT (SELECT count(*) FROM tickoweb_events) AS events,
         (SELECT count(*) FROM tickoweb_channels) AS channels,
         (SELECT count(*) FROM tickoweb_orders) AS orders,
         (SELECT count(*) FROM tickoweb_quarantine) AS quarantined,
         (SELECT count(*) FROM tickoweb_buckets WHERE complete = 0) AS incompleteBuckets,
         (SELECT max(fetched_at) FROM tickoweb_orders) AS newestFetchedAt`;

/** The search tables first, whole: the delete trigger then finds nothing to remove per order. */
export const clearSql = `
  INSERT INTO tickoweb_order_words (tickoweb_order_words) VALUES ('delete-all');
  INSERT INTO tickoweb_order_trigrams (tickoweb_order_trigrams) VALUES ('delete-all');
  DELETE FROM tickoweb_order_keys;
  DELETE FROM tickoweb_orders;
  DELETE FROM tickoweb_quarantine;
  DELETE FROM tickoweb_buckets;
  DELETE FROM tickoweb_channels;
  DELETE FROM tickoweb_events;`;

export const optimizeSql = `
  INSERT INTO tickoweb_order_words (tickoweb_order_words) VALUES ('optimize');
  INSERT INTO tickoweb_order_trigrams (tickoweb_order_trigrams) VALUES ('optimize');`;
