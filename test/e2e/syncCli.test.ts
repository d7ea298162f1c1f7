import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TickowebTree } from '../support/tickowebTree';
import { makeTempDir } from '../support/tempDir';
import { startNginxDav } from '../support/webdavServers';
import type { DavServer } from '../support/webdavServers';

const script = resolve('out/main/sync.js');
const credentials = { username: 'desk', password: 'pæss-wörd' };

function runSync(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first (npm test does).`);
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => done({ code, output }));
  });
}

describe('npm run sync (headless Tickoweb mirror)', () => {
  let tree: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let server: DavServer;
  let orders = 0;
  const env = { WRISTDESK_TICKOWEB_USERNAME: credentials.username, WRISTDESK_TICKOWEB_PASSWORD: credentials.password };

  beforeAll(async () => {
    tree = makeTempDir('wristdesk-tree-');
    data = makeTempDir('wristdesk-data-');
    orders = TickowebTree.write(tree.path, { seed: 7, orgs: 1, eventsPerOrg: 2, ordersPerEvent: 60, bucketSize: 25 }).orders.length;
    server = await startNginxDav(tree.path, { auth: credentials });
  });
  afterAll(async () => {
    await server.stop();
    tree.remove();
    data.remove();
  });

  it('mirrors the tree into the data folder with credentials from the environment, and says what it did', async () => {
    const { code, output } = await runSync(['--url', server.url, '--data-dir', data.path], env);
    expect(code, output).toBe(0);
    expect(output).toContain(`Tickoweb sync done: 2 events`);
    expect(output).toContain(`${orders} orders fetched`);
    expect(output).not.toContain(credentials.password);
    const db = new BetterSqlite3(resolve(data.path, 'wristdesk.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM tickoweb_orders').pluck().get()).toBe(orders);
    } finally {
      db.close();
    }
  });

  it('a second run fetches nothing', async () => {
    const { code, output } = await runSync(['--url', server.url, '--data-dir', data.path], env);
    expect(code, output).toBe(0);
    expect(output).toContain(`0 orders fetched, ${orders} unchanged`);
  });

  it('wrong credentials fail with exit 1 and say so; bad arguments exit 2', async () => {
    const wrong = await runSync(['--url', server.url, '--data-dir', data.path], { ...env, WRISTDESK_TICKOWEB_PASSWORD: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('TICKOWEB_UNAUTHORIZED');
    expect(wrong.output).not.toContain('nope');
    const bad = await runSync(['--data-dir', data.path]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--url');
  });
});
