/**
 * Maps a request to one of the six documented operations. Paths are relative to the base path
 * (default `/api/digital_product`); the DELETE path is the real one, without the stray "]"
 * the documentation prints.
 */

/** `undefined` when the path segment is not an integer: the API answers "Unknown digital product ID." then. */
export type ProductIdParam = number | undefined;

export type Route =
  | { operation: 'search' }
  | { operation: 'history'; productId: ProductIdParam }
  | { operation: 'comment'; productId: ProductIdParam }
  | { operation: 'addToken'; productId: ProductIdParam }
  | { operation: 'blockToken'; productId: ProductIdParam; uid: string }
  | { operation: 'replaceToken'; productId: ProductIdParam; uid: string };

export type RouteMatch =
  | { kind: 'route'; route: Route }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: readonly string[] };

const NOT_FOUND: RouteMatch = { kind: 'not-found' };

export function parseProductId(segment: string): ProductIdParam {
  if (!/^\d+$/.test(segment)) return undefined;
  const id = Number(segment);
  return Number.isSafeInteger(id) ? id : undefined;
}

function decodeSegments(rest: string): string[] | undefined {
  try {
    // Split before decoding so an encoded "/" (%2F) stays inside its segment.
    return rest.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function byMethod(method: string, table: Readonly<Record<string, Route>>): RouteMatch {
  const route = table[method];
  return route === undefined ? { kind: 'method-not-allowed', allow: Object.keys(table) } : { kind: 'route', route };
}

/** `pathname` is the raw (still percent-encoded) path of the request URL. */
export function matchRoute(method: string, pathname: string, basePath: string): RouteMatch {
  if (!pathname.startsWith(`${basePath}/`)) return NOT_FOUND;
  const segments = decodeSegments(pathname.slice(basePath.length + 1));
  if (segments === undefined || segments.some((s) => s === '') || segments[0] !== 'products') return NOT_FOUND;

  const [, idSegment, sub, uid] = segments;
  if (idSegment === undefined) return byMethod(method, { GET: { operation: 'search' } });
  const productId = parseProductId(idSegment);
  if (sub === undefined) return byMethod(method, { GET: { operation: 'history', productId } });
  if (segments.length === 3 && sub === 'comment') return byMethod(method, { POST: { operation: 'comment', productId } });
  if (segments.length === 3 && sub === 'tokens') return byMethod(method, { POST: { operation: 'addToken', productId } });
  if (segments.length === 4 && sub === 'tokens' && uid !== undefined) {
    return byMethod(method, {
      DELETE: { operation: 'blockToken', productId, uid },
      PUT: { operation: 'replaceToken', productId, uid },
    });
  }
  return NOT_FOUND;
}
