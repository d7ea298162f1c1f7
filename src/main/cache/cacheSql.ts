/**
 * Every statement the cache runs, in one place so that the tests can ask SQLite for each lookup's
 * query plan and prove it is index-backed (O(log n) at 200,000 products), not a scan.
 */

/** Lookups the desk waits for: each must use an index. */
export const lookupSql = {
  tokenByKey: 'SELECT product_id AS productId, uid FROM cache_tokens WHERE uid_key = ?',
  tokenByCanonical: 'SELECT product_id AS productId, uid FROM cache_tokens WHERE canonical = ?',
  /** A band's other forms (dozens) in one statement: one call into SQLite, one seek per form. */
  tokensByKeys:
    'SELECT product_id AS productId, uid, uid_key AS uidKey FROM cache_tokens WHERE uid_key IN (SELECT value FROM json_each(?))',
  productIdsByBarcode: 'SELECT id FROM cache_products WHERE barcode = ?',
  productIdsByOrder: 'SELECT id FROM cache_products WHERE order_id = ?',
  productIdsByCustomer: 'SELECT id FROM cache_products WHERE customer_id = ?',
  partiesByExactKey:
    'SELECT customer_id AS customerId, order_id AS orderId, slot, key FROM cache_party_keys WHERE field = ? AND key = ?',
  partiesByKeyRange:
    'SELECT customer_id AS customerId, order_id AS orderId, slot, key FROM cache_party_keys WHERE field = ? AND key >= ? AND key < ?',
  productEntry: `
    SELECT p.wire AS product, o.wire AS orderWire, c.wire AS customer,
           min(p.fetched_at, o.fetched_at, c.fetched_at) AS fetchedAt
    FROM cache_products p
    JOIN cache_orders o ON o.id = p.order_id
    JOIN cache_customers c ON c.id = p.customer_id
    WHERE p.id = ?`,
} as const;

/**
 * A leading `*` leaves no prefix to seek to: the field's keys are walked in the index (one row
 * per address, far fewer than products), never the product table.
 */
export const partiesByFieldSql =
  'SELECT customer_id AS customerId, order_id AS orderId, slot, key FROM cache_party_keys WHERE field = ?';

export const summarySql = {
  counts: `
    SELECT (SELECT count(*) FROM cache_customers) AS customers,
           (SELECT count(*) FROM cache_products) AS products,
           (SELECT count(*) FROM cache_tokens) AS tokens`,
  // Scalar min()/max() return NULL if any argument is NULL: an empty table must not hide the other.
  range: `
    SELECT min(coalesce(po, co), coalesce(co, po)) AS oldest, max(coalesce(pn, cn), coalesce(cn, pn)) AS newest
    FROM (SELECT (SELECT min(fetched_at) FROM cache_products) AS po, (SELECT min(fetched_at) FROM cache_customers) AS co,
                 (SELECT max(fetched_at) FROM cache_products) AS pn, (SELECT max(fetched_at) FROM cache_customers) AS cn)`,
} as const;

/**
 * Upserts keep the newer copy: a slow pre-warm answer that lands after a fresh lookup must not put
 * older data back. `changes` is 0 when the stored row was newer, and the caller then leaves the
 * row's tokens and search keys alone too.
 */
export const writeSql = {
  upsertCustomer: `
    INSERT INTO cache_customers (id, wire, fetched_at) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET wire = excluded.wire, fetched_at = excluded.fetched_at
    WHERE excluded.fetched_at >= cache_customers.fetched_at`,
  /** A history answer may omit the owner's address: then only make sure the owner exists. */
  insertCustomerIfMissing: 'INSERT OR IGNORE INTO cache_customers (id, wire, fetched_at) VALUES (?, ?, ?)',
  upsertOrder: `
    INSERT INTO cache_orders (id, customer_id, wire, fetched_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, wire = excluded.wire, fetched_at = excluded.fetched_at
    WHERE excluded.fetched_at >= cache_orders.fetched_at`,
  upsertProduct: `
    INSERT INTO cache_products (id, order_id, customer_id, barcode, wire, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, customer_id = excluded.customer_id,
      barcode = excluded.barcode, wire = excluded.wire, fetched_at = excluded.fetched_at
    WHERE excluded.fetched_at >= cache_products.fetched_at`,
  deleteTokens: 'DELETE FROM cache_tokens WHERE product_id = ?',
  insertToken: 'INSERT INTO cache_tokens (product_id, position, uid, uid_key, canonical) VALUES (?, ?, ?, ?, ?)',
  deletePartyKeys: 'DELETE FROM cache_party_keys WHERE customer_id = ? AND order_id = ?',
  insertPartyKey: 'INSERT OR IGNORE INTO cache_party_keys (field, key, customer_id, order_id, slot) VALUES (?, ?, ?, ?, ?)',
} as const;

export const clearSql = `
  DELETE FROM cache_tokens;
  DELETE FROM cache_party_keys;
  DELETE FROM cache_products;
  DELETE FROM cache_orders;
  DELETE FROM cache_customers;`;
