import { describe, expect, it } from 'vitest';
import type {
  SimulatorCustomer,
  SimulatorDigitalProduct,
  SimulatorProductHistory,
} from '../../../src/main/venue-manager-simulator';
import { FIXED_VENUE_TIME, UID, jsonBody, ruleWorld, useSimulators } from './helpers';

async function history(base: string, id: number): Promise<SimulatorDigitalProduct> {
  const res = await fetch(`${base}/products/${id}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as SimulatorProductHistory;
  expect(body.digitalProductId).toBe(id);
  const product = body.orders[0]?.digitalProducts[0];
  if (product === undefined) throw new Error('history without the product');
  return product;
}

async function byUid(base: string, uid: string): Promise<SimulatorCustomer[]> {
  return (await (await fetch(`${base}/products?tokenUid=${uid}`)).json()) as SimulatorCustomer[];
}

describe('writes change the state', () => {
  const start = useSimulators();

  it('block: the history then shows the token blocked at venue wall-clock time, with an event', async () => {
    const { base } = await start({ data: ruleWorld() });
    const res = await fetch(`${base}/products/10/tokens/${UID.active}`, { method: 'DELETE', ...jsonBody({ reason: 'Card reported stolen.' }) });
    expect(res.status).toBe(204);

    const product = await history(base, 10);
    expect(product.tokens).toEqual([{ uid: UID.active, insertTime: '2026-05-01 10:00:00', invalidateTime: FIXED_VENUE_TIME }]);
    const event = product.events.at(-1);
    expect(event?.time).toBe(FIXED_VENUE_TIME);
    expect(event?.type).toBe('token');
    expect(event?.description).toContain(UID.active);
    expect(event?.description).toContain('Card reported stolen.');

    // Searching the wristband still finds it, now blocked.
    const [found] = await byUid(base, UID.active);
    expect(found?.orders[0]?.digitalProducts[0]?.tokens[0]?.invalidateTime).toBe(FIXED_VENUE_TIME);

    // Blocking again is the documented refusal (what an outbox replay will meet).
    const again = await fetch(`${base}/products/10/tokens/${UID.active}`, { method: 'DELETE' });
    expect(again.status).toBe(403);
  });

  it('block works without a body and on an invalidated product', async () => {
    const { base } = await start({ data: ruleWorld() });
    expect((await fetch(`${base}/products/12/tokens/${UID.onInvalidated}`, { method: 'DELETE' })).status).toBe(204);
    const product = await history(base, 12);
    expect(product.tokens[0]?.invalidateTime).toBe(FIXED_VENUE_TIME);
    expect(product.events.at(-1)?.description).toBe(`Token ${UID.onInvalidated} blocked.`);
  });

  it('replace: blocks the old token, adds the new one, and records one event', async () => {
    const { base } = await start({ data: ruleWorld() });
    const res = await fetch(`${base}/products/10/tokens/${UID.active}?newUid=${UID.fresh}`, {
      method: 'PUT',
      ...jsonBody({ reason: 'Chip cannot be read by scanners' }),
    });
    expect(res.status).toBe(204);
    const product = await history(base, 10);
    expect(product.tokens).toEqual([
      { uid: UID.active, insertTime: '2026-05-01 10:00:00', invalidateTime: FIXED_VENUE_TIME },
      { uid: UID.fresh, insertTime: FIXED_VENUE_TIME, invalidateTime: 'null' },
    ]);
    expect(product.events).toHaveLength(2);
    const event = product.events[1];
    expect(event?.type).toBe('token');
    expect(event?.description).toContain(UID.active);
    expect(event?.description).toContain(UID.fresh);
    expect(event?.description).toContain('Chip cannot be read by scanners');

    // The new wristband now identifies the product; a replay of the same call is refused.
    expect((await byUid(base, UID.fresh))[0]?.id).toBe(1);
    const replay = await fetch(`${base}/products/10/tokens/${UID.active}?newUid=${UID.fresh}`, { method: 'PUT' });
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('Specified token UID is already blocked on the digital product.');
  });

  it('add after finding a print@home ticket by its barcode', async () => {
    const { base } = await start({ data: ruleWorld() });
    const found = (await (await fetch(`${base}/products?barcode=000109028100000011`)).json()) as SimulatorCustomer[];
    const ticket = found[0]?.orders[0]?.digitalProducts[0];
    expect(ticket?.id).toBe(11);
    expect(ticket?.tokens).toEqual([]);

    const res = await fetch(`${base}/products/${ticket?.id}/tokens?uid=${UID.fresh}`, {
      method: 'POST',
      ...jsonBody({ reason: 'Print@Home ticket replaced with chip' }),
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    const [owner] = await byUid(base, UID.fresh);
    const product = owner?.orders[0]?.digitalProducts[0];
    expect(product?.id).toBe(11);
    expect(product?.tokens).toEqual([{ uid: UID.fresh, insertTime: FIXED_VENUE_TIME, invalidateTime: 'null' }]);
    expect(product?.events.at(-1)).toEqual({
      time: FIXED_VENUE_TIME,
      type: 'token',
      description: `Token ${UID.fresh} added. Reason: Print@Home ticket replaced with chip`,
    });

    // The product now has an active token: a second add is refused.
    const second = await fetch(`${base}/products/11/tokens?uid=${UID.fresh2}`, { method: 'POST' });
    expect(second.status).toBe(403);
  });

  it('a wristband blocked on one product can then be added to another', async () => {
    const { base } = await start({ data: ruleWorld() });
    const early = await fetch(`${base}/products/11/tokens?uid=${UID.elsewhere}`, { method: 'POST' });
    expect(early.status).toBe(403);
    expect((await fetch(`${base}/products/20/tokens/${UID.elsewhere}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/products/11/tokens?uid=${UID.elsewhere}`, { method: 'POST' })).status).toBe(204);
    const owners = await byUid(base, UID.elsewhere);
    expect(owners.map((c) => c.id)).toEqual([1, 2]);
  });

  it('comment: shown as a product event by default', async () => {
    const { sim, base } = await start({ data: ruleWorld() });
    const comment = 'Customer is rude and has received final warning.';
    const res = await fetch(`${base}/products/10/comment`, { method: 'POST', ...jsonBody({ comment }) });
    expect(res.status).toBe(204);
    expect((await history(base, 10)).events.at(-1)).toEqual({ time: FIXED_VENUE_TIME, type: 'comment', description: comment });
    expect(sim.comments()).toEqual([{ productId: 10, time: FIXED_VENUE_TIME, comment }]);
  });

  it('comment: stored but not visible in the history when commentsInHistory is false', async () => {
    const { sim, base } = await start({ data: ruleWorld(), commentsInHistory: false });
    const before = await history(base, 10);
    const res = await fetch(`${base}/products/10/comment`, { method: 'POST', ...jsonBody({ comment: 'Seen at gate B' }) });
    expect(res.status).toBe(204);
    expect(await history(base, 10)).toEqual(before);
    expect(sim.comments().map((c) => c.comment)).toEqual(['Seen at gate B']);
  });

  it('UTF-8 reasons and comments arrive intact', async () => {
    const { base } = await start({ data: ruleWorld() });
    const comment = 'Kunden fik nyt armbånd — ærgerligt! 😀';
    await fetch(`${base}/products/10/comment`, { method: 'POST', ...jsonBody({ comment }) });
    expect((await history(base, 10)).events.at(-1)?.description).toBe(comment);
  });
});

describe('state ownership and time', () => {
  const start = useSimulators();

  it('deep-copies the data it is given and hands out copies', async () => {
    const data = ruleWorld();
    const pristine = JSON.stringify(data);
    const { sim, base } = await start({ data });
    await fetch(`${base}/products/10/tokens/${UID.active}`, { method: 'DELETE' });
    expect(JSON.stringify(data)).toBe(pristine);

    const snapshot = sim.customers();
    const token = snapshot[0]?.orders[0]?.digitalProducts[0]?.tokens[0];
    expect(token?.invalidateTime).toBe(FIXED_VENUE_TIME);
    if (token !== undefined) token.invalidateTime = 'tampered';
    expect(sim.customers()[0]?.orders[0]?.digitalProducts[0]?.tokens[0]?.invalidateTime).toBe(FIXED_VENUE_TIME);
  });

  it('writes times in the venue time zone (winter time, and another zone)', async () => {
    const winter = (): Date => new Date('2026-01-15T12:00:00Z');
    const cph = await start({ data: ruleWorld(), clock: winter });
    await fetch(`${cph.base}/products/10/tokens/${UID.active}`, { method: 'DELETE' });
    expect((await history(cph.base, 10)).tokens[0]?.invalidateTime).toBe('2026-01-15 13:00:00');

    const london = await start({ data: ruleWorld(), clock: winter, venueTimeZone: 'Europe/London' });
    await fetch(`${london.base}/products/10/tokens/${UID.active}`, { method: 'DELETE' });
    expect((await history(london.base, 10)).tokens[0]?.invalidateTime).toBe('2026-01-15 12:00:00');
  });

  it('rejects an unknown time zone and duplicate product ids at construction', async () => {
    await expect(start({ data: [], venueTimeZone: 'Mars/Olympus' })).rejects.toThrow();
    const twice = [...ruleWorld(), ...ruleWorld().slice(0, 1).map((c) => ({ ...c, id: 99 }))];
    await expect(start({ data: twice })).rejects.toThrow(/appears twice/);
  });

  it('history returns only the requested product of a multi-product order, with the customer appended', async () => {
    const { base } = await start({ data: ruleWorld() });
    const body = (await (await fetch(`${base}/products/13`)).json()) as SimulatorProductHistory;
    expect(Object.keys(body)).toEqual(['digitalProductId', 'name', 'alias', 'invalidateTime', 'orders']);
    const order = body.orders[0];
    expect(Object.keys(order ?? {})).toEqual([
      'id', 'authorizedTime', 'billingAddress', 'deliveryAddress', 'digitalProducts', 'customerId', 'CustomerAddress',
    ]);
    expect(order?.digitalProducts.map((p) => p.id)).toEqual([13]);
    expect(order?.customerId).toBe(1);
    expect(order?.CustomerAddress.name).toBe('Mette Hansen');
  });
});
