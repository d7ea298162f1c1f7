import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/Store';
import { NOT_INVALIDATED, VenueManagerSimulator } from '../../../src/main/venue-manager-simulator';
import type { RecordedRequest } from '../../../src/main/venue-manager-simulator';
import { makeTempDir } from '../../support/tempDir';
import { crashData, crashPlan, finalUid, originalUid, productIdOf, replacementUid } from './crashPlan';
import type { PlannedAction } from './crashPlan';
import { mulberry32 } from './helpers';

const seed = Number(process.env.WRISTDESK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
const products = 40; // 200 actions
const kills = 32;
const script = new URL('./crashChild.ts', import.meta.url).pathname;

function keyOfPlanned({ action }: PlannedAction): string {
  const base = `/api/digital_product/products/${action.productId}`;
  switch (action.kind) {
    case 'block':
      return `DELETE ${base}/tokens/${action.uid}`;
    case 'replace':
      return `PUT ${base}/tokens/${action.uid}?newUid=${action.newUid}`;
    case 'add':
      return `POST ${base}/tokens?uid=${action.uid}`;
    case 'comment':
      return `POST ${base}/comment ${action.comment}`;
  }
}

function keyOfRequest(r: RecordedRequest): string {
  if (r.path.endsWith('/comment')) return `POST ${r.path} ${(JSON.parse(r.body) as { comment: string }).comment}`;
  const query = r.query.newUid !== undefined ? `?newUid=${r.query.newUid}` : r.query.uid !== undefined ? `?uid=${r.query.uid}` : '';
  return `${r.method} ${r.path}${query}`;
}

function start(dir: string, url: string, run: number) {
  const child = fork(script, [dir, url, String(seed), String(products), String(run)], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const message = (wanted: string) =>
    new Promise<boolean>((resolve) => {
      child.on('message', (m) => m === wanted && resolve(true));
      void exited.then(() => resolve(false));
    });
  return { child, exited, ready: message('ready'), idle: message('idle'), stderr: () => stderr };
}

const kill = (child: ChildProcess) => child.kill('SIGKILL');

describe(`outbox crash test (seed ${seed}; rerun with WRISTDESK_TEST_SEED)`, () => {
  it(`${products * 5} actions survive SIGKILL at ${kills} random moments: each applied once in effect, no comment lost`, async () => {
    const sim = new VenueManagerSimulator({ data: crashData(products), commentsInHistory: true });
    const url = await sim.start(0);
    const dir = makeTempDir();
    const random = mulberry32(seed);
    const started = Date.now();
    try {
      let killed = 0;
      for (let run = 0; killed < kills; run++) {
        const child = start(dir.path, url, run);
        expect(await child.ready, `seed ${seed}: child did not start\n${child.stderr()}`).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 150)));
        if (child.child.exitCode !== null) break; // finished before we could kill it
        kill(child.child);
        await child.exited;
        killed++;
      }
      expect(killed, `seed ${seed}: the work ended before enough kills`).toBeGreaterThanOrEqual(30);
      const last = start(dir.path, url, 999);
      const code = await last.exited;
      expect(code, `seed ${seed}: final run failed\n${last.stderr()}`).toBe(0);

      const plan = crashPlan(seed, products);
      const applied = new Map<string, number>();
      for (const r of sim.requests.filter((q) => q.method !== 'GET' && q.status === 204)) {
        applied.set(keyOfRequest(r), (applied.get(keyOfRequest(r)) ?? 0) + 1);
      }
      const wrong = plan.map(keyOfPlanned).filter((key) => applied.get(key) !== 1);
      expect(wrong, `seed ${seed}: not applied exactly once`).toEqual([]);
      expect([...applied.values()].reduce((a, b) => a + b, 0)).toBe(plan.length);
      const comments = sim.comments().map((c) => c.comment);
      expect(comments.length, `seed ${seed}`).toBe(new Set(comments).size);
      expect(comments.length).toBe(products * 2);

      const state = new Map(sim.customers().flatMap((c) => c.orders.flatMap((o) => o.digitalProducts)).map((p) => [p.id, p]));
      for (let i = 0; i < products; i++) {
        const active = state.get(productIdOf(i))!.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED).map((t) => t.uid);
        expect(active, `seed ${seed}, product ${i}`).toEqual([finalUid(i)]);
        const uids = state.get(productIdOf(i))!.tokens.map((t) => t.uid);
        expect(uids.slice(0, 2)).toEqual([originalUid(i), replacementUid(i)]);
      }

      const db = openStore(dir.path);
      try {
        const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
        expect(states, `seed ${seed}`).toEqual([{ state: 'done', n: plan.length }]);
        expect(db.prepare('SELECT count(*) FROM audit WHERE outcome IS NULL').pluck().get()).toBe(0);
        const outcomes = db.prepare('SELECT outcome, count(*) AS n FROM outbox GROUP BY outcome').all() as { outcome: string; n: number }[];
        // The lost-answer path was really exercised, and nothing was taken for another desk's work.
        expect(outcomes.find((o) => o.outcome === 'already-applied')?.n ?? 0).toBeGreaterThan(0);
        expect(outcomes.map((o) => o.outcome).sort()).toEqual(expect.arrayContaining(['sent']));
        expect(outcomes.some((o) => o.outcome === 'possible-duplicate' || o.outcome === 'already-done-elsewhere')).toBe(false);
        console.log(`outbox crash test: seed ${seed}, ${killed} kills, ${Date.now() - started} ms, outcomes ${JSON.stringify(outcomes)}`);
      } finally {
        db.close();
      }
    } finally {
      await sim.stop();
      dir.remove();
    }
  }, 90_000);
});
