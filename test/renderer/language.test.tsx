import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import nl from '../../src/renderer/src/i18n/locales/nl.json';
import { resolveLanguage } from '../../src/renderer/src/i18n/resolveLanguage';
import { FakeApi } from './support/FakeApi';
import { scan, settingsView } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

async function chooseLanguage(value: string) {
  const select = await screen.findByTestId('settings-language');
  await actAndSettle(() => fireEvent.change(select, { target: { value } }));
}

describe('language', () => {
  it('follows the stored language setting', async () => {
    const view = settingsView();
    renderApp(new FakeApi({ settings: { ...view, settings: { ...view.settings, language: 'da' } } }));
    expect(await screen.findByText(da.identify.idle)).toBeTruthy();
    expect(document.documentElement.lang).toBe('da');
  });

  it('switches the visible text to Danish and then Dutch as soon as it is chosen', async () => {
    const api = new FakeApi();
    const { emit } = renderApp(api);
    expect(await screen.findByText(en.nav.settings)).toBeTruthy();
    await actAndSettle(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    await chooseLanguage('da');
    expect(screen.getByTestId('nav-settings').textContent).toBe(da.nav.settings);
    expect(screen.getByTestId('settings-save').textContent).toBe(da.settings.save);
    expect(api.callsOf('settings.update')).toEqual([{ language: 'da' }]);

    await chooseLanguage('nl');
    expect(screen.getByTestId('nav-settings').textContent).toBe(nl.nav.settings);
    expect(screen.getByTestId('settings-save').textContent).toBe(nl.settings.save);
    expect(api.callsOf('settings.update')).toEqual([{ language: 'da' }, { language: 'nl' }]);

    // Error explanations follow the language too.
    api.handlers['identify.lookup'] = () => {
      throw new AppError('NETWORK', 'ECONNRESET');
    };
    await actAndSettle(() => fireEvent.keyDown(window, { key: 'Escape' }));
    await emit({ event: 'scan', payload: scan('04A2B3C4D5E6C1') });
    expect((await screen.findByTestId('identify-error')).textContent).toContain(nl.errors.NETWORK);
  });

  it('goes back to the stored language when the core refuses the change', async () => {
    const api = new FakeApi({
      handlers: {
        'settings.update': () => {
          throw new AppError('INTERNAL', 'disk full');
        },
      },
    });
    renderApp(api);
    await actAndSettle(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await chooseLanguage('nl');
    expect(await screen.findByText(en.errors.INTERNAL)).toBeTruthy();
    expect(screen.getByTestId<HTMLSelectElement>('settings-language').value).toBe('auto');
  });
});

describe('resolveLanguage', () => {
  it('uses an explicit setting as is', () => {
    expect(resolveLanguage('nl', ['da-DK'])).toBe('nl');
  });

  it('takes the first preferred language we translate, by primary subtag', () => {
    expect(resolveLanguage('auto', ['de-DE', 'da-DK', 'nl-NL'])).toBe('da');
    expect(resolveLanguage('auto', ['nl-BE', 'en'])).toBe('nl');
    expect(resolveLanguage('auto', ['EN_gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(resolveLanguage('auto', ['de-DE', 'sv'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
  });
});
