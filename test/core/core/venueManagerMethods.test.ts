import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/Core';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { generateDemoData } from '../../../src/main/venue-manager-simulator';
import { startTestCore } from '../../support/startTestCore';

// The demo core is seeded: the same people as generateDemoData with its default seed.
const demo = generateDemoData({ seed: 2026 });
let core: Core;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ core, stop } = await startTestCore());
});
afterAll(() => stop());

const call = (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog);

describe('venueManager.search and venueManager.product', () => {
  it('a name search with a wildcard finds the person, one hit per product', async () => {
    const person = demo.find((c) => c.orders.some((o) => o.digitalProducts.length > 1))!;
    const surname = person.address.name.split(' ').at(-1)!;
    const outcome = await call('venueManager.search', { name: `* ${surname}` });
    expect(outcome.ok).toBe(true);
    const hits = (outcome as { result: { hits: { customerId: number; product: { id: number } }[] } }).result.hits;
    const theirs = person.orders.flatMap((o) => o.digitalProducts.map((p) => p.id));
    expect(hits.filter((h) => h.customerId === person.id).map((h) => h.product.id).sort()).toEqual([...theirs].sort());
  });

  it('refuses a search without criteria, or with street alone, before asking the server', async () => {
    expect(await call('venueManager.search', {})).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await call('venueManager.search', { street: 'Hjortøvej *' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('opens a product with its owner from the history', async () => {
    const customer = demo[5]!;
    const product = customer.orders[0]!.digitalProducts[0]!;
    const outcome = await call('venueManager.product', { productId: product.id });
    expect(outcome).toMatchObject({
      ok: true,
      result: { match: { customerId: customer.id, address: { name: customer.address.name }, product: { id: product.id } } },
    });
  });

  it('an unknown product is the documented error, as its code', async () => {
    expect(await call('venueManager.product', { productId: 987654321 })).toMatchObject({ ok: false, error: { code: 'VM_UNKNOWN_PRODUCT' } });
  });
});
