import { describe, expect, it } from 'vitest';
import { generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import type { SimulatorCustomer } from '../../src/main/venue-manager-simulator';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import nl from '../../src/renderer/src/i18n/locales/nl.json';
import { completeFirstRun, e2eAdminPin, screenshotDir, useBrowserModeApp } from './support/BrowserModeApp';

// The demo the app starts with is seeded (Core's default seed): the test knows who owns what.
const demo = generateDemoData({ seed: 2026 });
const samples = pickSampleWristbands(demo);
const sample = (kind: string) => samples.find((s) => s.kind === kind)!;

function ownerOf(customers: readonly SimulatorCustomer[], uid: string): string {
  for (const customer of customers) {
    for (const order of customer.orders) {
      for (const product of order.digitalProducts) {
        if (product.tokens.some((t) => t.uid === uid)) return customer.address.name;
      }
    }
  }
  throw new Error(`no owner for ${uid} in the demo data`);
}

const app = useBrowserModeApp({ open: false });

const text = async (testId: string) => (await app.page.getByTestId(testId).first().textContent())?.trim() ?? '';

/** Waits until the element with this test id shows the given text. */
async function waitForText(testId: string, wanted: string): Promise<void> {
  await app.page.waitForFunction(
    ([id, needle]) => document.querySelector(`[data-testid=${id}]`)?.textContent.includes(needle) === true,
    [testId, wanted] as const,
  );
}

describe('browser mode, demo data (Chromium)', () => {
  it('refuses the page without the access key', async () => {
    const response = await app.page.goto(`${app.serve.origin}/`);
    expect(response?.status()).toBe(403);
    app.chromium.problems.length = 0; // that 403 was the point; from here on the page must be clean
  });

  it('asks for an admin PIN on the first run, then loads the Identify view, labelled as demo', async () => {
    await app.page.goto(app.serve.url);
    await app.page.getByTestId('admin-setup').waitFor();
    await app.page.screenshot({ path: `${screenshotDir}/admin-setup.png` });
    await completeFirstRun(app.page);
    await app.page.getByTestId('identify-idle').waitFor();
    expect(await text('status-demo')).toContain(en.status.demoText);
    expect(await text('status-reader')).toContain(en.status.virtualReader);
    await app.page.screenshot({ path: `${screenshotDir}/identify-idle.png` });
  });

  it('a tap on the virtual reader shows the owner from the simulator', async () => {
    const active = sample('active');
    await app.page.getByTestId('virtual-sample-select').selectOption(active.uid);
    await app.page.getByTestId('identify-owner-name').waitFor();
    expect(await text('identify-owner-name')).toBe(ownerOf(demo, active.uid));
    expect(await text('identify-uid')).toContain(active.uid);
    expect(await app.page.getByTestId('token-status').first().getAttribute('data-state')).toBe('active');
    expect(await app.page.getByTestId('product-validity').first().getAttribute('data-valid')).toBe('true');
    // The product picture came through the core as a data URL (the page's CSP allows no remote image).
    const image = app.page.getByTestId('product-image').first();
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(240);
    await app.page.screenshot({ path: `${screenshotDir}/identify-owner.png` });
  });

  it('a blocked wristband and an invalidated product say so', async () => {
    const blocked = sample('blocked');
    await app.page.getByTestId('virtual-sample-select').selectOption(blocked.uid);
    await waitForText('identify-uid', blocked.uid);
    expect(await text('identify-owner-name')).toBe(ownerOf(demo, blocked.uid));
    expect(await app.page.getByTestId('token-status').first().getAttribute('data-state')).toBe('blocked');

    const invalidated = sample('invalidated');
    await app.page.getByTestId('virtual-sample-select').selectOption(invalidated.uid);
    await waitForText('identify-uid', invalidated.uid);
    expect(await app.page.getByTestId('product-validity').first().getAttribute('data-valid')).toBe('false');
  });

  it('an unknown wristband gets the not-found state with its UID', async () => {
    const unknown = sample('unknown');
    await app.page.getByTestId('virtual-sample-select').selectOption(unknown.uid);
    await app.page.getByTestId('identify-not-found').waitFor();
    expect(await text('identify-not-found')).toContain(unknown.uid);
  });

  it('F2 taps again from the keyboard', async () => {
    await app.page.getByTestId('virtual-sample-select').selectOption(sample('active').uid);
    await app.page.getByTestId('identify-owner-name').waitFor();
    await app.page.getByTestId('virtual-sample-select').selectOption(sample('unknown').uid);
    await app.page.getByTestId('identify-not-found').waitFor();
    await app.page.getByTestId('virtual-sample-select').selectOption(''); // any sample: the core picks in turn
    await app.page.locator('body').press('F2');
    // A new tap answered: a sample other than the unknown one is on screen.
    const others = samples.filter((s) => s.kind !== 'unknown').map((s) => s.uid);
    await app.page.waitForFunction(
      (uids) => uids.some((uid) => document.querySelector('[data-testid=identify-uid]')?.textContent.includes(uid) === true),
      others,
    );
  });

  it('switches language to Danish and Dutch, at once and everywhere', async () => {
    await app.page.getByTestId('nav-settings').click();
    await app.page.getByTestId('settings-language').selectOption('da');
    await waitForText('nav-identify', da.nav.identify);
    expect(await text('status-demo')).toContain(da.status.demoText);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('da');
    await app.page.screenshot({ path: `${screenshotDir}/settings-da.png` });

    await app.page.getByTestId('settings-language').selectOption('nl');
    await waitForText('nav-identify', nl.nav.identify);
    expect(await text('status-reader')).toContain(nl.status.virtualReader);

    // The choice is stored by the core: a reload keeps it.
    await app.page.reload();
    await waitForText('nav-identify', nl.nav.identify);
    await app.page.getByTestId('settings-language').selectOption('auto');
    await waitForText('nav-identify', en.nav.identify);
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('nav-identify').waitFor();
  });

  it('keeps connection settings behind the admin PIN; language stays free', async () => {
    // The language test above left Settings, which locked the admin part again.
    await app.page.getByTestId('nav-settings').click();
    await app.page.getByTestId('admin-unlock').waitFor();
    expect(await app.page.getByTestId('settings-deskname').count()).toBe(0);
    expect(await app.page.getByTestId('settings-language').count()).toBe(1);
    await app.page.screenshot({ path: `${screenshotDir}/settings-locked.png` });

    await app.page.getByTestId('admin-unlock-pin').fill('1111');
    await app.page.getByTestId('admin-unlock-submit').click();
    await waitForText('admin-unlock-problem', en.errors.ADMIN_PIN_WRONG);
    await app.page.getByTestId('admin-unlock-pin').fill(e2eAdminPin);
    await app.page.getByTestId('admin-unlock-submit').click();
    await app.page.getByTestId('settings-deskname').fill('Gate 3');
    await app.page.getByTestId('settings-save').click();
    await waitForText('status-desk', 'Gate 3');
    await app.page.screenshot({ path: `${screenshotDir}/settings-unlocked.png` });
    await app.page.getByTestId('admin-lock').click();
    await app.page.getByTestId('admin-unlock').waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('nav-identify').waitFor();
  });

  it('the Readers tab shows the virtual reader live: its taps and the last UID in every form', async () => {
    await app.page.getByTestId('nav-readers').click();
    await app.page.getByTestId('reader-test').waitFor();
    const active = sample('active');
    await app.page.getByTestId('virtual-sample-select').selectOption(active.uid);
    await app.page.waitForFunction(
      (uid) => document.querySelector('[data-reader=virtual] [data-testid=reader-last-uid]')?.textContent === uid,
      active.uid,
    );
    const forms = (await app.page.locator('[data-reader=virtual] [data-testid=reader-forms]').textContent()) ?? '';
    expect(forms).toContain(active.uid);
    expect(forms).toContain('decimal');
    await app.page.screenshot({ path: `${screenshotDir}/readers.png` });
    await app.page.getByTestId('nav-identify').click();
  });

  it('showed no console or page errors', () => {
    expect(app.chromium.problems).toEqual([]);
  });
});
