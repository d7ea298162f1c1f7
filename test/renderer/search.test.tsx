import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { OwnerMatch } from '../../src/shared/model';
import type { SearchCriteria } from '../../src/shared/search';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { deferred, FakeApi, type Handlers } from './support/FakeApi';
import { found, notFound, scan, searchHit, searchHits, settingsView } from './support/fixtures';
import { emulateListLayout } from './support/listLayout';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

// A laptop-sized results list (happy-dom has no layout of its own); 480px shows five rows.
let restoreLayout: () => void = () => undefined;
beforeEach(() => {
  restoreLayout = emulateListLayout('search-results', 480);
});
afterEach(() => {
  restoreLayout();
  resetDom();
});

const mette = searchHit('Mette Hansen', 5551);
const larsBase = searchHit('Lars Hansen', 5552);
const lars: OwnerMatch = { ...larsBase, product: { ...larsBase.product, name: 'Day ticket Saturday', barcode: '5701234000002' } };

/** A core whose search answers `hits` and whose product call answers the hit as it is "now". */
function searchApi(hits: OwnerMatch[], handlers: Handlers = {}) {
  return new FakeApi({
    handlers: {
      'venueManager.search': () => ({ hits, fetchedAt: 1 }),
      'venueManager.product': ({ productId }) => {
        const hit = hits.find((candidate) => candidate.product.id === productId);
        if (hit === undefined) throw new AppError('VM_UNKNOWN_PRODUCT', `no product ${String(productId)}`);
        return { match: hit, fetchedAt: 2 };
      },
      ...handlers,
    },
  });
}

async function openSearch() {
  await actAndSettle(() => {
    window.location.hash = '#/search';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return screen.findByTestId('search-form');
}

function field(criterion: keyof SearchCriteria) {
  return screen.getByTestId<HTMLInputElement>(`search-field-${criterion}`);
}

function type(criterion: keyof SearchCriteria, value: string) {
  return actAndSettle(() => fireEvent.change(field(criterion), { target: { value } }));
}

/** The submit button (a browser also submits on Enter in any field of the form). */
function submit() {
  return actAndSettle(() => fireEvent.click(screen.getByTestId('search-submit')));
}

function press(target: Element | Window, key: string, init: KeyboardEventInit = {}) {
  return actAndSettle(() => fireEvent.keyDown(target, { key, ...init }));
}

function fieldErrors() {
  return screen.queryAllByTestId('search-field-error').map((error) => error.textContent);
}

function selectedRow() {
  return screen.getAllByTestId('search-result').find((row) => row.getAttribute('aria-selected') === 'true');
}

describe('search: navigation and shortcuts', () => {
  it('has a nav entry next to Identify and Settings that opens #/search', async () => {
    renderApp();
    const nav = await screen.findByTestId('nav-search');
    expect(nav.getAttribute('href')).toBe('#/search');
    expect(nav.textContent).toBe(en.nav.search);

    await openSearch();
    expect(screen.getByTestId('nav-search').getAttribute('aria-current')).toBe('page');
    for (const criterion of ['name', 'company', 'street', 'email', 'customerId', 'orderId', 'tokenUid', 'barcode', 'festiwebPersonId', 'quick_search'] as const) {
      expect(field(criterion)).toBeTruthy();
    }
    expect(screen.getByTestId('search-form').textContent).toContain(en.search.wildcardHint);
  });

  it('opens from "/" and Ctrl+F with the first field focused', async () => {
    renderApp();
    await screen.findByTestId('identify-idle');

    await press(window, '/');
    expect(window.location.hash).toBe('#/search');
    expect(document.activeElement).toBe(field('name'));

    await actAndSettle(() => {
      window.location.hash = '#/identify';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByTestId('identify-idle');
    await press(document.body, 'f', { ctrlKey: true });
    expect(window.location.hash).toBe('#/search');
    expect(document.activeElement).toBe(field('name'));
  });

  it('leaves "/" alone while typing in a field', async () => {
    renderApp();
    await actAndSettle(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const deskName = await screen.findByTestId('settings-deskname');
    await press(deskName, '/');
    await press(deskName, 'f', { ctrlKey: true });
    expect(window.location.hash).toBe('#/settings');
    expect(screen.queryByTestId('search-form')).toBeNull();
  });
});

describe('search: validation', () => {
  it('refuses an empty form with a form-level message and sends nothing', async () => {
    const api = searchApi([mette]);
    renderApp(api);
    await openSearch();
    await type('name', '   ');
    await submit();

    expect(screen.getByTestId('search-form-error').textContent).toContain(en.search.noCriteria);
    expect(fieldErrors()).toEqual([]);
    expect(api.callsOf('venueManager.search')).toEqual([]);
  });

  it('refuses street without name or company, with the message at the street field', async () => {
    const api = searchApi([mette]);
    renderApp(api);
    await openSearch();
    await type('street', 'Havsteensvej*');
    await submit();

    expect(fieldErrors()).toEqual([expect.stringContaining(en.search.problem.streetWithoutNameOrCompany)]);
    expect(field('street').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('search-form-error')).toBeNull();
    expect(api.callsOf('venueManager.search')).toEqual([]);

    // With a name the same street is fine, and the message goes away.
    await type('name', 'Mette*');
    await submit();
    expect(fieldErrors()).toEqual([]);
    expect(api.callsOf('venueManager.search')).toEqual([{ name: 'Mette*', street: 'Havsteensvej*' }]);
  });

  it('refuses ids that are not digits, one message per field', async () => {
    const api = searchApi([mette]);
    renderApp(api);
    await openSearch();
    await type('customerId', '47a1');
    await type('orderId', '900123');
    await type('festiwebPersonId', '12-34');
    await submit();

    expect(fieldErrors()).toEqual([
      expect.stringContaining(en.search.problem.digitsOnly),
      expect.stringContaining(en.search.problem.digitsOnly),
    ]);
    expect(field('customerId').getAttribute('aria-invalid')).toBe('true');
    expect(field('orderId').getAttribute('aria-invalid')).toBe('false');
    expect(field('festiwebPersonId').getAttribute('aria-invalid')).toBe('true');
    expect(api.callsOf('venueManager.search')).toEqual([]);
  });

  it('shows the messages in the desk language', async () => {
    const view = settingsView();
    renderApp(new FakeApi({ settings: { ...view, settings: { ...view.settings, language: 'da' } } }));
    await openSearch();
    await type('street', 'Havsteensvej');
    await submit();
    expect(screen.getByTestId('search-field-error').textContent).toContain(da.search.problem.streetWithoutNameOrCompany);
    expect(field('street').labels?.[0]?.textContent).toBe(da.search.field.street);
  });
});

describe('search: results', () => {
  it('sends only the filled fields, trimmed, and lists the hits', async () => {
    const api = searchApi([mette, lars]);
    renderApp(api);
    await openSearch();
    await type('name', '  Hansen* ');
    await type('email', '   ');
    await type('orderId', '900123');
    await submit();

    expect(api.callsOf('venueManager.search')).toEqual([{ name: 'Hansen*', orderId: '900123' }]);
    expect(screen.getByTestId('search-count').textContent).toBe('2 results');
    const rows = screen.getAllByTestId('search-result');
    expect(rows.map((row) => row.dataset.productId)).toEqual(['5551', '5552']);
    const second = rows[1]!;
    expect(second.textContent).toContain('Lars Hansen');
    expect(second.textContent).toContain('Roskilde Crew ApS');
    expect(second.textContent).toContain('mette@example.dk');
    expect(second.textContent).toContain('Roskilde');
    expect(second.textContent).toContain('Day ticket Saturday');
    expect(second.textContent).toContain('5701234000002');
    expect(second.textContent).toContain(en.match.product.valid);
    expect(second.textContent).toContain('Order 900123');
    // Only the active wristband is listed, not the blocked one.
    expect(second.textContent).toContain('04000000005552');
    expect(second.textContent).not.toContain('04AABBCCDDEE01');
  });

  it('says so when nothing matches', async () => {
    renderApp(searchApi([]));
    await openSearch();
    await type('email', 'nobody@example.dk');
    await submit();
    expect(screen.getByTestId('search-no-results').textContent).toContain(en.search.noResults);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('shows an invalidated product in its row by icon and word', async () => {
    const invalid = searchHit('Jan de Vries', 7001, {
      product: { ...mette.product, id: 7001, valid: false, invalidatedAt: '2025-06-30 08:00:00' },
    });
    renderApp(searchApi([invalid]));
    await openSearch();
    await type('name', 'Jan*');
    await submit();
    const [row] = screen.getAllByTestId('search-result');
    expect(row?.textContent).toContain(`✖ ${en.match.product.invalidated}`);
  });

  it('explains a failed search by its code', async () => {
    renderApp(
      searchApi([], {
        'venueManager.search': () => {
          throw new AppError('UNAUTHORIZED', 'HTTP 401 from Venue Manager');
        },
      }),
    );
    await openSearch();
    await type('barcode', '5701234567890');
    await submit();
    const error = screen.getByTestId('search-error');
    expect(error.textContent).toContain(en.errors.UNAUTHORIZED);
    expect(error.textContent).not.toContain('HTTP 401');
  });

  it('explains that this Venue Manager has no quick search, and searches again with the other fields', async () => {
    const api = searchApi([mette], {
      'venueManager.search': (criteria) => {
        if (criteria.quick_search !== undefined) throw new AppError('QUICK_SEARCH_UNSUPPORTED', 'no sphinx');
        return { hits: [mette], fetchedAt: 1 };
      },
    });
    renderApp(api);
    await openSearch();
    await type('quick_search', 'mette roskilde');
    await type('name', 'Mette*');
    await submit();

    const error = screen.getByTestId('search-error');
    expect(error.dataset.code).toBe('QUICK_SEARCH_UNSUPPORTED');
    expect(error.textContent).toContain(en.errors.QUICK_SEARCH_UNSUPPORTED);
    expect(en.errors.QUICK_SEARCH_UNSUPPORTED).toMatch(/no quick search/);
    expect(en.errors.QUICK_SEARCH_UNSUPPORTED).toMatch(/other search fields still work/);

    await actAndSettle(() => fireEvent.click(within(error).getByRole('button')));
    expect(api.callsOf('venueManager.search')).toEqual([{ name: 'Mette*', quick_search: 'mette roskilde' }, { name: 'Mette*' }]);
    expect(field('quick_search').value).toBe('');
    expect(screen.getAllByTestId('search-result')).toHaveLength(1);
  });

  it('shows only the answer to the latest search', async () => {
    const first = deferred<Result<'venueManager.search'>>();
    const api = searchApi([], {
      'venueManager.search': (criteria) => (criteria.name === 'Old*' ? first.promise : { hits: [lars], fetchedAt: 2 }),
    });
    renderApp(api);
    await openSearch();
    await type('name', 'Old*');
    await submit();
    await type('name', 'New*');
    await submit();
    await actAndSettle(() => first.resolve({ hits: [mette], fetchedAt: 1 }));

    expect(screen.getAllByTestId('search-result').map((row) => row.dataset.productId)).toEqual(['5552']);
  });
});

describe('search: opening a hit', () => {
  it('opens the second hit with ArrowDown + Enter, from fresh product state', async () => {
    // The product as it is now: blocked since the search ran.
    const larsNow: OwnerMatch = {
      ...lars,
      product: {
        ...lars.product,
        tokens: [{ uid: '04000000005552', insertedAt: '2025-06-29 09:31:00', blockedAt: '2025-07-01 10:00:00', active: false }],
      },
    };
    const api = searchApi([mette, lars], { 'venueManager.product': () => ({ match: larsNow, fetchedAt: 3 }) });
    renderApp(api);
    await openSearch();
    await type('name', 'Hansen*');
    await submit();

    const list = screen.getByTestId('search-results');
    expect(document.activeElement).toBe(list);
    expect(selectedRow()?.dataset.productId).toBe('5551');

    await press(list, 'ArrowDown');
    expect(selectedRow()?.dataset.productId).toBe('5552');
    await press(list, 'Enter');

    expect(api.callsOf('venueManager.product')).toEqual([{ productId: 5552 }]);
    const productView = screen.getByTestId('product-view');
    expect(within(productView).getByTestId('identify-owner-name').textContent).toBe('Lars Hansen');
    expect(within(productView).getByText('Day ticket Saturday')).toBeTruthy();
    // Shown from the reloaded product, not from the search hit.
    const [token] = within(productView).getAllByTestId('product-token');
    expect(token?.dataset.state).toBe('blocked');
    expect(token?.textContent).toContain('Blocked since 2025-07-01 10:00:00');
    expect(within(productView).getAllByTestId('history-event')).toHaveLength(3);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('goes back to the results on Escape, keeping the results and the selection', async () => {
    const api = searchApi(searchHits(30));
    renderApp(api);
    await openSearch();
    await type('name', 'Guest*');
    await submit();
    const list = screen.getByTestId('search-results');
    await press(list, 'ArrowDown');
    await press(list, 'ArrowDown');
    await press(list, 'ArrowUp');
    await press(list, 'Enter');
    expect(screen.getByTestId('product-view')).toBeTruthy();
    expect(api.callsOf('venueManager.product')).toEqual([{ productId: 2 }]);

    await press(window, 'Escape');
    expect(screen.queryByTestId('product-view')).toBeNull();
    expect(screen.getByTestId('search-count').textContent).toBe('30 results');
    expect(selectedRow()?.dataset.productId).toBe('2');
    expect(document.activeElement).toBe(screen.getByTestId('search-results'));
    expect(field('name').value).toBe('Guest*');
    expect(api.callsOf('venueManager.search')).toHaveLength(1);

    // The selection carries on from where it was.
    await press(screen.getByTestId('search-results'), 'ArrowDown');
    expect(selectedRow()?.dataset.productId).toBe('3');
  });

  it('moves between the form and the results with "/" and ArrowDown', async () => {
    renderApp(searchApi([mette, lars]));
    await openSearch();
    await type('name', 'Hansen*');
    await submit();
    const list = screen.getByTestId('search-results');
    await press(list, 'ArrowDown');

    await press(list, '/');
    expect(document.activeElement).toBe(field('name'));
    await press(field('name'), 'ArrowDown');
    expect(document.activeElement).toBe(list);
    expect(selectedRow()?.dataset.productId).toBe('5552');
  });

  it('opens a hit on click, shows loading, then errors by code; Back returns', async () => {
    const answer = deferred<Result<'venueManager.product'>>();
    const api = searchApi([mette, lars], { 'venueManager.product': () => answer.promise });
    renderApp(api);
    await openSearch();
    await type('name', 'Hansen*');
    await submit();

    await actAndSettle(() => fireEvent.click(screen.getAllByTestId('search-result')[1]!));
    const productView = screen.getByTestId('product-view');
    expect(productView.getAttribute('aria-busy')).toBe('true');
    expect(productView.textContent).toContain(en.search.product.loading);

    await actAndSettle(() => answer.reject(new AppError('VM_UNKNOWN_PRODUCT', '404')));
    expect(screen.getByTestId('product-error').textContent).toContain(en.errors.VM_UNKNOWN_PRODUCT);

    await actAndSettle(() => fireEvent.click(screen.getByTestId('product-back')));
    expect(screen.queryByTestId('product-view')).toBeNull();
    expect(selectedRow()?.dataset.productId).toBe('5552');
  });

  it('ignores a product answer that arrives after going back', async () => {
    const answer = deferred<Result<'venueManager.product'>>();
    renderApp(searchApi([mette], { 'venueManager.product': () => answer.promise }));
    await openSearch();
    await type('name', 'Mette*');
    await submit();
    await press(screen.getByTestId('search-results'), 'Enter');
    await press(window, 'Escape');
    await actAndSettle(() => answer.resolve({ match: mette, fetchedAt: 3 }));
    expect(screen.queryByTestId('product-view')).toBeNull();
    expect(screen.getByTestId('search-results')).toBeTruthy();
  });
});

describe('search: with taps and Identify', () => {
  it('answers a tap on Identify while Search is open, and keeps the search for later', async () => {
    const api = searchApi([mette, lars], { 'identify.lookup': ({ uid }) => found(uid, 'Tapped Owner') });
    const { emit } = renderApp(api);
    await openSearch();
    await type('name', 'Hansen*');
    await submit();

    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    expect(window.location.hash).toBe('#/identify');
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Tapped Owner');
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: '04A2B3C4D5E6C1' }]);

    await openSearch();
    expect(screen.getAllByTestId('search-result')).toHaveLength(2);
    expect(field('name').value).toBe('Hansen*');
  });

  it('turns "not found" into a search for the wristband (button)', async () => {
    const api = searchApi([mette], { 'identify.lookup': ({ uid }) => notFound(uid) });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan('04FFFFFFFFFF01') });

    await actAndSettle(() => fireEvent.click(screen.getByTestId('identify-search')));
    expect(window.location.hash).toBe('#/search');
    expect(field('tokenUid').value).toBe('04FFFFFFFFFF01');
    expect(field('name').value).toBe('');
    expect(api.callsOf('venueManager.search')).toEqual([{ tokenUid: '04FFFFFFFFFF01' }]);
    expect(screen.getAllByTestId('search-result')).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByTestId('search-results'));
  });

  it('turns "not found" into a search for the wristband (key S)', async () => {
    const api = searchApi([], { 'identify.lookup': ({ uid }) => notFound(uid) });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan('04FFFFFFFFFF02') });
    await screen.findByTestId('identify-not-found');

    await press(window, 's');
    expect(field('tokenUid').value).toBe('04FFFFFFFFFF02');
    expect(api.callsOf('venueManager.search')).toEqual([{ tokenUid: '04FFFFFFFFFF02' }]);
    expect(screen.getByTestId('search-no-results')).toBeTruthy();
    // Nothing found by wristband: the form is ready for a name.
    expect(document.activeElement).toBe(field('name'));
  });

  it('does not search on S outside the not-found state', async () => {
    const api = searchApi([], { 'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen') });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    await screen.findByTestId('identify-owner-name');
    await press(window, 's');
    expect(window.location.hash).toBe('#/identify');
    expect(api.callsOf('venueManager.search')).toEqual([]);
  });
});

describe('search: large result lists', () => {
  it('renders only a window of rows for 5,000 hits, and follows scrolling and the keyboard', async () => {
    renderApp(searchApi(searchHits(5000)));
    await openSearch();
    await type('name', 'Guest*');
    await submit();

    expect(screen.getByTestId('search-count').textContent).toBe('5000 results');
    const list = screen.getByTestId('search-results');
    const rendered = () => screen.getAllByTestId('search-result').map((row) => Number(row.dataset.productId));
    expect(rendered().length).toBeGreaterThan(0);
    expect(rendered().length).toBeLessThan(40);
    expect(rendered()).toContain(1);

    // Scrolling far down renders the rows there instead.
    await actAndSettle(() => {
      list.scrollTop = 96 * 2500;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(rendered()).toContain(2501);
    expect(rendered()).not.toContain(1);
    expect(rendered().length).toBeLessThan(40);

    // End selects the last hit and brings it into the window.
    await press(list, 'End');
    expect(selectedRow()?.dataset.productId).toBe('5000');
    expect(screen.getAllByTestId('search-result').length).toBeLessThan(40);
  });
});
