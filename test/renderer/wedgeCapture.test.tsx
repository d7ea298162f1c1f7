import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoot } from '../../src/renderer/src/app/AppRoot';
import { WedgeClockContext } from '../../src/renderer/src/features/wedge/wedgeClock';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { alwaysConnected } from '../../src/renderer/src/transport/coreConnection';
import { AppError } from '../../src/shared/errors';
import type { SearchCriteria } from '../../src/shared/search';
import { signedInDesk, tappedUid } from './support/actionFixtures';
import { FakeApi, type Handlers } from './support/FakeApi';
import { FakeWedgeClock } from './support/FakeWedgeClock';
import { ownerMatch, scan, settingsView } from './support/fixtures';
import type { SettingsView } from '../../src/shared/settings';
import { azertyReaderKeys, enter, press, pressAll, tab, usKeys, type KeyPress } from './support/keyboard';
import { actAndSettle, resetDom } from './support/renderApp';

afterEach(resetDom);

const readerGapMs = 5;
const personGapMs = 150;
const mette = ownerMatch('Mette Hansen', tappedUid);

/**
 * The app against a core that, like the real one, answers `reader.wedgeScan` with the scan and
 * pushes the same scan as a `scan` event (routeScan takes it from there).
 */
async function renderDesk(handlers: Handlers = {}, settings?: SettingsView) {
  const clock = new FakeWedgeClock();
  const api: FakeApi = new FakeApi({
    ...(settings === undefined ? {} : { settings }),
    handlers: {
      ...signedInDesk(mette),
      'reader.wedgeScan': ({ raw }) => {
        const tap = { ...scan(raw), readerId: 'wedge' };
        queueMicrotask(() => api.emit({ event: 'scan', payload: tap }));
        return tap;
      },
      ...handlers,
    },
  });
  render(
    <WedgeClockContext value={clock}>
      <AppRoot api={api} connection={alwaysConnected} />
    </WedgeClockContext>,
  );
  await screen.findByTestId('operator-name');
  return { api, clock };
}

/** A reader's burst: every key `readerGapMs` apart, then its terminator; then the core's answer settles. */
async function readerTypes(clock: FakeWedgeClock, keys: readonly KeyPress[], terminator: KeyPress = enter) {
  pressAll(clock, keys, readerGapMs);
  press(clock, terminator);
  await actAndSettle(() => undefined);
}

async function openSearch() {
  await actAndSettle(() => {
    window.location.hash = '#/search';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await screen.findByTestId('search-form');
}

const field = (criterion: keyof SearchCriteria) => screen.getByTestId<HTMLInputElement>(`search-field-${criterion}`);

describe('keyboard-wedge capture', () => {
  it('reads a burst typed over the focused search field: nothing lands in the field, the core gets the UID, Identify shows the owner', async () => {
    const { api, clock } = await renderDesk();
    await openSearch();
    field('name').focus();

    // An AZERTY desk: the keys say à'Qé…, the key codes say 04A2….
    await readerTypes(clock, azertyReaderKeys(tappedUid));

    expect(api.callsOf('reader.wedgeScan')).toEqual([{ raw: tappedUid }]);
    expect(api.callsOf('identify.lookup')).toEqual([{ uid: tappedUid }]);
    expect((await screen.findByTestId('identify-owner-name')).textContent).toBe('Mette Hansen');
    // The search is kept for later, untouched by the burst.
    await openSearch();
    expect(field('name').value).toBe('');
    expect(api.callsOf('venueManager.search')).toEqual([]);
  });

  it('leaves a person typing in the search field at 150 ms/key alone: the field gets every character', async () => {
    const { api, clock } = await renderDesk({ 'venueManager.search': () => ({ hits: [], fetchedAt: 1 }) });
    await openSearch();
    field('name').focus();

    pressAll(clock, [...usKeys('Mette'), { code: 'Space', key: ' ' }, ...usKeys('H4nsen')], personGapMs);
    expect(field('name').value).toBe('Mette H4nsen');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('search-submit')));
    expect(api.callsOf('venueManager.search')).toEqual([{ name: 'Mette H4nsen' }]);
    expect(api.callsOf('reader.wedgeScan')).toEqual([]);
  });

  it('refuses a burst while the reason dialog is open (DESIGN §6): the reason stays, the dialog says so', async () => {
    const { api, clock } = await renderDesk();
    await actAndSettle(() => api.emit({ event: 'scan', payload: scan(tappedUid) }));
    await screen.findByTestId('identify-owner-name');
    await actAndSettle(() => fireEvent.click(screen.getByTestId('action-block')));
    const reason = screen.getByTestId<HTMLInputElement>('action-reason-text');
    await actAndSettle(() => fireEvent.change(reason, { target: { value: 'Lost' } }));
    reason.focus();

    await readerTypes(clock, usKeys('04BBBBBBBBBB02'));

    expect(api.callsOf('reader.wedgeScan')).toEqual([{ raw: '04BBBBBBBBBB02' }]);
    expect(screen.getByTestId('tap-refused').textContent).toContain(en.actions.tapRefused);
    expect(screen.getByTestId<HTMLInputElement>('action-reason-text').value).toBe('Lost');
    expect(screen.getByTestId('action-dialog').dataset.kind).toBe('block');
    // The Enter that ended the burst did not confirm the block either.
    expect(api.callsOf('actions.block')).toEqual([]);
    expect(api.callsOf('identify.lookup')).toHaveLength(1);
  });

  it('takes Tab as the end of a burst and reads Numpad digits; neither the digits nor the Tab reach the field', async () => {
    // A repeat within the core's duplicate window: it answers null and sends no scan event.
    const { api, clock } = await renderDesk({ 'reader.wedgeScan': () => null });
    await openSearch();
    field('name').focus();
    await readerTypes(clock, Array.from('3220338716').map((digit) => ({ code: `Numpad${digit}`, key: digit })), tab);
    expect(api.callsOf('reader.wedgeScan')).toEqual([{ raw: '3220338716' }]);
    expect(field('name').value).toBe('');
    expect(document.activeElement).toBe(field('name'));
  });

  it('gives a stalled burst to the field it was typed in, and sends nothing', async () => {
    const { api, clock } = await renderDesk();
    await openSearch();
    field('tokenUid').focus();
    pressAll(clock, usKeys('04A2B3'), readerGapMs);
    clock.advance(200);
    press(clock, enter);
    await actAndSettle(() => undefined);
    expect(field('tokenUid').value).toBe('04A2B3');
    expect(api.callsOf('reader.wedgeScan')).toEqual([]);
  });

  it("still lets a person's shortcuts and Ctrl combinations through", async () => {
    const { clock } = await renderDesk();
    // G on Identify: held for a moment like any letter, then delivered.
    press(clock, { code: 'KeyG', key: 'g' }, personGapMs);
    expect(await screen.findByTestId('gate-view')).toBeTruthy();
    press(clock, { code: 'Escape', key: 'Escape' }, personGapMs);
    // Ctrl+F is never held: Search opens at once.
    press(clock, { code: 'KeyF', key: 'f', ctrlKey: true });
    expect(await screen.findByTestId('search-form')).toBeTruthy();
  });

  it('says so when the core did not get a read, until the next read', async () => {
    let fail = true;
    const { clock } = await renderDesk({
      'reader.wedgeScan': ({ raw }) => {
        if (fail) throw new AppError('NETWORK', 'socket closed');
        return { ...scan(raw), readerId: 'wedge' };
      },
    });
    await readerTypes(clock, usKeys(tappedUid));
    expect(screen.getByTestId('wedge-error').textContent).toContain(en.app.wedgeFailed);
    fail = false;
    clock.advance(1000);
    await readerTypes(clock, usKeys(tappedUid));
    expect(screen.queryByTestId('wedge-error')).toBeNull();
  });
});

describe('keyboard-wedge timing from Settings', () => {
  it('a slow reader (50 ms a key) is typing by default, and a scan once the admin raised the gap', async () => {
    const slowReader = async (clock: FakeWedgeClock) => {
      pressAll(clock, usKeys(tappedUid), 50);
      press(clock, enter);
      await actAndSettle(() => undefined);
    };
    const byDefault = await renderDesk();
    await slowReader(byDefault.clock);
    expect(byDefault.api.callsOf('reader.wedgeScan')).toEqual([]);
    resetDom();

    const view = settingsView();
    const raised = await renderDesk({}, { ...view, settings: { ...view.settings, readers: { ...view.settings.readers, wedgeTiming: { maxGapMs: 80, minLength: 4 } } } });
    await slowReader(raised.clock);
    expect(raised.api.callsOf('reader.wedgeScan')).toEqual([{ raw: tappedUid }]);
  });
});
