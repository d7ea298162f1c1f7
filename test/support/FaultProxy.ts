import { Agent, createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy can do to one request:
 * - server-error: answers 500/502/503 itself; the server never sees the request;
 * - server-error-retry-after: answers 503 with a Retry-After (seconds or an HTTP date); not forwarded;
 * - reset: resets the connection (TCP RST) before forwarding anything;
 * - timeout-before: holds the request without forwarding or answering, until the client gives up;
 * - timeout-after: forwards it (the server applies it), then never answers: the client times out;
 * - slow: waits `slowMs` before forwarding, then answers normally (below the client's timeout);
 * - drop-after-applied: forwards it, the server answers, and the proxy closes the client's
 *   connection instead of passing the answer on.
 */
export const faultKinds = [
  'server-error',
  'server-error-retry-after',
  'reset',
  'timeout-before',
  'timeout-after',
  'slow',
  'drop-after-applied',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultProxyOptions {
  /** The real server's base URL (e.g. the simulator's); the proxy answers on the same path. */
  target: string;
  /** Seeded randomness: which request meets which fault. */
  random: () => number;
  /**
   * Share of requests that meet each fault (default: none; `forceNext` still works). Drawn from a
   * shuffled bag of 40 (each share rounded to 1/40), so the shares hold in every 40 requests in a
   * row, not only on average: a test can rely on them.
   */
  rates?: Partial<Record<FaultKind, number>>;
  /** The Retry-After value of `server-error-retry-after`; default "1" or an HTTP date 2 s ahead. */
  retryAfter?: () => string;
  /** Delay range of `slow`, in ms: keep it below the client's total timeout. Default [20, 120]. */
  slowMs?: readonly [number, number];
}

export interface ProxiedRequest {
  method: string;
  url: string;
  fault: FaultKind | 'none';
  /** Whether the request was passed on to the server (which may have applied it). */
  forwarded: boolean;
  /** The server's status, when it was forwarded and answered. */
  upstreamStatus?: number;
}

interface Upstream {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'te', 'trailer', 'upgrade']);

/**
 * A real HTTP proxy on 127.0.0.1 in front of a server, injecting seeded network and server
 * faults. It never forwards a request after its client gave up on it: a request that reaches the
 * server late, after the desk re-read the state, is a duplicate no client could prevent without
 * idempotency keys, and is not what these faults model.
 */
export class FaultProxy {
  /** Every request, in arrival order, with the fault it met. */
  readonly log: ProxiedRequest[] = [];
  private readonly targetUrl: URL;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  private readonly forced: (FaultKind | 'none')[] = [];
  private bag: (FaultKind | 'none')[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | undefined;

  constructor(private readonly options: FaultProxyOptions) {
    this.targetUrl = new URL(options.target);
  }

  /** Listens on 127.0.0.1; resolves to the base URL to give the client (same path as the target). */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const { port } = server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.targetUrl.pathname.replace(/\/+$/, '')}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = undefined;
    this.agent.destroy();
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The next requests meet these faults (in order), whatever the rates say. */
  forceNext(...faults: (FaultKind | 'none')[]): void {
    this.forced.push(...faults);
  }

  get requests(): number {
    return this.log.length;
  }

  /** Requests that met a fault. */
  get injected(): number {
    return this.log.filter((r) => r.fault !== 'none').length;
  }

  counts(): Record<FaultKind, number> {
    const counts = Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    for (const r of this.log) if (r.fault !== 'none') counts[r.fault]++;
    return counts;
  }

  private choose(): FaultKind | 'none' {
    const forced = this.forced.shift();
    if (forced !== undefined) return forced;
    if (this.bag.length === 0) this.bag = this.fillBag();
    return this.bag.pop() ?? 'none';
  }

  private fillBag(): (FaultKind | 'none')[] {
    const size = 40;
    const bag: (FaultKind | 'none')[] = [];
    for (const kind of faultKinds) for (let i = 0; i < Math.round((this.options.rates?.[kind] ?? 0) * size); i++) bag.push(kind);
    if (bag.length > size) throw new Error('FaultProxy: the fault rates add up to more than 1');
    while (bag.length < size) bag.push('none');
    for (let i = bag.length - 1; i > 0; i--) {
      const j = Math.floor(this.options.random() * (i + 1));
      [bag[i], bag[j]] = [bag[j]!, bag[i]!];
    }
    return bag;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const fault = this.choose();
    const entry: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', fault, forwarded: false };
    this.log.push(entry);
    // Before we answer, a closed response means the client is gone (gave up, or was reset).
    let clientGone = false;
    res.on('close', () => {
      if (!res.writableFinished) clientGone = true;
    });

    if (fault === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      switch (fault) {
        case 'server-error':
          this.answer(res, { status: [500, 502, 503][Math.floor(this.options.random() * 3)]!, headers: {}, body: Buffer.from('') });
          return;
        case 'server-error-retry-after': {
          const retryAfter = this.options.retryAfter?.() ?? (this.options.random() < 0.5 ? '1' : new Date(Date.now() + 2_000).toUTCString());
          this.answer(res, {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
            body: Buffer.from('{"error":"Service temporarily unavailable"}'),
          });
          return;
        }
        case 'timeout-before':
          return; // never forwarded, never answered: the client's own timeout ends it
        case 'slow': {
          const [min, max] = this.options.slowMs ?? [20, 120];
          this.later(min + Math.floor(this.options.random() * (max - min)), () => {
            if (!clientGone) this.forward(req, body, entry, (upstream) => this.answer(res, upstream));
          });
          return;
        }
        case 'timeout-after':
          this.forward(req, body, entry, () => undefined); // applied; the answer is never passed on
          return;
        case 'drop-after-applied':
          this.forward(req, body, entry, () => req.socket.destroy());
          return;
        case 'none':
          if (!clientGone) this.forward(req, body, entry, (upstream) => this.answer(res, upstream));
          return;
      }
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private forward(req: IncomingMessage, body: Buffer, entry: ProxiedRequest, then: (upstream: Upstream) => void): void {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!hopByHop.has(name) && name !== 'host') headers[name] = value;
    entry.forwarded = true;
    const upstream = httpRequest(
      {
        host: this.targetUrl.hostname,
        port: this.targetUrl.port,
        method: req.method,
        path: req.url,
        headers,
        agent: this.agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => req.socket.destroy());
        response.on('end', () => {
          entry.upstreamStatus = response.statusCode ?? 0;
          const answerHeaders: OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(response.headers)) if (!hopByHop.has(name)) answerHeaders[name] = value;
          then({ status: response.statusCode ?? 502, headers: answerHeaders, body: Buffer.concat(chunks) });
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  }

  private answer(res: ServerResponse, upstream: Upstream): void {
    if (res.destroyed) return;
    if (upstream.status === 204 || upstream.status === 304) {
      res.writeHead(upstream.status, upstream.headers);
      res.end();
      return;
    }
    res.writeHead(upstream.status, { ...upstream.headers, 'content-length': upstream.body.length });
    res.end(upstream.body);
  }
}
