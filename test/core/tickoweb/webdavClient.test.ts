import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { WebdavClient } from '../../../src/main/tickoweb/webdav/WebdavClient';
import type { DavRequestOutcome, WebdavClientOptions } from '../../../src/main/tickoweb/webdav/WebdavClient';
import type { DavEntry } from '../../../src/main/tickoweb/types';
import { makeTempDir } from '../../support/tempDir';
import { TickowebTree } from '../../support/tickowebTree';
import { startApacheDav, startNginxDav } from '../../support/webdavServers';
import type { DavServer } from '../../support/webdavServers';

/** The AppError a promise rejects with (fails the test when it resolves or rejects otherwise). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const mtimeMs = (path: string) => Math.floor(statSync(path).mtimeMs / 1000) * 1000;
const byName = (entries: DavEntry[]) => [...entries].sort((a, b) => (a.name < b.name ? -1 : 1));

// ---------------------------------------------------------------------------------------------
// Against real servers
// ---------------------------------------------------------------------------------------------

const servers = [
  { kind: 'nginx', start: startNginxDav, etagsInListings: false },
  { kind: 'apache', start: startApacheDav, etagsInListings: true },
] as const;

describe.each(servers)('WebdavClient against $kind', ({ start, etagsInListings }) => {
  const temp = makeTempDir('wristdesk-dav-tree-');
  let tree: TickowebTree;
  let server: DavServer;
  let client: WebdavClient;
  const oddName = 'Ørsted & Søn (100%) #1.json';

  beforeAll(async () => {
    tree = TickowebTree.write(temp.path, { seed: 42, orgs: 2, ordersPerEvent: 12, bucketSize: 5 });
    mkdirSync(join(temp.path, 'extra', 'ø æ'), { recursive: true });
    writeFileSync(join(temp.path, 'extra', oddName), '{"name":"Ørsted"}');
    writeFileSync(join(temp.path, 'extra', 'big.json'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    server = await start(temp.path);
    client = new WebdavClient({ baseUrl: server.url });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
    temp.remove();
  });

  it('lists the base folder: direct members only, folders ending with /', async () => {
    const entries = byName(await client.list(''));
    expect(entries.map((entry) => entry.path)).toEqual(['extra/', 'reseller/']);
    expect(entries.every((entry) => entry.isFolder && entry.size === null)).toBe(true);
  });

  it('lists an event: names, folders vs files, the times set with utimes, sizes, etags per server', async () => {
    const event = tree.events[0]!;
    const entries = byName(await client.list(event.path));
    expect(entries.map((entry) => [entry.name, entry.isFolder])).toEqual([
      ['channel', true],
      ['event.json', false],
      ['order', true],
    ]);
    // Depth 1: nothing below the members.
    expect(entries.every((entry) => entry.path.slice(event.path.length).replace(/\/$/, '').split('/').length === 1)).toBe(true);
    const file = entries.find((entry) => entry.name === 'event.json')!;
    const onDisk = join(temp.path, event.path, 'event.json');
    expect(file).toMatchObject({ path: `${event.path}event.json`, size: statSync(onDisk).size, lastModified: mtimeMs(onDisk) });
    for (const entry of entries) expect(entry.etag !== null).toBe(etagsInListings);
    expect(entries.find((entry) => entry.name === 'channel')!.lastModified).toBe(mtimeMs(join(temp.path, event.path, 'channel')));
  });

  it("lists a bucket: each order folder's time is its newest file's, the bucket itself left out", async () => {
    const event = tree.events[0]!;
    const bucket = `${event.path}order/6-10/`;
    const entries = await client.list(bucket);
    const expected = tree.orders.filter((order) => order.event === event && order.bucket === '6-10');
    expect(entries).toHaveLength(5);
    expect(new Set(entries.map((entry) => entry.path))).toEqual(new Set(expected.map((order) => order.path)));
    for (const order of expected) {
      const entry = entries.find((candidate) => candidate.path === order.path)!;
      expect(entry).toMatchObject({ name: order.id, isFolder: true, size: null });
      expect(entry.lastModified).toBe(order.folderTime * 1000);
      expect(order.folderTime).toBe(Math.max(order.fileTimes['customer.json'], order.fileTimes['details.json']));
    }
    const orderBuckets = byName(await client.list(`${event.path}order/`));
    expect(orderBuckets.map((entry) => entry.name)).toEqual(['1-5', '11-15', '6-10']);
  });

  it("lists an order's files with their own times", async () => {
    const order = tree.orders[3]!;
    const entries = byName(await client.list(order.path));
    expect(entries.map((entry) => entry.name)).toEqual(['customer.json', 'details.json']);
    expect(entries[0]!.lastModified).toBe(order.fileTimes['customer.json'] * 1000);
    expect(entries[1]!.lastModified).toBe(order.fileTimes['details.json'] * 1000);
    expect(entries[1]!.size).toBe(statSync(join(temp.path, order.path, 'details.json')).size);
  });

  it('decodes percent-encoded names and fetches them back', async () => {
    const entries = byName(await client.list('extra/'));
    expect(entries.map((entry) => entry.path)).toEqual(['extra/big.json', `extra/${oddName}`, 'extra/ø æ/']);
    expect(entries[2]!).toMatchObject({ name: 'ø æ', isFolder: true });
    expect(await client.list('extra/ø æ/')).toEqual([]);
    const result = await client.get(`extra/${oddName}`);
    expect(result.status === 'ok' && result.body.toString('utf8')).toBe('{"name":"Ørsted"}');
  });

  it('GETs a file with its validators, and answers 304 to If-None-Match and to If-Modified-Since', async () => {
    const order = tree.orders[0]!;
    const path = `${order.path}details.json`;
    const first = await client.get(path);
    if (first.status !== 'ok') throw new Error('expected the body');
    expect(first.body.equals(readFileSync(join(temp.path, path)))).toBe(true);
    expect(first.etag).toMatch(/^(W\/)?".+"$/);
    expect(first.lastModified).toBe(order.fileTimes['details.json'] * 1000);

    await server.resetRequests();
    expect(await client.get(path, { etag: first.etag })).toEqual({ status: 'not-modified' });
    expect(await client.get(path, { lastModified: first.lastModified })).toEqual({ status: 'not-modified' });
    const stale = await client.get(path, { etag: '"not-the-etag"' });
    expect(stale.status).toBe('ok');
    expect((await server.requests()).map((request) => `${request.method} ${request.status}`)).toEqual(['GET 304', 'GET 304', 'GET 200']);
  });

  it('refuses bodies over maxBytes (5 MB by default) and stays usable', async () => {
    const order = tree.orders[0]!;
    const small = await failure(client.get(`${order.path}details.json`, { maxBytes: 100 }));
    expect(small.code).toBe('TICKOWEB_TOO_LARGE');
    expect(small.details).toMatchObject({ maxBytes: 100 });
    expect((await failure(client.get('extra/big.json'))).code).toBe('TICKOWEB_TOO_LARGE');
    expect((await client.get('extra/big.json', { maxBytes: 6 * 1024 * 1024 })).status).toBe('ok');
    expect((await client.get(`${order.path}customer.json`)).status).toBe('ok');
  });

  it('answers TICKOWEB_NOT_FOUND for a missing file or folder', async () => {
    expect((await failure(client.get('reseller/nothing-here.json'))).code).toBe('TICKOWEB_NOT_FOUND');
    expect((await failure(client.list('reseller/nothing-here/'))).code).toBe('TICKOWEB_NOT_FOUND');
  });

  it('sees changes the way Tickoweb promises: changed orders move, scan-only changes do not', async () => {
    const event = tree.events[1]!;
    const bucket = `${event.path}order/1-5/`;
    const inBucket = tree.orders.filter((order) => order.event === event && order.bucket === '1-5');
    const times = async () => new Map((await client.list(bucket)).map((entry) => [entry.path, entry.lastModified]));
    const before = await times();
    const scansBefore = tree.readDetails(inBucket[0]!).scans.length;
    tree.changeScansOnly([inBucket[0]!]);
    const changed = tree.changeOrders([inBucket[1]!, inBucket[2]!]);
    const after = await times();
    expect(tree.readDetails(inBucket[0]!).scans).toHaveLength(scansBefore + 1);
    expect(after.get(inBucket[0]!.path)).toBe(before.get(inBucket[0]!.path));
    for (const order of changed) {
      expect(after.get(order.path)).toBe(tree.clock * 1000);
      expect(after.get(order.path)).not.toBe(before.get(order.path));
    }
    for (const order of inBucket.slice(3)) expect(after.get(order.path)).toBe(before.get(order.path));

    tree.deleteOrders([inBucket[4]!]);
    const [added] = tree.addBucket(event);
    expect((await client.list(bucket)).map((entry) => entry.path)).not.toContain(inBucket[4]!.path);
    expect(byName(await client.list(`${event.path}order/`)).map((entry) => entry.name)).toEqual(['1-5', '11-15', '16-20', '6-10']);
    const newBucket = await client.list(`${event.path}order/16-20/`);
    expect(newBucket.map((entry) => [entry.path, entry.isFolder, entry.lastModified])).toEqual([[added!.path, true, tree.clock * 1000]]);
  });

  it('counts requests: one PROPFIND per listing, one GET per file', async () => {
    const order = tree.orders[5]!;
    await server.resetRequests();
    await client.list(order.path);
    await client.get(`${order.path}customer.json`);
    await client.get(`${order.path}details.json`);
    expect(await server.count('PROPFIND')).toBe(1);
    expect(await server.count('GET')).toBe(2);
  });
});

describe.each(servers)('WebdavClient against $kind with Basic auth', ({ start }) => {
  const temp = makeTempDir('wristdesk-dav-auth-');
  let server: DavServer;
  const clients: WebdavClient[] = [];
  const make = (options: Partial<WebdavClientOptions>) => {
    const client = new WebdavClient({ baseUrl: server.url, ...options });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    writeFileSync(join(temp.path, 'a.json'), '{}');
    server = await start(temp.path, { auth: { username: 'desk', password: 'sæson-2026!' } });
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await server.stop();
    temp.remove();
  });

  it('lists and fetches with the right credentials', async () => {
    const client = make({ username: 'desk', password: 'sæson-2026!' });
    expect((await client.list('')).map((entry) => entry.path)).toEqual(['a.json']);
    expect((await client.get('a.json')).status).toBe('ok');
  });

  it('answers TICKOWEB_UNAUTHORIZED without or with wrong credentials, never showing them', async () => {
    const outcomes: DavRequestOutcome[] = [];
    const none = await failure(make({}).list(''));
    const wrong = await failure(make({ username: 'desk', password: 'hunter2-secret', onOutcome: (o) => outcomes.push(o) }).get('a.json'));
    expect(none.code).toBe('TICKOWEB_UNAUTHORIZED');
    expect(wrong.code).toBe('TICKOWEB_UNAUTHORIZED');
    const shown = JSON.stringify([wrong.toWire(), wrong.message, wrong.stack, outcomes]);
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain(Buffer.from('desk:hunter2-secret').toString('base64'));
    expect(outcomes).toEqual([{ ok: false, code: 'TICKOWEB_UNAUTHORIZED', latencyMs: expect.any(Number) as number }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Against a fake server that answers what each test crafts
// ---------------------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function startFake(handle: (req: Seen, res: ServerResponse) => void | Promise<void>) {
  const seen: Seen[] = [];
  const sockets = new Set<unknown>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      void handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/dav/`,
    seen,
    maxInFlight: () => maxInFlight,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fakeClient(handle: Parameters<typeof startFake>[0], options: Partial<WebdavClientOptions> = {}) {
  const fake = await startFake(handle);
  const outcomes: DavRequestOutcome[] = [];
  const client = new WebdavClient({ baseUrl: fake.url, onOutcome: (o) => outcomes.push(o), ...options });
  closers.push(() => client.close(), fake.close);
  return { client, fake, outcomes };
}

const multistatus = (body: string, status = 207) => (_req: Seen, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/xml; charset=utf-8' });
  res.end(body);
};

/** A D:-prefixed response element. */
const member = (href: string, props = '<D:resourcetype/>') =>
  `<D:response><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`;
const listing = (...members: string[]) => `<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">${members.join('')}</D:multistatus>`;

describe('WebdavClient requests', () => {
  it('sends PROPFIND Depth 1 asking for exactly four properties, with Basic auth when set', async () => {
    const { client, fake } = await fakeClient(multistatus(listing(member('/dav/sub/', '<D:resourcetype><D:collection/></D:resourcetype>'))), {
      username: 'døsk',
      password: 'pw:with:colons',
    });
    await client.list('sub/');
    const request = fake.seen[0]!;
    expect(request.method).toBe('PROPFIND');
    expect(request.url).toBe('/dav/sub/');
    expect(request.headers.depth).toBe('1');
    expect(request.headers['content-type']).toMatch(/^application\/xml/);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('døsk:pw:with:colons', 'utf8').toString('base64')}`);
    const asked = [...request.body.matchAll(/<D:(\w+)\/>/g)].map((match) => match[1]);
    expect(asked).toEqual(['getlastmodified', 'getetag', 'resourcetype', 'getcontentlength']);
  });

  it('sends no Authorization header without a user name, and percent-encodes paths', async () => {
    const { client, fake } = await fakeClient((_req, res) => {
      res.writeHead(200, { 'content-length': '2' });
      res.end('{}');
    });
    await client.get('reseller/Ørsted & co/a b#1?.json');
    expect(fake.seen[0]!.headers.authorization).toBeUndefined();
    expect(fake.seen[0]!.url).toBe('/dav/reseller/%C3%98rsted%20%26%20co/a%20b%231%3F.json');
  });

  it('sends If-None-Match and If-Modified-Since and maps 304 to not-modified', async () => {
    const { client, fake } = await fakeClient((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const lastModified = Date.UTC(2026, 5, 1, 12, 0, 0);
    expect(await client.get('a.json', { etag: 'W/"abc"', lastModified })).toEqual({ status: 'not-modified' });
    expect(fake.seen[0]!.headers['if-none-match']).toBe('W/"abc"');
    expect(fake.seen[0]!.headers['if-modified-since']).toBe('Mon, 01 Jun 2026 12:00:00 GMT');
  });

  it('refuses paths that could leave the base, and folders for GET', async () => {
    const { client, fake } = await fakeClient(multistatus(listing()));
    for (const path of ['../etc/', 'a/../../', '/abs/', 'a//b/', './']) {
      expect((await failure(client.list(path))).code).toBe('INVALID_REQUEST');
    }
    expect((await failure(client.get('a/'))).code).toBe('INVALID_REQUEST');
    expect(fake.seen).toHaveLength(0);
  });

  it('refuses a base URL with credentials in it, without echoing them', () => {
    let error: unknown;
    try {
      new WebdavClient({ baseUrl: 'https://desk:s3cret@webdav.example/dav/' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_SETTINGS');
    expect(JSON.stringify([(error as AppError).toWire(), (error as AppError).message])).not.toContain('s3cret');
  });
});

describe('WebdavClient listings', () => {
  it('refuses hrefs that escape the base', async () => {
    const escapes = [
      'http://evil.example/dav/x.json',
      'https://127.0.0.1/dav/x.json',
      '//evil.example/dav/x.json',
      '/dav/../etc/passwd',
      '/dav/%2e%2e/etc/passwd',
      '/dav/%2E%2E/etc/passwd',
      '/dav/a/%2e%2e/%2e%2e/etc',
      '/dav/./x.json',
      '/other/x.json',
      '/da/x.json',
      '/dav/a%2fb.json',
      '/dav/a%5cb.json',
      '/dav\\..\\etc',
      '/dav/x.json?download=1',
      '/dav/%zz.json',
      '../etc/passwd',
    ];
    for (const href of escapes) {
      const { client } = await fakeClient(multistatus(listing(member('/dav/'), member(href))));
      const error = await failure(client.list(''));
      expect(error.code, href).toBe('TICKOWEB_BAD_LISTING');
      expect(error.details?.href, href).toBe(href);
    }
  });

  it('refuses an href from another port on the same host', async () => {
    const { client, fake } = await fakeClient((req, res) => multistatus(listing(member(`http://127.0.0.1:1/dav/x.json`)))(req, res));
    expect((await failure(client.list(''))).code).toBe('TICKOWEB_BAD_LISTING');
    expect(fake.seen).toHaveLength(1);
  });

  it('refuses members that are not direct children of the listed folder', async () => {
    const { client } = await fakeClient(multistatus(listing(member('/dav/a/'), member('/dav/a/b/c.json'))));
    const error = await failure(client.list('a/'));
    expect(error.code).toBe('TICKOWEB_BAD_LISTING');
    expect(error.details).toMatchObject({ href: '/dav/a/b/c.json', folder: 'a/' });
  });

  it('accepts absolute URLs, absolute paths and relative paths to the same base', async () => {
    const { client, fake } = await fakeClient((req, res) =>
      multistatus(
        listing(
          member(`${fake.origin}/dav/a/`),
          member(`${fake.origin}/dav/a/one.json`),
          member('/dav/a/two%20%C3%B8.json'),
          member('/dav/a/three%c3%a6.json'),
          member('four.json'),
          member('/dav/a/five/', '<D:resourcetype><D:collection/></D:resourcetype>'),
        ),
      )(req, res),
    );
    const entries = await client.list('a/');
    expect(entries.map((entry) => entry.path)).toEqual(['a/one.json', 'a/two ø.json', 'a/threeæ.json', 'a/four.json', 'a/five/']);
  });

  it('matches DAV: elements whatever the prefix: D:, d:, lp1:, a default namespace, none', async () => {
    const variants = [
      // Apache's style: live properties under lp1:, a 404 propstat for what folders lack.
      `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response xmlns:lp1="DAV:" xmlns:g0="DAV:"><D:href>/dav/x/</D:href>
        <D:propstat><D:prop><lp1:getlastmodified>Sun, 15 Jun 2025 15:06:40 GMT</lp1:getlastmodified><lp1:getetag>W/"1000-abc"</lp1:getetag>
        <lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
        <D:propstat><D:prop><g0:getcontentlength/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response></D:multistatus>`,
      `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/x/</d:href><d:propstat><d:prop>
        <d:getlastmodified>Sun, 15 Jun 2025 15:06:40 GMT</d:getlastmodified><d:getetag>W/"1000-abc"</d:getetag>
        <d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`,
      `<multistatus xmlns="DAV:"><response><href>
          /dav/x/
        </href><propstat><prop><getlastmodified>Sun, 15 Jun 2025 15:06:40 GMT</getlastmodified><getetag>W/"1000-abc"</getetag>
        <resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`,
      `<multistatus><response><href><![CDATA[/dav/x/]]></href><propstat><prop><getlastmodified>Sun, 15 Jun 2025 15:06:40 GMT</getlastmodified>
        <getetag>W/&quot;1000-abc&quot;</getetag><resourcetype><collection/></resourcetype></prop></propstat></response></multistatus>`,
    ];
    for (const body of variants) {
      const { client } = await fakeClient(multistatus(body));
      expect(await client.list('')).toEqual([
        { path: 'x/', name: 'x', isFolder: true, lastModified: Date.UTC(2025, 5, 15, 15, 6, 40), etag: 'W/"1000-abc"', size: null },
      ]);
    }
  });

  it('takes properties only from 2xx propstats and only in the DAV: namespace, across several propstats', async () => {
    const body = `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:X="urn:other">
      <D:response><D:href>/dav/f.json</D:href>
        <D:propstat><D:prop><X:getetag>"not-dav"</X:getetag><D:getcontentlength>123</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
        <D:propstat><D:prop><D:getetag>"wrong"</D:getetag></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
        <D:propstat><D:prop><D:getlastmodified>garbage</D:getlastmodified><D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
      </D:response>
      <D:response><D:href>/dav/gone.json</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>
      <D:response><D:href>/dav/no-type</D:href><D:propstat><D:prop><D:getcontentlength>-5</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
    </D:multistatus>`;
    const { client } = await fakeClient(multistatus(body));
    expect(await client.list('')).toEqual([
      { path: 'f.json', name: 'f.json', isFolder: false, lastModified: null, etag: null, size: 123 },
      { path: 'no-type', name: 'no-type', isFolder: false, lastModified: null, etag: null, size: null },
    ]);
  });

  it('answers TICKOWEB_BAD_LISTING to malformed or unexpected bodies', async () => {
    const bodies = [
      listing(member('/dav/a.json')).slice(0, -20),
      '<html><body>Not WebDAV</body></html>',
      '',
      '<D:multistatus><D:response><D:href>/dav/a</D:href></D:response></D:multistatus>',
      '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><D:multistatus xmlns:D="DAV:"><D:response><D:href>&x;</D:href></D:response></D:multistatus>',
      '<D:multistatus xmlns:D="DAV:"><D:response><D:propstat/></D:response></D:multistatus>',
      listing(member('/dav/a.json')) + '<trailing/>',
    ];
    for (const body of bodies) {
      const { client } = await fakeClient(multistatus(body));
      expect((await failure(client.list(''))).code, body).toBe('TICKOWEB_BAD_LISTING');
    }
    const { client } = await fakeClient(multistatus('<html>directory index</html>', 200));
    expect((await failure(client.list(''))).code).toBe('TICKOWEB_BAD_LISTING');
  });

  it('parses a listing that arrives in small chunks, split inside tags and characters', async () => {
    const body = Buffer.from(listing(member('/dav/'), member('/dav/%C3%B8l.json', '<D:getcontentlength>7</D:getcontentlength>'), member('/dav/Ørsted.json')), 'utf8');
    const { client } = await fakeClient(async (_req, res) => {
      res.writeHead(207, { 'content-type': 'application/xml' });
      for (let offset = 0; offset < body.length; offset += 3) {
        res.write(body.subarray(offset, offset + 3));
        if (offset % 60 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      res.end();
    });
    expect((await client.list('')).map((entry) => [entry.path, entry.size])).toEqual([
      ['øl.json', 7],
      ['Ørsted.json', null],
    ]);
  });

  it('refuses a listing larger than maxListingBytes', async () => {
    const members = Array.from({ length: 200 }, (_, index) => member(`/dav/${index}.json`)).join('');
    const { client } = await fakeClient(multistatus(listing(members)), { maxListingBytes: 4096 });
    expect((await failure(client.list(''))).code).toBe('TICKOWEB_TOO_LARGE');
  });
});

describe('WebdavClient failures and limits', () => {
  it('maps 401, 403, 404, 500 and other statuses to codes, and reports outcomes', async () => {
    const statuses = [401, 403, 404, 500, 503, 400];
    const { client, outcomes } = await fakeClient((req, res) => {
      res.writeHead(statuses[Number(/\/(\d+)/.exec(req.url)?.[1])] ?? 500);
      res.end('<html>error page</html>');
    });
    const codes: string[] = [];
    for (let index = 0; index < statuses.length; index++) codes.push((await failure(client.get(`${index}/f.json`))).code);
    expect(codes).toEqual(['TICKOWEB_UNAUTHORIZED', 'TICKOWEB_UNAUTHORIZED', 'TICKOWEB_NOT_FOUND', 'SERVER_ERROR', 'SERVER_ERROR', 'BAD_RESPONSE']);
    expect(outcomes.map((outcome) => [outcome.ok, outcome.code])).toEqual([
      [false, 'TICKOWEB_UNAUTHORIZED'],
      [false, 'TICKOWEB_UNAUTHORIZED'],
      [true, 'TICKOWEB_NOT_FOUND'],
      [false, 'SERVER_ERROR'],
      [false, 'SERVER_ERROR'],
      [true, 'BAD_RESPONSE'],
    ]);
  });

  it('aborts a streamed body without Content-Length once it passes maxBytes', async () => {
    let closedEarly = false;
    const { client } = await fakeClient((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent > 50 * 1024 * 1024) {
          closedEarly = res.destroyed;
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(chunk);
        sent += chunk.length;
      }, 1);
    });
    const error = await failure(client.get('huge.json', { maxBytes: 256 * 1024 }));
    expect(error.code).toBe('TICKOWEB_TOO_LARGE');
    await expect.poll(() => closedEarly).toBe(true);
  });

  it('answers TIMEOUT when the server does not answer in time, NETWORK when nobody listens', async () => {
    const { client, outcomes } = await fakeClient(() => undefined, { totalTimeoutMs: 200 });
    expect((await failure(client.list(''))).code).toBe('TIMEOUT');
    expect(outcomes).toEqual([{ ok: false, code: 'TIMEOUT', latencyMs: expect.any(Number) as number }]);

    const { fake } = await fakeClient(() => undefined);
    await fake.close();
    const orphan = new WebdavClient({ baseUrl: fake.url });
    closers.push(() => orphan.close());
    expect((await failure(orphan.get('a.json'))).code).toBe('NETWORK');
  });

  it('keeps at most `concurrency` requests in flight, over as many connections', async () => {
    const { client, fake } = await fakeClient(
      (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-length': '2' });
          res.end('{}');
        }, 20);
      },
      { concurrency: 3 },
    );
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => client.get(`${index}.json`)));
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(fake.maxInFlight()).toBe(3);
    expect(fake.connections()).toBeLessThanOrEqual(3);
  });

  it('frees its slot after failures, so later requests still run', async () => {
    const { client } = await fakeClient(
      (req, res) => {
        res.writeHead(req.url.includes('missing') ? 404 : 200);
        res.end('{}');
      },
      { concurrency: 1 },
    );
    for (let index = 0; index < 5; index++) expect((await failure(client.get('missing.json'))).code).toBe('TICKOWEB_NOT_FOUND');
    expect((await client.get('there.json')).status).toBe('ok');
  });
});

describe('TickowebTree (the test tree the servers serve)', () => {
  const snapshot = (root: string, tree: TickowebTree) =>
    tree.orders.map((order) => ({
      path: order.path,
      folder: mtimeMs(join(root, order.path)),
      customer: readFileSync(join(root, order.path, 'customer.json'), 'utf8'),
      details: readFileSync(join(root, order.path, 'details.json'), 'utf8'),
    }));

  it('is the same tree for the same seed, and another for another seed', () => {
    const [a, b, c] = [makeTempDir(), makeTempDir(), makeTempDir()];
    try {
      const first = TickowebTree.write(a.path, { seed: 5, ordersPerEvent: 30, bucketSize: 10 });
      const second = TickowebTree.write(b.path, { seed: 5, ordersPerEvent: 30, bucketSize: 10 });
      const other = TickowebTree.write(c.path, { seed: 6, ordersPerEvent: 30, bucketSize: 10 });
      expect(snapshot(b.path, second)).toEqual(snapshot(a.path, first));
      expect(snapshot(c.path, other)).not.toEqual(snapshot(a.path, first));
      first.changeOrders(10);
      second.changeOrders(10);
      expect(snapshot(b.path, second)).toEqual(snapshot(a.path, first));
    } finally {
      for (const dir of [a, b, c]) dir.remove();
    }
  });

  it("keeps every order folder's time at its newest file's, in whole seconds, through changes", () => {
    const temp = makeTempDir();
    try {
      const tree = TickowebTree.write(temp.path, { seed: 9, orgs: 3, ordersPerEvent: 40, bucketSize: 16 });
      tree.changeOrders(25);
      tree.addOrders(5);
      tree.deleteOrders(3);
      tree.writeMalformed(tree.orders[0], 'customer.json');
      expect(tree.orders).toHaveLength(3 * 40 + 5 - 3);
      for (const order of tree.orders) {
        const dir = join(temp.path, order.path);
        const newest = Math.max(mtimeMs(join(dir, 'customer.json')), mtimeMs(join(dir, 'details.json')));
        expect(statSync(dir).mtimeMs, order.path).toBe(newest);
        expect(newest).toBe(order.folderTime * 1000);
      }
      expect(() => tree.readCustomer(tree.orders[0]!)).toThrow(SyntaxError);
      // Names with diacritics, as the mapping and search tests need.
      const names = tree.orders.map((order) => `${tree.readDetails(order).orderNumber} ${order.id === tree.orders[0]!.id ? '' : tree.readCustomer(order).lastName}`);
      expect(names.some((name) => /[øæåüöäßë]/i.test(name))).toBe(true);
      expect(tree.clock * 1000).toBeLessThan(Date.now());
    } finally {
      temp.remove();
    }
  });
});
