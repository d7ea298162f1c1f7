import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { NoKeyScreen } from '../../src/renderer/src/app/NoKeyScreen';
import type { ConnectionState, CoreConnection } from '../../src/renderer/src/transport/coreConnection';
import { FakeApi } from './support/FakeApi';
import { appInfo, settingsView, status } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

/** A connection the test flips, like a WebSocket that drops and comes back. */
function controllableConnection(initial: ConnectionState) {
  let state = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  const connection: CoreConnection = {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = async (next: ConnectionState) => {
    state = next;
    await actAndSettle(() => {
      for (const listener of listeners) listener(next);
    });
  };
  return { connection, set };
}

describe('status bar', () => {
  it('shows connectivity as icon, word and state, and each reader', async () => {
    const api = new FakeApi({
      handlers: {
        'status.get': () =>
          status({
            connectivity: { state: 'degraded', reason: 'UNAUTHORIZED' },
            readers: [
              { id: 'a', name: 'Front reader', kind: 'hid-raw', state: 'connected' },
              { id: 'b', name: 'Spare reader', kind: 'hid-keyboard', state: 'disconnected' },
              { id: 'wedge', name: 'Keyboard reader', kind: 'wedge', state: 'connected' },
            ],
          }),
      },
    });
    renderApp(api);

    const connectivity = await screen.findByTestId('status-connectivity');
    await screen.findAllByTestId('status-reader');
    expect(connectivity.dataset.state).toBe('degraded');
    expect(connectivity.textContent).toContain(en.status.connectivity.degraded);
    expect(connectivity.textContent).toContain(en.status.reason.UNAUTHORIZED);
    expect(connectivity.textContent).toContain('▲');

    const readers = screen.getAllByTestId('status-reader').map((reader) => reader.textContent);
    // Hardware readers by their device's name; the keyboard reader in the desk's language.
    expect(readers).toEqual(['●Front readerconnected', '○Spare readerdisconnected', `●${en.readers.kind.wedge}connected`]);
    expect(screen.getByTestId('status-desk').textContent).toBe('Help desk');
    expect(screen.queryByTestId('status-demo')).toBeNull();
  });

  it('follows status events', async () => {
    const { emit } = renderApp();
    expect((await screen.findByTestId('status-connectivity')).dataset.state).toBe('online');
    await emit({ event: 'status', payload: status({ connectivity: { state: 'offline', reason: 'NETWORK' } }) });
    const connectivity = screen.getByTestId('status-connectivity');
    expect(connectivity.dataset.state).toBe('offline');
    expect(connectivity.textContent).toContain(en.status.connectivity.offline);
  });

  it('shows the queue: nothing on a desk that never queued, then waiting, sending progress, people needed and last sent', async () => {
    const summary = { pending: 0, conflicts: 0, failed: 0, possibleDuplicates: 0 };
    const { emit } = renderApp(new FakeApi({ handlers: { 'outbox.summary': () => summary } }));
    await screen.findByTestId('status-connectivity');
    expect(screen.queryByTestId('status-outbox')).toBeNull();

    await emit({ event: 'outbox', payload: { ...summary, pending: 3, pausedFor: 'OFFLINE' } });
    const indicator = screen.getByTestId('status-outbox');
    expect(indicator.getAttribute('href')).toBe('#/outbox');
    expect(indicator.dataset.pending).toBe('3');
    expect(screen.getByTestId('status-outbox-count').textContent).toBe('3 waiting');
    expect(indicator.getAttribute('title')).toBe(en.status.outbox.paused.offline);

    await emit({ event: 'outbox', payload: { ...summary, pending: 2, replay: { done: 1, total: 3 } } });
    expect(screen.getByTestId('status-outbox-count').textContent).toBe('sending 1 of 3');

    const lastSyncAt = Date.UTC(2026, 6, 4, 12, 2);
    await emit({ event: 'outbox', payload: { ...summary, conflicts: 1, lastSyncAt } });
    // A conflict is not "all sent".
    expect(screen.queryByTestId('status-outbox-count')).toBeNull();
    expect(screen.getByTestId('status-outbox').dataset.needPerson).toBe('1');
    expect(screen.getByTestId('status-outbox').textContent).toContain('1 needs a person');
    // Venue time (Europe/Copenhagen in the fixtures), in English: 2:02 PM.
    expect(screen.getByTestId('status-outbox-last-sync').textContent).toMatch(/2:02 PM/);

    await emit({ event: 'outbox', payload: { ...summary, lastSyncAt } });
    expect(screen.getByTestId('status-outbox-count').textContent).toBe(en.status.outbox.allSent);
  });

  it('shows the demo badge with its explanation in demo mode, and drops it once Venue Manager is configured', async () => {
    const { emit } = renderApp(
      new FakeApi({ handlers: { 'app.info': () => ({ ...appInfo, demo: true }), 'status.get': () => status({ demo: true }), 'reader.samples': () => [] } }),
    );
    const badge = await screen.findByTestId('status-demo');
    expect(badge.textContent).toContain(en.status.demoBadge);
    expect(badge.textContent).toContain(en.status.demoText);
    // The admin connected a real Venue Manager: the app info from start-up still says demo, the status does not.
    await emit({ event: 'status', payload: status({ demo: false }) });
    expect(screen.queryByTestId('status-demo')).toBeNull();
  });

  it('says the core connection is lost, and reloads everything when it is back', async () => {
    const api = new FakeApi();
    const { connection, set } = controllableConnection('connected');
    renderApp(api, connection);
    await screen.findByTestId('status-connectivity');
    expect(screen.queryByTestId('core-connection-lost')).toBeNull();
    const loadsBefore = api.callsOf('status.get').length;

    await set('reconnecting');
    expect(screen.getByTestId('core-connection-lost').textContent).toContain(en.connection.lost);

    api.handlers['status.get'] = () => status({ connectivity: { state: 'offline' } });
    await set('connected');
    expect(screen.queryByTestId('core-connection-lost')).toBeNull();
    expect(api.callsOf('status.get').length).toBe(loadsBefore + 1);
    expect(screen.getByTestId('status-connectivity').dataset.state).toBe('offline');
  });
});

describe('no key screen', () => {
  it('tells the user which address to open', () => {
    render(<NoKeyScreen />);
    expect(screen.getByTestId('no-key-screen').textContent).toContain(en.noKey.instruction);
  });
});

describe('bearer token expiry', () => {
  const day = 24 * 60 * 60_000;

  it('says nothing while the token is far from expiry, warns days ahead, and says when it has expired', async () => {
    for (const [offset, expected] of [
      [10 * day, null],
      [2 * day + 60_000, 'expires-soon'],
      [-3 * 60 * 60_000, 'expired'],
    ] as const) {
      const expiresAt = Date.now() + offset;
      renderApp(new FakeApi({ handlers: { 'status.get': () => status({ credentialsExpireAt: expiresAt }) } }));
      await screen.findByTestId('status-connectivity');
      const notice = screen.queryByTestId('status-credential-expiry');
      if (expected === null) {
        expect(notice).toBeNull();
      } else {
        expect(notice?.dataset.state).toBe(expected);
        expect(notice?.textContent).toContain(expected === 'expired' ? '3 hours ago' : 'in 2 days');
      }
      resetDom();
    }
  });

  it('shows the expiry next to the token in Settings', async () => {
    const expiresAt = Date.now() + 2 * day + 60_000;
    renderApp(
      new FakeApi({
        settings: settingsView({
          secrets: {
            'venueManager.bearerToken': { set: true, expiresAt },
            'venueManager.basicPassword': { set: false },
            'venueManager.headerValue': { set: false },
            'tickoweb.password': { set: false },
          },
        }),
      }),
    );
    await actAndSettle(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const line = await screen.findByTestId('secret-expiry');
    expect(line.textContent).toContain('in 2 days');
    expect(line.textContent).toContain(en.settings.secrets.renewSoon);
  });
});
