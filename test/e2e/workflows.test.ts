import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_INVALIDATED, generateDemoData, pickSampleWristbands } from '../../src/main/venue-manager-simulator';
import { makeTempDir } from '../support/tempDir';
import { screenshotDir, useBrowserModeApp } from './support/BrowserModeApp';

/**
 * The help-desk workflows as a volunteer runs them, in demo mode. Each action is checked twice:
 * on screen (the new state and the reason in the product's history) and in the demo simulator's
 * request log (`serve --demo-request-log`), which shows the request exactly as it arrived.
 */
const demo = generateDemoData({ seed: 2026 });
const samples = pickSampleWristbands(demo);
const activeSample = samples.find((s) => s.kind === 'active')!;
const blockedSample = samples.find((s) => s.kind === 'blocked')!;
const freshBand = samples.find((s) => s.kind === 'unknown')!; // in no order yet: our "new wristband"
const printAtHome = demo
  .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => ({ owner: c.address.name, product: p }))))
  .find(({ product }) => product.invalidateTime === NOT_INVALIDATED && product.tokens.length === 0 && product.barcode !== '')!;

const logDir = makeTempDir('wristdesk-e2e-requests-');
afterAll(() => logDir.remove());
const requestLog = join(logDir.path, 'requests.jsonl');
/** A wristband active on some other valid product, with its owner. */
const activeElsewhere = demo
  .flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => ({ owner: c.address.name, product: p }))))
  .flatMap(({ owner, product }) =>
    product.invalidateTime !== NOT_INVALIDATED
      ? []
      : product.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED && t.uid !== activeSample.uid).map((t) => ({ owner, uid: t.uid })),
  )[0]!;

const app = useBrowserModeApp({ open: true, serveArgs: ['--demo-request-log', requestLog] });

interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  status: number;
}

/** The last write the demo Venue Manager received, as it received it. */
function lastWrite(): LoggedRequest {
  const requests = readFileSync(requestLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LoggedRequest);
  const write = requests.filter((r) => r.method !== 'GET').at(-1);
  if (write === undefined) throw new Error('the demo simulator received no write');
  return write;
}

const tap = (uid: string) => app.page.getByTestId('virtual-sample-select').selectOption(uid);
const history = () => app.page.getByTestId('history-event').allTextContents();

async function waitForUid(uid: string): Promise<void> {
  await app.page.waitForFunction((u) => document.querySelector('[data-testid=identify-uid]')?.textContent.includes(u) === true, uid);
}

async function confirmWithReason(reason: string): Promise<void> {
  await app.page.getByTestId('action-reason-text').fill(reason);
  await app.page.getByTestId('action-confirm').click();
  await app.page.getByTestId('action-result').waitFor();
}

describe('help-desk workflows (Chromium, demo data)', () => {
  it('actions need a signed-in operator', async () => {
    await app.page.getByTestId('operator-signin-name').fill('Mette Hansen');
    await app.page.getByTestId('operator-signin-submit').click();
    await app.page.getByTestId('operator-name').waitFor();
    expect(await app.page.getByTestId('operator-name').textContent()).toContain('Mette Hansen');
  });

  it('replace: tap the old band, Replace, tap the new one, confirm → old blocked, new active', async () => {
    await tap(activeSample.uid);
    await waitForUid(activeSample.uid);
    await app.page.getByTestId('action-replace').click();
    await app.page.getByTestId('replace-waiting-tap').waitFor();
    await app.page.screenshot({ path: `${screenshotDir}/replace-waiting.png` });
    await tap(freshBand.uid);
    await app.page.getByTestId('replace-new-uid').waitFor();
    expect(await app.page.getByTestId('replace-new-uid').textContent()).toContain(freshBand.uid);
    const confirm = (await app.page.getByTestId('action-confirm').textContent()) ?? '';
    expect(confirm).toContain(activeSample.label.split(' — ')[1]!); // names the person
    await confirmWithReason('Chip cannot be read');
    expect((await history()).join('\n')).toContain('Chip cannot be read');
    const sent = lastWrite();
    expect([sent.method, sent.path.endsWith(`/tokens/${activeSample.uid}`), sent.query.newUid, sent.status]).toEqual(['PUT', true, freshBand.uid, 204]);
    expect(JSON.parse(sent.body)).toEqual({ reason: 'Chip cannot be read' });
  });

  it('a tap while a dialog is open is refused and changes nothing', async () => {
    await tap(freshBand.uid);
    await waitForUid(freshBand.uid);
    await app.page.getByTestId('action-block').first().click();
    await app.page.getByTestId('action-dialog').waitFor();
    await app.page.getByTestId('action-reason-text').fill('half-typed');
    await tap(blockedSample.uid);
    await app.page.getByTestId('tap-refused').waitFor();
    expect(await app.page.getByTestId('action-dialog').isVisible()).toBe(true);
    expect(await app.page.getByTestId('action-reason-text').inputValue()).toBe('half-typed');
    expect(await app.page.getByTestId('identify-uid').first().textContent()).toContain(freshBand.uid);
    await app.page.screenshot({ path: `${screenshotDir}/tap-refused.png` });
  });

  it('block: lost wristband, with the reason', async () => {
    await confirmWithReason('Lost at the main stage');
    expect((await history()).join('\n')).toContain('Lost at the main stage');
    const sent = lastWrite();
    expect([sent.method, sent.path.endsWith(`/tokens/${freshBand.uid}`), sent.status]).toEqual(['DELETE', true, 204]);
    expect(JSON.parse(sent.body)).toEqual({ reason: 'Lost at the main stage' });
  });

  async function openPrintAtHome(): Promise<void> {
    await app.page.getByTestId('nav-search').click();
    // Search keeps the product that was open when the desk left it: back to the form first.
    if (await app.page.getByTestId('product-view').isVisible()) await app.page.keyboard.press('Escape');
    await app.page.getByTestId('search-field-barcode').fill(printAtHome.product.barcode);
    await app.page.getByTestId('search-submit').click();
    await app.page.locator(`[data-testid=search-result][data-product-id="${printAtHome.product.id}"]`).click();
    await app.page.getByTestId('product-view').waitFor();
  }

  it('add refused: a band active on another product offers to open that product', async () => {
    await openPrintAtHome();
    await app.page.getByTestId('action-add').click();
    await app.page.getByTestId('add-waiting-tap').waitFor();
    await app.page.getByTestId('action-typed-uid').fill(activeElsewhere.uid);
    await app.page.getByTestId('action-use-typed-uid').click();
    await app.page.getByTestId('add-new-uid').waitFor();
    await app.page.getByTestId('action-reason-text').fill('Wrong band on purpose');
    await app.page.getByTestId('action-confirm').click();
    await app.page.getByTestId('action-open-other').waitFor();
    expect(await app.page.getByTestId('action-error').getAttribute('data-code')).toBe('VM_TOKEN_ACTIVE_ELSEWHERE');
    await app.page.screenshot({ path: `${screenshotDir}/add-active-elsewhere.png` });
    await app.page.getByTestId('action-open-other').click();
    await waitForUid(activeElsewhere.uid);
    expect(await app.page.getByTestId('action-dialog').count()).toBe(0);
    expect(await app.page.getByTestId('identify-owner-name').first().textContent()).toBe(activeElsewhere.owner);
  });

  it('add: find a print@home ticket by barcode, tap a wristband to attach', async () => {
    await openPrintAtHome();
    await app.page.getByTestId('action-add').click();
    await app.page.getByTestId('add-waiting-tap').waitFor();
    await tap(activeSample.uid); // blocked on its old product since the replace: free to attach
    await app.page.getByTestId('add-new-uid').waitFor();
    await confirmWithReason('Print@home ticket exchanged for a chip');
    expect((await history()).join('\n')).toContain('Print@home ticket exchanged for a chip');
    const sent = lastWrite();
    expect([sent.method, sent.path.endsWith(`/products/${printAtHome.product.id}/tokens`), sent.query.uid, sent.status]).toEqual([
      'POST',
      true,
      activeSample.uid,
      204,
    ]);
    expect(JSON.parse(sent.body)).toEqual({ reason: 'Print@home ticket exchanged for a chip' });
  });

  it('comment on the product', async () => {
    await app.page.getByTestId('action-comment').click();
    await app.page.getByTestId('action-dialog').waitFor();
    await confirmWithReason('Guest came back twice;\nchecked ID.');
    expect((await history()).join('\n')).toContain('checked ID.');
    const sent = lastWrite();
    expect([sent.method, sent.path.endsWith(`/products/${printAtHome.product.id}/comment`), sent.status]).toEqual(['POST', true, 204]);
    expect(JSON.parse(sent.body)).toEqual({ comment: 'Guest came back twice;\nchecked ID.' });
  });

  it('gate view: green for a valid band, red for a blocked one, back with Escape', async () => {
    await app.page.getByTestId('nav-identify').click();
    await app.page.keyboard.press('g');
    await app.page.getByTestId('gate-view').waitFor();
    await tap(activeSample.uid);
    // The verdict for this tap, not the one still on screen from the last (the tap travels over the WebSocket).
    await app.page.waitForFunction(
      (uid) => {
        const verdict = document.querySelector('[data-testid=gate-verdict]');
        return verdict?.getAttribute('data-uid') === uid && verdict.getAttribute('data-verdict') === 'green';
      },
      activeSample.uid,
    );
    expect(await app.page.getByTestId('gate-name').textContent()).toContain(printAtHome.owner);
    await app.page.screenshot({ path: `${screenshotDir}/gate-green.png` });
    await tap(freshBand.uid);
    await app.page.waitForFunction(
      (uid) => {
        const verdict = document.querySelector('[data-testid=gate-verdict]');
        return verdict?.getAttribute('data-uid') === uid && verdict.getAttribute('data-verdict') === 'red';
      },
      freshBand.uid,
    );
    await app.page.screenshot({ path: `${screenshotDir}/gate-red.png` });
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('identify-idle').or(app.page.getByTestId('identify-match').first()).waitFor();
  });

  it('showed no console or page errors', () => {
    expect(app.chromium.problems).toEqual([]);
  });
});
