import { describe, expect, it } from 'vitest';
import { generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { useBrowserModeApp } from './support/BrowserModeApp';
import { typeAsReader } from './support/readerKeys';

/**
 * A keyboard-wedge reader as Chromium delivers it: real key events, a character every few ms,
 * then Enter. The reader's keys must reach the core and nowhere else; a person's must reach the
 * field they are typed in.
 */
const demo = generateDemoData({ seed: 2026 });
const active = pickSampleWristbands(demo).find((s) => s.kind === 'active')!;
const owner = demo.find((c) => c.orders.some((o) => o.digitalProducts.some((p) => p.tokens.some((t) => t.uid === active.uid))))!.address
  .name;

const app = useBrowserModeApp({ open: true });

describe('keyboard-wedge reader (Chromium, demo data)', () => {
  it("leaves a person's slow typing in the search field, and reads a burst typed over it", async () => {
    const { page } = app;
    await page.getByTestId('nav-search').click();
    const name = page.getByTestId('search-field-name');
    await name.focus();
    // A person: 150 ms between keys. Every key is held for a moment, then typed where it was going.
    await page.keyboard.type('4711', { delay: 150 });
    expect(await name.inputValue()).toBe('4711');

    // A reader, with the search field still focused: a key every 5 ms, then Enter.
    await typeAsReader(page, active.uid);
    await page.waitForFunction((uid) => document.querySelector('[data-testid=identify-uid]')?.textContent.includes(uid) === true, active.uid);
    await page.getByTestId('identify-owner-name').waitFor();
    expect(await page.getByTestId('identify-owner-name').textContent()).toBe(owner);

    // The search was kept as the person left it: none of the reader's keys, no Enter-search.
    await page.getByTestId('nav-search').click();
    expect(await page.getByTestId('search-field-name').inputValue()).toBe('4711');
    for (const shown of ['search-results', 'search-no-results', 'search-error']) expect(await page.getByTestId(shown).count()).toBe(0);
  });

  it('showed no console or page errors', () => {
    expect(app.chromium.problems).toEqual([]);
  });
});
