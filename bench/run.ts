/**
 * `npm run bench`: speed figures, one JSON object per line, each with its goal. Goals are
 * reported, not asserted: timing belongs here, never in unit tests.
 */
import { startCore } from '../src/main/core/Core';
import { dispatch } from '../src/main/core/dispatch';
import { VenueManagerSimulator } from '../src/main/venue-manager-simulator';
import { silentLog } from '../src/main/core/Log';
import { EnvironmentSecretStore } from '../src/main/secrets/EnvironmentSecretStore';
import { generateDemoData, pickSampleWristbands } from '../src/main/venue-manager-simulator';
import { openChromium } from '../test/e2e/support/Chromium';
import { completeFirstRun } from '../test/e2e/support/firstRun';
import { startServe } from '../test/e2e/support/ServeProcess';
import { makeTempDir } from '../test/support/tempDir';
import { cacheLookup200k } from './cacheBench';
import { reportToUid, tapStream10k } from './hidBenches';
import { outboxEnqueue, outboxReplay } from './outboxBench';
import { tickowebStore100k } from './tickowebBench';
import { tickowebSync100k } from './tickowebSyncBench';
import { latencyLine, print } from './stats';

/** A demo core on a fresh data folder, as the app starts it. */
async function startBenchCore() {
  const dir = makeTempDir('wristdesk-bench-');
  const core = await startCore({
    dataDir: dir.path,
    secrets: () => new EnvironmentSecretStore({}),
    appVersion: 'bench',
    systemLocale: 'en',
    log: silentLog,
  });
  return {
    core,
    stop: async () => {
      await core.close();
      dir.remove();
    },
  };
}

async function coreStartup(runs: number): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { stop } = await startBenchCore();
    samples.push(performance.now() - started);
    await stop();
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
    await completeFirstRun(page);
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

/**
 * Time through the core (dispatch → client → simulator → validation → view model) next to the
 * simulator answering the same request directly: the difference is ours.
 */
async function coreVersusSimulator(runs: number): Promise<void> {
  const data = generateDemoData({ seed: 2026 });
  const simulator = new VenueManagerSimulator({ data, recordRequests: false });
  const simulatorUrl = await simulator.start(0);
  const { core, stop } = await startBenchCore();
  try {
    await dispatch(core.handlers, 'admin.setPin', { pin: '2468' }, silentLog);
    const settings = await dispatch(core.handlers, 'settings.get', {}, silentLog);
    if (!settings.ok) throw new Error('settings.get failed');
    const current = (settings.result as { settings: { venueManager: Record<string, unknown> } }).settings.venueManager;
    await dispatch(core.handlers, 'settings.update', { venueManager: { ...current, baseUrl: simulatorUrl } }, silentLog);

    const uids = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.flatMap((p) => p.tokens.map((t) => t.uid))));
    const surnames = data.map((c) => c.address.name.split(' ').at(-1)!);
    const time = async (work: () => Promise<unknown>): Promise<number> => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const measure = async (
      name: string,
      direct: (i: number) => string,
      viaCore: (i: number) => Promise<{ ok: boolean }>,
    ): Promise<void> => {
      const simulatorTimes: number[] = [];
      const coreTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        simulatorTimes.push(await time(async () => (await fetch(simulatorUrl + direct(i))).text()));
        coreTimes.push(
          await time(async () => {
            const outcome = await viaCore(i);
            if (!outcome.ok) throw new Error(`${name} failed in the bench`);
          }),
        );
      }
      const simulatorLine = latencyLine(`${name}-simulator-only`, simulatorTimes);
      print(simulatorLine);
      print(latencyLine(name, coreTimes, { p95: Math.round((simulatorLine.p95 + 30) * 1000) / 1000 }));
    };
    await measure(
      'tap-to-owner-core',
      (i) => `/products?tokenUid=${encodeURIComponent(uids[i % uids.length]!)}`,
      (i) => dispatch(core.handlers, 'identify.lookup', { uid: uids[i % uids.length]! }, silentLog),
    );
    await measure(
      'search-to-results',
      (i) => `/products?name=${encodeURIComponent(`* ${surnames[i % surnames.length]!}`)}`,
      (i) => dispatch(core.handlers, 'venueManager.search', { name: `* ${surnames[i % surnames.length]!}` }, silentLog),
    );
  } finally {
    await stop();
    await simulator.stop();
  }
}

interface Bench {
  /** The `name` of every line it prints: `--only` takes these. */
  lines: readonly string[];
  run: () => Promise<void>;
}

const benches: readonly Bench[] = [
  { lines: ['core-startup'], run: () => coreStartup(20) },
  {
    lines: ['tap-to-owner-core-simulator-only', 'tap-to-owner-core', 'search-to-results-simulator-only', 'search-to-results'],
    run: () => coreVersusSimulator(200),
  },
  { lines: ['tap-to-owner'], run: () => tapToOwner(200) },
  { lines: ['report-to-uid'], run: () => reportToUid(2000) },
  { lines: ['cache-lookup-200k'], run: async () => print(await cacheLookup200k()) },
  {
    lines: ['outbox-enqueue'],
    run: () => {
      print(outboxEnqueue());
      return Promise.resolve();
    },
  },
  { lines: ['outbox-replay'], run: () => outboxReplay() },
  {
    lines: ['tickoweb-store-100k', 'tickoweb-search-100k'],
    run: () => {
      tickowebStore100k();
      return Promise.resolve();
    },
  },
  {
    lines: ['tickoweb-full-sync-100k', 'tickoweb-nochange-sync-100k', 'tickoweb-1pct-sync-100k', 'tickoweb-rclone-copy'],
    run: () => tickowebSync100k(),
  },
  {
    lines: ['tap-stream-10k'],
    run: async () => {
      // Reported like the other lines, but a lost or doubled tap is a bug, not a slow figure.
      if (!(await tapStream10k())) process.exitCode = 1;
    },
  },
];

/**
 * `--only a,b` (or `--only=a,b`) runs the benches that print those lines, so a quick figure does
 * not wait for the ones that need a build and a browser. Without it, everything runs.
 */
function selectedBenches(args: readonly string[]): readonly Bench[] {
  const at = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at === -1) return benches;
  const arg = args[at]!;
  const value = arg === '--only' ? args[at + 1] : arg.slice('--only='.length);
  const wanted = (value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  const known = benches.flatMap((bench) => bench.lines);
  const unknown = wanted.filter((name) => !known.includes(name));
  // A typo must not pass as "nothing to report".
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(`--only takes a comma-separated list of: ${known.join(', ')}${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    process.exit(2);
  }
  return benches.filter((bench) => bench.lines.some((line) => wanted.includes(line)));
}

for (const bench of selectedBenches(process.argv.slice(2))) await bench.run();
