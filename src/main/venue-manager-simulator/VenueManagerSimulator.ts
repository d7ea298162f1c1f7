import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCommentBody, parseReasonBody } from './RequestBodies';
import { readRequestBody, RequestBodyTooLarge } from './readRequestBody';
import { demoImage, demoImagePathPrefix } from './DemoImages';
import { renderError, renderJson } from './ResponseBodies';
import type { ErrorBodyStyle } from './ResponseBodies';
import { parseSearchCriteria, searchCustomers } from './SearchMatcher';
import { challengeFor, isAuthorized } from './SimulatorAuth';
import type { SimulatorAuth } from './SimulatorAuth';
import type { SimulatorCustomer } from './SimulatorData';
import { matchRoute } from './SimulatorRouter';
import type { Route } from './SimulatorRouter';
import { addComment, addToken, blockToken, documentedErrors, replaceToken } from './SimulatorRules';
import type { RuleOutcome, WriteContext } from './SimulatorRules';
import { SimulatorStore } from './SimulatorStore';
import type { StoredComment } from './SimulatorStore';
import { assertTimeZone, formatVenueTime } from './VenueTime';

export interface VenueManagerSimulatorOptions {
  /** Deep-copied: the simulator owns its state, the caller's objects are never changed. */
  data: readonly SimulatorCustomer[];
  /** Injected time (default: the system clock). */
  clock?: () => Date;
  /** Zone of the server's wall-clock time strings (default 'Europe/Copenhagen'). */
  venueTimeZone?: string;
  /** 'documented' (default): error bodies byte for byte as the documentation prints them. */
  errorBodyStyle?: ErrorBodyStyle;
  /** Default true. False models servers whose product history does not show comments. */
  commentsInHistory?: boolean;
  /** Default true. False models a server without Sphinx search (quick_search refused). */
  quickSearch?: boolean;
  /** Default { kind: 'none' }. */
  auth?: SimulatorAuth;
  /** Default '/api/digital_product'. */
  basePath?: string;
  /** Default true (tests read the log). The demo turns it off: a day of taps must not fill memory. */
  recordRequests?: boolean;
  /** Told of every request as it is recorded (whether or not it is kept in memory). */
  onRequest?: (request: RecordedRequest) => void;
}

export interface RecordedRequest {
  method: string;
  /** The raw (percent-encoded) path, base path included, without the query. */
  path: string;
  /** Decoded query parameters; for a repeated key the last value wins (as in PHP). */
  query: Record<string, string>;
  /** Lower-case names; only the headers in RECORDED_HEADERS and the configured auth header. */
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
  status: number;
  /** Time of receipt, from the injected clock. */
  at: Date;
}

interface SimResponse {
  status: number;
  /** Undefined for 204. */
  body?: string;
  headers?: Record<string, string>;
  /** A demo image instead of a JSON body. */
  image?: Buffer;
}

const RECORDED_HEADERS = ['authorization', 'content-type', 'accept', 'user-agent', 'content-length'];
const MAX_BODY_BYTES = 1024 * 1024;
/** Undocumented: what a server without Sphinx says to quick_search is our guess. */
const QUICK_SEARCH_UNAVAILABLE = 'Quick search is not available';


/**
 * A simulated Venue Manager DigitalProduct API: a real HTTP server on 127.0.0.1 with its own
 * stateful copy of the data, enforcing the documented business rules with the documented
 * messages. Used by demo mode and by tests; plain Node.
 */
export class VenueManagerSimulator {
  /** Every request received, refused ones included, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  private readonly recordRequests: boolean;
  private readonly onRequest: ((request: RecordedRequest) => void) | undefined;

  private readonly store: SimulatorStore;
  private readonly clock: () => Date;
  private readonly venueTimeZone: string;
  private readonly errorBodyStyle: ErrorBodyStyle;
  private readonly commentsInHistory: boolean;
  private readonly quickSearch: boolean;
  private readonly auth: SimulatorAuth;
  private readonly basePath: string;
  private server: Server | undefined;

  constructor(options: VenueManagerSimulatorOptions) {
    this.store = new SimulatorStore(options.data);
    this.clock = options.clock ?? (() => new Date());
    this.venueTimeZone = options.venueTimeZone ?? 'Europe/Copenhagen';
    assertTimeZone(this.venueTimeZone);
    this.errorBodyStyle = options.errorBodyStyle ?? 'documented';
    this.commentsInHistory = options.commentsInHistory ?? true;
    this.quickSearch = options.quickSearch ?? true;
    this.auth = options.auth ?? { kind: 'none' };
    const basePath = (options.basePath ?? '/api/digital_product').replace(/\/+$/, '');
    if (basePath !== '' && !basePath.startsWith('/')) throw new Error(`basePath must start with "/": ${basePath}`);
    this.basePath = basePath;
    this.recordRequests = options.recordRequests ?? true;
    this.onRequest = options.onRequest;
  }

  /** Listens on 127.0.0.1 only (never all interfaces); resolves to the API base URL. */
  async start(port = 0): Promise<string> {
    if (this.server !== undefined) throw new Error('VenueManagerSimulator is already started');
    const server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.basePath}`;
  }

  /** Stops listening and drops open (keep-alive) connections, so the process can exit. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  }

  /** The listening address, or undefined when stopped. */
  address(): AddressInfo | undefined {
    const address = this.server?.address();
    return address !== null && typeof address === 'object' ? address : undefined;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** A deep copy of the current state. */
  customers(): SimulatorCustomer[] {
    return this.store.snapshot();
  }

  /** Every accepted comment, also those the history does not show (commentsInHistory: false). */
  comments(): StoredComment[] {
    return this.store.comments();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.clock();
    const method = req.method ?? 'GET';
    // Prefixing (rather than resolving against a base) keeps "//x" a path, never a host.
    const rawUrl = req.url ?? '/';
    const url = new URL(`http://127.0.0.1${rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`}`);
    const query = Object.fromEntries(url.searchParams);
    let body = '';
    let response: SimResponse;
    try {
      body = await readRequestBody(req, MAX_BODY_BYTES);
      response = this.respond(method, url.pathname, query, body, req.headers, at);
    } catch (error) {
      response =
        error instanceof RequestBodyTooLarge
          ? this.error(413, 'Request body too large.')
          : this.error(500, `Simulator failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Recorded before the response goes out, so a client that awaited it finds the record.
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      headers: this.recordedHeaders(req.headers),
      body,
      status: response.status,
      at,
    };
    if (this.recordRequests) this.requests.push(record);
    try {
      this.onRequest?.(record);
    } catch {
      // A watcher that fails (a full disk under --demo-request-log) must not cost the answer.
    }
    this.send(res, response);
  }

  private respond(
    method: string,
    pathname: string,
    query: Record<string, string>,
    body: string,
    headers: IncomingHttpHeaders,
    at: Date,
  ): SimResponse {
    const image = method === 'GET' && pathname.startsWith(demoImagePathPrefix) ? demoImage(pathname) : undefined;
    if (image !== undefined) return { status: 200, image };
    // Undocumented: status and body of a refused login are our guess.
    if (!isAuthorized(this.auth, headers)) {
      const challenge = challengeFor(this.auth);
      return this.error(401, 'Unauthorized', challenge === undefined ? {} : { 'WWW-Authenticate': challenge });
    }
    const match = matchRoute(method, pathname, this.basePath);
    // Undocumented: the answers for unknown paths and methods.
    if (match.kind === 'not-found') return this.error(404, 'Not found');
    if (match.kind === 'method-not-allowed') {
      return this.error(405, 'Method not allowed', { Allow: match.allow.join(', ') });
    }
    return this.perform(match.route, query, body, { store: this.store, now: formatVenueTime(at, this.venueTimeZone) });
  }

  private perform(route: Route, query: Record<string, string>, body: string, ctx: WriteContext): SimResponse {
    switch (route.operation) {
      case 'search': {
        const parsed = parseSearchCriteria(query);
        if (!parsed.ok) {
          return this.error(400, parsed.kind === 'no-criteria' ? documentedErrors.noArguments : parsed.error);
        }
        if (parsed.criteria.quickSearch !== undefined && !this.quickSearch) {
          return this.error(400, QUICK_SEARCH_UNAVAILABLE);
        }
        return this.json(searchCustomers(this.store.live(), parsed.criteria));
      }
      case 'history': {
        const history = this.store.history(route.productId);
        return history === undefined ? this.error(404, documentedErrors.unknownProduct) : this.json(history);
      }
      case 'comment': {
        const parsed = parseCommentBody(body);
        if (!parsed.ok) return this.error(400, parsed.error);
        return this.outcome(addComment(ctx, route.productId, parsed.value.comment, this.commentsInHistory));
      }
      case 'addToken': {
        const parsed = parseReasonBody(body);
        if (!parsed.ok) return this.error(400, parsed.error);
        return this.outcome(addToken(ctx, route.productId, query['uid'], parsed.value.reason));
      }
      case 'blockToken': {
        const parsed = parseReasonBody(body);
        if (!parsed.ok) return this.error(400, parsed.error);
        return this.outcome(blockToken(ctx, route.productId, route.uid, parsed.value.reason));
      }
      case 'replaceToken': {
        const parsed = parseReasonBody(body);
        if (!parsed.ok) return this.error(400, parsed.error);
        return this.outcome(replaceToken(ctx, route.productId, route.uid, query['newUid'], parsed.value.reason));
      }
    }
  }

  private outcome(outcome: RuleOutcome): SimResponse {
    return outcome.ok ? { status: 204 } : this.error(outcome.status, outcome.error);
  }

  private json(value: unknown): SimResponse {
    const address = this.address();
    return { status: 200, body: renderJson(value, address === undefined ? undefined : `http://127.0.0.1:${address.port}`) };
  }

  private error(status: number, message: string, headers: Record<string, string> = {}): SimResponse {
    return { status, body: renderError(this.errorBodyStyle, message), headers };
  }

  private recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const names = this.auth.kind === 'header' ? [...RECORDED_HEADERS, this.auth.name.toLowerCase()] : RECORDED_HEADERS;
    const recorded: Record<string, string> = {};
    for (const name of names) {
      const value = headers[name];
      if (value !== undefined) recorded[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return recorded;
  }

  private send(res: ServerResponse, response: SimResponse): void {
    const headers: Record<string, string | number> = { ...response.headers };
    if (response.image !== undefined) {
      res.writeHead(response.status, { 'Content-Type': 'image/png', 'Content-Length': response.image.length });
      res.end(response.image);
      return;
    }
    if (response.body !== undefined) {
      // As documented: exactly "application/json", no charset (JSON is UTF-8 by definition).
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(response.body, 'utf8');
    }
    res.writeHead(response.status, headers);
    res.end(response.body);
  }
}
