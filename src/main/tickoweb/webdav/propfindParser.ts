import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { AppError } from '../../../shared/errors';

/**
 * A streaming reader of a PROPFIND 207 multistatus body (RFC 4918 §14.16). Elements are matched by
 * namespace, so any prefix works (`D:`, `d:`, Apache's `lp1:`, a default namespace); elements in
 * no namespace at all are accepted as DAV: too, for sloppy servers. Only properties of a propstat
 * whose status is 2xx (or missing) count; a 404 propstat (a property the item does not have) is
 * ignored. Everything else (unknown elements and properties) is skipped. Malformed XML, a DTD with
 * entities, or a root other than multistatus end in TICKOWEB_BAD_LISTING.
 */

export interface RawDavResponse {
  hrefs: string[];
  /** A response-level <status> (used with href-only responses), as its code. */
  status: number | null;
  /** Whether the response had at least one propstat. */
  hasPropstat: boolean;
  lastModified: string | null;
  etag: string | null;
  contentLength: string | null;
  /** True/false when a 2xx propstat had a resourcetype; null when none did. */
  isCollection: boolean | null;
}

const davNamespace = 'DAV:';
const wantedProps = new Set(['getlastmodified', 'getetag', 'getcontentlength']);

interface PropstatProps {
  lastModified: string | null;
  etag: string | null;
  contentLength: string | null;
  isCollection: boolean | null;
  status: number | null;
}

export class MultistatusParser {
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private readonly decoder = new TextDecoder('utf-8');
  /** DAV: local names of the open elements; '' for anything else. */
  private readonly stack: string[] = [];
  private response: RawDavResponse | null = null;
  private propstat: PropstatProps | null = null;
  private text: string | null = null;
  private sawRoot = false;

  constructor(private readonly onResponse: (response: RawDavResponse) => void) {
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(tag));
    this.parser.on('text', (text) => this.addText(text));
    this.parser.on('cdata', (text) => this.addText(text));
    this.parser.on('doctype', () => {
      throw new Error('a DOCTYPE is not expected in a multistatus');
    });
  }

  /** Feeds a chunk of the body; chunk boundaries may split characters and tags. */
  write(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  /** The end of the body: throws when the document is incomplete. */
  end(): void {
    this.feed(this.decoder.decode());
    this.guard(() => this.parser.close());
    if (!this.sawRoot) throw badListing('the listing is empty');
  }

  private feed(text: string): void {
    if (text !== '') this.guard(() => this.parser.write(text));
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw badListing(`the listing is not valid XML: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private open(tag: SaxesTagNS): void {
    const name = tag.uri === davNamespace || tag.uri === '' ? tag.local : '';
    const stack = this.stack;
    stack.push(name);
    const depth = stack.length;
    if (depth === 1) {
      if (name !== 'multistatus') throw badListing(`the listing's root is <${tag.name}>, not a DAV: multistatus`);
      this.sawRoot = true;
      return;
    }
    if (depth === 2) {
      if (name === 'response') {
        this.response = {
          hrefs: [],
          status: null,
          hasPropstat: false,
          lastModified: null,
          etag: null,
          contentLength: null,
          isCollection: null,
        };
      }
      return;
    }
    if (this.response === null || stack[1] !== 'response') return;
    if (depth === 3) {
      if (name === 'href' || name === 'status') this.text = '';
      if (name === 'propstat') {
        this.response.hasPropstat = true;
        this.propstat = { lastModified: null, etag: null, contentLength: null, isCollection: null, status: null };
      }
      return;
    }
    if (this.propstat === null || stack[2] !== 'propstat') return;
    if (depth === 4 && name === 'status') this.text = '';
    if (depth === 5 && stack[3] === 'prop') {
      if (wantedProps.has(name)) this.text = '';
      if (name === 'resourcetype') this.propstat.isCollection = false;
    }
    if (depth === 6 && stack[3] === 'prop' && stack[4] === 'resourcetype' && name === 'collection') {
      this.propstat.isCollection = true;
    }
  }

  private close(_tag: SaxesTagNS): void {
    const stack = this.stack;
    const depth = stack.length;
    const name = stack.pop() ?? '';
    const text = this.text;
    this.text = null;
    const response = this.response;
    if (response === null) return;
    if (depth === 2 && name === 'response') {
      this.response = null;
      if (response.hrefs.length === 0) throw badListing('a response has no href');
      this.onResponse(response);
      return;
    }
    if (stack[1] !== 'response') return;
    if (depth === 3) {
      if (name === 'href' && text !== null) response.hrefs.push(text.trim());
      if (name === 'status' && text !== null) response.status = statusCode(text);
      if (name === 'propstat' && this.propstat !== null) {
        const props = this.propstat;
        this.propstat = null;
        if (props.status === null || (props.status >= 200 && props.status < 300)) {
          response.lastModified = props.lastModified ?? response.lastModified;
          response.etag = props.etag ?? response.etag;
          response.contentLength = props.contentLength ?? response.contentLength;
          response.isCollection = props.isCollection ?? response.isCollection;
        }
      }
      return;
    }
    const props = this.propstat;
    if (props === null || stack[2] !== 'propstat' || text === null) return;
    if (depth === 4 && name === 'status') props.status = statusCode(text);
    if (depth === 5 && stack[3] === 'prop') {
      const value = text.trim();
      if (name === 'getlastmodified') props.lastModified = value;
      if (name === 'getetag') props.etag = value === '' ? null : value;
      if (name === 'getcontentlength') props.contentLength = value === '' ? null : value;
    }
  }

  private addText(text: string): void {
    if (this.text !== null) this.text += text;
  }
}

/** 'HTTP/1.1 404 Not Found' → 404; null when unreadable. */
function statusCode(line: string): number | null {
  const match = /^\s*HTTP\/\d+(?:\.\d+)?\s+(\d{3})/i.exec(line);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function badListing(reason: string): AppError {
  return new AppError('TICKOWEB_BAD_LISTING', `Tickoweb sent a listing Wristdesk cannot read: ${reason}`, { reason: reason.slice(0, 300) });
}
