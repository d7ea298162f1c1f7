import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { TickowebSummary, TickowebSyncReport } from '../../src/shared/tickoweb';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { deferred, FakeApi, type Handlers } from './support/FakeApi';
import { found, scan, searchHit } from './support/fixtures';
import { emulateListLayout } from './support/listLayout';
import { actAndSettle, click, goTo, renderApp, resetDom } from './support/renderApp';
import {
  customerRaw,
  orderPath,
  quarantineEntry,
  syncProgress,
  syncReport,
  tickowebHit,
  tickowebLink,
  tickowebOrder,
  tickowebSummary,
} from './support/tickowebFixtures';

let restoreLayout: () => void = () => undefined;
beforeEach(() => {
  restoreLayout = emulateListLayout('search-results', 480);
});
afterEach(() => {
  restoreLayout();
  resetDom();
});

const tw = en.tickoweb;

/** A core with a Tickoweb mirror: `summary` at start, an order view for every path, and `handlers` on top. */
function tickowebApi(summary: TickowebSummary | null = tickowebSummary(), handlers: Handlers = {}) {
  return new FakeApi({
    handlers: {
      ...(summary === null ? {} : { 'tickoweb.summary': () => summary }),
      'tickoweb.order': ({ orderPath: path }) => tickowebOrder({ orderPath: path }),
      ...handlers,
    },
  });
}

function type(element: Element, value: string) {
  return actAndSettle(() => fireEvent.change(element, { target: { value } }));
}

function press(key: string) {
  return actAndSettle(() => fireEvent.keyDown(window, { key }));
}

async function openSettings() {
  await goTo('#/settings');
  return screen.findByTestId('settings-tickoweb');
}

async function openSearch() {
  await goTo('#/search');
  return screen.findByTestId('search-form');
}

describe('tickoweb: settings', () => {
  it('saves the connection as the one tickoweb group, checked with the shared schema first', async () => {
    const api = tickowebApi();
    renderApp(api);
    const section = await openSettings();
    const form = within(section).getByTestId('tickoweb-settings-form');

    await type(within(form).getByTestId('settings-tickoweb-autosync'), '10.5');
    await type(within(form).getByTestId('settings-tickoweb-baseurl'), 'ftp://dav.tickoweb.example');
    await click(within(form).getByTestId('settings-tickoweb-save'));
    expect(api.callsOf('settings.update')).toEqual([]);
    expect(within(form).getByTestId('settings-tickoweb-invalid')).toBeTruthy();
    expect(within(form).getByTestId('settings-tickoweb-autosync-error').textContent).toContain(tw.settings.fieldError.autoSyncMinutes);
    expect(within(form).getByTestId('settings-tickoweb-baseurl-error').textContent).toContain(tw.settings.fieldError.baseUrl);

    await type(within(form).getByTestId('settings-tickoweb-baseurl'), 'https://dav.tickoweb.example/roskilde/');
    await type(within(form).getByTestId('settings-tickoweb-username'), 'desk-3');
    await type(within(form).getByTestId('settings-tickoweb-autosync'), '5');
    await type(within(form).getByTestId('settings-tickoweb-reconcile'), '12');
    await click(within(form).getByTestId('settings-tickoweb-save'));

    expect(api.callsOf('settings.update')).toEqual([
      { tickoweb: { baseUrl: 'https://dav.tickoweb.example/roskilde/', username: 'desk-3', autoSyncMinutes: 5, fullReconcileHours: 12 } },
    ]);
    expect(await within(form).findByTestId('settings-tickoweb-saved')).toBeTruthy();
    expect(within(form).queryByTestId('settings-tickoweb-autosync-error')).toBeNull();

    // Saved values are the form's again; saving them unchanged sends nothing.
    await click(within(form).getByTestId('settings-tickoweb-save'));
    expect(api.callsOf('settings.update')).toHaveLength(1);
    expect(form.textContent).toContain(en.settings.unchanged);
  });

  it('offers the Tickoweb password among the credentials', async () => {
    renderApp(tickowebApi());
    await openSettings();
    const row = screen.getByTestId('secret-tickoweb.password');
    expect(row.textContent).toContain(en.settings.secrets.label.tickoweb.password);
    expect(within(row).getByTestId('secret-state').dataset.state).toBe('not-set');
  });

  it('lets any operator sync while the connection settings wait behind the admin PIN', async () => {
    const api = tickowebApi(tickowebSummary(), {
      'admin.status': () => ({ pinSet: true, unlocked: false }),
      'tickoweb.sync': () => syncReport(),
    });
    renderApp(api);
    const section = await openSettings();

    expect(within(section).queryByTestId('tickoweb-settings-form')).toBeNull();
    expect(within(section).getByTestId('tickoweb-settings-locked').textContent).toBe(tw.settings.locked);
    await click(within(section).getByTestId('tickoweb-sync'));
    expect(api.callsOf('tickoweb.sync')).toEqual([{ full: false }]);
    expect(within(section).getByTestId('tickoweb-sync-outcome').textContent).toContain(
      'Sync finished: 40 fetched, 1194 unchanged, 1 removed, 2 refused.',
    );
  });

  it('says when Tickoweb is not set up, and offers no sync', async () => {
    renderApp(tickowebApi(tickowebSummary({ configured: false, orders: 0, events: 0, lastRun: undefined })));
    const section = await openSettings();
    expect(within(section).getByTestId('tickoweb-not-configured').textContent).toContain(tw.sync.notConfigured);
    expect(within(section).queryByTestId('tickoweb-sync')).toBeNull();
  });
});

describe('tickoweb: sync progress and cancel', () => {
  it('shows the running sync from events, cancels it, and says how it ended', async () => {
    const answer = deferred<TickowebSyncReport>();
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.sync': () => answer.promise,
      'tickoweb.cancel': () => null,
    });
    const { emit } = renderApp(api);
    const section = await openSettings();

    expect(within(section).getByTestId('tickoweb-count-orders').textContent).toContain('1234');
    expect(within(section).getByTestId('tickoweb-last-run').dataset.state).toBe('done');
    expect(within(section).getByTestId('tickoweb-last-run').textContent).toContain('done, 37 orders fetched');

    await click(within(section).getByTestId('tickoweb-full-sync'));
    expect(api.callsOf('tickoweb.sync')).toEqual([{ full: true }]);
    // Asked, no progress yet: it says so, and nothing can be started twice.
    expect(within(section).getByTestId('tickoweb-progress').dataset.phase).toBe('starting');
    expect(within(section).getByTestId<HTMLButtonElement>('tickoweb-sync').disabled).toBe(true);
    expect(within(section).getByTestId<HTMLButtonElement>('tickoweb-full-sync').disabled).toBe(true);

    await emit({ event: 'tickoweb', payload: tickowebSummary({ running: syncProgress({ phase: 'listing', bucketsDone: 0, bucketsTotal: 0, ordersFetched: 0, rate: 0 }) }) });
    expect(within(section).getByTestId('tickoweb-progress-phase').textContent).toBe(tw.phase.listing);
    expect(within(section).getByTestId('tickoweb-progress-counts').textContent).toContain(tw.sync.bucketsUnknown);
    expect(within(section).getByTestId('tickoweb-progress').querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(screen.getByTestId('status-tickoweb-word').textContent).toBe(tw.status.syncingStart);

    await emit({ event: 'tickoweb', payload: tickowebSummary({ running: syncProgress() }) });
    const progress = within(section).getByTestId('tickoweb-progress');
    expect(progress.dataset.phase).toBe('fetching');
    expect(within(progress).getByTestId('tickoweb-progress-phase').textContent).toBe(tw.phase.fetching);
    const bar = progress.querySelector('progress');
    expect(bar?.getAttribute('max')).toBe('12');
    expect(bar?.getAttribute('value')).toBe('3');
    const counts = within(progress).getByTestId('tickoweb-progress-counts').textContent;
    expect(counts).toContain('3 of 12 folders');
    expect(counts).toContain('420 orders fetched');
    expect(counts).toContain('35.5 orders/s');
    expect(screen.getByTestId('status-tickoweb').dataset.state).toBe('running');
    expect(screen.getByTestId('status-tickoweb-word').textContent).toBe('syncing 3/12');

    await click(within(progress).getByTestId('tickoweb-cancel'));
    expect(api.callsOf('tickoweb.cancel')).toEqual([{}]);

    const cancelledAt = Date.UTC(2026, 6, 4, 12, 30);
    await emit({
      event: 'tickoweb',
      payload: tickowebSummary({ lastRun: { startedAt: cancelledAt - 5_000, finishedAt: cancelledAt, result: 'cancelled', ordersFetched: 420, error: null } }),
    });
    await actAndSettle(() => answer.resolve(syncReport({ result: 'cancelled', ordersFetched: 420 })));

    expect(within(section).queryByTestId('tickoweb-progress')).toBeNull();
    expect(within(section).getByTestId('tickoweb-sync-outcome').textContent).toContain('Sync cancelled after 420 orders.');
    expect(within(section).getByTestId('tickoweb-last-run').dataset.state).toBe('cancelled');
    expect(within(section).getByTestId<HTMLButtonElement>('tickoweb-sync').disabled).toBe(false);
    expect(screen.getByTestId('status-tickoweb').dataset.state).toBe('cancelled');
  });

  it('explains a failed sync in the desk language, with the core\'s words only for support', async () => {
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.sync': () => syncReport({ result: 'failed', error: { code: 'TICKOWEB_UNAUTHORIZED', message: 'PROPFIND answered 401' } }),
    });
    const { emit } = renderApp(api);
    const section = await openSettings();
    await click(within(section).getByTestId('tickoweb-sync'));
    expect(within(section).getByTestId('tickoweb-sync-outcome').textContent).toContain(en.errors.TICKOWEB_UNAUTHORIZED);

    await emit({
      event: 'tickoweb',
      payload: tickowebSummary({ lastRun: { startedAt: 1, finishedAt: 2, result: 'failed', error: 'PROPFIND answered 401' } }),
    });
    expect(within(section).getByTestId('tickoweb-last-run').dataset.state).toBe('failed');
    expect(within(section).getByTestId('tickoweb-last-error').textContent).toContain('PROPFIND answered 401');
  });

  it('shows a refused sync request (not configured) as an error', async () => {
    const api = tickowebApi(tickowebSummary({ demo: true, configured: false }), {
      'tickoweb.sync': () => {
        throw new AppError('NOT_CONFIGURED', 'no address');
      },
    });
    renderApp(api);
    const section = await openSettings();
    expect(within(section).getByTestId('tickoweb-demo').textContent).toBe(tw.sync.demo);
    await click(within(section).getByTestId('tickoweb-sync'));
    expect(within(section).getByTestId('tickoweb-sync-outcome').textContent).toContain(en.errors.NOT_CONFIGURED);
  });
});

describe('tickoweb: status bar', () => {
  it('is absent on a desk without Tickoweb, or with a core that has no mirror', async () => {
    renderApp(tickowebApi(tickowebSummary({ configured: false, demo: false })));
    await screen.findByTestId('status-connectivity');
    expect(screen.queryByTestId('status-tickoweb')).toBeNull();
    resetDom();

    renderApp(tickowebApi(null));
    await screen.findByTestId('status-connectivity');
    expect(screen.queryByTestId('status-tickoweb')).toBeNull();
  });

  it('says when it last synced, that it syncs, or that it failed, and links to Settings', async () => {
    const { emit } = renderApp(tickowebApi());
    const indicator = await screen.findByTestId('status-tickoweb');
    expect(indicator.getAttribute('href')).toBe('#/settings');
    expect(indicator.dataset.state).toBe('done');
    expect(indicator.textContent).toContain(tw.status.label);
    expect(indicator.textContent).toContain('✔');
    // 12:02 UTC is 14:02 in Copenhagen, the venue's zone.
    expect(screen.getByTestId('status-tickoweb-word').textContent).toMatch(/\b(14|2)[:.]02\b/);

    await emit({ event: 'tickoweb', payload: tickowebSummary({ running: syncProgress({ bucketsDone: 7 }) }) });
    expect(screen.getByTestId('status-tickoweb-word').textContent).toBe('syncing 7/12');

    await emit({
      event: 'tickoweb',
      payload: tickowebSummary({ lastRun: { startedAt: 1, finishedAt: 2, result: 'failed', error: 'boom' } }),
    });
    expect(screen.getByTestId('status-tickoweb').dataset.state).toBe('failed');
    expect(screen.getByTestId('status-tickoweb-word').textContent).toBe(tw.status.failed);

    await emit({ event: 'tickoweb', payload: tickowebSummary({ demo: true, configured: false, lastRun: undefined }) });
    expect(screen.getByTestId('status-tickoweb-word').textContent).toBe(tw.status.never);

    await click(screen.getByTestId('status-tickoweb'));
    await goTo('#/settings');
    expect(await screen.findByTestId('settings-tickoweb')).toBeTruthy();
  });
});

describe('tickoweb: search', () => {
  const mette = tickowebHit();
  const byEmail = tickowebHit({
    orderPath: `${orderPath.slice(0, -1)}-2/`,
    orderNumber: 'TW-100999',
    status: 'refunded',
    eventName: 'Roskilde Warm-up',
    name: 'M. Hansen',
    field: 'email',
    value: 'mette.h@example.dk',
    highlight: [{ start: 0, end: 5 }],
  });

  it('shows the mirror hits for the typed name next to Venue Manager hits, marked, and opens the order', async () => {
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.search': ({ query }) => ({ hits: query === 'mette' ? [mette, byEmail] : [], truncated: false }),
      'venueManager.search': () => ({ hits: [searchHit('Mette Hansen', 5551)], fetchedAt: 1 }),
    });
    renderApp(api);
    await openSearch();
    const panel = screen.getByTestId('tickoweb-search');
    expect(within(panel).getByTestId('tickoweb-search-idle').textContent).toBe(tw.search.idle);

    await type(screen.getByTestId('search-field-name'), 'mette*');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('search-submit')));

    // Venue Manager's `*` is not sent to the mirror: it matches word prefixes by itself.
    expect(api.callsOf('tickoweb.search')).toEqual([{ query: 'mette', limit: 50 }]);
    expect(api.callsOf('venueManager.search')).toEqual([{ name: 'mette*' }]);
    expect(screen.getAllByTestId('search-result')).toHaveLength(1);
    expect(within(panel).getByTestId('tickoweb-search-source').dataset.field).toBe('name');
    expect(within(panel).getByTestId('tickoweb-search-count').textContent).toContain('2 Tickoweb orders');

    const [first, second] = within(panel).getAllByTestId('tickoweb-hit');
    expect(first?.querySelector('mark')?.textContent).toBe('Mette');
    expect(first?.textContent).toContain('Mette Hansen');
    expect(within(first!).getByTestId('tickoweb-hit-order').textContent).toBe('Order TW-100234 · Roskilde Festival 2026 · paid');
    expect(second?.dataset.field).toBe('email');
    expect(within(second!).getByTestId('tickoweb-hit-match').textContent).toBe(`${tw.search.field.email} mette.h@example.dk`);
    expect(second?.querySelector('mark')?.textContent).toBe('mette');
    expect(second?.textContent).toContain('M. Hansen');

    await click(first!);
    expect(api.callsOf('tickoweb.order')).toEqual([{ orderPath }]);
    const order = await screen.findByTestId('tickoweb-order');
    expect(order.dataset.phase).toBe('loaded');
    expect(screen.queryByTestId('search-form')).toBeNull();
    expect(order.textContent).toContain('Tickoweb order TW-100234');

    await press('Escape');
    expect(screen.queryByTestId('tickoweb-order')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('search-field-name').value).toBe('mette*');
    expect(within(screen.getByTestId('tickoweb-search')).getAllByTestId('tickoweb-hit')).toHaveLength(2);
    expect(api.callsOf('tickoweb.search')).toHaveLength(1);
  });

  it('searches as you type with one request at a time, and only the newest text after it', async () => {
    const first = deferred<Result<'tickoweb.search'>>();
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.search': ({ query }) =>
        query === 'me' ? first.promise : { hits: [tickowebHit({ highlight: [{ start: 0, end: 4 }] })], truncated: true },
    });
    renderApp(api);
    await openSearch();
    const name = screen.getByTestId('search-field-name');

    await type(name, 'me');
    await type(name, 'met');
    await type(name, 'mett');
    expect(api.callsOf('tickoweb.search')).toEqual([{ query: 'me', limit: 50 }]);

    await actAndSettle(() => first.resolve({ hits: [], truncated: false }));
    expect(api.callsOf('tickoweb.search')).toEqual([
      { query: 'me', limit: 50 },
      { query: 'mett', limit: 50 },
    ]);
    const panel = screen.getByTestId('tickoweb-search');
    expect(within(panel).getByTestId('tickoweb-search-count').textContent).toContain('The first 1 Tickoweb order');
    expect(within(panel).getByTestId('tickoweb-hit').querySelector('mark')?.textContent).toBe('Mett');

    // Quick search wins over the name; clearing every field clears the list.
    await type(screen.getByTestId('search-field-quick_search'), 'TW-100');
    expect(api.callsOf('tickoweb.search').at(-1)).toEqual({ query: 'TW-100', limit: 50 });
    await type(screen.getByTestId('search-field-quick_search'), '');
    await type(name, '');
    expect(within(panel).getByTestId('tickoweb-search-idle')).toBeTruthy();
    expect(api.callsOf('tickoweb.search')).toHaveLength(4);
  });

  it('asks the text on screen again when a sync finished, and still searches after one finished with nothing typed', async () => {
    const api = tickowebApi(tickowebSummary(), { 'tickoweb.search': () => ({ hits: [tickowebHit()], truncated: false }) });
    const { emit } = renderApp(api);
    await screen.findByTestId('status-tickoweb');
    const finished = (minute: number) => {
      const at = Date.UTC(2026, 6, 4, 13, minute);
      return tickowebSummary({ lastRun: { startedAt: at - 1000, finishedAt: at, result: 'done', error: null } });
    };
    await emit({ event: 'tickoweb', payload: finished(1) });
    expect(api.callsOf('tickoweb.search')).toEqual([]);

    await openSearch();
    await type(screen.getByTestId('search-field-name'), 'mette');
    expect(api.callsOf('tickoweb.search')).toEqual([{ query: 'mette', limit: 50 }]);
    await emit({ event: 'tickoweb', payload: finished(2) });
    expect(api.callsOf('tickoweb.search')).toEqual([
      { query: 'mette', limit: 50 },
      { query: 'mette', limit: 50 },
    ]);
    expect(screen.getAllByTestId('tickoweb-hit')).toHaveLength(1);
  });

  it('says when nothing matches, and when the mirror holds no orders it asks nothing', async () => {
    const api = tickowebApi(tickowebSummary(), { 'tickoweb.search': () => ({ hits: [], truncated: false }) });
    const { emit } = renderApp(api);
    await openSearch();
    await type(screen.getByTestId('search-field-email'), 'nobody@example.dk');
    expect(screen.getByTestId('tickoweb-search-none').textContent).toContain('No Tickoweb order matches “nobody@example.dk”.');

    await emit({ event: 'tickoweb', payload: tickowebSummary({ orders: 0 }) });
    await type(screen.getByTestId('search-field-email'), 'other@example.dk');
    expect(screen.getByTestId('tickoweb-search-no-orders').textContent).toContain(tw.search.noOrders);
    expect(api.callsOf('tickoweb.search')).toEqual([{ query: 'nobody@example.dk', limit: 50 }]);
  });

  it('keeps the Venue Manager search as it was on a desk without Tickoweb', async () => {
    const api = tickowebApi(tickowebSummary({ configured: false }));
    renderApp(api);
    await openSearch();
    await type(screen.getByTestId('search-field-name'), 'mette');
    expect(screen.queryByTestId('tickoweb-search')).toBeNull();
    expect(api.callsOf('tickoweb.search')).toEqual([]);
  });
});

describe('tickoweb: order view', () => {
  async function openOrderFromSearch(api: FakeApi) {
    renderApp(api);
    await openSearch();
    await type(screen.getByTestId('search-field-barcode'), 'TW123456789');
    await click(screen.getByTestId('tickoweb-hit'));
    return screen.findByTestId('tickoweb-order');
  }

  it('shows event, channel, every customer field, products and scans, and the raw files on demand', async () => {
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.search': () => ({ hits: [tickowebHit({ field: 'barcode', value: 'TW123456789', kind: 'exact', highlight: [{ start: 0, end: 11 }] })], truncated: false }),
      'tickoweb.order': () =>
        tickowebOrder({ quarantined: [{ file: `${orderPath}details.json`, reason: 'not-json', detail: 'Unexpected end of JSON input' }] }),
    });
    const order = await openOrderFromSearch(api);

    expect(document.activeElement).toBe(order);
    expect(within(order).getByTestId('tickoweb-order-status').textContent).toContain('paid');
    expect(within(order).getByTestId('tickoweb-order-event').textContent).toContain('Roskilde Festival 2026');
    expect(within(order).getByTestId('tickoweb-order-channel').textContent).toContain('Webshop');
    const fields = within(order).getByTestId('tickoweb-order-fields');
    expect(fields.textContent).toContain('customer.json › extra.tshirt');
    expect(fields.querySelectorAll('.details__row')).toHaveLength(2);
    expect(within(order).getAllByTestId('tickoweb-order-product')[0]?.textContent).toContain('Festival ticket');
    const scanRow = within(order).getAllByTestId('tickoweb-order-scan')[0];
    expect(scanRow?.textContent).toContain('2026-07-01T09:12:00+02:00');
    expect(scanRow?.textContent).toContain('East gate');
    expect(scanRow?.textContent).toContain('TW123456789');
    const warning = within(order).getByTestId('tickoweb-order-quarantined');
    expect(warning.textContent).toContain(tw.order.quarantined_one);
    expect(warning.textContent).toContain('not valid JSON');
    expect(warning.textContent).toContain('Unexpected end of JSON input');

    const toggle = within(order).getByTestId('tickoweb-order-raw-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(order).queryByTestId('tickoweb-order-raw')).toBeNull();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toContain(tw.order.hideRaw);
    const customer = within(order).getByTestId('tickoweb-order-raw-customer.json');
    expect(customer.tagName).toBe('PRE');
    expect(customer.textContent).toBe(JSON.stringify(JSON.parse(customerRaw), null, 2));
    expect(customer.textContent).toContain('\n  "firstName": "Mette",');
    expect(within(order).getByTestId('tickoweb-order-raw-details.json').textContent).toContain('"barcode": "TW123456789"');
    await click(toggle);
    expect(within(order).queryByTestId('tickoweb-order-raw')).toBeNull();

    await click(within(order).getByTestId('tickoweb-order-back'));
    expect(screen.queryByTestId('tickoweb-order')).toBeNull();
    expect(screen.getByTestId('search-form')).toBeTruthy();
  });

  it('explains an order that cannot be shown, and tries again', async () => {
    let attempts = 0;
    const api = tickowebApi(tickowebSummary(), {
      'tickoweb.search': () => ({ hits: [tickowebHit()], truncated: false }),
      'tickoweb.order': () => {
        attempts += 1;
        if (attempts === 1) throw new AppError('TICKOWEB_NOT_FOUND', 'gone');
        return tickowebOrder({ customerRaw: null, scans: [] });
      },
    });
    const order = await openOrderFromSearch(api);
    expect(within(order).getByTestId('tickoweb-order-error').textContent).toContain(en.errors.TICKOWEB_NOT_FOUND);
    await click(within(order).getByRole('button', { name: tw.order.retry }));
    const loaded = screen.getByTestId('tickoweb-order');
    expect(loaded.dataset.phase).toBe('loaded');
    expect(within(loaded).getByTestId('tickoweb-order-no-scans').textContent).toBe(tw.order.noScans);
    await click(within(loaded).getByTestId('tickoweb-order-raw-toggle'));
    expect(within(loaded).getByTestId('tickoweb-order-raw').textContent).toContain(tw.order.rawMissing);
  });
});

describe('tickoweb: identify links', () => {
  const uid = '04A2B3C4D5E6C1';

  it('lists the owner\'s Tickoweb orders with the reason in words and opens one', async () => {
    const api = tickowebApi(tickowebSummary(), {
      'identify.lookup': ({ uid: tapped }) => found(tapped, 'Mette Hansen'),
      'tickoweb.links': () => [
        tickowebLink(),
        tickowebLink({
          orderPath: 'reseller/roskilde/warmup/order/1-500/abc/',
          reason: 'name+phone',
          matched: ['Mette Hansen', '+45 12 34 56 78'],
          orderNumber: null,
          eventName: null,
          status: 'cancelled',
        }),
        tickowebLink({ orderPath: 'reseller/roskilde/rf26/order/1-500/def/', reason: 'barcode', matched: ['5701234567890'], orderNumber: 'TW-7' }),
      ],
    });
    const { emit } = renderApp(api);
    await screen.findByTestId('identify-idle');
    await emit({ event: 'scan', payload: scan(uid) });
    await screen.findByTestId('identify-owner-name');

    expect(api.callsOf('tickoweb.links')).toEqual([
      { emails: ['mette@example.dk'], names: ['Mette Hansen'], phones: ['+45 12 34 56 78'], barcodes: ['5701234567890'] },
    ]);
    const block = screen.getByTestId('tickoweb-links');
    const links = within(block).getAllByTestId('tickoweb-link');
    expect(links.map((link) => within(link).getByTestId('tickoweb-link-reason').textContent)).toEqual([
      `⇄ ${tw.links.reason.email} (mette@example.dk)`,
      `⇄ ${tw.links.reason.namePhone} (Mette Hansen, +45 12 34 56 78)`,
      `⇄ ${tw.links.reason.barcode} (5701234567890)`,
    ]);
    expect(links[0]?.textContent).toContain('Order TW-100234');
    expect(links[0]?.textContent).toContain('Roskilde Festival 2026');
    expect(links[1]?.textContent).toContain(tw.search.noNumber);
    expect(links[1]?.textContent).toContain('cancelled');

    await click(links[0]!);
    expect(api.callsOf('tickoweb.order')).toEqual([{ orderPath }]);
    expect((await screen.findByTestId('tickoweb-order')).dataset.orderPath).toBe(orderPath);
    expect(screen.queryByTestId('identify-owner-name')).toBeNull();

    await press('Escape');
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('Mette Hansen');
    // The same owner is not asked for again.
    expect(api.callsOf('tickoweb.links')).toHaveLength(1);

    // A new tap replaces an opened order at once.
    await click(screen.getAllByTestId('tickoweb-link')[2]!);
    expect(screen.getByTestId('tickoweb-order')).toBeTruthy();
    await emit({ event: 'scan', payload: scan(uid, 1_750_000_100_000) });
    expect(screen.queryByTestId('tickoweb-order')).toBeNull();
    expect(screen.getByTestId('identify-owner-name').textContent).toBe('Mette Hansen');
  });

  it('asks again after a sync changed the mirror, and says when nothing matches', async () => {
    let answer: Result<'tickoweb.links'> = [];
    const api = tickowebApi(tickowebSummary(), {
      'identify.lookup': ({ uid: tapped }) => found(tapped, 'Mette Hansen'),
      'tickoweb.links': () => answer,
    });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan(uid) });
    expect((await screen.findByTestId('tickoweb-links-none')).textContent).toBe(tw.links.none);

    answer = [tickowebLink({ reason: 'name+barcode', matched: ['Mette Hansen', '5701234567890'] })];
    // Progress while a sync runs does not ask again for every bucket written.
    await emit({ event: 'tickoweb', payload: tickowebSummary({ orders: 1240, running: syncProgress() }) });
    expect(api.callsOf('tickoweb.links')).toHaveLength(1);
    const later = Date.UTC(2026, 6, 4, 13, 0);
    await emit({ event: 'tickoweb', payload: tickowebSummary({ lastRun: { startedAt: later - 1000, finishedAt: later, result: 'done', error: null } }) });
    expect(api.callsOf('tickoweb.links')).toHaveLength(2);
    expect(screen.getByTestId('tickoweb-link').dataset.reason).toBe('name+barcode');
    expect(screen.getByTestId('tickoweb-link-reason').textContent).toContain(tw.links.reason.nameBarcode);
  });

  it('shows nothing and asks nothing while the mirror holds no orders', async () => {
    const api = tickowebApi(tickowebSummary({ orders: 0 }), {
      'identify.lookup': ({ uid: tapped }) => found(tapped, 'Mette Hansen'),
      'tickoweb.links': () => [tickowebLink()],
    });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan(uid) });
    await screen.findByTestId('identify-owner-name');
    expect(screen.queryByTestId('tickoweb-links')).toBeNull();
    expect(api.callsOf('tickoweb.links')).toEqual([]);
  });
});

describe('tickoweb: quarantine', () => {
  it('lists the refused files with reason, detail and sample when opened, and reloads when more arrive', async () => {
    let entries = [
      quarantineEntry(),
      quarantineEntry({ file: 'reseller/roskilde/rf26/event.json', orderPath: null, reason: 'too-large', detail: '2 MB', sample: '' }),
    ];
    const api = tickowebApi(tickowebSummary({ quarantined: 2 }), { 'tickoweb.quarantine': () => entries });
    const { emit } = renderApp(api);
    const section = await openSettings();

    expect(within(section).getByTestId('tickoweb-count-quarantined').textContent).toContain('2');
    expect(within(section).queryByTestId('tickoweb-quarantine')).toBeNull();
    expect(api.callsOf('tickoweb.quarantine')).toEqual([]);

    const toggle = within(section).getByTestId('tickoweb-quarantine-toggle');
    expect(toggle.textContent).toContain('Show the 2 refused files');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(api.callsOf('tickoweb.quarantine')).toEqual([{}]);
    const rows = within(section).getAllByTestId('tickoweb-quarantine-entry');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain(`${orderPath}customer.json`);
    expect(rows[0]?.textContent).toContain(tw.quarantine.reason.notJson);
    expect(rows[0]?.textContent).toContain('Unexpected token } in JSON at position 41');
    expect(rows[0]?.querySelector('pre')?.textContent).toBe('{"firstName":"Mette","lastName":}');
    expect(rows[1]?.textContent).toContain(tw.quarantine.reason.tooLarge);
    expect(rows[1]?.textContent).toContain(tw.quarantine.noSample);

    entries = [...entries, quarantineEntry({ file: `${orderPath}details.json`, reason: 'shape-changed', detail: 'odd' })];
    const later = Date.UTC(2026, 6, 4, 13, 0);
    await emit({
      event: 'tickoweb',
      payload: tickowebSummary({ quarantined: 3, lastRun: { startedAt: later - 1000, finishedAt: later, result: 'done', error: null } }),
    });
    expect(api.callsOf('tickoweb.quarantine')).toHaveLength(2);
    const reloaded = within(section).getAllByTestId('tickoweb-quarantine-entry');
    expect(reloaded).toHaveLength(3);
    // A reason this screen does not know is shown as it came.
    expect(reloaded[2]?.textContent).toContain('shape-changed');

    await click(toggle);
    expect(within(section).queryByTestId('tickoweb-quarantine')).toBeNull();
  });

  it('says no file was refused when none was', async () => {
    renderApp(tickowebApi(tickowebSummary({ quarantined: 0 })));
    const section = await openSettings();
    expect(within(section).getByTestId('tickoweb-quarantine-none').textContent).toBe(tw.quarantine.none);
    expect(within(section).queryByTestId('tickoweb-quarantine-toggle')).toBeNull();
  });
});
