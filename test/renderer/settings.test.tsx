import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { secretEnvironmentVariables } from '../../src/shared/settings';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { FakeApi } from './support/FakeApi';
import { settingsView } from './support/fixtures';
import { actAndSettle, click, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

async function openSettings() {
  await actAndSettle(() => {
    window.location.hash = '#/settings';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return screen.findByTestId<HTMLInputElement>('settings-deskname');
}

function type(input: HTMLElement, value: string) {
  return actAndSettle(() => fireEvent.change(input, { target: { value } }));
}

describe('settings', () => {
  it('opens from the hash route and goes back to Identify on Escape', async () => {
    renderApp();
    await screen.findByTestId('identify-idle');
    expect(window.location.hash).toBe('#/identify');

    await openSettings();
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');

    await actAndSettle(() => fireEvent.keyDown(window, { key: 'Escape' }));
    expect(await screen.findByTestId('identify-idle')).toBeTruthy();
    expect(window.location.hash).toBe('#/identify');
    expect(window.location.pathname).toBe('/');
  });

  it('shows field errors from the shared schema and sends nothing', async () => {
    const api = new FakeApi();
    renderApp(api);
    const deskName = await openSettings();
    await type(deskName, '   ');
    await type(screen.getByTestId('settings-vm-baseurl'), 'ftp://venue.example');
    await click(screen.getByTestId('settings-save'));

    expect(screen.getByTestId('settings-deskname-error').textContent).toContain(en.settings.fieldError.deskName);
    expect(screen.getByTestId('settings-vm-baseurl-error').textContent).toContain(en.settings.fieldError.baseUrl);
    expect(screen.getByTestId('settings-invalid')).toBeTruthy();
    expect(api.callsOf('settings.update')).toEqual([]);
  });

  it('saves only the keys that changed', async () => {
    const api = new FakeApi();
    renderApp(api);
    const deskName = await openSettings();
    await type(deskName, 'Gate 2');
    await click(screen.getByTestId('settings-save'));

    expect(api.callsOf('settings.update')).toEqual([{ deskName: 'Gate 2' }]);
    expect(await screen.findByTestId('settings-saved')).toBeTruthy();
    expect(screen.getByTestId('status-desk').textContent).toBe('Gate 2');
  });

  it('sends the whole Venue Manager group when one of its fields changed', async () => {
    const api = new FakeApi();
    renderApp(api);
    await openSettings();
    await type(screen.getByTestId('settings-vm-baseurl'), 'https://roskilde.admin.venuemanager.net/api/digital_product');
    await click(screen.getByTestId('settings-save'));
    expect(api.callsOf('settings.update')).toEqual([
      {
        venueManager: {
          baseUrl: 'https://roskilde.admin.venuemanager.net/api/digital_product',
          authMode: 'none',
          basicUsername: '',
          headerName: '',
          historyShowsComments: false,
        },
      },
    ]);
  });

  it('shows a refusal from the core in words, by its code', async () => {
    const api = new FakeApi({
      handlers: {
        'settings.update': () => {
          throw new AppError('INVALID_SETTINGS', 'deskName: too long');
        },
      },
    });
    renderApp(api);
    const deskName = await openSettings();
    await type(deskName, 'Gate 3');
    await click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-error')).textContent).toContain(en.errors.INVALID_SETTINGS);
  });

  it('in environment mode shows secrets read-only, naming each environment variable', async () => {
    const api = new FakeApi({
      settings: settingsView({ secretStore: { kind: 'environment', writable: false } }),
    });
    renderApp(api);
    await openSettings();

    const secrets = screen.getByTestId('settings-secrets');
    expect(secrets.querySelectorAll('input')).toHaveLength(0);
    const hints = within(secrets).getAllByTestId('secret-environment').map((hint) => hint.textContent);
    expect(hints).toEqual(
      Object.values(secretEnvironmentVariables).map((variable) => expect.stringContaining(variable) as unknown),
    );
    const states = within(secrets).getAllByTestId('secret-state').map((state) => state.textContent);
    expect(states).toEqual(['●set', '○not set', '○not set', '○not set']);
  });

  it('says when a stored secret can no longer be decrypted', async () => {
    const view = settingsView();
    view.secrets['venueManager.basicPassword'] = { set: true, unreadable: true };
    renderApp(new FakeApi({ settings: view }));
    await openSettings();
    const states = within(screen.getByTestId('settings-secrets')).getAllByTestId('secret-state');
    expect(states.map((state) => state.getAttribute('data-state'))).toEqual(['set', 'unreadable', 'not-set', 'not-set']);
    expect(states[1]!.textContent).toContain(en.settings.secrets.unreadable);
  });

  it('stores and clears a secret when the store is writable, and warns without a keyring', async () => {
    const api = new FakeApi({
      settings: settingsView({ secretStore: { kind: 'safeStorage', writable: true, warning: 'no-keyring' } }),
      handlers: {
        'secrets.set': () => settingsView(),
        'secrets.clear': () => settingsView(),
      },
    });
    renderApp(api);
    await openSettings();
    expect(screen.getByTestId('secrets-no-keyring').textContent).toContain(en.settings.secrets.noKeyring);

    const row = screen.getByTestId('secret-venueManager.basicPassword');
    await click(within(row).getByRole('button', { name: en.settings.secrets.save }));
    expect(api.callsOf('secrets.set')).toEqual([]);
    expect(row.textContent).toContain(en.settings.secrets.invalid);

    await type(within(row).getByPlaceholderText(en.settings.secrets.newValuePlaceholder), 's3cret');
    await click(within(row).getByRole('button', { name: en.settings.secrets.save }));
    expect(api.callsOf('secrets.set')).toEqual([{ name: 'venueManager.basicPassword', value: 's3cret' }]);

    const tokenRow = screen.getByTestId('secret-venueManager.bearerToken');
    await click(within(tokenRow).getByRole('button', { name: en.settings.secrets.clear }));
    expect(api.callsOf('secrets.clear')).toEqual([{ name: 'venueManager.bearerToken' }]);
  });

  it('warns about stored settings that failed validation', async () => {
    renderApp(
      new FakeApi({ settings: settingsView({ problems: [{ key: 'venueTimeZone', message: 'not a known IANA time zone' }] }) }),
    );
    await openSettings();
    const problems = screen.getByTestId('settings-problems');
    expect(problems.textContent).toContain('venueTimeZone');
    expect(problems.textContent).toContain('not a known IANA time zone');
  });
});
