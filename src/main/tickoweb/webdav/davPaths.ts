import { AppError } from '../../../shared/errors';

/**
 * Paths of the Tickoweb tree relative to the configured base URL, and the checks that keep every
 * href a server sends inside that base. A relative path has no leading '/', '/' separators, decoded
 * segments; a folder path ends with '/'; the base itself is ''.
 */

export interface DavBase {
  /** The base URL, always ending with '/'. */
  href: string;
  origin: string;
  /** The base path's decoded segments ('/dav/tickoweb/' → ['dav', 'tickoweb']). */
  segments: readonly string[];
}

export function parseBase(baseUrl: string): DavBase {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AppError('INVALID_SETTINGS', 'The Tickoweb WebDAV address is not a URL', { field: 'baseUrl' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('INVALID_SETTINGS', 'The Tickoweb WebDAV address must start with https:// or http://', { field: 'baseUrl' });
  }
  // Never echo the URL here: it holds the secret.
  if (url.username !== '' || url.password !== '') {
    throw new AppError('INVALID_SETTINGS', 'Credentials belong in the user name and password settings, not in the WebDAV address', {
      field: 'baseUrl',
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new AppError('INVALID_SETTINGS', 'The Tickoweb WebDAV address cannot have a query or fragment', { field: 'baseUrl' });
  }
  const segments = pathSegments(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
  if (typeof segments === 'string') {
    throw new AppError('INVALID_SETTINGS', 'The Tickoweb WebDAV address has an unusable path', { field: 'baseUrl' });
  }
  return { href: url.origin + encodeSegments(segments.names, true), origin: url.origin, segments: segments.names };
}

/** The segments of a relative path given by a caller, refusing what could leave the base. */
export function relativeSegments(path: string): { names: string[]; folder: boolean } {
  if (path === '') return { names: [], folder: true };
  const folder = path.endsWith('/');
  const names = (folder ? path.slice(0, -1) : path).split('/');
  for (const name of names) {
    if (!isPlainSegment(name)) {
      throw new AppError('INVALID_REQUEST', 'A Tickoweb path is relative, without empty, "." or ".." parts', { path });
    }
  }
  return { names, folder };
}

/** The URL of a relative path, each segment percent-encoded. */
export function urlOf(base: DavBase, names: readonly string[], folder: boolean): string {
  return base.origin + encodeSegments([...base.segments, ...names], folder);
}

export function joinPath(names: readonly string[], folder: boolean): string {
  if (names.length === 0) return '';
  return names.join('/') + (folder ? '/' : '');
}

/**
 * An href from a multistatus, as the relative segments it names, or a TICKOWEB_BAD_LISTING error
 * when it is ambiguous or leaves the base: another origin, any '.' or '..' segment (also
 * percent-encoded), an encoded '/' or '\\' inside a segment, empty segments, a query or fragment,
 * a path outside the base path. Hrefs may be absolute URLs or absolute or relative paths.
 */
export function resolveHref(base: DavBase, requestUrl: string, href: string): { names: string[]; trailingSlash: boolean } {
  const refuse = (reason: string): never => {
    throw new AppError('TICKOWEB_BAD_LISTING', `Tickoweb listed an href that ${reason}`, { href: href.slice(0, 500) });
  };
  if (href === '') refuse('is empty');
  if (/[?#\\]/.test(href) || hasControlCharacter(href)) refuse('has a query, fragment, backslash or control character');
  let segments: Segments;
  if (href.startsWith('/') && !href.startsWith('//')) {
    // The usual form (an absolute path on the same server): no URL parsing needed.
    segments = pathSegments(href);
  } else {
    // Checked before URL resolution, which would silently remove dot segments.
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(href);
    const rawPath = scheme === null ? href : href.slice(scheme[0].length);
    if (scheme !== null && rawPath !== '' && !rawPath.startsWith('/')) refuse('is not a usable URL');
    const raw = pathSegments(rawPath.startsWith('/') ? rawPath : `/${rawPath}`);
    if (typeof raw === 'string' && rawPath !== '') refuse(raw);
    let url: URL;
    try {
      url = new URL(href, requestUrl);
    } catch {
      return refuse('is not a URL');
    }
    if (url.origin !== base.origin || url.username !== '' || url.password !== '') refuse('points to another server');
    segments = pathSegments(url.pathname);
  }
  if (typeof segments === 'string') return refuse(segments);
  const names = segments.names;
  const inside = names.length >= base.segments.length && base.segments.every((name, index) => names[index] === name);
  if (!inside) refuse('is outside the base folder');
  return { names: names.slice(base.segments.length), trailingSlash: segments.trailingEmpty };
}

type Segments = { names: string[]; trailingEmpty: boolean } | string;

/** '/a/b%20c/' → { names: ['a', 'b c'], trailingEmpty: true }; a reason when a segment is unusable. */
function pathSegments(pathname: string): Segments {
  const raw = pathname.split('/');
  if (raw[0] !== '') return 'is not an absolute path';
  const trailingEmpty = raw.length > 1 && raw[raw.length - 1] === '';
  const names: string[] = [];
  for (let index = 1; index < raw.length - (trailingEmpty ? 1 : 0); index++) {
    const part = raw[index] ?? '';
    const name = part.includes('%') ? decodeSegment(part) : part;
    if (name === null) return 'is not valid percent-encoded UTF-8';
    if (name === '.' || name === '..') return 'has a "." or ".." segment';
    if (name === '') return 'has an empty segment';
    if (/[/\\]/.test(name) || hasControlCharacter(name)) return 'has an encoded "/", "\\" or control character in a segment';
    names.push(name);
  }
  return { names, trailingEmpty: trailingEmpty || raw.length === 1 };
}

function isPlainSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name) && !hasControlCharacter(name);
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function encodeSegments(names: readonly string[], folder: boolean): string {
  const path = names.map((name) => `/${encodeURIComponent(name)}`).join('');
  return folder ? `${path}/` : path === '' ? '/' : path;
}
