import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { IdentifyResult } from '../../src/shared/model';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { deferred, FakeApi } from './support/FakeApi';
import { found, notFound, ownerMatch, scan, status } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

describe('identify', () => {
  it('shows the idle prompt, then the owner of a tapped wristband', async () => {
    const api = new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen') } });
    const { emit } = renderApp(api);

    expect(await screen.findByTestId('identify-idle')).toHaveProperty('textContent', expect.stringContaining(en.identify.idle));

    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });

    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Mette Hansen');
    expect(screen.queryByTestId('identify-idle')).toBeNull();
    expect(screen.getByTestId('identify-uid').textContent).toBe('04A2B3C4D5E6C1');
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: '04A2B3C4D5E6C1' }]);

    expect(screen.getByTestId('product-validity').textContent).toContain('Valid');
    const tapped = screen.getByTestId('token-status');
    expect(tapped.dataset.state).toBe('active');
    expect(tapped.textContent).toContain('Active since 2025-06-29 09:31:00');
    const [other] = screen.getAllByTestId('token-other');
    expect(other?.dataset.state).toBe('blocked');
    expect(other?.textContent).toContain('Blocked since 2025-06-29 09:30:00');
    expect(screen.getByText('5701234567890')).toBeTruthy();
    expect(screen.getByText('900123')).toBeTruthy();
    expect(screen.getByText('mette@example.dk')).toBeTruthy();

    // History newest first, times exactly as the server gave them.
    const times = screen.getAllByTestId('history-event').map((row) => row.querySelector('td')?.textContent);
    expect(times).toEqual(['2025-06-29 09:31:00', '2025-06-29 09:30:00', '2025-06-28 12:00:00']);
  });

  it('shows an invalidated product and a blocked tapped wristband with their times', async () => {
    const uid = '04CAFE00000001';
    const match = ownerMatch('Jan de Vries', uid);
    const result: IdentifyResult = {
      kind: 'found',
      uid,
      fetchedAt: 1,
      matches: [
        {
          ...match,
          product: {
            ...match.product,
            valid: false,
            invalidatedAt: '2025-06-30 08:00:00',
            tokens: [{ uid, insertedAt: '2025-06-28 12:00:00', blockedAt: '2025-06-30 07:59:00', active: false }],
          },
        },
      ],
    };
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': () => result } }));
    await emit({ event: 'scan', payload: scan(uid) });

    const validity = await screen.findByTestId('product-validity');
    expect(validity.textContent).toContain('Invalidated since 2025-06-30 08:00:00');
    expect(validity.dataset.valid).toBe('false');
    expect(screen.getByTestId('token-status').textContent).toContain('Blocked since 2025-06-30 07:59:00');
  });

  it('lists every match when several products carry the wristband', async () => {
    const { emit } = renderApp(
      new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen', 'Lars Hansen') } }),
    );
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });

    const matches = await screen.findAllByTestId('identify-match');
    expect(matches).toHaveLength(2);
    expect(within(matches[1] as HTMLElement).getByText('Lars Hansen')).toBeTruthy();
    expect(screen.getByText(/2 products use this wristband/)).toBeTruthy();
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('Mette Hansen');
  });

  it('shows a distinct not-found state with the UID and a search hint', async () => {
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => notFound(uid) } }));
    await emit({ event: 'scan', payload: scan('04FFFFFFFFFF01') });

    const notFoundState = await screen.findByTestId('identify-not-found');
    expect(within(notFoundState).getByTestId('identify-uid').textContent).toBe('04FFFFFFFFFF01');
    expect(notFoundState.textContent).toContain(en.identify.notFound.title);
    expect(notFoundState.textContent).toContain('Search');
    expect(screen.queryByTestId('identify-owner-name')).toBeNull();
  });

  it('explains a failed lookup by its error code, never by the raw message', async () => {
    const { emit } = renderApp(
      new FakeApi({
        handlers: {
          'identify.lookup': () => {
            throw new AppError('UNAUTHORIZED', 'HTTP 401 from https://x.admin.venuemanager.net');
          },
        },
      }),
    );
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });

    const error = await screen.findByTestId('identify-error');
    expect(error.textContent).toContain(en.errors.UNAUTHORIZED);
    expect(error.textContent).not.toContain('HTTP 401');
  });

  it('translates errors that lost their class crossing a bridge (plain objects with a code)', async () => {
    const { emit } = renderApp(
      new FakeApi({
        handlers: {
          'identify.lookup': () => Promise.reject(Object.assign(new Error('boom'), { code: 'TIMEOUT' })),
        },
      }),
    );
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    expect((await screen.findByTestId('identify-error')).textContent).toContain(en.errors.TIMEOUT);
  });

  it('ignores the answer to an older tap that arrives after a newer tap', async () => {
    const answers = new Map([
      ['04000000000001', deferred<IdentifyResult>()],
      ['04000000000002', deferred<IdentifyResult>()],
    ]);
    const { emit } = renderApp(
      new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => answers.get(uid)?.promise ?? Promise.reject(new Error(uid)) } }),
    );

    await emit({ event: 'scan', payload: scan('04000000000001') });
    await emit({ event: 'scan', payload: scan('04000000000002') });

    // The older tap's answer arrives while the newer one is still pending: the screen stays on the newer tap.
    await actAndSettle(() => answers.get('04000000000001')?.resolve(found('04000000000001', 'Old Owner')));
    expect(screen.queryByText('Old Owner')).toBeNull();
    expect(screen.getByTestId('identify-uid').textContent).toBe('04000000000002');

    await actAndSettle(() => answers.get('04000000000002')?.resolve(found('04000000000002', 'New Owner')));
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('New Owner');
    expect(screen.queryByText('Old Owner')).toBeNull();
  });

  it('replaces the previous answer at once when a new tap arrives', async () => {
    const second = deferred<IdentifyResult>();
    const { emit } = renderApp(
      new FakeApi({
        handlers: {
          'identify.lookup': ({ uid }) => (uid === '04000000000001' ? found(uid, 'First Owner') : second.promise),
        },
      }),
    );
    await emit({ event: 'scan', payload: scan('04000000000001') });
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('First Owner');

    await emit({ event: 'scan', payload: scan('04000000000002') });
    expect(screen.queryByText('First Owner')).toBeNull();
    expect(screen.getByTestId('identify-uid').textContent).toBe('04000000000002');
    expect(screen.getByText(en.identify.loading)).toBeTruthy();
  });

  it('shows the outcome as a colour frame that stays until the next tap', async () => {
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => notFound(uid) } }));
    await emit({ event: 'scan', payload: scan('04FFFFFFFFFF01') });
    await screen.findByTestId('identify-not-found');
    expect(screen.getByTestId('tap-flash').className).toContain('tap-flash--not-found');
  });
});

describe('virtual reader (demo)', () => {
  it('is hidden outside demo mode', async () => {
    renderApp();
    await screen.findByTestId('status-connectivity');
    expect(screen.queryByTestId('virtual-tap')).toBeNull();
  });

  it('asks the core to tap and shows the answer only when the scan event arrives', async () => {
    const api = new FakeApi({
      handlers: {
        'status.get': () => status({ demo: true }),
        'reader.samples': () => [
          { uid: '04A2B3C4D5E6C1', kind: 'active', label: 'Mette Hansen' },
          { uid: '04FFFFFFFFFF01', kind: 'unknown', label: 'Unknown wristband' },
        ],
        'reader.virtualTap': ({ uid }) => scan(uid ?? '04A2B3C4D5E6C1'),
        'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen'),
      },
    });
    const { emit } = renderApp(api);

    const button = await screen.findByTestId('virtual-tap');
    await actAndSettle(() => fireEvent.click(button));
    expect(api.callsOf('reader.virtualTap')).toEqual([{}]);
    expect(api.callsOf('identify.lookup')).toEqual([]);

    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Mette Hansen');
  });

  it('taps a chosen sample, and F2 taps it again', async () => {
    const api = new FakeApi({
      handlers: {
        'status.get': () => status({ demo: true }),
        'reader.samples': () => [{ uid: '04FFFFFFFFFF01', kind: 'unknown', label: 'Unknown wristband' }],
        'reader.virtualTap': ({ uid }) => scan(uid ?? 'x'),
      },
    });
    renderApp(api);
    const select = await screen.findByTestId<HTMLSelectElement>('virtual-sample-select');
    await screen.findByText(/Unknown wristband/);

    await actAndSettle(() => fireEvent.change(select, { target: { value: '04FFFFFFFFFF01' } }));
    await actAndSettle(() => fireEvent.keyDown(window, { key: 'F2' }));
    expect(api.callsOf('reader.virtualTap')).toEqual([{ uid: '04FFFFFFFFFF01' }, { uid: '04FFFFFFFFFF01' }]);
  });
});

describe('product image', () => {
  const pngDataUrl = 'data:image/png;base64,iVBORw0KGgo=';
  function withImage(uid: string, imageUrl: string): IdentifyResult {
    const match = ownerMatch('Mette Hansen', uid);
    return { kind: 'found', uid, fetchedAt: 1, matches: [{ ...match, product: { ...match.product, imageUrl } }] };
  }

  it('shows the picture the core fetched, asking once per URL', async () => {
    const api = new FakeApi({
      handlers: {
        'identify.lookup': ({ uid }) => withImage(uid, 'https://vm.example/img/pass.png'),
        'venueManager.productImage': () => ({ dataUrl: pngDataUrl }),
      },
    });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    const image = await screen.findByTestId<HTMLImageElement>('product-image');
    expect(image.getAttribute('src')).toBe(pngDataUrl);
    expect(image.getAttribute('alt')).toBe('Picture of Full festival pass');
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C2', 1_750_000_009_000) });
    await screen.findByText('04A2B3C4D5E6C2');
    expect(api.callsOf('venueManager.productImage')).toEqual([{ url: 'https://vm.example/img/pass.png' }]);
  });

  it('keeps the product on screen and says "No picture" when the image cannot be had', async () => {
    const api = new FakeApi({
      handlers: {
        'identify.lookup': ({ uid }) => withImage(uid, 'https://vm.example/img/broken.png'),
        'venueManager.productImage': () => {
          throw new AppError('IMAGE_UNAVAILABLE', 'not an image');
        },
      },
    });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Mette Hansen');
    const missing = await screen.findByTestId('product-image-missing');
    await actAndSettle(() => undefined);
    expect(missing.dataset.state).toBe('failed');
    expect(missing.textContent).toBe(en.match.product.imageUnavailable);
  });
});

describe('unreadable taps', () => {
  it("a chip's random ID is shown as no wristband, and not looked up", async () => {
    const api = new FakeApi();
    const { emit } = renderApp(api);
    await screen.findByTestId('identify-idle');
    await emit({ event: 'scan', payload: { ...scan('08A1B2C3'), problem: 'random-uid' } });
    expect(screen.getByTestId('identify-unreadable').textContent).toContain(en.identify.unreadable.randomUid);
    expect(screen.getByTestId('identify-uid').textContent).toBe('08A1B2C3');
    expect(api.callsOf('identify.lookup')).toEqual([]);
  });
});

describe('barcode scans', () => {
  it('open the barcode search from anywhere', async () => {
    const api = new FakeApi({ handlers: { 'venueManager.search': () => ({ hits: [], fetchedAt: 1 }) } });
    const { emit } = renderApp(api);
    await screen.findByTestId('identify-idle');
    await emit({ event: 'scan', payload: { ...scan('5701234567890'), kind: 'barcode' } });
    expect(api.callsOf('venueManager.search')).toEqual([{ barcode: '5701234567890' }]);
    expect(api.callsOf('identify.lookup')).toEqual([]);
    expect(window.location.hash).toBe('#/search');
  });
});

describe('answers from the cache', () => {
  it("say when they were fetched, so nobody takes them for Venue Manager's current state", async () => {
    const uid = '04A2B3C4D5E6C1';
    const cachedAt = new Date(2026, 6, 4, 14, 2).getTime();
    const result: IdentifyResult = { ...found(uid, 'Mette Hansen'), cachedAt } as IdentifyResult;
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': () => result } }));
    await emit({ event: 'scan', payload: scan(uid) });
    const notice = await screen.findByTestId('cached-notice');
    expect(notice.dataset.cachedAt).toBe(String(cachedAt));
    expect(notice.textContent).toContain("from this desk's memory");
  });

  it('a cached answer given while Venue Manager is slow says so, and its late answer replaces it — only for the tap on screen', async () => {
    const uid = '04A2B3C4D5E6C1';
    const cachedAt = new Date(2026, 6, 4, 14, 2).getTime();
    const stale = { ...found(uid, 'Mette Hansen'), cachedAt, refreshing: true, revalidation: '7' } as IdentifyResult;
    const { emit } = renderApp(new FakeApi({ handlers: { 'identify.lookup': () => stale } }));
    await emit({ event: 'scan', payload: scan(uid) });
    const notice = await screen.findByTestId('cached-notice');
    expect(notice.dataset.refreshing).toBe('true');
    expect(notice.textContent).toContain(en.match.cachedRefreshing.split('{{time}}')[1]!.slice(0, 20));

    // A late answer to another (older) lookup of the same band changes nothing.
    await emit({ event: 'lookupRefreshed', payload: { uid, revalidation: '6', result: found(uid, 'An Older Tap') } });
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('Mette Hansen');

    await emit({ event: 'lookupRefreshed', payload: { uid, revalidation: '7', result: found(uid, 'Mette Hansen-Berg') } });
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('Mette Hansen-Berg');
    expect(screen.queryByTestId('cached-notice')).toBeNull();
  });
});
