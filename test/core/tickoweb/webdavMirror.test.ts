import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { MirrorStore } from '../../../src/main/tickoweb/MirrorStore';
import { WebdavClient } from '../../../src/main/tickoweb/webdav/WebdavClient';
import { WebdavMirror } from '../../../src/main/tickoweb/WebdavMirror';
import type { SyncReport } from '../../../src/main/tickoweb/WebdavMirror';
import { TickowebTree } from '../../support/tickowebTree';
import { makeTempDir } from '../../support/tempDir';
import { startApacheDav, startNginxDav } from '../../support/webdavServers';
import type { DavServer } from '../../support/webdavServers';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? 20261123);

/**
 * The mirror against real WebDAV servers from Debian, over a generated tree whose folder times are
 * set the way Tickoweb promises (an order folder's time is its newest file's).
 */
describe.each([
  ['nginx (dav-ext)', startNginxDav],
  ['Apache (mod_dav_fs)', startApacheDav],
] as const)(`WebdavMirror against %s (seed ${seed})`, (_name, start) => {
  let dir: { path: string; remove: () => void };
  let tree: TickowebTree;
  let server: DavServer;
  let client: WebdavClient;
  let store: MirrorStore;
  let mirror: WebdavMirror;
  let clock = Date.UTC(2026, 9, 1);

  beforeAll(async () => {
    dir = makeTempDir('wristdesk-dav-');
    tree = TickowebTree.write(dir.path, { seed, orgs: 2, eventsPerOrg: 1, ordersPerEvent: 120, bucketSize: 50 });
    server = await start(dir.path);
    client = new WebdavClient({ baseUrl: server.url, concurrency: 8 });
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = new MirrorStore(db, () => clock);
    mirror = new WebdavMirror({ source: client, store, now: () => (clock += 1) });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
    dir.remove();
  });

  /** Folders a sync must list when nothing changed: the levels above the events, each event, its channel and order folders, and every bucket. */
  function expectedListings(): number {
    const orgs = new Set(tree.events.map((event) => event.org)).size;
    const buckets = new Set(tree.orders.map((order) => `${order.event.path}${order.bucket}`)).size;
    return 1 /* root */ + 1 /* reseller */ + orgs + tree.events.length * 3 + buckets;
  }

  async function sync(options: Parameters<WebdavMirror['sync']>[0] = {}): Promise<{ report: SyncReport; propfind: number; get: number }> {
    await server.resetRequests();
    const report = await mirror.sync(options);
    return { report, propfind: await server.count('PROPFIND'), get: await server.count('GET') };
  }

  it('full sync: every event, channel and order lands, with what the mapping extracts', async () => {
    const { report, get } = await sync();
    expect(report).toMatchObject({ result: 'done', events: tree.events.length, ordersFetched: tree.orders.length, quarantined: 0 });
    expect(store.summary()).toMatchObject({ orders: tree.orders.length, events: tree.events.length });
    // Two files per order, plus each event's event.json and its channels.
    const channels = tree.events.reduce((n, event) => n + event.channels.length, 0);
    expect(get).toBe(tree.orders.length * 2 + tree.events.length + channels);
    const order = tree.orders[7]!;
    const customer = tree.readCustomer(order);
    expect(store.order(order.path)?.fields.emails).toEqual([customer.email]);
  });

  it('nothing changed: one listing per bucket (and the few folders above), not one GET', async () => {
    const { report, propfind, get } = await sync();
    expect(report).toMatchObject({ result: 'done', ordersFetched: 0, ordersUnchanged: tree.orders.length });
    expect(get).toBe(0);
    expect(propfind).toBe(expectedListings());
  });

  it('1% of orders changed: only those are fetched, and their new data is stored', async () => {
    const changed = tree.changeOrders(1);
    expect(changed.length).toBeGreaterThan(0);
    const { report, get } = await sync();
    expect(report.ordersFetched).toBe(changed.length);
    expect(get).toBe(changed.length * 2);
    for (const order of changed) expect(store.order(order.path)?.fields.emails).toEqual([tree.readCustomer(order).email]);
  });

  it('new and deleted orders, and a new bucket', async () => {
    const added = tree.addOrders(3);
    const deleted = tree.deleteOrders(2);
    const inNewBucket = tree.addBucket(undefined, 2);
    const { report } = await sync();
    expect(report.ordersFetched).toBe(added.length + inNewBucket.length);
    expect(report.ordersDeleted).toBe(deleted.length);
    for (const order of [...added, ...inNewBucket]) expect(store.order(order.path)).toBeDefined();
    for (const order of deleted) expect(store.order(order.path)).toBeUndefined();
    expect(store.summary().orders).toBe(tree.orders.length);
  });

  it('a malformed file is quarantined with the reason while the rest lands; the stored version is kept', async () => {
    const bad = tree.writeMalformed(tree.orders[3], 'details.json');
    const before = store.order(bad.path);
    const others = tree.changeOrders([tree.orders[4]!, tree.orders[5]!]);
    const { report } = await sync();
    expect(report.quarantined).toBe(1);
    expect(store.quarantine()).toEqual([expect.objectContaining({ filePath: `${bad.path}details.json`, reason: 'not-json' })]);
    expect(store.order(bad.path)?.detailsRaw).toBe(before?.detailsRaw);
    for (const order of others) expect(store.order(order.path)?.fields.emails).toEqual([tree.readCustomer(order).email]);
  });

  it('scans do not move the folder time: a plain sync does not see them, a full reconcile does', async () => {
    const [order] = tree.changeScansOnly(1);
    const plain = await sync();
    expect(plain.report.ordersFetched).toBe(0);
    const full = await sync({ full: true });
    expect(full.report.ordersFetched).toBe(tree.orders.length);
    expect(store.order(order!.path)?.fields.scans).toEqual(
      tree.readDetails(order!).scans.map((scan) => expect.objectContaining({ barcode: scan.barcode }) as unknown),
    );
  });

  it('an interrupted first sync goes on where it stopped: finished buckets are not fetched again', async () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const fresh = new MirrorStore(db, () => clock);
    const resumable = new WebdavMirror({ source: client, store: fresh, now: () => (clock += 1) });
    const controller = new AbortController();
    const first = await resumable.sync({
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.bucketsDone >= 2) controller.abort();
      },
    });
    expect(first.result).toBe('cancelled');
    const storedAfterFirst = fresh.summary().orders;
    expect(storedAfterFirst).toBeGreaterThan(0);
    expect(storedAfterFirst).toBeLessThan(tree.orders.length);
    await server.resetRequests();
    const second = await resumable.sync();
    expect(second.result).toBe('done');
    expect(second.ordersFetched).toBe(tree.orders.length - first.ordersFetched);
    // Everything is there but the malformed order, which this new store never had a good version of.
    expect(fresh.summary().orders + fresh.quarantine().length).toBe(tree.orders.length);
  });
});
