import { describe, expect, it } from 'vitest';
import { generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { screenshotDir, useBrowserModeApp } from './support/BrowserModeApp';

/**
 * Tickoweb in demo mode: the demo serves a sample WebDAV tree whose orders belong to the demo
 * Venue Manager's customers. Sync it with visible progress, find a guest, open the order, and see
 * it linked from the Identify view.
 */
const demo = generateDemoData({ seed: 2026 });
const active = pickSampleWristbands(demo).find((s) => s.kind === 'active')!;
const owner = demo.find((c) => c.orders.some((o) => o.digitalProducts.some((p) => p.tokens.some((t) => t.uid === active.uid))))!;
const ownerName = owner.address.name;

const app = useBrowserModeApp({ open: true });

describe('Tickoweb mirror (Chromium, demo tree)', () => {
  it('syncs the demo tree from Settings with visible progress, then says what it holds', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tickoweb-sync-panel').waitFor();
    // A full reconcile fetches every order again: long enough to watch.
    await page.getByTestId('tickoweb-full-sync').click();
    await page.getByTestId('tickoweb-progress').waitFor();
    expect(await page.getByTestId('tickoweb-progress-phase').textContent()).toMatch(/\S/);
    await page.screenshot({ path: `${screenshotDir}/tickoweb-sync.png` });
    await page.getByTestId('tickoweb-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=tickoweb-count-orders]')?.textContent.replace(/\D/g, '') ?? '0') > 100);
    expect(await page.getByTestId('tickoweb-last-run').textContent()).toMatch(/\S/);
    expect(await page.getByTestId('status-tickoweb').count()).toBe(1);
  }, 45_000);

  it('finds the guest in Search next to Venue Manager, and opens the order with its raw JSON', async () => {
    const { page } = app;
    await page.getByTestId('nav-search').click();
    if (await page.getByTestId('product-view').isVisible()) await page.keyboard.press('Escape');
    await page.getByTestId('search-field-name').fill(ownerName);
    await page.getByTestId('search-field-name').press('Enter');
    await page.getByTestId('tickoweb-hit').first().waitFor();
    expect(await page.getByTestId('tickoweb-hits').textContent()).toContain('Demo Festival 2026');
    await page.screenshot({ path: `${screenshotDir}/tickoweb-search.png` });
    await page.getByTestId('tickoweb-hit').first().click();
    await page.getByTestId('tickoweb-order').waitFor();
    expect(await page.getByTestId('tickoweb-order-event').textContent()).toContain('Demo Festival 2026');
    await page.getByTestId('tickoweb-order-raw-toggle').click();
    const raw = (await page.getByTestId('tickoweb-order-raw').textContent()) ?? '';
    // The first hit is an order of someone of that name (the demo has namesakes): its files say so.
    expect(raw).toContain(ownerName.split(' ')[0]!);
    expect(raw).toContain('details.json');
    await page.screenshot({ path: `${screenshotDir}/tickoweb-order.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('tickoweb-order').waitFor({ state: 'detached' });
  });

  it("shows the wristband owner's Tickoweb orders on Identify, with the reason", async () => {
    const { page } = app;
    await page.getByTestId('nav-identify').click();
    await page.getByTestId('virtual-sample-select').selectOption(active.uid);
    await page.getByTestId('identify-owner-name').first().waitFor();
    await page.getByTestId('tickoweb-link').first().waitFor();
    expect(await page.getByTestId('tickoweb-link-reason').first().textContent()).toMatch(/\S/);
    await page.screenshot({ path: `${screenshotDir}/tickoweb-identify.png`, fullPage: true });
    await page.getByTestId('tickoweb-link').first().click();
    await page.getByTestId('tickoweb-order').waitFor();
  });

  it('showed no console or page errors', () => {
    expect(app.chromium.problems).toEqual([]);
  });
});
