/**
 * `npm run bench`: speed figures, one JSON object per line, each with its goal. Goals are
 * reported, not asserted: timing belongs here, never in unit tests.
 */
import { startCore } from '../src/main/core/Core';
import { silentLog } from '../src/main/core/Log';
import { EnvironmentSecretStore } from '../src/main/secrets/EnvironmentSecretStore';
import { generateDemoData, pickSampleWristbands } from '../src/main/venue-manager-simulator';
import { openChromium } from '../test/e2e/support/Chromium';
import { startServe } from '../test/e2e/support/ServeProcess';
import { makeTempDir } from '../test/support/tempDir';
import { latencyLine, print } from './stats';

async function coreStartup(runs: number): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = makeTempDir('wristdesk-bench-');
    const started = performance.now();
    const core = await startCore({
      dataDir: dir.path,
      secrets: () => new EnvironmentSecretStore({}),
      appVersion: 'bench',
      systemLocale: 'en',
      log: silentLog,
    });
    samples.push(performance.now() - started);
    await core.close();
    dir.remove();
  }
  print(latencyLine('core-startup', samples, { p95: 500 }));
}

/**
 * Runs in the page: picks a sample (which taps it) and resolves when its owner is on screen.
 * Kept as source text because the TypeScript runner adds helpers to compiled functions that
 * do not exist in the page.
 */
const measureTap = `async (wanted) => {
  const select = document.querySelector('[data-testid=virtual-sample-select]');
  const shown = () =>
    (document.querySelector('[data-testid=identify-uid]')?.textContent?.includes(wanted) ?? false) &&
    document.querySelector('[data-testid=identify-owner-name]') !== null;
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('owner of ' + wanted + ' not shown within 10 s')), 10000);
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    select.value = wanted;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return performance.now() - started;
}`;

/** From a virtual tap in the page to the owner's name on screen, in the e2e harness. */
async function tapToOwner(taps: number): Promise<void> {
  const serve = await startServe();
  const chromium = await openChromium();
  try {
    const { page } = chromium;
    await page.goto(serve.url);
    await page.getByTestId('virtual-sample-select').waitFor();
    const withOwner = pickSampleWristbands(generateDemoData({ seed: 2026 })).filter((s) => s.kind !== 'unknown');
    const samples: number[] = [];
    for (let i = 0; i < taps; i++) {
      const uid = withOwner[i % withOwner.length]!.uid;
      samples.push(await page.evaluate<number>(`(${measureTap})(${JSON.stringify(uid)})`));
    }
    print(latencyLine('tap-to-owner', samples, { p95: 100 }));
  } finally {
    await chromium.close();
    await serve.stop();
  }
}

await coreStartup(20);
await tapToOwner(200);
