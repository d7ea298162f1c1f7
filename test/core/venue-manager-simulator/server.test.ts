import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { VenueManagerSimulator, documentedCustomer } from '../../../src/main/venue-manager-simulator';
import { UID, documentedErrorBody, fixture, jsonBody, ruleWorld, useSimulators } from './helpers';

describe('documented bodies, byte for byte', () => {
  const start = useSimulators();

  it('GET /products?tokenUid=8768765876875 returns exactly search-response.json', async () => {
    const { base } = await start({ data: [documentedCustomer()] });
    const res = await fetch(`${base}/products?tokenUid=8768765876875`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await res.text();
    expect(body).toBe(fixture('search-response.json'));
    expect(body.endsWith(']')).toBe(true); // the fixture has no trailing newline
  });

  it('GET /products/457 returns exactly product-history.json', async () => {
    const { base } = await start({ data: [documentedCustomer()] });
    const res = await fetch(`${base}/products/457`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe(fixture('product-history.json'));
  });

  it('serialises in the documented key order even when the data was given in another order', async () => {
    const shuffled = JSON.parse(
      JSON.stringify(documentedCustomer(), (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as ReturnType<typeof documentedCustomer>;
    expect(Object.keys(shuffled)[0]).toBe('orders');
    const { base } = await start({ data: [shuffled] });
    expect(await (await fetch(`${base}/products?customerId=38081`)).text()).toBe(fixture('search-response.json'));
  });

  it('the loose error body is exactly error-body.as-documented.txt (trailing newline included)', async () => {
    const { base } = await start({ data: [documentedCustomer()] });
    const res = await fetch(`${base}/products/458`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await res.text();
    expect(body).toBe(fixture('error-body.as-documented.txt'));
    expect(() => JSON.parse(body) as unknown).toThrow(); // really not strict JSON
  });

  it("errorBodyStyle 'json' gives strict JSON error bodies", async () => {
    const { base } = await start({ data: [documentedCustomer()], errorBodyStyle: 'json' });
    const res = await fetch(`${base}/products/458`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"error":"Unknown digital product ID."}');
    const none = await fetch(`${base}/products`);
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: 'No arguments specified' });
  });

  it('answers a successful write with 204 and an empty body', async () => {
    const { base } = await start({ data: ruleWorld() });
    const res = await fetch(`${base}/products/10/tokens/${UID.active}`, { method: 'DELETE', ...jsonBody({ reason: 'Lost' }) });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
  });

  it('answers a search without hits with an empty array', async () => {
    const { base } = await start({ data: [documentedCustomer()] });
    const res = await fetch(`${base}/products?tokenUid=${UID.unknown}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('[]');
  });
});

describe('HTTP server', () => {
  const start = useSimulators();

  it('listens on 127.0.0.1 only', async () => {
    const { sim, base } = await start({ data: [] });
    const address = sim.address();
    expect(address?.address).toBe('127.0.0.1');
    expect(address?.family).toBe('IPv4');
    expect(base).toBe(`http://127.0.0.1:${address?.port}/api/digital_product`);
    // Another interface of this machine (if it has one) must not reach the server.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external !== undefined && address !== undefined) {
      await expect(fetch(`http://${external.address}:${address.port}/api/digital_product/products/1`)).rejects.toThrow();
    }
  });

  it('stop() closes keep-alive connections and frees the port', async () => {
    const sim = new VenueManagerSimulator({ data: [documentedCustomer()] });
    const base = await sim.start(0);
    expect((await fetch(`${base}/products/457`, { headers: { connection: 'keep-alive' } })).status).toBe(200);
    const began = Date.now();
    await sim.stop();
    expect(Date.now() - began).toBeLessThan(2000);
    expect(sim.address()).toBeUndefined();
    await expect(fetch(`${base}/products/457`)).rejects.toThrow();
    await sim.stop(); // idempotent
  });

  it('refuses a second start while running', async () => {
    const { sim } = await start({ data: [] });
    await expect(sim.start(0)).rejects.toThrow(/already started/);
  });

  it('serves under a configured base path', async () => {
    const { base } = await start({ data: [documentedCustomer()], basePath: '/vm/api/' });
    expect(base.endsWith('/vm/api')).toBe(true);
    expect((await fetch(`${base}/products/457`)).status).toBe(200);
    expect((await fetch(base.replace('/vm/api', '/api/digital_product') + '/products/457')).status).toBe(404);
  });

  it('answers unknown routes with 404 Not found and wrong methods with 405', async () => {
    const { base } = await start({ data: ruleWorld(), errorBodyStyle: 'json' });
    const origin = new URL(base).origin;
    for (const url of [`${origin}/`, `${origin}/api/other/products`, base, `${base}/`, `${base}/orders`,
      `${base}/products/10/history`, `${base}/products/10/tokens/${UID.active}/extra`, `${base}/products/`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(404);
      expect(await res.json()).toEqual({ error: 'Not found' });
    }
    const wrong: [string, string, string][] = [
      ['POST', '/products', 'GET'],
      ['DELETE', '/products/10', 'GET'],
      ['GET', '/products/10/comment', 'POST'],
      ['GET', '/products/10/tokens', 'POST'],
      ['PATCH', `/products/10/tokens/${UID.active}`, 'DELETE, PUT'],
    ];
    for (const [method, path, allow] of wrong) {
      const res = await fetch(`${base}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toEqual({ error: 'Method not allowed' });
    }
  });

  it('answers a malformed JSON body with 400 and changes nothing', async () => {
    const { sim, base } = await start({ data: ruleWorld(), errorBodyStyle: 'json' });
    const before = sim.customers();
    const bad: [string, string, string][] = [
      ['DELETE', `/products/10/tokens/${UID.active}`, '{reason: "lost"}'],
      ['POST', '/products/10/comment', '{"comment": "unterminated'],
      ['POST', `/products/11/tokens?uid=${UID.fresh}`, '["a list"]'],
      ['PUT', `/products/10/tokens/${UID.active}?newUid=${UID.fresh}`, '{"reason": 42}'],
      ['POST', '/products/10/comment', '{"comment": 7}'],
    ];
    for (const [method, path, body] of bad) {
      const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
      expect(res.status, `${method} ${path} ${body}`).toBe(400);
      expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string');
    }
    expect(sim.customers()).toEqual(before);
  });

  it('keeps error bodies of every kind in the configured style', async () => {
    const { base } = await start({ data: ruleWorld() });
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(documentedErrorBody('Not found'));
  });

  it('records every request, refused ones included', async () => {
    const { sim, base } = await start({ data: ruleWorld() });
    await fetch(`${base}/products?name=Mette%20*&tokenUid=${UID.active}`, { headers: { authorization: 'Bearer abc' } });
    await fetch(`${base}/products/10/tokens/${UID.active}`, { method: 'DELETE', ...jsonBody({ reason: 'Card reported stolen.' }) });
    await fetch(`${base}/products/10/tokens/${UID.active}?newUid=${UID.fresh}`, { method: 'PUT', ...jsonBody({ reason: 'Broken chip' }) });
    await fetch(`${base}/nowhere`);

    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([
      ['GET', 200],
      ['DELETE', 204],
      ['PUT', 403],
      ['GET', 404],
    ]);
    const [search, block, replace, lost] = sim.requests;
    expect(search?.path).toBe('/api/digital_product/products');
    expect(search?.query).toEqual({ name: 'Mette *', tokenUid: UID.active });
    expect(search?.headers['authorization']).toBe('Bearer abc');
    expect(search?.body).toBe('');
    expect(block?.path).toBe(`/api/digital_product/products/10/tokens/${UID.active}`);
    expect(block?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(block?.body ?? '')).toEqual({ reason: 'Card reported stolen.' });
    expect(replace?.query).toEqual({ newUid: UID.fresh });
    expect(JSON.parse(replace?.body ?? '')).toEqual({ reason: 'Broken chip' });
    expect(lost?.path).toBe('/api/digital_product/nowhere');
    expect(search?.at).toEqual(new Date('2026-07-03T12:34:56Z'));

    sim.clearRequests();
    expect(sim.requests).toHaveLength(0);
    await fetch(`${base}/products/10`);
    expect(sim.requests).toHaveLength(1);
  });
});
