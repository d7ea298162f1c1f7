/**
 * The Tickoweb mirror end to end at festival size: a generated tree of 100,000 orders (1 org ×
 * 4 events × 25,000, buckets of 500 as Tickoweb) served by a real nginx with dav-ext on 127.0.0.1,
 * synced by WebdavMirror + WebdavClient as the app runs them (default concurrency) into a store on
 * disk (file database, WAL, synchronous=FULL):
 *
 *   tickoweb-full-sync-100k      first sync into an empty store
 *   tickoweb-nochange-sync-100k  the same again: listings only, not one GET
 *   tickoweb-1pct-sync-100k      after changeOrders(1): only those orders fetched
 *   tickoweb-rclone-copy         `rclone copy` of the same tree, first copy and a no-change rerun,
 *                                next to ours (a null figure where rclone is not installed)
 *
 * Writing the tree (200,000+ files) is timed apart and kept out of every figure; the one tree
 * serves all of them. It goes to /dev/shm where that is a tmpfs with room: a real Tickoweb serves
 * from its own machine, and a tree on our disk would have its write-back compete with the store's
 * fsyncs (and take minutes to delete). nginx or its dav-ext module missing fails the bench
 * (startNginxDav throws). Progress and the time each step took go to stderr; stdout keeps one
 * JSON line per figure.
 *
 * rclone's webdav backend paces its calls (10 ms apart, about 100 requests a second, in the
 * version Debian ships without a flag to change it): a copy of all 100,000 orders would take
 * close to an hour. It copies one bucket of the same tree (500 orders) instead, and its times are
 * compared with ours per order.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { openStore } from '../src/main/store/Store';
import { MirrorStore } from '../src/main/tickoweb/MirrorStore';
import { WebdavClient } from '../src/main/tickoweb/webdav/WebdavClient';
import { WebdavMirror } from '../src/main/tickoweb/WebdavMirror';
import type { SyncReport } from '../src/main/tickoweb/WebdavMirror';
import { TickowebTree } from '../test/support/tickowebTree';
import { makeTempDir } from '../test/support/tempDir';
import { startNginxDav } from '../test/support/webdavServers';
import type { DavServer } from '../test/support/webdavServers';
import { print } from './stats';
import { fileSystemOf } from './fileSystemOf';

const shape = { seed: 2026, orgs: 1, eventsPerOrg: 4, ordersPerEvent: 25_000, bucketSize: 500 } as const;
const orderCount = shape.orgs * shape.eventsPerOrg * shape.ordersPerEvent;
const changePercent = 1;
/** rclone's parallelism, set to our client's default (8) so the two do the same amount at once. */
const rcloneParallel = 8;
/** What rclone copies: one bucket (its pacer makes the whole tree an hour's work). */
const rcloneOrders = shape.bucketSize;
/** Room the tree needs in memory when it goes to /dev/shm (about 1 GB at 100,000 orders, 4 KB pages). */
const shmRoomBytes = 2 * 1024 ** 3;

const round2 = (value: number) => Math.round(value * 100) / 100;
const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
const note = (text: string) => console.error(`[tickoweb-sync-bench] ${text}`);

/** A fresh folder on a disk (an fsync on tmpfs costs nothing): the OS temp dir, or the repository's .tmp/. */
function diskFolder(prefix: string): { path: string; remove: () => void; fs: string } {
  let under = tmpdir();
  let fs = fileSystemOf(under);
  if (fs === 'tmpfs' || fs === 'ramfs') {
    under = fileURLToPath(new URL('../.tmp/', import.meta.url));
    mkdirSync(under, { recursive: true });
    fs = fileSystemOf(under);
  }
  const path = mkdtempSync(join(under, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }), fs };
}

/** Where the tree goes: /dev/shm when it is a tmpfs with room, else the OS temp dir. */
function treeFolder(prefix: string): { path: string; remove: () => void; fs: string } {
  const shm = '/dev/shm';
  if (existsSync(shm) && fileSystemOf(shm) === 'tmpfs') {
    const room = statfsSync(shm);
    if (room.bavail * room.bsize >= shmRoomBytes) {
      const path = mkdtempSync(join(shm, prefix));
      return { path, remove: () => rmSync(path, { recursive: true, force: true }), fs: 'tmpfs' };
    }
  }
  return { ...makeTempDir(prefix), fs: fileSystemOf(tmpdir()) };
}

/** The store's durability, read back: the figures only count with the app's settings. */
function requireAppDurability(db: Database): void {
  const journal = String(db.pragma('journal_mode', { simple: true }));
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  if (journal !== 'wal' || synchronous !== 2) {
    throw new Error(`tickoweb sync bench: the store is ${journal}, synchronous=${synchronous}; the app runs WAL with synchronous=FULL (2)`);
  }
}

interface TimedSync {
  report: SyncReport;
  seconds: number;
  propfind: number;
  get: number;
}

async function timedSync(mirror: WebdavMirror, server: DavServer, name: string): Promise<TimedSync> {
  await server.resetRequests();
  const started = performance.now();
  const report = await mirror.sync();
  const took = seconds(started);
  if (report.result !== 'done') {
    throw new Error(`${name}: the sync ended ${report.result}${report.error === undefined ? '' : ` (${report.error.code}: ${report.error.message})`}`);
  }
  const [propfind, get] = [await server.count('PROPFIND'), await server.count('GET')];
  note(`${name}: ${took.toFixed(2)} s, ${report.ordersFetched} fetched, ${report.ordersUnchanged} unchanged, ${propfind} PROPFIND, ${get} GET`);
  return { report, seconds: took, propfind, get };
}

export async function tickowebSync100k(): Promise<void> {
  const benchStarted = performance.now();
  const steps: Record<string, number> = {};
  const treeDir = treeFolder('wristdesk-bench-tree-');
  const storeDir = diskFolder('wristdesk-bench-sync-');
  let server: DavServer | undefined;
  let client: WebdavClient | undefined;
  let db: Database | undefined;
  try {
    note(`writing a tree of ${orderCount} orders (${orderCount * 2} order files) to ${treeDir.path} (${treeDir.fs}) …`);
    let started = performance.now();
    const tree = TickowebTree.write(treeDir.path, shape);
    steps.treeWrite = round2(seconds(started));
    note(`tree written in ${steps.treeWrite} s`);
    if (tree.orders.length !== orderCount) throw new Error(`the tree has ${tree.orders.length} orders, not ${orderCount}`);

    server = await startNginxDav(treeDir.path);
    client = new WebdavClient({ baseUrl: server.url });
    db = openStore(storeDir.path);
    requireAppDurability(db);
    const mirror = new WebdavMirror({ source: client, store: new MirrorStore(db, Date.now), now: Date.now });
    const where = { fs: storeDir.fs, synchronous: 'FULL', concurrency: 8 };
    const channels = tree.events.reduce((n, event) => n + event.channels.length, 0);

    // --- first sync into an empty store
    const full = await timedSync(mirror, server, 'tickoweb-full-sync-100k');
    steps.fullSync = round2(full.seconds);
    const expectedDownloads = orderCount * 2 + tree.events.length + channels;
    print({
      name: 'tickoweb-full-sync-100k',
      unit: 's',
      value: round2(full.seconds),
      goal: { max: 60 },
      orders: orderCount,
      buckets: full.report.buckets,
      listings: full.propfind,
      downloads: full.get,
      expectedDownloads,
      ordersPerSecond: Math.round(orderCount / full.seconds),
      treeWriteSeconds: steps.treeWrite,
      treeFs: treeDir.fs,
      ...where,
    });

    if (full.report.ordersFetched !== orderCount || full.report.quarantined !== 0 || full.get !== expectedDownloads) {
      throw new Error(
        `tickoweb-full-sync-100k: fetched ${full.report.ordersFetched} of ${orderCount} orders with ${full.get} GETs (want ${expectedDownloads}), ${full.report.quarantined} quarantined`,
      );
    }

    // --- nothing changed
    const unchanged = await timedSync(mirror, server, 'tickoweb-nochange-sync-100k');
    steps.noChangeSync = round2(unchanged.seconds);
    print({
      name: 'tickoweb-nochange-sync-100k',
      unit: 's',
      value: round2(unchanged.seconds),
      goal: { max: 2 },
      propfind: unchanged.propfind,
      get: unchanged.get,
      ordersUnchanged: unchanged.report.ordersUnchanged,
      ...where,
    });
    // A download here is a bug in the incremental sync, not a slow figure.
    if (unchanged.get !== 0 || unchanged.report.ordersFetched !== 0) {
      throw new Error(`tickoweb-nochange-sync-100k: ${unchanged.get} GETs and ${unchanged.report.ordersFetched} orders fetched when nothing changed`);
    }

    // --- 1% of the orders changed
    started = performance.now();
    const changed = tree.changeOrders(changePercent);
    steps.treeChange = round2(seconds(started));
    const onePercent = await timedSync(mirror, server, 'tickoweb-1pct-sync-100k');
    steps.onePercentSync = round2(onePercent.seconds);
    print({
      name: 'tickoweb-1pct-sync-100k',
      unit: 's',
      value: round2(onePercent.seconds),
      goal: { max: 5 },
      ordersChanged: changed.length,
      ordersFetched: onePercent.report.ordersFetched,
      propfind: onePercent.propfind,
      downloads: onePercent.get,
      ...where,
    });
    if (onePercent.report.ordersFetched !== changed.length || onePercent.get !== changed.length * 2) {
      throw new Error(
        `tickoweb-1pct-sync-100k: ${changed.length} orders changed, ${onePercent.report.ordersFetched} fetched with ${onePercent.get} GETs (want ${changed.length * 2})`,
      );
    }

    await client.close();
    client = undefined;
    db.close();
    db = undefined;

    // --- rclone, over the same server and tree
    started = performance.now();
    const bucket = `${tree.events[0]!.path}order/1-${shape.bucketSize}/`;
    await rcloneCopy(server, bucket, { fullSeconds: full.seconds, noChangeSeconds: unchanged.seconds });
    steps.rclone = round2(seconds(started));
  } finally {
    await client?.close();
    db?.close();
    await server?.stop();
    const started = performance.now();
    treeDir.remove();
    storeDir.remove();
    steps.cleanup = round2(seconds(started));
    steps.total = round2(seconds(benchStarted));
    note(`steps (s): ${JSON.stringify(steps)}`);
  }
}

function rcloneVersion(): string | null {
  const probe = spawnSync('rclone', ['version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return probe.stdout.split('\n')[0]?.trim() ?? 'rclone';
}

/** `rclone copy` of a folder of the server into a local one, resolving with its time; rclone failing fails the bench. */
function runRclone(server: DavServer, folder: string, destination: string, config: string): Promise<number> {
  const args = ['copy', `:webdav:${folder}`, destination, '--transfers', String(rcloneParallel), '--checkers', String(rcloneParallel), '--stats', '0', '-q'];
  const env = { ...process.env, RCLONE_CONFIG: config, RCLONE_WEBDAV_URL: server.url, RCLONE_WEBDAV_VENDOR: 'other' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('rclone', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const took = seconds(started);
      if (code === 0) resolve(took);
      else reject(new Error(`rclone copy exited with ${code ?? signal}:\n${errors}`));
    });
  });
}

async function requestsByMethod(server: DavServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const request of await server.requests()) counts[request.method] = (counts[request.method] ?? 0) + 1;
  return counts;
}

/**
 * rclone's webdav remote from the environment (no config file of the user's read), parallelism
 * set to ours, one bucket of the tree; the no-change rerun compares size and time, as rclone does
 * by default. Its time per order is set against ours per order: above 1, we are faster.
 */
async function rcloneCopy(server: DavServer, folder: string, ours: { fullSeconds: number; noChangeSeconds: number }): Promise<void> {
  const version = rcloneVersion();
  if (version === null) {
    print({ name: 'tickoweb-rclone-copy', unit: 's', value: null, note: 'rclone not installed' });
    return;
  }
  const work = treeFolder('wristdesk-bench-rclone-');
  try {
    const config = join(work.path, 'rclone.conf');
    writeFileSync(config, '');
    const destination = join(work.path, 'copy');
    await server.resetRequests();
    note(`rclone copy of ${folder} (${rcloneOrders} orders), first …`);
    const first = await runRclone(server, folder, destination, config);
    const firstRequests = await requestsByMethod(server);
    note(`rclone first copy: ${first.toFixed(2)} s, ${JSON.stringify(firstRequests)}`);
    await server.resetRequests();
    const again = await runRclone(server, folder, destination, config);
    const againRequests = await requestsByMethod(server);
    note(`rclone no-change rerun: ${again.toFixed(2)} s, ${JSON.stringify(againRequests)}`);
    if ((againRequests.GET ?? 0) !== 0) throw new Error(`rclone's no-change rerun downloaded ${againRequests.GET} files`);
    const scale = orderCount / rcloneOrders;
    print({
      name: 'tickoweb-rclone-copy',
      unit: 's',
      value: round2(first),
      orders: rcloneOrders,
      noChange: round2(again),
      scaledTo100k: { first: Math.round(first * scale), noChange: Math.round(again * scale) },
      // rclone's time per order over ours: above 1, we are faster.
      vsOurs: { first: round2((first * scale) / ours.fullSeconds), noChange: round2((again * scale) / ours.noChangeSeconds) },
      requests: { first: firstRequests, noChange: againRequests },
      parallel: rcloneParallel,
      rclone: version,
      note: "one bucket of the tree: rclone's webdav backend paces its calls at 10 ms (about 100 requests/s)",
    });
  } finally {
    work.remove();
  }
}
