import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import type { RequestOutcome } from '../../../src/main/venue-manager/VenueManagerClient';
import { ownerMatchesForUid } from '../../../src/main/venue-manager/productView';
import { startScriptedServer } from '../../support/scriptedServer';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/venue-manager/${name}`, import.meta.url), 'utf8');

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function clientFor(
  handle: Parameters<typeof startScriptedServer>[0],
  options: Partial<ConstructorParameters<typeof VenueManagerClient>[0]> = {},
) {
  const server = await startScriptedServer(handle);
  const outcomes: RequestOutcome[] = [];
  const client = new VenueManagerClient({
    baseUrl: server.url,
    authHeaders: () => ({ authorization: 'Bearer t0k' }),
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    onOutcome: (o) => outcomes.push(o),
    ...options,
  });
  closers.push(() => client.close(), server.close);
  return { client, server, outcomes };
}

const json = (status: number, body: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

describe('VenueManagerClient', () => {
  it('parses the documented search body: "null" strings, quoted alias, exact ids', async () => {
    const { client, server } = await clientFor(json(200, fixture('search-response.json')));
    const customers = await client.search({ tokenUid: '8768765876875' });
    expect(server.seen[0]!.url).toBe('/api/digital_product/products?tokenUid=8768765876875');
    expect(server.seen[0]!.headers.authorization).toBe('Bearer t0k');
    const product = customers[0]!.orders[0]!.digitalProducts[0]!;
    expect(product).toMatchObject({ id: 457, invalidateTime: null, alias: "'Walthers armbånd'" });
    expect(product.tokens[0]).toEqual({ uid: '8768765876875', insertTime: '2015-12-15 08:53:36', invalidateTime: null });
    const [match] = ownerMatchesForUid(customers, '8768765876875');
    expect(match).toMatchObject({ customerId: 38081, orderId: 76529, address: { name: 'Rakel Hovn', company: 'Combine A/S' } });
    expect(match!.product).toMatchObject({ valid: true, tokens: [{ active: true, blockedAt: null }] });
  });

  it('parses the documented history body', async () => {
    const { client } = await clientFor(json(200, fixture('product-history.json')));
    const history = await client.productHistory(457);
    expect(history).toMatchObject({ digitalProductId: 457, invalidateTime: null, orders: [{ customerId: 38081 }] });
  });

  it('encodes wildcards, spaces, æøå, +, &, / and ] in values', async () => {
    const { client, server } = await clientFor(json(200, '[]'));
    await client.search({ name: 'Søren * Ærø+Å&Co/1]', company: 'A*' });
    const query = new URL(`http://x${server.seen[0]!.url}`).searchParams;
    expect(query.get('name')).toBe('Søren * Ærø+Å&Co/1]');
    expect(query.get('company')).toBe('A*');
    expect(server.seen[0]!.url).not.toMatch(/[&]Co|\+Å/);
  });

  it('refuses locally: no criteria, street alone, non-numeric ids', async () => {
    const { client, server } = await clientFor(json(200, '[]'));
    await expect(client.search({})).rejects.toMatchObject({ code: 'VM_NO_CRITERIA' });
    await expect(client.search({ street: 'Dannebrogsgade *' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(client.search({ customerId: '12a' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(server.seen).toHaveLength(0);
  });

  it('maps the documented loose error body to its code', async () => {
    const { client } = await clientFor(json(404, fixture('error-body.as-documented.txt')));
    await expect(client.productHistory(1)).rejects.toMatchObject({ code: 'VM_UNKNOWN_PRODUCT' });
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['truncated JSON', fixture('search-response.json').slice(0, 300)],
    ['wrong types', '[{"id":"38081","orders":[]}]'],
    ['an id beyond exact integers', '[{"id":9007199254740993,"orders":[]}]'],
    ['an object instead of a list', '{"id":1}'],
  ])('a body that is %s becomes BAD_RESPONSE', async (_label, body) => {
    const { client } = await clientFor(json(200, body));
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('tolerates missing optional fields and ignores unknown ones', async () => {
    const { client } = await clientFor(json(200, '[{"id":1,"extra":true,"orders":[{"id":2,"digitalProducts":[{"id":3,"tokens":[{"uid":"04AA"}],"x":1}]}]}]'));
    const [customer] = await client.search({ name: 'x' });
    expect(customer!.address).toBeUndefined();
    expect(customer!.orders[0]!.digitalProducts[0]).toMatchObject({ id: 3, name: null, events: [], tokens: [{ uid: '04AA', invalidateTime: null }] });
  });

  it('refuses a body over the size limit (10 MB sent, 1 MB allowed)', async () => {
    const big = `[${'{"id":1,"orders":[]},'.repeat(500_000)}{"id":1,"orders":[]}]`;
    const { client } = await clientFor(json(200, big), { maxBodyBytes: 1024 * 1024 });
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('retries GETs on 5xx, then succeeds', async () => {
    const { client, server, outcomes } = await clientFor((_req, res, index) => {
      res.writeHead(index < 2 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(index < 2 ? '<html>busy</html>' : '[]');
    });
    await expect(client.search({ name: 'x' })).resolves.toEqual([]);
    expect(server.seen).toHaveLength(3);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, true]);
  });

  it('gives up after the retries with SERVER_ERROR', async () => {
    const { client, server } = await clientFor(json(502, ''), { getRetries: 1 });
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(server.seen).toHaveLength(2);
  });

  it("passes a 503's Retry-After on with the error, for whoever retries (writes are never retried here)", async () => {
    const { client, server } = await clientFor((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"error":"maintenance"}');
    });
    await expect(client.blockToken(5, '04A2B3C4D5E6C1', 'Lost')).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      details: { status: 503, retryAfter: '7' },
    });
    expect(server.seen).toHaveLength(1);
  });

  it('never retries a 401', async () => {
    const { client, server, outcomes } = await clientFor(json(401, '{"error":"expired"}'));
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(server.seen).toHaveLength(1);
    expect(outcomes).toMatchObject([{ ok: false, code: 'UNAUTHORIZED' }]);
  });

  it('times out a server that never answers', async () => {
    const { client } = await clientFor(() => {}, { totalTimeoutMs: 200, getRetries: 0 });
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const client = new VenueManagerClient({ baseUrl: 'http://127.0.0.1:1/api', authHeaders: () => ({}), getRetries: 0 });
    closers.push(() => client.close());
    await expect(client.search({ name: 'x' })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
