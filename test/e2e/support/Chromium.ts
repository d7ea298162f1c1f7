import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { makeTempDir } from '../../support/tempDir';

export const chromiumPath = process.env.WRISTDESK_CHROMIUM ?? '/usr/bin/chromium';

export interface ChromiumSession {
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far: a clean page has none. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * Debian's Chromium driven by playwright-core. Missing Chromium fails the test with what to
 * install: an e2e test never skips.
 */
export async function openChromium(viewport = { width: 1366, height: 768 }): Promise<ChromiumSession> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is required for the end-to-end tests and was not found at ${chromiumPath}. Install it with "apt-get install -y chromium" (or set WRISTDESK_CHROMIUM).`);
  }
  const profile = makeTempDir('wristdesk-chromium-');
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    locale: 'en-US',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Console errors for failed loads do not name the URL; this does.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return {
    browser: context.browser()!,
    page,
    problems,
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}
