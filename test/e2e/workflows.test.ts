import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NOT_INVALIDATED, generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { openChromium } from './support/Chromium';
import type { ChromiumSession } from './support/Chromium';
import { startServe } from './support/ServeProcess';
import type { ServeProcess } from './support/ServeProcess';

/**
 * The help-desk workflows as a volunteer runs them, in demo mode. The simulator writes each
 * action's reason into the product's history, and learns it only from the request body: a
 * reason on screen in the history is a reason that was sent in the body.
 */
const demo = generateDemoData({ seed: 2026 });
const samples = pickSampleWristbands(demo);
const activeSample = samples.find((s) => s.kind === 'active')!;
const blockedSample = samples.find((s) => s.kind === 'blocked')!;
const freshBand = samples.find((s) => s.kind === 'unknown')!; // in no order yet: our "new wristband"
const printAtHome = demo
  .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => ({ owner: c.address.name, product: p }))))
  .find(({ product }) => product.invalidateTime === NOT_INVALIDATED && product.tokens.length === 0 && product.barcode !== '')!;

const shots = '.tmp/e2e';
let serve: ServeProcess;
let chromium: ChromiumSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  serve = await startServe();
  chromium = await openChromium();
  page = chromium.page;
  await page.goto(serve.url);
  await page.getByTestId('identify-idle').waitFor();
});

afterAll(async () => {
  await chromium.close();
  await serve.stop();
});

const tap = (uid: string) => page.getByTestId('virtual-sample-select').selectOption(uid);
const history = () => page.getByTestId('history-event').allTextContents();

async function waitForUid(uid: string): Promise<void> {
  await page.waitForFunction((u) => document.querySelector('[data-testid=identify-uid]')?.textContent.includes(u) === true, uid);
}

async function confirmWithReason(reason: string): Promise<void> {
  await page.getByTestId('action-reason-text').fill(reason);
  await page.getByTestId('action-confirm').click();
  await page.getByTestId('action-result').waitFor();
}

describe('help-desk workflows (Chromium, demo data)', () => {
  it('actions need a signed-in operator', async () => {
    await page.getByTestId('operator-signin-name').fill('Mette Hansen');
    await page.getByTestId('operator-signin-submit').click();
    await page.getByTestId('operator-name').waitFor();
    expect(await page.getByTestId('operator-name').textContent()).toContain('Mette Hansen');
  });

  it('replace: tap the old band, Replace, tap the new one, confirm → old blocked, new active', async () => {
    await tap(activeSample.uid);
    await waitForUid(activeSample.uid);
    await page.getByTestId('action-replace').click();
    await page.getByTestId('replace-waiting-tap').waitFor();
    await page.screenshot({ path: `${shots}/replace-waiting.png` });
    await tap(freshBand.uid);
    await page.getByTestId('replace-new-uid').waitFor();
    expect(await page.getByTestId('replace-new-uid').textContent()).toContain(freshBand.uid);
    const confirm = (await page.getByTestId('action-confirm').textContent()) ?? '';
    expect(confirm).toContain(activeSample.label.split(' — ')[1]!); // names the person
    await confirmWithReason('Chip cannot be read');
    expect((await history()).join('\n')).toContain('Chip cannot be read');
  });

  it('a tap while a dialog is open is refused and changes nothing', async () => {
    await tap(freshBand.uid);
    await waitForUid(freshBand.uid);
    await page.getByTestId('action-block').first().click();
    await page.getByTestId('action-dialog').waitFor();
    await page.getByTestId('action-reason-text').fill('half-typed');
    await tap(blockedSample.uid);
    await page.getByTestId('tap-refused').waitFor();
    expect(await page.getByTestId('action-dialog').isVisible()).toBe(true);
    expect(await page.getByTestId('action-reason-text').inputValue()).toBe('half-typed');
    expect(await page.getByTestId('identify-uid').first().textContent()).toContain(freshBand.uid);
    await page.screenshot({ path: `${shots}/tap-refused.png` });
  });

  it('block: lost wristband, with the reason', async () => {
    await confirmWithReason('Lost at the main stage');
    expect((await history()).join('\n')).toContain('Lost at the main stage');
  });

  it('add: find a print@home ticket by barcode, tap a wristband to attach', async () => {
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-field-barcode').fill(printAtHome.product.barcode);
    await page.getByTestId('search-submit').click();
    await page.locator(`[data-testid=search-result][data-product-id="${printAtHome.product.id}"]`).click();
    await page.getByTestId('product-view').waitFor();
    await page.getByTestId('action-add').click();
    await page.getByTestId('add-waiting-tap').waitFor();
    await tap(activeSample.uid); // blocked on its old product since the replace: free to attach
    await page.getByTestId('add-new-uid').waitFor();
    await confirmWithReason('Print@home ticket exchanged for a chip');
    expect((await history()).join('\n')).toContain('Print@home ticket exchanged for a chip');
  });

  it('comment on the product', async () => {
    await page.getByTestId('action-comment').click();
    await page.getByTestId('action-dialog').waitFor();
    await confirmWithReason('Guest came back twice;\nchecked ID.');
    expect((await history()).join('\n')).toContain('checked ID.');
  });

  it('gate view: green for a valid band, red for a blocked one, back with Escape', async () => {
    await page.getByTestId('nav-identify').click();
    await page.keyboard.press('g');
    await page.getByTestId('gate-view').waitFor();
    await tap(activeSample.uid);
    await page.waitForFunction(() => document.querySelector('[data-testid=gate-verdict]')?.getAttribute('data-verdict') === 'green');
    expect(await page.getByTestId('gate-name').textContent()).toContain(printAtHome.owner);
    await page.screenshot({ path: `${shots}/gate-green.png` });
    await tap(freshBand.uid);
    await page.waitForFunction(() => document.querySelector('[data-testid=gate-verdict]')?.getAttribute('data-verdict') === 'red');
    await page.screenshot({ path: `${shots}/gate-red.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('identify-idle').or(page.getByTestId('identify-match').first()).waitFor();
  });

  it('showed no console or page errors', () => {
    expect(chromium.problems).toEqual([]);
  });
});
