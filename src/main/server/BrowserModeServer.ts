import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { WireRequest } from '../../shared/contract';
import type { WireResponse } from '../../shared/contract';
import type { Core } from '../core/Core';
import { dispatch } from '../core/dispatch';
import { AccessKey } from './AccessKey';

export interface BrowserModeServerOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  accessKey?: AccessKey;
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes?: number;
}

export interface BrowserModeServer {
  /** The address to open, including the access key. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const loopback = '127.0.0.1';

const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * Browser mode: the same renderer and the same core as the Electron app, carried over a
 * WebSocket instead of IPC. Listens on 127.0.0.1 only. The page and the socket require the
 * per-start access key; the socket also requires our own Host and Origin, so another web page
 * (or a DNS-rebinding attack) in the same browser cannot talk to the core.
 */
export async function startBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  const key = options.accessKey ?? new AccessKey();
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'));
  const assets = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    dotfiles: false,
    // No "/index" → index.html guessing: the page is served only by the key check below.
    extensions: [],
    setHeaders: (res: ServerResponse) => applyHeaders(res),
  });
  let port = 0;
  const allowedHosts = (): string[] => [`${loopback}:${port}`, `localhost:${port}`];

  const server: Server = createServer((req, res) => {
    const target = requestTarget(req.url);
    if (target === undefined) return refuse(res, 400, 'Bad request');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(res, 421, 'Unknown host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    if (target.path === '/' || target.path === '/index.html') {
      if (!key.matches(target.query.get('key'))) {
        return refuse(res, 403, 'Open the address printed by "npm run serve": it carries the access key.');
      }
      applyHeaders(res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : indexHtml);
      return;
    }
    // sirv sees exactly the path that was checked. Browsers ask for /favicon.ico whatever the
    // page links: answer with the app's icon.
    req.url = target.path === '/favicon.ico' ? '/favicon.svg' : encodeURI(target.path);
    // The bundle is the same public code the desktop app ships; only the core's data is secret.
    assets(req, res, () => refuse(res, 404, 'Not found'));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 1024 * 1024 });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops its own error listener on upgrade: a client reset would otherwise crash us.
    socket.on('error', () => socket.destroy());
    const target = requestTarget(req.url);
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && allowedHosts().some((host) => origin === `http://${host}`);
    if (
      target?.path !== '/ws' ||
      !allowedHosts().includes(req.headers.host ?? '') ||
      !sameOrigin ||
      !key.matches(target.query.get('key'))
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, loopback, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${loopback}:${port}/?key=${encodeURIComponent(key.value)}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, core: Core): void {
  const unsubscribe = core.events.subscribe((event) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
  });
  ws.on('close', unsubscribe);
  // Oversized or broken frames: ws closes the socket itself; without a listener the error
  // would crash the whole process.
  ws.on('error', (error) => core.log.warn('browser-mode socket closed on error', { message: error.message }));
  ws.on('message', (data: RawData, isBinary: boolean) => {
    void answer(ws, core, data, isBinary);
  });
}

async function answer(ws: WebSocket, core: Core, data: RawData, isBinary: boolean): Promise<void> {
  let frame: WireRequest;
  try {
    if (isBinary) throw new Error('binary frame');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
    frame = WireRequest.parse(JSON.parse(text));
  } catch {
    // Without a valid id there is no one to answer: close, as a client speaking nonsense is broken.
    ws.close(1003, 'invalid frame');
    return;
  }
  const outcome = await dispatch(core.handlers, frame.method, frame.params, core.log);
  const response: WireResponse = outcome.ok
    ? { id: frame.id, ok: true, result: outcome.result }
    : { id: frame.id, ok: false, error: outcome.error };
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(response));
}

/**
 * The request target as the checks must see it: percent-decoded and normalised ("//a", "/a/../b",
 * "/%69ndex.html" are what they resolve to). Anything that is not an origin-form path is refused.
 */
function requestTarget(raw: string | undefined): { path: string; query: URLSearchParams } | undefined {
  const value = raw ?? '/';
  if (!value.startsWith('/')) return undefined;
  const queryStart = value.indexOf('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(queryStart === -1 ? value : value.slice(0, queryStart));
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  return {
    path: posix.normalize(decoded),
    query: new URLSearchParams(queryStart === -1 ? '' : value.slice(queryStart + 1)),
  };
}

function applyHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  applyHeaders(res);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}
