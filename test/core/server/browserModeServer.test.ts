import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AccessKey } from '../../../src/main/server/AccessKey';
import { startBrowserModeServer } from '../../../src/main/server/BrowserModeServer';
import type { BrowserModeServer } from '../../../src/main/server/BrowserModeServer';
import { makeTempDir } from '../../support/tempDir';
import { startTestCore } from '../../support/startTestCore';

const key = new AccessKey('test-key-0123456789');
let server: BrowserModeServer;
let stopCore: () => Promise<void>;
const root = makeTempDir();
const renderer = { path: join(root.path, 'renderer') };
const sentinel = 'SENTINEL-OUTSIDE-RENDERER';

beforeAll(async () => {
  mkdirSync(join(renderer.path, 'assets'), { recursive: true });
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Wristdesk</title>');
  writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root.path, 'secret.txt'), sentinel);
  const started = await startTestCore();
  stopCore = started.stop;
  server = await startBrowserModeServer({ core: started.core, rendererDir: renderer.path, port: 0, accessKey: key, maxMessageBytes: 4096 });
});

afterAll(async () => {
  await server.close();
  await stopCore();
  root.remove();
});

/** Sends bytes as they are (fetch would normalise the path) and returns what came back. */
function raw(request: string, options: { reset?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: server.port });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      socket.write(request);
      if (options.reset === true) socket.resetAndDestroy();
      else setTimeout(() => socket.end(), 200);
    });
  });
}

const get = (target: string, host = `127.0.0.1:${server.port}`) =>
  raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

const origin = () => `http://127.0.0.1:${server.port}`;

function openSocket(options: { key?: string; origin?: string; host?: string } = {}): Promise<WebSocket> {
  const query = options.key === undefined ? '' : `?key=${encodeURIComponent(options.key)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, {
      // An empty origin means "send no Origin header at all".
      ...(options.origin === '' ? {} : { origin: options.origin ?? origin() }),
      headers: options.host === undefined ? {} : { host: options.host },
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, params: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { id?: number };
      if (frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('browser-mode server', () => {
  it('prints a loopback URL carrying the key', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?key=test-key-0123456789`);
  });

  it('listens on loopback only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a!.address);
    for (const host of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => { socket.destroy(); resolve('connected'); });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, `reachable on ${host}`).not.toBe('connected');
    }
  });

  it('serves the page only with the key, with a strict CSP', async () => {
    expect((await fetch(`${origin()}/`)).status).toBe(403);
    expect((await fetch(`${origin()}/?key=wrong`)).status).toBe(403);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await page.text()).toContain('Wristdesk');
  });

  it('serves assets and nothing outside the renderer folder', async () => {
    expect((await fetch(`${origin()}/assets/app.js`)).status).toBe(200);
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const answer = await get(target);
      expect(answer, target).not.toContain(sentinel);
      expect(answer, target).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
  });

  it('never serves the page without the key, however the path is spelt', async () => {
    for (const target of ['/index', '/%69ndex.html', '//index.html', '/assets/../index.html', '/./', '/index.html?key=wrong']) {
      const answer = await get(target);
      expect(answer, target).not.toContain('<title>Wristdesk');
    }
    expect(await get(`/%69ndex.html?key=${key.value}`)).toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
    expect(await get(`/?key=${key.value}`, `evil.example:${server.port}`)).toMatch(/^HTTP\/1\.1 421/);
  });

  it('survives a malformed request line and clients that reset after a refused upgrade', async () => {
    await raw('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n');
    for (let i = 0; i < 20; i++) {
      await raw(`GET /ws?key=wrong HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`, { reset: true });
    }
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('refuses a WebSocket without the key, with a wrong key, a foreign Origin or Host', async () => {
    await expect(openSocket({})).rejects.toThrow('refused 403');
    await expect(openSocket({ key: 'wrong' })).rejects.toThrow('refused 403');
    await expect(openSocket({ key: key.value, origin: 'http://evil.example' })).rejects.toThrow('refused 403');
    await expect(openSocket({ key: key.value, host: `evil.example:${server.port}` })).rejects.toThrow('refused 403');
    await expect(openSocket({ key: key.value, origin: '' })).rejects.toThrow('refused 403');
  });

  it('answers contract requests and pushes events', async () => {
    const ws = await openSocket({ key: key.value });
    expect(await call(ws, 1, 'app.info', {})).toMatchObject({ id: 1, ok: true, result: { name: 'Wristdesk', demo: true } });
    expect(await call(ws, 2, 'identify.lookup', { uid: 7 })).toMatchObject({ id: 2, ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await call(ws, 3, 'nope', {})).toMatchObject({ id: 3, ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const scan = new Promise((resolve) => {
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as { event?: string; payload?: unknown };
        if (frame.event === 'scan') resolve(frame.payload);
      });
    });
    await call(ws, 4, 'reader.virtualTap', { uid: '04a1b2c3d4e5f6' });
    expect(await scan).toMatchObject({ readerId: 'virtual', uid: '04A1B2C3D4E5F6' });
    ws.close();
  });

  it('closes a socket that sends an oversized or malformed frame', async () => {
    const big = await openSocket({ key: key.value });
    const bigClosed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send(JSON.stringify({ id: 1, method: 'app.info', params: { pad: 'x'.repeat(10_000) } }));
    expect(await bigClosed).toBe(1009);

    const junk = await openSocket({ key: key.value });
    const junkClosed = new Promise<number>((resolve) => junk.once('close', (code) => resolve(code)));
    junk.send('not json');
    expect(await junkClosed).toBe(1003);
  });
});
