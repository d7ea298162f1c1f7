import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { openChromium } from './support/Chromium';
import type { ChromiumSession } from './support/Chromium';
import { startServe } from './support/ServeProcess';
import type { ServeProcess } from './support/ServeProcess';

const demo = generateDemoData({ seed: 2026 });
const unknown = pickSampleWristbands(demo).find((s) => s.kind === 'unknown')!;
// Someone with several products, so the result list has more than one row of theirs.
const person = demo.find((c) => c.orders.flatMap((o) => o.digitalProducts).length > 1 && c.address.name.split(' ').length === 2)!;
const surname = person.address.name.split(' ')[1]!;

let serve: ServeProcess;
let chromium: ChromiumSession;
let page: Page;

beforeAll(async () => {
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

describe('search (Chromium, demo data)', () => {
  it('finds a guest by name with a wildcard and opens a product from the keyboard', async () => {
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-field-name').fill(`* ${surname}`);
    await page.getByTestId('search-field-name').press('Enter');
    await page.getByTestId('search-results').waitFor();
    const rows = page.getByTestId('search-result');
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-product-id'))));
    const theirs = person.orders.flatMap((o) => o.digitalProducts.map((p) => p.id));
    expect(ids).toEqual(expect.arrayContaining(theirs));

    // Keyboard: move to a row of theirs and open it.
    const index = ids.indexOf(theirs[0]!);
    await rows.first().focus();
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: '.tmp/e2e/search-results.png' });
    await page.keyboard.press('Enter');
    await page.getByTestId('product-view').waitFor();
    await page.screenshot({ path: '.tmp/e2e/search-product.png' });
    expect(await page.getByTestId('identify-owner-name').first().textContent()).toBe(person.address.name);

    await page.keyboard.press('Escape');
    await page.getByTestId('search-results').waitFor();
  });

  it('refuses a search without criteria, in words', async () => {
    await page.getByTestId('nav-search').click();
    for (const field of ['name', 'company', 'street', 'email', 'customerId', 'orderId', 'tokenUid', 'barcode', 'festiwebPersonId', 'quick_search']) {
      const input = page.getByTestId(`search-field-${field}`);
      if ((await input.count()) > 0) await input.fill('');
    }
    await page.getByTestId('search-submit').click();
    expect((await page.getByTestId('search-form-error').textContent())?.length).toBeGreaterThan(0);
  });

  it('an unknown wristband leads to a search for its UID in one key', async () => {
    await page.getByTestId('nav-identify').click();
    await page.getByTestId('virtual-sample-select').selectOption(unknown.uid);
    await page.getByTestId('identify-not-found').waitFor();
    await page.getByTestId('identify-search').click();
    await page.getByTestId('search-form').waitFor();
    expect(await page.getByTestId('search-field-tokenUid').inputValue()).toBe(unknown.uid);
    await page.getByTestId('search-no-results').waitFor();
  });

  it('showed no console or page errors', () => {
    expect(chromium.problems).toEqual([]);
  });
});
