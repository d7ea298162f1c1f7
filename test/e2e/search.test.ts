import { describe, expect, it } from 'vitest';
import { generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { screenshotDir, useBrowserModeApp } from './support/BrowserModeApp';

const demo = generateDemoData({ seed: 2026 });
const unknown = pickSampleWristbands(demo).find((s) => s.kind === 'unknown')!;
// Someone with several products, so the result list has more than one row of theirs.
const person = demo.find((c) => c.orders.flatMap((o) => o.digitalProducts).length > 1 && c.address.name.split(' ').length === 2)!;
const surname = person.address.name.split(' ')[1]!;

const app = useBrowserModeApp({ open: true });

describe('search (Chromium, demo data)', () => {
  it('finds a guest by name with a wildcard and opens a product from the keyboard', async () => {
    await app.page.getByTestId('nav-search').click();
    await app.page.getByTestId('search-field-name').fill(`* ${surname}`);
    await app.page.getByTestId('search-field-name').press('Enter');
    await app.page.getByTestId('search-results').waitFor();
    const rows = app.page.getByTestId('search-result');
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-product-id'))));
    const theirs = person.orders.flatMap((o) => o.digitalProducts.map((p) => p.id));
    expect(ids).toEqual(expect.arrayContaining(theirs));

    // Keyboard: move to a row of theirs and open it.
    const index = ids.indexOf(theirs[0]!);
    await rows.first().focus();
    for (let i = 0; i < index; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.screenshot({ path: `${screenshotDir}/search-results.png` });
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('product-view').waitFor();
    await app.page.screenshot({ path: `${screenshotDir}/search-product.png` });
    expect(await app.page.getByTestId('identify-owner-name').first().textContent()).toBe(person.address.name);

    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('search-results').waitFor();
  });

  it('refuses a search without criteria, in words', async () => {
    await app.page.getByTestId('nav-search').click();
    for (const field of ['name', 'company', 'street', 'email', 'customerId', 'orderId', 'tokenUid', 'barcode', 'festiwebPersonId', 'quick_search']) {
      const input = app.page.getByTestId(`search-field-${field}`);
      if ((await input.count()) > 0) await input.fill('');
    }
    await app.page.getByTestId('search-submit').click();
    expect((await app.page.getByTestId('search-form-error').textContent())?.length).toBeGreaterThan(0);
  });

  it('an unknown wristband leads to a search for its UID in one key', async () => {
    await app.page.getByTestId('nav-identify').click();
    await app.page.getByTestId('virtual-sample-select').selectOption(unknown.uid);
    await app.page.getByTestId('identify-not-found').waitFor();
    await app.page.getByTestId('identify-search').click();
    await app.page.getByTestId('search-form').waitFor();
    expect(await app.page.getByTestId('search-field-tokenUid').inputValue()).toBe(unknown.uid);
    await app.page.getByTestId('search-no-results').waitFor();
  });

  it('showed no console or page errors', () => {
    expect(app.chromium.problems).toEqual([]);
  });
});
