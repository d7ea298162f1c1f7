import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody, RequestBodyTooLarge } from '../venue-manager-simulator';
import { folderTimesOf } from './DemoTickowebTree';
import type { DemoDavTree } from './DemoTickowebTree';

/** One request as the demo server saw it (for a request log). */
export interface DemoDavRequest {
  method: string;
  /** The raw (percent-encoded) path, without the query. */
  path: string;
  status: number;
}

export interface DemoWebdavServerOptions {
  /** Told of every request once it is answered. */
  onRequest?: (request: DemoDavRequest) => void;
}

interface Item {
  /** Relative, decoded; folders end with '/', the root is ''. */
  path: string;
  folder: boolean;
  modified: number;
  etag: string;
  /** Files only. */
  body: Buffer | null;
  /** Folders only: the members' paths, sorted. */
  children: string[];
  /** This item's <D:response> in a multistatus, built once. */
  response: string;
}

const ROOT = '/dav/';
const ALLOW = 'OPTIONS, GET, HEAD, PROPFIND';
const MAX_REQUEST_BODY = 64 * 1024;

/**
 * A read-only WebDAV server for a tree held in memory (the demo's Tickoweb tree), on 127.0.0.1
 * only, under `/dav/`: PROPFIND Depth 0 and 1 (Depth infinity, or none, is refused with 403 as
 * nginx does), GET and HEAD with strong ETags and Last-Modified and 304 answers to If-None-Match /
 * If-Modified-Since, OPTIONS. Anything else is 405. Plain Node, no Electron.
 */
export class DemoWebdavServer {
  private readonly items = new Map<string, Item>();
  private server: Server | undefined;
  private baseUrl = '';

  constructor(
    tree: DemoDavTree,
    private readonly options: DemoWebdavServerOptions = {},
  ) {
    // Given folder times win; a folder the tree does not time gets its newest descendant's.
    const computed = folderTimesOf(tree.files);
    const folderTime = (path: string) => tree.folders?.get(path) ?? computed.get(path) ?? 0;
    const children = new Map<string, Set<string>>([['', new Set()]]);
    const addUp = (path: string) => {
      // Registers `path` with every folder above it.
      let child = path;
      while (child !== '') {
        const parent = parentOf(child);
        let members = children.get(parent);
        const known = members !== undefined;
        if (members === undefined) {
          members = new Set();
          children.set(parent, members);
        }
        members.add(child);
        if (known) break;
        child = parent;
      }
    };
    for (const [path, file] of tree.files) {
      assertRelative(path, false);
      if (!Number.isFinite(file.modified)) throw new Error(`The modified time of ${path} is not a number`);
      const body = Buffer.from(file.content, 'utf8');
      const modified = wholeSeconds(file.modified);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}-${(modified / 1000).toString(16)}"`;
      this.items.set(path, { path, folder: false, modified, etag, body, children: [], response: '' });
      addUp(path);
    }
    for (const path of tree.folders?.keys() ?? []) {
      if (path === '') continue;
      assertRelative(path, true);
      if (!children.has(path)) children.set(path, new Set());
      addUp(path);
    }
    for (const [path, members] of children) {
      if (this.items.has(path.slice(0, -1))) throw new Error(`${path.slice(0, -1)} is both a file and a folder`);
      const sorted = [...members].sort();
      const modified = wholeSeconds(folderTime(path));
      const etag = `"${createHash('sha256').update(`${path}\n${modified}\n${sorted.join('\n')}`).digest('hex').slice(0, 20)}"`;
      this.items.set(path, { path, folder: true, modified, etag, body: null, children: sorted, response: '' });
    }
    for (const item of this.items.values()) item.response = responseXml(item);
  }

  /** Listens on 127.0.0.1 only; resolves to the tree's URL, `http://127.0.0.1:PORT/dav/`. */
  async start(port = 0): Promise<string> {
    if (this.server !== undefined) throw new Error('DemoWebdavServer is already started');
    const server = createServer((req, res) => {
      void this.handle(req, res);
    });
    server.keepAliveTimeout = 15_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ROOT}`;
    return this.baseUrl;
  }

  /** Stops listening and drops open (keep-alive) connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.baseUrl = '';
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  }

  /** The tree's URL while started, else ''. */
  get url(): string {
    return this.baseUrl;
  }

  /** Files and folders served (the root included). */
  get size(): { files: number; folders: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const item of this.items.values()) {
      if (item.body !== null) {
        files++;
        bytes += item.body.length;
      }
    }
    return { files, folders: this.items.size - files, bytes };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      const body = await readRequestBody(req, MAX_REQUEST_BODY);
      this.respond(method, rawPath, body, req, res);
    } catch (error) {
      if (error instanceof RequestBodyTooLarge) send(res, 413, 'Request body too large\n');
      else send(res, 500, 'Internal error\n');
    }
    this.options.onRequest?.({ method, path: rawPath, status: res.statusCode });
  }

  private respond(method: string, rawPath: string, _body: string, req: IncomingMessage, res: ServerResponse): void {
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PROPFIND' && method !== 'OPTIONS') {
      send(res, 405, 'Method not allowed: this tree is read-only\n', { allow: ALLOW });
      return;
    }
    const target = this.resolve(rawPath);
    if (target === 'bad') {
      send(res, 400, 'Bad request path\n');
      return;
    }
    if (target === null) {
      send(res, 404, 'Not found\n');
      return;
    }
    if (method === 'OPTIONS') {
      res.writeHead(200, { allow: ALLOW, dav: '1', 'content-length': '0' });
      res.end();
      return;
    }
    if (method === 'PROPFIND') {
      this.propfind(target, req, res);
      return;
    }
    if (target.body === null) {
      // As nginx without autoindex: a folder has no body.
      send(res, 403, 'Forbidden: a folder cannot be fetched\n');
      return;
    }
    const headers = {
      etag: target.etag,
      'last-modified': new Date(target.modified).toUTCString(),
    };
    if (notModified(req, target)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(target.body.length) });
    res.end(method === 'HEAD' ? undefined : target.body);
  }

  private propfind(target: Item, req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers.depth;
    // No Depth header means infinity (RFC 4918 §9.1).
    const depth = (Array.isArray(header) ? header.join(',') : (header ?? 'infinity')).trim().toLowerCase();
    if (depth !== '0' && depth !== '1') {
      // RFC 4918 §9.1: a server may refuse Depth infinity; nginx answers 403.
      const refusal = '<?xml version="1.0" encoding="utf-8"?>\n<D:error xmlns:D="DAV:"><D:propfind-finite-depth/></D:error>\n';
      send(res, 403, refusal, { 'content-type': 'application/xml; charset=utf-8' });
      return;
    }
    const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n', target.response];
    if (depth === '1') {
      for (const child of target.children) parts.push(this.items.get(child)?.response ?? '');
    }
    parts.push('</D:multistatus>\n');
    send(res, 207, parts.join(''), { 'content-type': 'application/xml; charset=utf-8' });
  }

  /** The item a request path names; null when there is none; 'bad' for unreadable encodings. */
  private resolve(rawPath: string): Item | null | 'bad' {
    if (rawPath !== '/dav' && !rawPath.startsWith(ROOT)) return null;
    const rest = rawPath.slice(ROOT.length);
    if (rest === '') return this.items.get('') ?? null;
    const folder = rest.endsWith('/');
    const names: string[] = [];
    for (const raw of (folder ? rest.slice(0, -1) : rest).split('/')) {
      let name: string;
      try {
        name = decodeURIComponent(raw);
      } catch {
        return 'bad';
      }
      if (name === '' || name === '.' || name === '..' || name.includes('/')) return null;
      names.push(name);
    }
    const path = names.join('/');
    // A folder may be named without its trailing slash; a file never with one.
    return (folder ? undefined : this.items.get(path)) ?? this.items.get(`${path}/`) ?? null;
  }
}


function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison), else If-Modified-Since. */
function notModified(req: IncomingMessage, item: Item): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) {
    const tags = noneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(item.etag);
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const ms = Date.parse(since);
  return Number.isFinite(ms) && item.modified <= ms;
}

function responseXml(item: Item): string {
  const href = xmlEscape(ROOT + item.path.split('/').map(encodeURIComponent).join('/'));
  const props = [
    `<D:getlastmodified>${new Date(item.modified).toUTCString()}</D:getlastmodified>`,
    `<D:getetag>${xmlEscape(item.etag)}</D:getetag>`,
    item.folder ? '<D:resourcetype><D:collection/></D:resourcetype>' : '<D:resourcetype/>',
    item.body === null ? '' : `<D:getcontentlength>${item.body.length}</D:getcontentlength>`,
  ].join('');
  return `<D:response><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n`;
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function parentOf(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? '' : trimmed.slice(0, slash + 1);
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** A relative path: no leading '/', no empty, '.' or '..' segments; folders end with '/'. */
function assertRelative(path: string, folder: boolean): void {
  const names = (folder ? path.slice(0, -1) : path).split('/');
  const ok = path.endsWith('/') === folder && names.every((name) => name !== '' && name !== '.' && name !== '..');
  // eslint-disable-next-line no-control-regex
  if (!ok || /[\\\u0000-\u001f\u007f]/.test(path)) throw new Error(`Not a relative ${folder ? 'folder' : 'file'} path: ${JSON.stringify(path)}`);
}
