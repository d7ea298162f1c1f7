import { fork } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/Store';
import { VenueManagerSimulator } from '../../../src/main/venue-manager-simulator';
import { makeTempDir } from '../../support/tempDir';
import { checkRun, crashData, crashPlan, readRows } from './crashPlan';
import { mulberry32 } from './helpers';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
const products = 200; // × 5 = 1,000 actions
const total = products * 5;
/** Kills at progress points spread over the whole run: one in each slice of the first 85 %. */
const slices = 28;
/** Besides, this many runs (at random places) are killed right after start-up: recovery, first sends. */
const earlyKills = 4;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/*
 * The child is bundled once (esbuild, as tsx would transform it) and started with plain node and
 * a compile cache: through tsx every start costs ~0.8 s of transforming and loading hundreds of
 * files, which over 30+ restarts per case would be most of the test's time. Only better-sqlite3
 * (native) stays outside the bundle; a node_modules link next to it lets node find it.
 */
let child = '';
let bundleDir: { path: string; remove: () => void } | undefined;
beforeAll(async () => {
  bundleDir = makeTempDir('wristdesk-crash-child-');
  symlinkSync(fileURLToPath(new URL('../../../node_modules', import.meta.url)), join(bundleDir.path, 'node_modules'), 'dir');
  child = join(bundleDir.path, 'crashChild.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./crashChild.ts', import.meta.url))],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    // Bundled CommonJS (undici) requires node's own modules: give the ESM bundle a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}, 60_000);
afterAll(() => bundleDir?.remove());

interface Run {
  /** Lets a loaded child open the data folder and start; resolves false if it exited first. */
  go: () => Promise<boolean>;
  exited: Promise<number | null>;
  /** Resolves true once the child reports `done >= count` items, false if it exits or the time runs out first. */
  doneAtLeast: (count: number, timeoutMs: number) => Promise<boolean>;
  done: () => number;
  exitCode: () => number | null;
  kill: () => void;
  stderr: () => string;
}

/**
 * Starts a child that loads and then waits for go(): the next run loads while the current one
 * works, so a restart costs the test little more than opening the database.
 */
function spawnRun(dir: string, url: string, run: number, comments: boolean): Run {
  const proc = fork(child, [dir, url, String(seed), String(products), String(run), comments ? '1' : '0'], {
    execArgv: [],
    stdio: 'pipe',
    env: { ...process.env, NODE_COMPILE_CACHE: join(bundleDir!.path, 'compile-cache') },
  });
  let stderr = '';
  let done = 0;
  const listeners = new Set<() => void>();
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const message = (wanted: string) =>
    new Promise<boolean>((resolve) => {
      proc.on('message', (m) => m === wanted && resolve(true));
      void exited.then(() => resolve(false));
    });
  const loaded = message('loaded');
  const ready = message('ready');
  proc.on('message', (m) => {
    const report = m as { done?: unknown } | string;
    if (typeof report === 'object' && typeof report.done === 'number') {
      done = report.done;
      for (const listener of listeners) listener();
    }
  });
  const doneAtLeast = (count: number, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const finish = (value: boolean) => {
        listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const check = () => done >= count && finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      listeners.add(check);
      void exited.then(() => finish(false));
      check();
    });
  return {
    go: async () => {
      if (!(await loaded)) return false;
      proc.send('go');
      return ready;
    },
    exited,
    doneAtLeast,
    done: () => done,
    exitCode: () => proc.exitCode,
    kill: () => proc.kill('SIGKILL'),
    stderr: () => stderr,
  };
}

/** Items done and items stored, read by the test between two runs. */
function progress(dir: string): { done: number; stored: number } {
  const db = openStore(dir);
  try {
    const row = db.prepare("SELECT count(*) AS stored, coalesce(sum(state = 'done'), 0) AS done FROM outbox").get() as { stored: number; done: number };
    return row;
  } finally {
    db.close();
  }
}

const modes = [
  { comments: true, label: 'history shows comments' },
  { comments: false, label: 'history hides comments' },
];

describe(`outbox crash test (seed ${seed}; rerun with WRISTDESK_TEST_SEED=${seed})`, () => {
  it.each(modes)(
    `$label: ${total} actions survive 30+ SIGKILLs at random moments — each applied once in effect, no comment lost (seed ${seed})`,
    async ({ comments }) => {
      const mode = `seed ${seed}, ${comments ? 'comments shown' : 'comments hidden'}`;
      const sim = new VenueManagerSimulator({ data: crashData(products), commentsInHistory: comments });
      const url = await sim.start(0);
      const dir = makeTempDir();
      const random = mulberry32(seed ^ (comments ? 0x2545f491 : 0x6c8e9cf5));
      const started = Date.now();
      const kills: { run: number; early: boolean; done: number; remaining: number }[] = [];
      let next: Run | undefined;
      try {
        let slice = 0;
        let early = 0;
        next = spawnRun(dir.path, url, 0, comments);
        for (let run = 0; slice < slices || early < earlyKills; run++) {
          const proc = next;
          expect(await proc.go(), `${mode}: run ${run} did not start (exit ${proc.exitCode()})\n${proc.stderr()}`).toBe(true);
          next = spawnRun(dir.path, url, run + 1, comments);
          // An early kill, or one at a random point inside this run's slice of the work; then a random few ms more.
          const isEarly = early < earlyKills && (slice >= slices || random() < earlyKills / (slices + earlyKills));
          const target = isEarly ? 0 : Math.floor(((slice + random()) / slices) * total * 0.85);
          const reached = await proc.doneAtLeast(target, 30_000);
          expect(reached, `${mode}: run ${run} ended or stalled at ${proc.done()} done before reaching ${target} (exit ${proc.exitCode()})\n${proc.stderr()}`).toBe(true);
          await sleep(Math.floor(random() * 30));
          expect(proc.exitCode(), `${mode}: run ${run} finished before it could be killed\n${proc.stderr()}`).toBeNull();
          proc.kill();
          await proc.exited;
          if (isEarly) early++;
          else slice++;
          const now = progress(dir.path);
          kills.push({ run, early: isEarly, done: now.done, remaining: total - now.done });
        }
        expect(kills.length, `${mode}: not enough kills`).toBe(slices + earlyKills);
        // Every kill interrupted unfinished work, and the kills reached far into the run.
        expect(kills.filter((k) => k.remaining <= 0), `${mode}: killed with nothing left to do`).toEqual([]);
        expect(Math.max(...kills.map((k) => k.done)), `${mode}: kills did not reach the second half`).toBeGreaterThan(total / 2);

        const last = next;
        expect(await last.go(), `${mode}: the final run did not start\n${last.stderr()}`).toBe(true);
        const code = await Promise.race([last.exited, sleep(60_000).then(() => 'timeout' as const)]);
        if (code === 'timeout') last.kill();
        expect(code, `${mode}: final run did not complete (${last.done()} done)\n${last.stderr()}`).toBe(0);

        const plan = crashPlan(seed, products);
        const db = openStore(dir.path);
        let report: ReturnType<typeof checkRun>;
        try {
          const { rows, audit } = readRows(db);
          report = checkRun(plan, products, { requests: sim.requests, comments: sim.comments(), customers: sim.customers() }, rows, audit, comments);
        } finally {
          db.close();
        }
        expect(report.problems.slice(0, 20), `${mode}: ${report.problems.length} problems`).toEqual([]);
        // The lost-answer paths were really taken, each the way this server allows.
        expect(report.outcomes['already-applied'] ?? 0, `${mode}: no lost answer was confirmed from history`).toBeGreaterThan(0);
        if (comments) {
          expect(report.commentsConfirmed, `${mode}: no comment was confirmed from history`).toBeGreaterThan(0);
          expect(report.duplicatedComments, mode).toBe(0);
        } else {
          expect(report.outcomes['possible-duplicate'] ?? 0, `${mode}: no comment was flagged`).toBeGreaterThan(0);
          expect(report.duplicatedComments, `${mode}: no comment was resent after a lost answer`).toBeGreaterThan(0);
        }
        console.log(
          `outbox crash test (${mode}): ${kills.length} kills (${kills.filter((k) => k.early).length} right after start-up), ` +
            `done at the kills ${kills.map((k) => k.done).join(',')}; ${Date.now() - started} ms; outcomes ${JSON.stringify(report.outcomes)}, ` +
            `${report.duplicatedComments} comments duplicated (all flagged)`,
        );
      } finally {
        if (next?.exitCode() === null) {
          next.kill();
          await next.exited;
        }
        await sim.stop();
        dir.remove();
      }
    },
    150_000,
  );
});
