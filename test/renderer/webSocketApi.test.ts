import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyEvent } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { PreloadBridge } from '../../src/shared/ipc';
import { createTransport } from '../../src/renderer/src/transport/createApi';
import { WebSocketApi, type WebSocketLike } from '../../src/renderer/src/transport/webSocketApi';
import { appInfo, scan, status } from './support/fixtures';

/** A socket the test drives from the server's side. */
class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(): void {
    this.readyState = 3;
  }

  // ---- the server's side ----
  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  receive(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  drop(): void {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new Event('close') as CloseEvent);
  }

  requests(): { id: number; method: string; params: unknown }[] {
    return this.sent.map((frame) => JSON.parse(frame) as { id: number; method: string; params: unknown });
  }
}

function latestSocket(): FakeWebSocket {
  const socket = FakeWebSocket.instances.at(-1);
  if (socket === undefined) throw new Error('no socket opened');
  return socket;
}

const warnings: string[] = [];

function openApi(options: { requestTimeoutMs?: number } = {}) {
  const api = new WebSocketApi({
    url: 'ws://127.0.0.1:4000/ws?key=k',
    WebSocket: FakeWebSocket,
    reconnectDelayMs: (attempt) => 1000 * (attempt + 1),
    warn: (message) => warnings.push(message),
    ...options,
  });
  return { api, socket: latestSocket() };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error('rejected with something other than an AppError', { cause: error });
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  warnings.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('WebSocketApi', () => {
  it('holds requests until the socket opens, then matches responses by id', async () => {
    const { api, socket } = openApi();
    const info = api.invoke('app.info', {});
    const currentStatus = api.invoke('status.get', {});
    expect(socket.sent).toEqual([]);
    expect(api.getState()).toBe('connecting');

    socket.accept();
    expect(api.getState()).toBe('connected');
    const [first, second] = socket.requests();
    expect(first).toMatchObject({ method: 'app.info', params: {} });
    expect(second).toMatchObject({ method: 'status.get', params: {} });

    // Answered out of order: each promise still gets its own result.
    socket.receive({ id: second?.id, ok: true, result: status({ demo: true }) });
    socket.receive({ id: first?.id, ok: true, result: appInfo });
    expect(await info).toEqual(appInfo);
    expect((await currentStatus).demo).toBe(true);
  });

  it('rejects with an AppError carrying the code of an error response', async () => {
    const { api, socket } = openApi();
    socket.accept();
    const lookup = api.invoke('identify.lookup', { uid: '04A2' });
    const [request] = socket.requests();
    socket.receive({ id: request?.id, ok: false, error: { code: 'VM_UNKNOWN_TOKEN', message: 'unknown token', details: { uid: '04A2' } } });

    const error = await rejection(lookup);
    expect(error.code).toBe('VM_UNKNOWN_TOKEN');
    expect(error.details).toEqual({ uid: '04A2' });
  });

  it('ignores invalid frames and keeps working', async () => {
    const { api, socket } = openApi();
    const events: AnyEvent[] = [];
    api.subscribe((event) => events.push(event));
    socket.accept();
    const info = api.invoke('app.info', {});
    const [request] = socket.requests();

    socket.receive('not json {');
    socket.receive({ hello: 'world' });
    socket.receive({ id: 999, ok: true, result: appInfo });
    socket.receive({ event: 'scan', payload: { uid: 42 } });
    socket.receive({ event: 'no-such-event', payload: {} });
    expect(events).toEqual([]);
    expect(warnings.length).toBe(5);

    socket.receive({ event: 'scan', payload: scan('04A2') });
    socket.receive({ id: request?.id, ok: true, result: appInfo });
    expect(await info).toEqual(appInfo);
    expect(events).toEqual([{ event: 'scan', payload: scan('04A2') }]);
  });

  it('fails a request whose response breaks the contract instead of passing it on', async () => {
    const { api, socket } = openApi();
    socket.accept();
    const info = api.invoke('app.info', {});
    const [request] = socket.requests();
    socket.receive({ id: request?.id, ok: true, result: { name: 'Wristdesk' } });
    expect((await rejection(info)).code).toBe('INTERNAL');
  });

  it('fails a request whose response frame is malformed rather than leaving it hanging', async () => {
    const { api, socket } = openApi();
    socket.accept();
    const info = api.invoke('app.info', {});
    const [request] = socket.requests();
    socket.receive({ id: request?.id, ok: false, error: { code: 'NOT_A_CODE', message: 'x' } });
    expect((await rejection(info)).code).toBe('INTERNAL');
  });

  it('on close rejects pending requests with NETWORK, fails new ones at once, and reconnects with backoff', async () => {
    vi.useFakeTimers();
    const { api, socket } = openApi();
    const states: string[] = [];
    api.connection.subscribe((state) => states.push(state));
    socket.accept();
    const pending = api.invoke('status.get', {});

    socket.drop();
    expect((await rejection(pending)).code).toBe('NETWORK');
    expect(api.getState()).toBe('reconnecting');
    expect((await rejection(api.invoke('app.info', {}))).code).toBe('NETWORK');

    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    // The second attempt fails too: the next wait is longer.
    latestSocket().drop();
    vi.advanceTimersByTime(1999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    latestSocket().accept();
    expect(api.getState()).toBe('connected');
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);

    const info = api.invoke('app.info', {});
    const [request] = latestSocket().requests();
    latestSocket().receive({ id: request?.id, ok: true, result: appInfo });
    expect(await info).toEqual(appInfo);
  });

  it('fails a request with TIMEOUT when the core never answers', async () => {
    vi.useFakeTimers();
    const { api, socket } = openApi({ requestTimeoutMs: 5000 });
    socket.accept();
    const info = api.invoke('app.info', {});
    vi.advanceTimersByTime(5000);
    expect((await rejection(info)).code).toBe('TIMEOUT');
  });

  it('stops reconnecting when disposed', async () => {
    vi.useFakeTimers();
    const { api, socket } = openApi();
    socket.accept();
    const pending = api.invoke('app.info', {});
    api.dispose();
    expect((await rejection(pending)).code).toBe('NETWORK');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('createTransport', () => {
  const preload: PreloadBridge = {
    invoke: (method) =>
      Promise.resolve(
        method === 'status.get'
          ? { ok: true, result: { demo: 'not a boolean' } }
          : { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'denied' } },
      ),
    subscribe: () => () => {},
  };

  it('uses the Electron preload when it is there, restores AppErrors and validates results', async () => {
    const transport = createTransport({
      preload,
      location: { protocol: 'file:', host: '', search: '' },
    });
    expect(transport.kind).toBe('ready');
    if (transport.kind !== 'ready') return;
    expect(transport.connection.getState()).toBe('connected');
    const error = await rejection(transport.api.invoke('app.info', {}));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('FORBIDDEN_SENDER');
    expect((await rejection(transport.api.invoke('status.get', {}))).code).toBe('INTERNAL');
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('reports a missing key in browser mode instead of connecting', () => {
    expect(createTransport({ preload: undefined, location: { protocol: 'http:', host: '127.0.0.1:4000', search: '' } })).toEqual({
      kind: 'missing-key',
    });
  });

  it('connects the WebSocket to /ws on the page host with the page key', () => {
    const opened: string[] = [];
    class RecordingWebSocket extends FakeWebSocket {
      constructor(url: string) {
        super(url);
        opened.push(url);
      }
    }
    vi.stubGlobal('WebSocket', RecordingWebSocket);
    try {
      const transport = createTransport({
        preload: undefined,
        location: { protocol: 'https:', host: 'desk.local:8443', search: '?key=a%2Fb c' },
      });
      expect(transport.kind).toBe('ready');
      expect(opened).toEqual(['wss://desk.local:8443/ws?key=a%2Fb%20c']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
