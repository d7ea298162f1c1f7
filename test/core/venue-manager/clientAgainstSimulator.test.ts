import { afterEach, describe, expect, it } from 'vitest';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer, SimulatorDigitalProduct, SimulatorAuth } from '../../../src/main/venue-manager-simulator';
import { EnvironmentSecretStore } from '../../../src/main/secrets/EnvironmentSecretStore';
import { venueManagerAuthHeaders } from '../../../src/main/venue-manager/authHeaders';
import { documentedErrorCodes } from '../../../src/main/venue-manager/ErrorBody';
import { ownerMatchesForUid } from '../../../src/main/venue-manager/productView';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import type { VenueManagerSettings } from '../../../src/shared/settings';
import { specProblems } from '../../support/openApiConformance';

const basePath = '/api/digital_product';
const running: { sim: VenueManagerSimulator; client: VenueManagerClient }[] = [];

afterEach(async () => {
  for (const { sim, client } of running.splice(0)) {
    // Every request the client sent in the test must be one the API documents.
    for (const request of sim.requests) {
      expect(specProblems({ ...request, path: request.path.slice(basePath.length) }), `${request.method} ${request.path}`).toEqual([]);
    }
    await client.close();
    await sim.stop();
  }
});

async function start(options: { auth?: SimulatorAuth; authHeaders?: () => Record<string, string> } = {}) {
  const data = generateDemoData({ seed: 11, customers: 80 });
  // The API cannot create a product with two active wristbands, but servers have them (legacy
  // data): plant one so the "more than one active token" rule is always exercised.
  const planted = products(data).filter(oneActive)[1]!;
  planted.tokens.push({ uid: '04AB5E00000002', insertTime: '2026-01-01 10:00:00', invalidateTime: NOT_INVALIDATED });
  const sim = new VenueManagerSimulator({ data, clock: () => new Date('2026-07-03T12:00:00Z'), ...(options.auth ? { auth: options.auth } : {}) });
  const client = new VenueManagerClient({ baseUrl: await sim.start(0), authHeaders: options.authHeaders ?? (() => ({})), getRetries: 0 });
  running.push({ sim, client });
  return { sim, client, data };
}

function products(data: readonly SimulatorCustomer[]): SimulatorDigitalProduct[] {
  return data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
}
const active = (p: SimulatorDigitalProduct) => p.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED);
const valid = (p: SimulatorDigitalProduct) => p.invalidateTime === NOT_INVALIDATED;
function find(data: readonly SimulatorCustomer[], test: (p: SimulatorDigitalProduct) => boolean): SimulatorDigitalProduct {
  const product = products(data).find(test);
  if (product === undefined) throw new Error('demo data lacks the product this test needs');
  return product;
}
const oneActive = (p: SimulatorDigitalProduct) => valid(p) && active(p).length === 1;
const noActive = (p: SimulatorDigitalProduct) => valid(p) && active(p).length === 0 && p.barcode !== '';

const freshUid = (n: number) => `04FEED${String(n).padStart(8, '0')}`;

describe('VenueManagerClient against the simulator', () => {
  it('identify: a token UID finds its owner and product', async () => {
    const { client, data } = await start();
    const product = find(data, oneActive);
    const uid = active(product)[0]!.uid;
    const matches = ownerMatchesForUid(await client.search({ tokenUid: uid }), uid);
    expect(matches.map((m) => m.product.id)).toContain(product.id);
  });

  it('block sends the reason in the body; the history shows the token blocked; a second block is refused', async () => {
    const { client, sim, data } = await start();
    const product = find(data, oneActive);
    const uid = active(product)[0]!.uid;
    await client.blockToken(product.id, uid, 'Lost at the main stage');
    const blocked = (await client.productHistory(product.id)).orders[0]!.digitalProducts.find((p) => p.id === product.id)!;
    expect(blocked.tokens.find((t) => t.uid === uid)!.invalidateTime).not.toBeNull();
    expect(JSON.parse(sim.requests.find((r) => r.method === 'DELETE')!.body)).toEqual({ reason: 'Lost at the main stage' });
    await expect(client.blockToken(product.id, uid, 'again')).rejects.toMatchObject({ code: 'VM_TOKEN_ALREADY_BLOCKED' });
  });

  it('replace: old blocked, new active, reason sent', async () => {
    const { client, sim, data } = await start();
    const product = find(data, oneActive);
    const old = active(product)[0]!.uid;
    await client.replaceToken(product.id, old, freshUid(1), 'Chip cannot be read');
    const after = ownerMatchesForUid(await client.search({ tokenUid: freshUid(1) }), freshUid(1))[0]!;
    expect(after.product.tokens.find((t) => t.uid === freshUid(1))!.active).toBe(true);
    expect(after.product.tokens.find((t) => t.uid === old)!.active).toBe(false);
    const put = sim.requests.find((r) => r.method === 'PUT')!;
    expect(put.query).toEqual({ newUid: freshUid(1) });
    expect(JSON.parse(put.body)).toEqual({ reason: 'Chip cannot be read' });
  });

  it('add after finding the product by barcode; the same wristband cannot go on a second product', async () => {
    const { client, data } = await start();
    const product = find(data, noActive);
    const [customer] = await client.search({ barcode: product.barcode });
    expect(customer!.orders.flatMap((o) => o.digitalProducts).map((p) => p.id)).toContain(product.id);
    await client.addToken(product.id, freshUid(2), 'Print@home ticket exchanged for a chip');
    const other = find(data, (p) => p.id !== product.id && noActive(p));
    await expect(client.addToken(other.id, freshUid(2), 'x')).rejects.toMatchObject({ code: 'VM_TOKEN_ACTIVE_ELSEWHERE' });
  });

  it('comment on an active product; refused on an invalidated one', async () => {
    const { client, sim, data } = await start();
    await client.comment(find(data, oneActive).id, 'Guest was rude;\nfinal warning.');
    expect(JSON.parse(sim.requests.at(-1)!.body)).toEqual({ comment: 'Guest was rude;\nfinal warning.' });
    await expect(client.comment(find(data, (p) => !valid(p)).id, 'note')).rejects.toMatchObject({ code: 'VM_PRODUCT_INVALIDATED' });
  });

  it('every documented error reaches the desk as its code', async () => {
    const { client, sim, data } = await start();
    const one = find(data, oneActive);
    const oneUid = active(one)[0]!.uid;
    const none = find(data, noActive);
    const invalid = find(data, (p) => !valid(p) && p.tokens.length > 0);
    const two = find(data, (p) => valid(p) && active(p).length >= 2);
    const otherUid = active(find(data, (p) => p.id !== one.id && oneActive(p)))[0]!.uid;
    const scenarios: [string, () => Promise<unknown>][] = [
      ['Unknown digital product ID.', () => client.productHistory(999_999_999)],
      ['The digital product is invalidated.', () => client.addToken(invalid.id, freshUid(3), 'r')],
      ['The digital product already has an active token.', () => client.addToken(one.id, freshUid(4), 'r')],
      ['Token is active on another digital product.', () => client.addToken(none.id, oneUid, 'r')],
      ['New token is active on another digital product.', () => client.replaceToken(one.id, oneUid, otherUid, 'r')],
      ['Unknown token UID for the digital product.', () => client.blockToken(one.id, freshUid(5), 'r')],
      ['The digital product has more than one active token.', () => client.replaceToken(two.id, active(two)[0]!.uid, freshUid(6), 'r')],
      ['Specified token UID is already blocked on the digital product.', async () => {
        await client.blockToken(one.id, oneUid, 'r');
        return client.blockToken(one.id, oneUid, 'r');
      }],
    ];
    expect(new Set([...scenarios.map(([m]) => m), 'No arguments specified', 'No UID specified.', 'No newUid specified.', 'No empty comments!'])).toEqual(
      new Set(Object.keys(documentedErrorCodes)),
    );
    for (const [message, run] of scenarios) {
      await expect(run(), message).rejects.toMatchObject({ code: documentedErrorCodes[message] });
    }
    // The rest are refused before sending, with the code the server's message would have had.
    const sent = sim.requests.length;
    await expect(client.search({})).rejects.toMatchObject({ code: documentedErrorCodes['No arguments specified'] });
    await expect(client.addToken(none.id, ' ', 'r')).rejects.toMatchObject({ code: documentedErrorCodes['No UID specified.'] });
    await expect(client.replaceToken(one.id, oneUid, '', 'r')).rejects.toMatchObject({ code: documentedErrorCodes['No newUid specified.'] });
    await expect(client.comment(one.id, '  \n ')).rejects.toMatchObject({ code: documentedErrorCodes['No empty comments!'] });
    await expect(client.blockToken(one.id, oneUid, '   ')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(sim.requests.length).toBe(sent);
  });

  it('search values with wildcards and special characters arrive intact', async () => {
    const { client, sim } = await start();
    await client.search({ name: 'Søren * Ærø+Å&Co/1]', company: 'Nordlys*', street: 'Hjortø*' });
    expect(sim.requests.at(-1)!.query).toEqual({ name: 'Søren * Ærø+Å&Co/1]', company: 'Nordlys*', street: 'Hjortø*' });
  });

  it.each<[VenueManagerSettings['authMode'], SimulatorAuth, Record<string, string>]>([
    ['bearer', { kind: 'bearer', token: 'jwt.abc' }, { WRISTDESK_VM_BEARER_TOKEN: 'jwt.abc' }],
    ['basic', { kind: 'basic', username: 'desk', password: 'pæssword' }, { WRISTDESK_VM_BASIC_PASSWORD: 'pæssword' }],
    ['header', { kind: 'header', name: 'X-Api-Key', value: 'k3y' }, { WRISTDESK_VM_HEADER_VALUE: 'k3y' }],
  ])('auth mode %s: accepted with the secret, UNAUTHORIZED without', async (authMode, auth, env) => {
    const settings: VenueManagerSettings = { baseUrl: 'x', authMode, basicUsername: 'desk', headerName: 'X-Api-Key', historyShowsComments: false };
    const withSecret = await start({ auth, authHeaders: () => venueManagerAuthHeaders(settings, new EnvironmentSecretStore(env)) });
    await expect(withSecret.client.search({ name: 'A*' })).resolves.toBeInstanceOf(Array);
    const without = await start({ auth, authHeaders: () => venueManagerAuthHeaders(settings, new EnvironmentSecretStore({})) });
    await expect(without.client.search({ name: 'A*' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
