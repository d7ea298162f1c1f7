import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import { ProductImageFetcher } from '../../../src/main/venue-manager/ProductImageFetcher';
import { AppError } from '../../../src/shared/errors';
import type { OwnerMatch } from '../../../src/shared/model';
import { startScriptedServer } from '../../support/scriptedServer';
import { startTestCore } from '../../support/startTestCore';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077533d', 'hex');

function productWithImage(imageUrl: string | null): OwnerMatch {
  return { product: { imageUrl } } as unknown as OwnerMatch;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('product images through the core (demo)', () => {
  it('hands over the image of a product it showed as a PNG data URL, and nothing else', async () => {
    const { core, stop } = await startTestCore();
    cleanups.push(stop);
    const log = { error: () => {} };
    const samples = await dispatch(core.handlers, 'reader.samples', {}, log);
    const uid = (samples as { result: { uid: string; kind: string }[] }).result.find((s) => s.kind === 'active')!.uid;

    const imageUrl = 'http://127.0.0.1:1/demo-images/0.png';
    expect(await dispatch(core.handlers, 'venueManager.productImage', { url: imageUrl }, log)).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_UNAVAILABLE' },
    });

    const found = await dispatch(core.handlers, 'identify.lookup', { uid }, log);
    const url = (found as { result: { matches: OwnerMatch[] } }).result.matches[0]!.product.imageUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo-images\/\d\.png$/);
    const image = await dispatch(core.handlers, 'venueManager.productImage', { url }, log);
    expect(image.ok).toBe(true);
    const dataUrl = (image as { result: { dataUrl: string } }).result.dataUrl;
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(bytes.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect(bytes.readUInt32BE(16)).toBe(240); // IHDR width
  });
});

describe('ProductImageFetcher', () => {
  async function setup(answer: (url: string) => { status: number; type: string; body: Buffer }) {
    const server = await startScriptedServer((req, res) => {
      const { status, type, body } = answer(req.url);
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    });
    const fetcher = new ProductImageFetcher({
      baseUrl: () => server.url,
      authHeaders: () => ({ authorization: 'Bearer desk-token' }),
      maxBytes: 64 * 1024,
    });
    cleanups.push(async () => {
      await fetcher.close();
      await server.close();
    });
    const origin = new URL(server.url).origin;
    return { server, fetcher, origin };
  }

  it('accepts only what the bytes prove to be PNG, JPEG, GIF or WebP; never SVG or HTML', async () => {
    const bodies: Record<string, Buffer> = {
      '/a.png': png,
      '/b.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      '/c.gif': Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      '/d.webp': Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]),
      '/e.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      '/f.png': Buffer.from('<html>not an image</html>'),
    };
    const { fetcher, origin } = await setup((url) => ({ status: 200, type: 'image/png', body: bodies[url] ?? Buffer.alloc(0) }));
    const urls = Object.keys(bodies).map((path) => origin + path);
    fetcher.remember(urls.map(productWithImage));
    const results = await Promise.all(urls.map((url) => fetcher.dataUrl(url).then((d) => d.slice(0, d.indexOf(';')), (e: unknown) => (e as AppError).code)));
    expect(results).toEqual(['data:image/png', 'data:image/jpeg', 'data:image/gif', 'data:image/webp', 'IMAGE_UNAVAILABLE', 'IMAGE_UNAVAILABLE']);
  });

  it('refuses bodies over the size limit, error statuses, non-http URLs and URLs no product named', async () => {
    const { fetcher, origin } = await setup((url) =>
      url === '/big.png'
        ? { status: 200, type: 'image/png', body: Buffer.concat([png, Buffer.alloc(100 * 1024)]) }
        : { status: 404, type: 'text/plain', body: Buffer.from('nope') },
    );
    fetcher.remember([`${origin}/big.png`, `${origin}/gone.png`, 'file:///etc/passwd', 'javascript:alert(1)'].map(productWithImage));
    expect(await codeOf(fetcher.dataUrl(`${origin}/big.png`))).toBe('BAD_RESPONSE');
    expect(await codeOf(fetcher.dataUrl(`${origin}/gone.png`))).toBe('IMAGE_UNAVAILABLE');
    expect(await codeOf(fetcher.dataUrl('file:///etc/passwd'))).toBe('IMAGE_UNAVAILABLE');
    expect(await codeOf(fetcher.dataUrl('javascript:alert(1)'))).toBe('IMAGE_UNAVAILABLE');
    expect(await codeOf(fetcher.dataUrl(`${origin}/never-named.png`))).toBe('IMAGE_UNAVAILABLE');
  });

  it("sends Venue Manager's credentials only to Venue Manager's own origin, resolves relative URLs, and fetches each image once", async () => {
    const { fetcher, server, origin } = await setup(() => ({ status: 200, type: 'image/png', body: png }));
    const otherOrigin = origin.replace('127.0.0.1', 'localhost');
    fetcher.remember(['/img/rel.png', `${otherOrigin}/img/other.png`].map(productWithImage));
    await fetcher.dataUrl('/img/rel.png');
    await fetcher.dataUrl('/img/rel.png');
    await fetcher.dataUrl(`${otherOrigin}/img/other.png`);
    expect(server.seen.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/img/rel.png', 'Bearer desk-token'],
      ['/img/other.png', undefined],
    ]);
  });
});
