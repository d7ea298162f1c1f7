/**
 * The shapes the Tickoweb mirror's parts share (the WebDAV client, the mapping of Tickoweb's JSON,
 * the mirror's store and the sync). Paths are always relative to the configured base URL, without
 * a leading slash, with '/' separators, percent-decoded; a folder path ends with '/'.
 */

/** One entry of a PROPFIND Depth 1 listing (the listed folder itself excluded). */
export interface DavEntry {
  /** Relative to the base, decoded; folders end with '/'. */
  path: string;
  /** The last path segment, decoded, without a trailing '/'. */
  name: string;
  isFolder: boolean;
  /** getlastmodified as epoch ms (1 s resolution), null when the server gave none or garbage. */
  lastModified: number | null;
  /** getetag as sent (weak `W/` kept), null when absent. */
  etag: string | null;
  /** getcontentlength for files, null for folders or when absent. */
  size: number | null;
}

export type DavGetResult =
  | { status: 'ok'; body: Buffer; etag: string | null; lastModified: number | null }
  | { status: 'not-modified' };

/** What the mirror needs from a WebDAV server (WebdavClient implements it; tests may fake it). */
export interface DavSource {
  list(path: string): Promise<DavEntry[]>;
  /** GET with optional If-None-Match / If-Modified-Since; refuses bodies over `maxBytes` (TICKOWEB_TOO_LARGE). */
  get(path: string, options?: { etag?: string | null; lastModified?: number | null; maxBytes?: number }): Promise<DavGetResult>;
}

/** What we extract from an order's customer.json + details.json (names per mapping module, unconfirmed). */
export interface OrderFields {
  orderNumber: string | null;
  status: string | null;
  createdAt: string | null;
  names: string[];
  emails: string[];
  phones: string[];
  /** Barcodes / ticket numbers of the order's tickets. */
  barcodes: string[];
  products: { name: string | null; quantity: number | null; price: string | null; barcode: string | null }[];
  scans: { at: string | null; barcode: string | null; gate: string | null }[];
  /** The channel uuid the order came through, when details name it. */
  channelId: string | null;
}

export interface EventFields {
  name: string | null;
  startsAt: string | null;
  location: string | null;
}

export interface ChannelFields {
  name: string | null;
  type: string | null;
  url: string | null;
}
