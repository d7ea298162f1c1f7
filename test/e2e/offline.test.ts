import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../src/main/venue-manager-simulator';
import type { SimulatorCustomer, SimulatorDigitalProduct } from '../../src/main/venue-manager-simulator';
import { screenshotDir, useBrowserModeApp } from './support/BrowserModeApp';
import { typeAsReader } from './support/readerKeys';

/**
 * The desk loses Venue Manager (the server is stopped), keeps serving from its cache and queues
 * what the volunteer does; when the server is back the queue is sent by itself, and the one
 * action another desk made impossible meanwhile waits in the Outbox view for a person.
 */
const data = generateDemoData({ seed: 31, customers: 120 });
const products = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => ({ owner: c.address.name, product: p }))));
const nxp = /^04[0-9A-F]{12}$/;
const valid = (p: SimulatorDigitalProduct) => p.invalidateTime === NOT_INVALIDATED;
const activeUids = (p: SimulatorDigitalProduct) => p.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED).map((t) => t.uid);
const withOneActive = products.filter(({ product }) => valid(product) && activeUids(product).length === 1 && nxp.test(activeUids(product)[0]!));
const first = withOneActive[0]!;
const second = withOneActive.find(({ owner }) => owner !== first.owner)!;
const bandA = activeUids(first.product)[0]!;
const bandB = activeUids(second.product)[0]!;
/** A product whose only wristband was blocked: a new one may be added. */
const third = products.find(
  ({ product }) => valid(product) && activeUids(product).length === 0 && product.tokens.some((t) => nxp.test(t.uid)),
)!;
const bandC = third.product.tokens.find((t) => nxp.test(t.uid))!.uid;
const bandX = '04E2E0FF000001';
const bandY = '04E2E0FF000002';

let simulator: VenueManagerSimulator;
let port = 0;

async function startVenueManager(change: (data: SimulatorCustomer[]) => void = () => {}): Promise<string> {
  const copy = structuredClone(data);
  change(copy);
  simulator = new VenueManagerSimulator({ data: copy });
  const url = await simulator.start(port);
  port = Number(new URL(url).port);
  return url;
}

let venueManagerUrl = '';
beforeAll(async () => {
  venueManagerUrl = await startVenueManager();
});
afterAll(async () => {
  await simulator.stop();
});

const app = useBrowserModeApp({ open: true });

async function tap(uid: string): Promise<void> {
  await typeAsReader(app.page, uid);
  await app.page.waitForFunction((u) => document.querySelector('[data-testid=identify-uid]')?.textContent.includes(u) === true, uid);
  await app.page.getByTestId('identify-owner-name').first().waitFor();
}

async function confirmWithReason(reason: string): Promise<void> {
  await app.page.getByTestId('action-reason-text').fill(reason);
  await app.page.getByTestId('action-confirm').click();
  await app.page.getByTestId('action-result').waitFor();
}

async function attribute(testId: string, name: string): Promise<string | null> {
  return app.page.getByTestId(testId).first().getAttribute(name);
}

const writes = () => simulator.requests.filter((r) => r.method !== 'GET');

describe('offline desk (Chromium, a Venue Manager that goes away and comes back)', () => {
  it('is set up against the Venue Manager and signed in; the three wristbands are looked up online', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-vm-baseurl').fill(venueManagerUrl);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.getByTestId('nav-identify').click();
    await page.getByTestId('operator-signin-name').fill('Mette Hansen');
    await page.getByTestId('operator-signin-submit').click();
    await page.getByTestId('operator-name').waitFor();
    for (const uid of [bandA, bandB, bandC]) await tap(uid);
    expect(await page.getByTestId('cached-notice').count()).toBe(0);
  });

  it('offline: the owner comes from the cache with its age; a block and a comment are "queued"', async () => {
    const { page } = app;
    await simulator.stop();
    // The same band again within the reader's duplicate window (2 s) is one tap held, not two.
    await page.waitForTimeout(2100);

    await tap(bandA);
    await page.getByTestId('cached-notice').waitFor();
    expect(await page.getByTestId('identify-owner-name').first().textContent()).toBe(first.owner);
    await page.getByTestId('action-block').first().click();
    await confirmWithReason('Lost at the campsite');
    expect(await attribute('action-result', 'data-queued')).toBe('true');
    expect([await attribute('token-status', 'data-state'), await attribute('token-status', 'data-pending')]).toEqual(['blocked', 'block']);
    await page.getByTestId('pending-action').first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=status-connectivity]')?.getAttribute('data-state') === 'offline');
    await page.waitForFunction(() => document.querySelector('[data-testid=status-outbox]')?.getAttribute('data-pending') === '1');
    // The view scrolls inside the window: a taller window shows the queued marks and the result line too.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1366, height: 1150 });
    await page.screenshot({ path: `${screenshotDir}/offline-queued.png` });
    if (viewport !== null) await page.setViewportSize(viewport);

    await tap(bandB);
    await page.getByTestId('cached-notice').waitFor();
    await page.getByTestId('action-comment').click();
    await page.getByTestId('action-reason-text').fill('Guest will pick up a refund tomorrow');
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('action-result').waitFor();
    expect(await attribute('action-result', 'data-queued')).toBe('true');

    // A new band for the product whose band was blocked — another desk will beat us to it.
    await tap(bandC);
    await page.getByTestId('action-add').click();
    await typeAsReader(page, bandX);
    await confirmWithReason('New wristband from the info tent');
    expect(await attribute('action-result', 'data-queued')).toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid=status-outbox]')?.getAttribute('data-pending') === '3');
    expect(writes()).toEqual([]);
  });

  it('back online: the queue is sent by itself, the status bar returns to online, one conflict waits for a person', async () => {
    const { page } = app;
    // Meanwhile another desk put band X on someone else's product.
    await startVenueManager((copy) => {
      const other = copy
        .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts))
        .find((p) => valid(p) && activeUids(p).length === 0 && p.id !== third.product.id)!;
      other.tokens.push({ uid: bandX, insertTime: '2026-07-03 10:00:00', invalidateTime: NOT_INVALIDATED });
    });
    await page.waitForFunction(() => document.querySelector('[data-testid=status-connectivity]')?.getAttribute('data-state') === 'online', null, {
      timeout: 45_000,
    });
    await page.waitForFunction(
      () => {
        const outbox = document.querySelector('[data-testid=status-outbox]');
        return outbox?.getAttribute('data-pending') === '0' && outbox.getAttribute('data-need-person') === '1';
      },
      null,
      { timeout: 15_000 },
    );
    const sent = writes().map((r) => [r.method, r.path.replace(/^.*\/products\//, ''), r.query.uid ?? '', r.status, JSON.parse(r.body) as unknown]);
    expect(sent).toEqual([
      ['DELETE', `${first.product.id}/tokens/${bandA}`, '', 204, { reason: 'Lost at the campsite' }],
      ['POST', `${second.product.id}/comment`, '', 204, { comment: 'Guest will pick up a refund tomorrow' }],
      ['POST', `${third.product.id}/tokens`, bandX, 403, { reason: 'New wristband from the info tent' }],
    ]);
  }, 70_000);

  it('the conflict, with the server’s words, is edited in the Outbox view (another band) and then sent', async () => {
    const { page } = app;
    await page.getByTestId('nav-outbox').click();
    const row = page.locator('[data-testid=outbox-row][data-state=conflict]');
    await row.waitFor();
    expect(await row.getByTestId('outbox-server-words').textContent()).toMatch(/\S/);
    await page.screenshot({ path: `${screenshotDir}/outbox-conflict.png` });
    await row.getByTestId('outbox-edit').click();
    await page.getByTestId('outbox-edit-uid').fill(bandY);
    await page.getByTestId('outbox-edit-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=status-outbox]')?.getAttribute('data-need-person') === '0');
    await page.waitForFunction(() => document.querySelector('[data-testid=status-outbox]')?.getAttribute('data-pending') === '0');
    const added = simulator.requests.filter((r) => r.method === 'POST' && r.query.uid === bandY);
    expect(added.map((r) => r.status)).toEqual([204]);
    const product = simulator.customers().flatMap((c) => c.orders.flatMap((o) => o.digitalProducts)).find((p) => p.id === third.product.id)!;
    expect(activeUids(product)).toEqual([bandY]);
  });

  it('showed no console or page errors', () => {
    // The stopped server is reported by the core, never as a page error.
    expect(app.chromium.problems).toEqual([]);
  });
});
