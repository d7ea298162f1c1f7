import { Agent, errors as undiciErrors, request } from 'undici';
import type { Dispatcher } from 'undici';
import { AppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import type { DavEntry, DavGetResult, DavSource } from '../types';
import { joinPath, parseBase, relativeSegments, resolveHref, urlOf } from './davPaths';
import type { DavBase } from './davPaths';
import { MultistatusParser } from './propfindParser';
import type { RawDavResponse } from './propfindParser';
import { Semaphore } from './semaphore';

/** One request's outcome, for the connectivity tracker (same shape as Venue Manager's). */
export interface DavRequestOutcome {
  /** False when the server could not be reached, timed out, failed (5xx) or refused the credentials. */
  ok: boolean;
  /** Set when the call ended in an error: its AppError code (also TICKOWEB_NOT_FOUND and the like, with ok true). */
  code?: string;
  latencyMs: number;
}

export interface WebdavClientOptions {
  /** The folder the credentials give access to, e.g. https://webdav.tickoweb.be/reseller/ (trailing '/' optional). */
  baseUrl: string;
  /** HTTP Basic, sent with every request when set. */
  username?: string;
  password?: string;
  /** Requests in flight at most (and pooled connections). */
  concurrency?: number;
  connectTimeoutMs?: number;
  /** One request: connect, headers and the whole body. */
  totalTimeoutMs?: number;
  /** A listing body larger than this is refused (TICKOWEB_TOO_LARGE). */
  maxListingBytes?: number;
  onOutcome?: (outcome: DavRequestOutcome) => void;
  now?: () => number;
}

const propfindBody =
  '<?xml version="1.0" encoding="utf-8"?>\n' +
  '<D:propfind xmlns:D="DAV:"><D:prop><D:getlastmodified/><D:getetag/><D:resourcetype/><D:getcontentlength/></D:prop></D:propfind>';

const defaultMaxGetBytes = 5 * 1024 * 1024;
/** Codes that say the server is not usable right now (the rest are answers about one item). */
const connectivityCodes = new Set<string>(['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'TICKOWEB_UNAUTHORIZED']);

/**
 * Tickoweb's WebDAV tree, read-only: PROPFIND Depth 1 listings and conditional GETs over one
 * keep-alive pool, at most `concurrency` requests at a time, with hard time and size limits; every
 * failure an AppError. Hrefs that leave the base URL are refused. Credentials never appear in
 * errors or outcomes. No retries here: the sync decides what to repeat.
 */
export class WebdavClient implements DavSource {
  private readonly base: DavBase;
  private readonly agent: Agent;
  private readonly slots: Semaphore;
  private readonly authorization: string | null;
  private readonly totalMs: number;
  private readonly maxListingBytes: number;

  constructor(private readonly options: WebdavClientOptions) {
    this.base = parseBase(options.baseUrl);
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new AppError('INVALID_SETTINGS', 'WebDAV concurrency must be a whole number from 1 to 64', { field: 'concurrency' });
    }
    this.slots = new Semaphore(concurrency);
    this.totalMs = options.totalTimeoutMs ?? 30_000;
    this.maxListingBytes = options.maxListingBytes ?? 32 * 1024 * 1024;
    this.authorization =
      options.username === undefined || options.username === ''
        ? null
        : `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`, 'utf8').toString('base64')}`;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      keepAliveTimeout: 10_000,
      connections: concurrency,
    });
  }

  /** The base URL, ending with '/'. */
  get baseUrl(): string {
    return this.base.href;
  }

  /** The folder's direct members (PROPFIND Depth 1), the folder itself left out. '' is the base. */
  async list(path: string): Promise<DavEntry[]> {
    const folder = relativeSegments(path);
    const url = urlOf(this.base, folder.names, true);
    const listed = joinPath(folder.names, true);
    return this.exchange('PROPFIND', url, { depth: '1', 'content-type': 'application/xml; charset=utf-8' }, propfindBody, async (response) => {
      if (response.statusCode !== 207) {
        throw statusError(response.statusCode, listed, 'PROPFIND');
      }
      const entries: DavEntry[] = [];
      const parser = new MultistatusParser((raw) => {
        const entry = this.entryOf(raw, url, folder.names);
        if (entry !== null) entries.push(entry);
      });
      let size = 0;
      for await (const chunk of response.body) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > this.maxListingBytes) {
          throw new AppError('TICKOWEB_TOO_LARGE', `The listing of ${listed || 'the base folder'} is larger than ${this.maxListingBytes} bytes`, {
            path: listed,
            maxBytes: this.maxListingBytes,
          });
        }
        parser.write(bytes);
      }
      parser.end();
      return entries;
    });
  }

  /** A file's bytes, or 'not-modified' when the server answers 304 to the given validators. */
  async get(path: string, options: { etag?: string | null; lastModified?: number | null; maxBytes?: number } = {}): Promise<DavGetResult> {
    const file = relativeSegments(path);
    if (file.folder) throw new AppError('INVALID_REQUEST', 'Only files can be fetched, not folders', { path });
    const maxBytes = options.maxBytes ?? defaultMaxGetBytes;
    const headers: Record<string, string> = {};
    if (options.etag !== undefined && options.etag !== null && options.etag !== '') headers['if-none-match'] = options.etag;
    if (options.lastModified !== undefined && options.lastModified !== null && Number.isFinite(options.lastModified)) {
      headers['if-modified-since'] = new Date(options.lastModified).toUTCString();
    }
    const url = urlOf(this.base, file.names, false);
    return this.exchange('GET', url, headers, undefined, async (response): Promise<DavGetResult> => {
      if (response.statusCode === 304) return { status: 'not-modified' };
      if (response.statusCode !== 200) throw statusError(response.statusCode, path, 'GET');
      const tooLarge = () =>
        new AppError('TICKOWEB_TOO_LARGE', `${path} is larger than ${maxBytes} bytes`, { path, maxBytes });
      const declared = Number(header(response, 'content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > maxBytes) throw tooLarge();
        chunks.push(bytes);
      }
      return {
        status: 'ok',
        body: Buffer.concat(chunks, size),
        etag: header(response, 'etag') ?? null,
        lastModified: httpDate(header(response, 'last-modified')),
      };
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** A multistatus response as an entry of the listed folder; null for the folder itself and failed members. */
  private entryOf(raw: RawDavResponse, requestUrl: string, folder: readonly string[]): DavEntry | null {
    // Every href is checked, also those of members we then leave out.
    const resolved = raw.hrefs.map((href) => resolveHref(this.base, requestUrl, href));
    if (raw.status !== null && (raw.status < 200 || raw.status >= 300)) return null;
    if (resolved.length !== 1 || resolved[0] === undefined) {
      throw new AppError('TICKOWEB_BAD_LISTING', 'Tickoweb listed one member under several hrefs', { href: raw.hrefs.join(' ').slice(0, 500) });
    }
    const { names, trailingSlash } = resolved[0];
    const isSelf = names.length === folder.length && folder.every((name, index) => names[index] === name);
    if (isSelf) return null;
    const member = names.length === folder.length + 1 && folder.every((name, index) => names[index] === name);
    if (!member) {
      throw new AppError('TICKOWEB_BAD_LISTING', 'Tickoweb listed an href that is not in the listed folder', {
        href: raw.hrefs[0]?.slice(0, 500),
        folder: joinPath(folder, true),
      });
    }
    const isFolder = raw.isCollection ?? trailingSlash;
    const name = names[names.length - 1] ?? '';
    const size = raw.contentLength === null ? NaN : Number(raw.contentLength);
    return {
      path: joinPath(names, isFolder),
      name,
      isFolder,
      lastModified: httpDate(raw.lastModified ?? undefined),
      etag: raw.etag,
      size: !isFolder && Number.isSafeInteger(size) && size >= 0 ? size : null,
    };
  }

  /** One request inside a concurrency slot, its body consumed or discarded, every failure an AppError. */
  private async exchange<T>(
    method: 'GET' | 'PROPFIND',
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    handle: (response: Dispatcher.ResponseData) => Promise<T>,
  ): Promise<T> {
    const release = await this.slots.acquire();
    const now = this.options.now ?? Date.now;
    const started = now();
    const signal = AbortSignal.timeout(this.totalMs);
    let response: Dispatcher.ResponseData | undefined;
    let keepConnection = true;
    try {
      response = await request(url, {
        method,
        headers: {
          ...headers,
          ...(this.authorization === null ? {} : { authorization: this.authorization }),
        },
        body,
        dispatcher: this.agent,
        signal,
        headersTimeout: this.totalMs,
        bodyTimeout: this.totalMs,
      });
      const result = await handle(response);
      this.options.onOutcome?.({ ok: true, latencyMs: now() - started });
      return result;
    } catch (error) {
      const failure = asTransportError(error, signal);
      // After an oversized body or a transport failure the connection is not worth saving.
      keepConnection = !(failure.code === 'TICKOWEB_TOO_LARGE' || failure.code === 'NETWORK' || failure.code === 'TIMEOUT');
      this.options.onOutcome?.({ ok: !connectivityCodes.has(failure.code), code: failure.code, latencyMs: now() - started });
      throw failure;
    } finally {
      // A body not read to its end (an error page, a 304) would hold the connection: read a small
      // rest away so the connection can be reused, or drop it.
      if (response !== undefined && !response.body.destroyed && !response.body.readableEnded) {
        if (keepConnection) await response.body.dump({ limit: 64 * 1024, signal }).catch(() => undefined);
        else {
          response.body.on('error', () => undefined); // destroying emits an abort error nobody else awaits
          response.body.destroy();
        }
      }
      release();
    }
  }
}

function statusError(status: number, path: string, method: string): AppError {
  const details = { status, path };
  if (status === 401) return new AppError('TICKOWEB_UNAUTHORIZED', 'Tickoweb rejected the WebDAV credentials', details);
  if (status === 403) return new AppError('TICKOWEB_UNAUTHORIZED', `These WebDAV credentials give no access to ${path || 'the base folder'}`, details);
  if (status === 404 || status === 410) return new AppError('TICKOWEB_NOT_FOUND', `Tickoweb has no ${path || 'base folder'}`, details);
  if (status >= 500) return new AppError('SERVER_ERROR', `Tickoweb answered ${status} to ${method}`, details);
  const code: ErrorCode = method === 'PROPFIND' ? 'TICKOWEB_BAD_LISTING' : 'BAD_RESPONSE';
  return new AppError(code, `Tickoweb answered ${status} to ${method} ${path || '(base folder)'}`, details);
}

function asTransportError(error: unknown, signal: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  const cause = error instanceof Error ? error.message : String(error);
  // e.g. a validator with a line break in it: never sent, and not the network's fault.
  if (error instanceof undiciErrors.InvalidArgumentError) return new AppError('INVALID_REQUEST', 'A WebDAV request could not be built', { cause });
  if (
    signal.aborted ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return new AppError('TIMEOUT', 'Tickoweb did not answer in time', { cause });
  }
  return new AppError('NETWORK', 'Tickoweb could not be reached', { cause });
}

function header(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An HTTP date (RFC 1123, also the obsolete forms Date.parse reads) as epoch ms; null when absent or garbage. */
function httpDate(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
