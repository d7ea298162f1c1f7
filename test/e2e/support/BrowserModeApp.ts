import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openChromium } from './Chromium';
import { completeFirstRun } from './firstRun';
export { completeFirstRun, e2eAdminPin } from './firstRun';
import type { ChromiumSession } from './Chromium';
import { startServe } from './ServeProcess';
import type { ServeProcess } from './ServeProcess';

/** Where e2e tests put screenshots (for people to look at; docs/ keeps the chosen ones). */
export const screenshotDir = '.tmp/e2e';

export interface BrowserModeApp {
  serve: ServeProcess;
  chromium: ChromiumSession;
  page: Page;
}

/**
 * One demo app per test file: `npm run serve`'s script on a free port and Chromium, started
 * before the file's tests and stopped after. With `open`, the page is loaded, the first run's admin PIN set, and Identify idle.
 */
export function useBrowserModeApp(options: { open: boolean; serveArgs?: readonly string[] }): BrowserModeApp {
  const app = {} as BrowserModeApp;
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    app.serve = await startServe({}, options.serveArgs ?? []);
    app.chromium = await openChromium();
    app.page = app.chromium.page;
    if (options.open) {
      await app.page.goto(app.serve.url);
      await completeFirstRun(app.page);
      await app.page.getByTestId('identify-idle').waitFor();
    }
  });
  afterAll(async () => {
    await app.chromium.close();
    await app.serve.stop();
  });
  return app;
}
