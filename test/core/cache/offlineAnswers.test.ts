import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { silentLog } from '../../../src/main/core/Log';
import { NOT_INVALIDATED, generateDemoData } from '../../../src/main/venue-manager-simulator';
import { startTestCore } from '../../support/startTestCore';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('answers from the cache when Venue Manager cannot be reached', () => {
  it('a band, a search and a product seen before are answered offline with their age; the rest says why not', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const call = (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog);
    const samples = (await call('reader.samples', {})) as { result: { uid: string; kind: string }[] };
    const uid = samples.result.find((s) => s.kind === 'active')!.uid;

    const online = (await call('identify.lookup', { uid })) as { result: { kind: string; matches: { address: { name: string }; product: { id: number } }[] } };
    expect(online.result.kind).toBe('found');
    const owner = online.result.matches[0]!.address.name;
    const productId = online.result.matches[0]!.product.id;
    const surname = owner.split(' ').at(-1)!;
    expect(await call('venueManager.product', { productId })).toMatchObject({ ok: true });
    expect(online.result).not.toHaveProperty('cachedAt');

    await call('admin.setPin', { pin: '2468' });
    await call('settings.update', { workOffline: true });

    const offline = await call('identify.lookup', { uid });
    expect(offline).toMatchObject({ ok: true, result: { kind: 'found', cachedAt: Date.UTC(2026, 6, 4, 12), matches: [{ address: { name: owner } }] } });
    const searched = (await call('venueManager.search', { name: `* ${surname}` })) as { result: { cachedAt: number; hits: { address: { name: string } }[] } };
    expect(searched.result.cachedAt).toBe(Date.UTC(2026, 6, 4, 12));
    expect(searched.result.hits.map((hit) => hit.address.name)).toContain(owner);
    expect(await call('venueManager.product', { productId })).toMatchObject({ ok: true, result: { cachedAt: Date.UTC(2026, 6, 4, 12), match: { product: { id: productId } } } });

    // Not in the cache: the desk says it cannot know, not "not found".
    expect(await call('identify.lookup', { uid: '04DEADBEEF0101' })).toMatchObject({ ok: false, error: { code: 'OFFLINE_FORCED' } });
    expect(await call('venueManager.search', { street: 'Havnegade', name: 'A*' })).toMatchObject({ ok: false, error: { code: 'OFFLINE_NOT_ANSWERABLE' } });

    // Clearing local data forgets the cache too.
    const before = (await call('cache.summary', {})) as { result: { products: number; customers: number; oldestFetchedAt?: number } };
    expect(before.result.customers).toBeGreaterThan(0);
    expect(before.result.oldestFetchedAt).toBe(Date.UTC(2026, 6, 4, 12));
    const cleared = (await call('data.clear', {})) as { result: { products: number } };
    expect(cleared.result.products).toBe(before.result.products);
    expect(await call('cache.summary', {})).toEqual({ ok: true, result: { customers: 0, products: 0, tokens: 0 } });
    expect(await call('identify.lookup', { uid })).toMatchObject({ ok: false, error: { code: 'OFFLINE_FORCED' } });
  });
});

describe('prepare for offline (prewarm)', () => {
  it('fetches products by barcode with progress, so their bands are known offline', async () => {
    const { core, stop } = await startTestCore();
    stops.push(stop);
    const call = (method: string, params: unknown) => dispatch(core.handlers, method, params, silentLog);
    const products = generateDemoData({ seed: 2026 })
      .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts))
      .filter((p) => p.barcode !== '' && p.tokens.some((t) => t.invalidateTime === NOT_INVALIDATED))
      .slice(0, 3);
    const progress: unknown[] = [];
    core.events.subscribe((event) => event.event === 'syncProgress' && progress.push(event.payload));

    expect(await call('cache.prewarm', { kind: 'barcode', values: ['1'] })).toMatchObject({ ok: false, error: { code: 'ADMIN_PIN_NOT_SET' } });
    await call('admin.setPin', { pin: '2468' });
    const report = await call('cache.prewarm', { kind: 'barcode', values: [...products.map((p) => p.barcode), '999999999999999999'] });
    expect(report).toMatchObject({ ok: true, result: { total: 4, done: 4, failed: 0, empty: 1, cancelled: false } });
    expect((report as { result: { products: number } }).result.products).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toEqual({ job: 'prewarm', phase: 'finished', done: 4, total: 4, finished: true });
    expect(progress.length).toBeGreaterThanOrEqual(2);

    await call('settings.update', { workOffline: true });
    const band = products[0]!.tokens.find((t) => t.invalidateTime === NOT_INVALIDATED)!.uid;
    expect(await call('identify.lookup', { uid: band })).toMatchObject({ ok: true, result: { kind: 'found', cachedAt: Date.UTC(2026, 6, 4, 12) } });
  });
});
