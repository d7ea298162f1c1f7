import type { AnyEvent, MethodName, Params, Result, WristdeskApi } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ConnectionState, CoreConnection } from './coreConnection';
import { parseIncomingFrame, parseResult } from './wireFrames';

/** The part of the browser WebSocket this transport uses, so tests can pass a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
}
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

const OPEN = 1;

export interface WebSocketApiOptions {
  url: string;
  WebSocket?: WebSocketConstructorLike;
  /** A request with no answer after this long fails with TIMEOUT instead of hanging. */
  requestTimeoutMs?: number;
  /** Delay before reconnect attempt `attempt` (0-based). */
  reconnectDelayMs?: (attempt: number) => number;
  warn?: (message: string) => void;
}

interface PendingRequest {
  frame: string;
  sent: boolean;
  resolve: (raw: unknown) => void;
  reject: (error: AppError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Exponential backoff capped at 10 s, with jitter so many tabs do not reconnect in step. */
export function defaultReconnectDelayMs(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, 10_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * The contract over the browser-mode WebSocket (`/ws?key=…`). Validates every incoming frame
 * and every result, reconnects with backoff, and fails requests with NETWORK when the link
 * drops so the UI never waits on an answer that cannot come.
 */
export class WebSocketApi implements WristdeskApi {
  private readonly url: string;
  private readonly WebSocketImpl: WebSocketConstructorLike;
  private readonly requestTimeoutMs: number;
  private readonly reconnectDelayMs: (attempt: number) => number;
  private readonly warn: (message: string) => void;

  private socket: WebSocketLike | null = null;
  private state: ConnectionState = 'connecting';
  private nextRequestId = 1;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly eventListeners = new Set<(event: AnyEvent) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(options: WebSocketApiOptions) {
    this.url = options.url;
    this.WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.reconnectDelayMs = options.reconnectDelayMs ?? defaultReconnectDelayMs;
    this.warn = options.warn ?? ((message) => console.warn(`[wristdesk transport] ${message}`));
    this.connect();
  }

  invoke<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.disposed || this.state === 'reconnecting') {
      return Promise.reject(new AppError('NETWORK', 'Not connected to the Wristdesk core', { method }));
    }
    const id = this.nextRequestId++;
    return new Promise<Result<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('TIMEOUT', `No answer from the Wristdesk core to ${method}`, { method }));
      }, this.requestTimeoutMs);
      this.pending.set(id, {
        frame: JSON.stringify({ id, method, params }),
        sent: false,
        resolve: (raw) => {
          try {
            resolve(parseResult(method, raw));
          } catch (error) {
            reject(error instanceof AppError ? error : new AppError('INTERNAL', String(error)));
          }
        },
        reject,
        timer,
      });
      // While the first connection is still opening, the request waits and goes out on open.
      if (this.state === 'connected') this.sendPending(id);
    });
  }

  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** CoreConnection's subscribe, named apart from the event subscription above. */
  subscribeState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** The connection as the UI sees it: only the state, none of the request machinery. */
  get connection(): CoreConnection {
    return { getState: () => this.getState(), subscribe: (listener) => this.subscribeState(listener) };
  }

  /** Stops reconnecting and fails whatever is still waiting. */
  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) {
      this.detach(socket);
      socket.close();
    }
    this.failAll('The transport was closed');
  }

  private connect(): void {
    if (this.disposed) return;
    let socket: WebSocketLike;
    try {
      socket = new this.WebSocketImpl(this.url);
    } catch (error) {
      this.warn(`could not open the socket: ${String(error)}`);
      this.handleClose();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.reconnectAttempt = 0;
      this.setState('connected');
      for (const id of this.pending.keys()) this.sendPending(id);
    };
    socket.onmessage = (event) => this.handleMessage(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.detach(socket);
      this.socket = null;
      this.handleClose();
    };
    // The close event that always follows an error does the work.
    socket.onerror = () => {};
  }

  private handleClose(): void {
    this.failAll('Connection to the Wristdesk core lost');
    if (this.disposed) return;
    this.setState('reconnecting');
    const delay = this.reconnectDelayMs(this.reconnectAttempt);
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private handleMessage(data: unknown): void {
    const incoming = parseIncomingFrame(data);
    switch (incoming.kind) {
      case 'response': {
        const request = this.takePending(incoming.frame.id);
        if (request === undefined) {
          this.warn(`ignored a response to unknown request ${String(incoming.frame.id)}`);
          return;
        }
        if (incoming.frame.ok) request.resolve(incoming.frame.result);
        else request.reject(AppError.fromWire(incoming.frame.error));
        return;
      }
      case 'event':
        for (const listener of [...this.eventListeners]) {
          try {
            listener(incoming.event);
          } catch (error) {
            this.warn(`an event listener threw: ${String(error)}`);
          }
        }
        return;
      case 'invalid': {
        this.warn(`ignored an invalid frame (${incoming.reason})`);
        const request = incoming.requestId === undefined ? undefined : this.takePending(incoming.requestId);
        request?.reject(new AppError('INTERNAL', 'The Wristdesk core sent a malformed response'));
        return;
      }
    }
  }

  private sendPending(id: number): void {
    const request = this.pending.get(id);
    const socket = this.socket;
    if (request === undefined || request.sent || socket === null || socket.readyState !== OPEN) return;
    request.sent = true;
    socket.send(request.frame);
  }

  private takePending(id: number): PendingRequest | undefined {
    const request = this.pending.get(id);
    if (request === undefined) return undefined;
    this.pending.delete(id);
    clearTimeout(request.timer);
    return request;
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()]) this.takePending(id)?.reject(new AppError('NETWORK', message));
  }

  private detach(socket: WebSocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
