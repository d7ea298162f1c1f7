import type { OwnerMatch } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { HttpTransport } from './HttpTransport';

export interface ProductImageFetcherOptions {
  /** Venue Manager's base URL: relative image URLs resolve against it, and only its origin gets credentials. */
  baseUrl: () => string;
  authHeaders: () => Record<string, string>;
  maxBytes?: number;
  timeoutMs?: number;
  transport?: HttpTransport;
}

const imageTypes: readonly { mime: string; matches: (bytes: Buffer) => boolean }[] = [
  { mime: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', matches: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  { mime: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

const maxKnownUrls = 5_000;
const maxCachedImages = 32;

/**
 * Product images for the renderer, whose CSP allows no remote image: the core fetches them and
 * hands over data URLs. Only URLs that Venue Manager itself named in a product are fetched (the
 * renderer cannot make the core fetch anything else), only http(s), at most 2 MB, and only what
 * the bytes prove to be PNG, JPEG, GIF or WebP — SVG, which can carry script, never.
 */
export class ProductImageFetcher {
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, Promise<string>>();
  private readonly transport: HttpTransport;
  private base: string | undefined;

  constructor(private readonly options: ProductImageFetcherOptions) {
    this.transport =
      options.transport ??
      new HttpTransport({ connectMs: 5_000, totalMs: options.timeoutMs ?? 10_000 }, options.maxBytes ?? 2 * 1024 * 1024);
  }

  /** Called with every product the core hands out, so its image may be asked for later. */
  remember(matches: readonly OwnerMatch[]): void {
    this.followBase();
    for (const match of matches) {
      const url = match.product.imageUrl;
      if (url === null || this.known.has(url)) continue;
      // Bounded: an event's products share a handful of images; the bound only stops runaway growth.
      if (this.known.size >= maxKnownUrls) this.known.clear();
      this.known.add(url);
    }
  }

  dataUrl(url: string): Promise<string> {
    this.followBase();
    if (!this.known.has(url)) {
      return Promise.reject(new AppError('IMAGE_UNAVAILABLE', 'Only images Venue Manager named for a product are fetched'));
    }
    const cached = this.cache.get(url);
    if (cached !== undefined) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.cache.delete(url);
      this.cache.set(url, cached);
      return cached;
    }
    const pending = this.fetch(url);
    this.cache.set(url, pending);
    // A failure is not cached: the network may be back next time.
    pending.catch(() => this.cache.delete(url));
    while (this.cache.size > maxCachedImages) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return pending;
  }

  /** Another Venue Manager: its products name other images, and relative URLs mean other files. */
  private followBase(): void {
    const base = this.options.baseUrl();
    if (base === this.base) return;
    this.base = base;
    this.known.clear();
    this.cache.clear();
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async fetch(url: string): Promise<string> {
    const base = this.options.baseUrl();
    let target: URL;
    try {
      target = new URL(url, `${base}/`);
    } catch {
      throw new AppError('IMAGE_UNAVAILABLE', 'The product image address is not a URL', { url: url.slice(0, 200) });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new AppError('IMAGE_UNAVAILABLE', 'Only http(s) product images are fetched', { protocol: target.protocol });
    }
    const sameOrigin = base !== '' && new URL(base).origin === target.origin;
    const response = await this.transport.sendForBytes({
      method: 'GET',
      url: target.href,
      headers: { accept: 'image/png, image/jpeg, image/gif, image/webp', ...(sameOrigin ? this.options.authHeaders() : {}) },
    });
    if (response.status !== 200) {
      throw new AppError('IMAGE_UNAVAILABLE', `The image server answered ${response.status}`, { status: response.status });
    }
    const type = imageTypes.find((candidate) => candidate.matches(response.bytes));
    if (type === undefined) throw new AppError('IMAGE_UNAVAILABLE', 'The product image is not a PNG, JPEG, GIF or WebP image');
    return `data:${type.mime};base64,${response.bytes.toString('base64')}`;
  }
}
