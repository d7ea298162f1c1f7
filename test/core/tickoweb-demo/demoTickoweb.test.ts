import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { demoTickowebTree, DemoWebdavServer, startDemoTickoweb } from '../../../src/main/tickoweb-demo';
import type { DemoDavRequest, DemoTickowebTree } from '../../../src/main/tickoweb-demo';
import { MirrorStore, searchFold } from '../../../src/main/tickoweb/MirrorStore';
import { parseChannelFile, parseEventFile, parseOrderFiles } from '../../../src/main/tickoweb/TickowebMapping';
import { WebdavClient } from '../../../src/main/tickoweb/webdav/WebdavClient';
import { WebdavMirror } from '../../../src/main/tickoweb/WebdavMirror';
import { generateDemoData, pickSampleWristbands } from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
import { sampleFields } from '../../support/tickowebTree';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? 20261123);

function file(tree: DemoTickowebTree, path: string): string {
  const found = tree.files.get(path);
  if (found === undefined) throw new Error(`no ${path} in the demo tree`);
  return found.content;
}

/** The top-level keys `sampleFields` names for a file (its first path segment per field). */
function sampleKeys(section: Record<string, unknown>, leave: readonly string[]): string[] {
  return Object.entries(section)
    .filter(([key, value]) => !leave.includes(key) && typeof value === 'string')
    .map(([, value]) => (value as string).split(/[.{]/)[0]!)
    .filter((key, index, all) => all.indexOf(key) === index)
    .sort();
}

describe(`the demo Tickoweb tree (seed ${seed})`, () => {
  const customers = generateDemoData({ seed });
  const tree = demoTickowebTree(customers, seed);
  const byId = new Map(customers.map((customer) => [customer.id, customer]));

  it('is a pure function of the data and the seed', () => {
    const again = demoTickowebTree(generateDemoData({ seed }), seed);
    expect([...again.files]).toEqual([...tree.files]);
    expect([...again.folders]).toEqual([...tree.folders]);
    const other = demoTickowebTree(customers, seed + 1);
    expect(other.orders.map((o) => o.path)).not.toEqual(tree.orders.map((o) => o.path));
  });

  it('writes the field names the tests’ tree writes (sampleFields), so the mapping reads them', () => {
    const order = tree.orders[0]!;
    const customer = JSON.parse(file(tree, `${order.path}customer.json`)) as Record<string, unknown>;
    const details = JSON.parse(file(tree, `${order.path}details.json`)) as Record<string, unknown>;
    const event = JSON.parse(file(tree, `${tree.eventPath}event.json`)) as Record<string, unknown>;
    expect(Object.keys(customer).sort()).toEqual(sampleKeys(sampleFields.customer, ['file']));
    expect(Object.keys(details).sort()).toEqual(sampleKeys(sampleFields.details, ['file']));
    expect(Object.keys(event).sort()).toEqual(sampleKeys(sampleFields.event, ['file']));
    const ticket = (details.tickets as Record<string, unknown>[])[0]!;
    expect(Object.keys(ticket).sort()).toEqual(Object.values(sampleFields.details.ticket).sort());
    const scanned = tree.orders.map((o) => JSON.parse(file(tree, `${o.path}details.json`)) as { scans: Record<string, unknown>[] }).find((d) => d.scans.length > 0);
    expect(Object.keys(scanned!.scans[0]!).sort()).toEqual(Object.values(sampleFields.details.scan).sort());
  });

  it('every order parses with TickowebMapping into the Venue Manager person and barcodes', () => {
    const statuses = new Set<string>();
    let scans = 0;
    for (const order of tree.orders) {
      const parsed = parseOrderFiles(file(tree, `${order.path}customer.json`), file(tree, `${order.path}details.json`));
      if (!parsed.ok) throw new Error(`${order.path}: ${parsed.reason} ${parsed.detail}`);
      expect(parsed.ignored).toEqual([]);
      expect(parsed.fields).toMatchObject({ orderNumber: order.orderNumber, status: order.status, names: [order.name], emails: [order.email], phones: [order.phone] });
      expect(parsed.fields.barcodes).toEqual(order.barcodes);
      expect(parsed.fields.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
      statuses.add(order.status);
      scans += parsed.fields.scans.length;
      if (order.customerId === null) continue;
      const customer = byId.get(order.customerId)!;
      const vmOrder = customer.orders.find((o) => o.id === order.venueManagerOrderId)!;
      expect(order.name).toBe(customer.address.name);
      expect(order.email).toBe(customer.address.email);
      expect(order.phone).toBe(customer.address.phone);
      expect(order.barcodes).toEqual(vmOrder.digitalProducts.map((p) => p.barcode));
    }
    expect([...statuses].sort()).toEqual(['cancelled', 'paid', 'refunded']);
    expect(scans).toBeGreaterThan(50);

    const event = parseEventFile(file(tree, `${tree.eventPath}event.json`));
    expect(event).toMatchObject({ ok: true, fields: { name: 'Demo Festival 2026', startsAt: '2026-07-02T12:00:00+02:00', location: 'Festivalpladsen' } });
    const channels = [...tree.files.keys()].filter((path) => path.startsWith(`${tree.eventPath}channel/`));
    expect(channels.length).toBeGreaterThanOrEqual(2);
    for (const path of channels) {
      const channel = parseChannelFile(file(tree, path));
      expect(channel.ok && typeof channel.fields.name === 'string' && typeof channel.fields.type === 'string').toBe(true);
    }
  });

  it('covers most Venue Manager customers (every sample wristband owner), and some strangers', () => {
    const linkedCustomers = new Set(tree.orders.map((o) => o.customerId).filter((id) => id !== null));
    const share = linkedCustomers.size / customers.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.9);
    // A linked customer has one Tickoweb order per Venue Manager order.
    for (const id of linkedCustomers) {
      expect(tree.orders.filter((o) => o.customerId === id)).toHaveLength(byId.get(id)!.orders.length);
    }
    const owners = pickSampleWristbands(customers)
      .filter((sample) => sample.kind !== 'unknown')
      .map((sample) => customers.find((c) => c.orders.some((o) => o.digitalProducts.some((p) => p.tokens.some((t) => t.uid === sample.uid))))!.id);
    for (const owner of owners) expect(linkedCustomers.has(owner)).toBe(true);
    const strangers = tree.orders.filter((o) => o.customerId === null);
    expect(strangers.length).toBeGreaterThan(0.1 * tree.orders.length);
    const vmEmails = new Set(customers.map((c) => c.address.email));
    const vmBarcodes = new Set(customers.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => p.barcode))));
    for (const stranger of strangers) {
      expect(vmEmails.has(stranger.email)).toBe(false);
      for (const barcode of stranger.barcodes) expect(vmBarcodes.has(barcode)).toBe(false);
    }
  });

  it('numbers orders by creation in buckets of 500, and every folder carries its newest child’s time', () => {
    const buckets = [...new Set(tree.orders.map((o) => o.path.split('/')[4]))];
    expect(buckets).toEqual(['1-500', '501-1000']);
    tree.orders.forEach((order, index) => {
      expect(order.orderNumber.endsWith(`-${String(index + 1).padStart(6, '0')}`)).toBe(true);
      expect(order.path.split('/')[4]).toBe(index < 500 ? '1-500' : '501-1000');
    });
    const newest = new Map<string, number>();
    const parent = (path: string) => path.replace(/[^/]+\/?$/, '');
    for (const [path, f] of tree.files) newest.set(parent(path), Math.max(newest.get(parent(path)) ?? 0, f.modified));
    for (const [path, modified] of tree.folders) if (path !== '') newest.set(parent(path), Math.max(newest.get(parent(path)) ?? 0, modified));
    for (const [path, modified] of tree.folders) {
      expect(modified % 1000).toBe(0);
      expect(modified, path).toBe(newest.get(path));
    }
  });
});

describe(`the demo Tickoweb tree served by DemoWebdavServer and mirrored (seed ${seed})`, () => {
  const customers = generateDemoData({ seed });
  const tree = demoTickowebTree(customers, seed);
  const log: DemoDavRequest[] = [];
  let server: DemoWebdavServer;
  let url: string;
  let client: WebdavClient;
  let store: MirrorStore;
  let mirror: WebdavMirror;
  let clock = Date.UTC(2026, 6, 1);

  beforeAll(async () => {
    server = new DemoWebdavServer(tree, { onRequest: (request) => log.push(request) });
    url = await server.start();
    client = new WebdavClient({ baseUrl: url, concurrency: 8 });
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = new MirrorStore(db, () => clock);
    mirror = new WebdavMirror({ source: client, store, now: () => (clock += 1) });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('listens on 127.0.0.1 under /dav/', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dav\/$/);
    expect(server.url).toBe(url);
    expect(server.size.files).toBe(tree.files.size);
  });

  it('a full sync mirrors every order, event and channel, nothing quarantined', async () => {
    const started = performance.now();
    const report = await mirror.sync();
    const ms = performance.now() - started;
    const channels = [...tree.files.keys()].filter((path) => path.includes('/channel/')).length;
    expect(report).toMatchObject({ result: 'done', events: 1, buckets: 2, ordersFetched: tree.orders.length, ordersDeleted: 0, quarantined: 0 });
    expect(report.requests.get).toBe(tree.orders.length * 2 + 1 + channels);
    expect(store.summary()).toMatchObject({ orders: tree.orders.length, events: 1 });
    expect(store.quarantine()).toEqual([]);
    const first = tree.orders[0]!;
    expect(store.order(first.path)).toMatchObject({ fields: { emails: [first.email], barcodes: first.barcodes }, event: { name: 'Demo Festival 2026' } });
    expect(store.order(first.path)?.channel?.name).toEqual(expect.any(String));
    console.log(
      `demo Tickoweb tree: ${tree.orders.length} orders, ${server.size.files} files, ${server.size.folders} folders, ` +
        `${Math.round(server.size.bytes / 1024)} KiB; full sync ${Math.round(ms)} ms (${report.requests.list} PROPFIND, ${report.requests.get} GET)`,
    );
  });

  it('a second sync fetches nothing', async () => {
    const started = performance.now();
    const report = await mirror.sync();
    const ms = performance.now() - started;
    expect(report).toMatchObject({ result: 'done', ordersFetched: 0, ordersUnchanged: tree.orders.length });
    expect(report.requests.get).toBe(0);
    // root, reseller, organisation, event, channel/, order/, two buckets
    expect(report.requests.list).toBe(8);
    console.log(`demo Tickoweb tree: incremental sync with nothing changed ${Math.round(ms)} ms`);
  });

  /** A linked Venue Manager customer whose name has letters that fold (ø, æ, å, é …). */
  function accentedCustomer(): { customer: SimulatorCustomer; paths: string[] } {
    for (const customer of customers) {
      const paths = tree.orders.filter((o) => o.customerId === customer.id).map((o) => o.path);
      if (paths.length > 0 && searchFold(customer.address.name) !== customer.address.name.toLowerCase()) return { customer, paths };
    }
    throw new Error('no linked customer with an accented name');
  }

  it('search finds a Venue Manager customer by name with accents folded', () => {
    const { customer, paths } = accentedCustomer();
    const folded = searchFold(customer.address.name);
    const hits = store.search(folded, 200).hits;
    for (const path of paths) expect(hits.map((h) => h.orderPath)).toContain(path);
    // As typed at the desk: the start of each word, without accents.
    const typed = folded
      .split(' ')
      .map((word) => word.slice(0, 3))
      .join(' ');
    expect(store.search(typed, 500).hits.map((h) => h.orderPath)).toEqual(expect.arrayContaining(paths));
  });

  it('links a Venue Manager customer by e-mail, and by name + barcode, never by name alone', () => {
    const { customer, paths } = accentedCustomer();
    const byEmail = store.ordersMatching({ emails: [customer.address.email!.toUpperCase()] });
    expect(byEmail.map((m) => m.orderPath).sort()).toEqual([...paths].sort());
    expect(byEmail.every((m) => m.reason === 'email')).toBe(true);

    const order = tree.orders.find((o) => o.path === paths[0])!;
    const byNameAndBarcode = store.ordersMatching({ names: [customer.address.name], barcodes: [order.barcodes[0]!] });
    expect(byNameAndBarcode[0]).toMatchObject({ orderPath: order.path, reason: 'name+barcode' });

    // Strangers who share a Venue Manager customer's name are found by search but not linked.
    const namesake = tree.orders.find((o) => o.customerId === null && customers.some((c) => c.address.name === o.name));
    expect(namesake).toBeDefined();
    const linked = store.ordersMatching({ names: [namesake!.name] });
    expect(linked).toEqual([]);
  });

  it('answers a conditional GET with 304', async () => {
    const path = `${tree.orders[0]!.path}details.json`;
    const got = await client.get(path);
    if (got.status !== 'ok') throw new Error('expected a body');
    expect(got.body.toString('utf8')).toBe(tree.files.get(path)!.content);
    expect(got.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(got.lastModified).toBe(tree.files.get(path)!.modified);
    expect(await client.get(path, { etag: got.etag })).toEqual({ status: 'not-modified' });
    expect(await client.get(path, { lastModified: got.lastModified })).toEqual({ status: 'not-modified' });
    expect(await client.get(path, { etag: `W/${got.etag!}` })).toEqual({ status: 'not-modified' });
    // If-None-Match decides when both are sent.
    expect((await client.get(path, { etag: '"other"', lastModified: got.lastModified })).status).toBe('ok');
    expect((await client.get(path, { lastModified: got.lastModified! - 1000 })).status).toBe('ok');
  });

  it('refuses Depth infinity (and a PROPFIND without Depth) with 403, answers Depth 0 with the item alone', async () => {
    for (const depth of ['infinity', undefined]) {
      const response = await fetch(url, { method: 'PROPFIND', headers: depth === undefined ? {} : { depth } });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('propfind-finite-depth');
    }
    const zero = await fetch(`${url}${tree.eventPath}`, { method: 'PROPFIND', headers: { depth: '0' } });
    expect(zero.status).toBe(207);
    const body = await zero.text();
    expect(body.match(/<D:response>/g)).toHaveLength(1);
    expect(body).toContain(`<D:href>/dav/${tree.eventPath}</D:href>`);
  });

  it('is read-only: 404 for unknown paths, 405 for other methods, 403 for GET on a folder', async () => {
    expect((await fetch(`${url}nothing-here.json`)).status).toBe(404);
    expect((await fetch(url.replace('/dav/', '/'))).status).toBe(404);
    expect((await fetch(`${url}${tree.eventPath}event.json/`)).status).toBe(404);
    expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
    for (const method of ['PUT', 'DELETE', 'MKCOL', 'PROPPATCH', 'MOVE', 'LOCK', 'POST']) {
      const response = await fetch(`${url}${tree.eventPath}event.json`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('OPTIONS, GET, HEAD, PROPFIND');
    }
    expect((await fetch(`${url}${tree.eventPath}`)).status).toBe(403);
    const head = await fetch(`${url}${tree.eventPath}event.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).not.toBeNull();
    expect(log.some((request) => request.method === 'PUT' && request.status === 405)).toBe(true);
  });
});

describe('DemoWebdavServer with names that need encoding', () => {
  const modified = Date.UTC(2026, 5, 1, 12, 0, 0);
  const tree = {
    files: new Map([
      ['Demo Festival/Søndag & co/order #1.json', { content: '{"name":"ø"}', modified }],
      ['Demo Festival/100%.json', { content: '{}', modified: modified - 5000 }],
    ]),
  };
  let server: DemoWebdavServer;
  let client: WebdavClient;

  beforeAll(async () => {
    server = new DemoWebdavServer(tree);
    client = new WebdavClient({ baseUrl: await server.start() });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('percent-encodes hrefs and serves decoded paths', async () => {
    const response = await fetch(`${server.url}Demo%20Festival/`, { method: 'PROPFIND', headers: { depth: '1' } });
    const body = await response.text();
    expect(body).toContain('<D:href>/dav/Demo%20Festival/S%C3%B8ndag%20%26%20co/</D:href>');
    expect(body).toContain('<D:href>/dav/Demo%20Festival/100%25.json</D:href>');
    const entries = await client.list('Demo Festival/');
    expect(entries.every((entry) => entry.etag !== null && /^"[0-9a-f-]+"$/.test(entry.etag))).toBe(true);
    expect(entries.map(({ etag: _etag, ...entry }) => entry)).toEqual([
      { path: 'Demo Festival/100%.json', name: '100%.json', isFolder: false, lastModified: modified - 5000, size: 2 },
      { path: 'Demo Festival/Søndag & co/', name: 'Søndag & co', isFolder: true, lastModified: modified, size: null },
    ]);
    const got = await client.get('Demo Festival/Søndag & co/order #1.json');
    expect(got).toMatchObject({ status: 'ok', lastModified: modified });
    if (got.status === 'ok') expect(got.body.toString('utf8')).toBe('{"name":"ø"}');
    expect(await client.list('')).toMatchObject([{ path: 'Demo Festival/', isFolder: true, lastModified: modified }]);
  });

  it('refuses trees with unusable paths', () => {
    expect(() => new DemoWebdavServer({ files: new Map([['/abs.json', { content: '', modified }]]) })).toThrow(/relative/);
    expect(() => new DemoWebdavServer({ files: new Map([['a/../b.json', { content: '', modified }]]) })).toThrow(/relative/);
    expect(() => new DemoWebdavServer({ files: new Map([['a', { content: '', modified }], ['a/b', { content: '', modified }]]) })).toThrow(/both/);
  });
});

describe('startDemoTickoweb', () => {
  it('serves the demo tree of a seed through a WebdavClient, and close() stops it', async () => {
    const seed = 2026;
    const tree = demoTickowebTree(generateDemoData({ seed }), seed);
    const requests: DemoDavRequest[] = [];
    const connection = await startDemoTickoweb(seed, { onRequest: (request) => requests.push(request) });
    expect(connection.demo).toBe(true);
    expect(await connection.source.list('')).toMatchObject([{ path: 'wristdesk-demo/', isFolder: true }]);
    const path = `${tree.orders[0]!.path}customer.json`;
    const got = await connection.source.get(path);
    expect(got.status === 'ok' && got.body.toString('utf8')).toBe(tree.files.get(path)!.content);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PROPFIND 207', 'GET 200']);
    await connection.close();
    await expect(connection.source.list('')).rejects.toThrow();
  });
});
