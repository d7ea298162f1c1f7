import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminStatus } from '../../src/shared/admin';
import { AppError } from '../../src/shared/errors';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { deferred, FakeApi } from './support/FakeApi';
import type { Result } from '../../src/shared/contract';
import { actAndSettle, click, goTo, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

function type(input: HTMLElement, value: string) {
  return actAndSettle(() => fireEvent.change(input, { target: { value } }));
}

/** A fake core whose admin lock behaves like the real one: PIN 4711 once set. */
function lockingApi(initial: AdminStatus) {
  let admin = initial;
  const api: FakeApi = new FakeApi({
    handlers: {
      'admin.status': () => admin,
      'admin.setPin': ({ pin, currentPin }) => {
        if (admin.pinSet && currentPin !== '4711') throw new AppError('ADMIN_PIN_WRONG', 'wrong', { attemptsLeft: 4 });
        if (pin === '') throw new Error('unreachable');
        admin = { pinSet: true, unlocked: true, unlockedUntil: 1 };
        return admin;
      },
      'admin.unlock': ({ pin }) => {
        if (pin === '0000') throw new AppError('ADMIN_PIN_THROTTLED', 'wait', { retryAt: Date.UTC(2026, 6, 4, 12, 0, 30) });
        if (pin !== '4711') throw new AppError('ADMIN_PIN_WRONG', 'wrong', { attemptsLeft: 3 });
        admin = { pinSet: true, unlocked: true, unlockedUntil: 1 };
        return admin;
      },
      'admin.lock': () => {
        admin = { pinSet: true, unlocked: false };
        return admin;
      },
    },
  });
  return api;
}

describe('first run', () => {
  it('asks for the admin PIN before anything else, checks it twice, and then shows the desk', async () => {
    const api = lockingApi({ pinSet: false, unlocked: false });
    renderApp(api);
    expect(await screen.findByTestId('admin-setup')).toBeTruthy();
    expect(screen.queryByTestId('identify-idle')).toBeNull();

    await type(screen.getByTestId('admin-setup-pin'), '12');
    await type(screen.getByTestId('admin-setup-repeat'), '12');
    await click(screen.getByTestId('admin-setup-submit'));
    expect(screen.getByTestId('admin-setup-problem').textContent).toContain(en.admin.problem.invalid);

    await type(screen.getByTestId('admin-setup-pin'), '4711');
    await type(screen.getByTestId('admin-setup-repeat'), '4712');
    await click(screen.getByTestId('admin-setup-submit'));
    expect(screen.getByTestId('admin-setup-problem').textContent).toContain(en.admin.problem.mismatch);
    expect(api.callsOf('admin.setPin')).toEqual([]);

    await type(screen.getByTestId('admin-setup-repeat'), '4711');
    await click(screen.getByTestId('admin-setup-submit'));
    expect(api.callsOf('admin.setPin')).toEqual([{ pin: '4711' }]);
    expect(await screen.findByTestId('identify-idle')).toBeTruthy();
    expect(screen.queryByTestId('admin-setup')).toBeNull();
  });
});

describe('settings behind the admin PIN', () => {
  it('shows only display settings and an unlock form while locked; the PIN opens the rest', async () => {
    const api = lockingApi({ pinSet: true, unlocked: false });
    renderApp(api);
    await screen.findByTestId('identify-idle');
    await goTo('#/settings');
    expect(await screen.findByTestId('admin-unlock')).toBeTruthy();
    expect(screen.getByTestId('settings-language')).toBeTruthy();
    expect(screen.queryByTestId('settings-deskname')).toBeNull();
    expect(screen.queryByTestId('settings-secrets')).toBeNull();

    await type(screen.getByTestId('admin-unlock-pin'), '1234');
    await click(screen.getByTestId('admin-unlock-submit'));
    expect(screen.getByTestId('admin-unlock-problem').textContent).toBe(`✖${en.errors.ADMIN_PIN_WRONG}`);
    expect(screen.queryByTestId('settings-deskname')).toBeNull();

    await type(screen.getByTestId('admin-unlock-pin'), '0000');
    await click(screen.getByTestId('admin-unlock-submit'));
    expect(screen.getByTestId('admin-unlock-problem').textContent).toContain(en.errors.ADMIN_PIN_THROTTLED);
    expect(screen.getByTestId('admin-unlock-problem').textContent).toMatch(/Try again after \d{1,2}:\d{2}:\d{2}/);

    await type(screen.getByTestId('admin-unlock-pin'), '4711');
    await click(screen.getByTestId('admin-unlock-submit'));
    expect(screen.getByTestId('settings-deskname')).toBeTruthy();
    expect(screen.getByTestId('settings-secrets')).toBeTruthy();
    expect(screen.getByTestId('admin-unlocked')).toBeTruthy();
  });

  it('locks when the admin leaves Settings, with the lock button, and when the core says so', async () => {
    const api = lockingApi({ pinSet: true, unlocked: true, unlockedUntil: 1 });
    const { emit } = renderApp(api);
    await screen.findByTestId('identify-idle');
    await goTo('#/settings');
    await screen.findByTestId('settings-deskname');
    await goTo('#/identify');
    expect(api.callsOf('admin.lock').length).toBeGreaterThanOrEqual(1);

    await goTo('#/settings');
    expect(await screen.findByTestId('admin-unlock')).toBeTruthy();
    await type(screen.getByTestId('admin-unlock-pin'), '4711');
    await click(screen.getByTestId('admin-unlock-submit'));
    await click(screen.getByTestId('admin-lock'));
    expect(screen.getByTestId('admin-unlock')).toBeTruthy();

    await type(screen.getByTestId('admin-unlock-pin'), '4711');
    await click(screen.getByTestId('admin-unlock-submit'));
    expect(screen.getByTestId('settings-deskname')).toBeTruthy();
    // The unlock ran out in the core: the screen follows.
    await emit({ event: 'admin', payload: { pinSet: true, unlocked: false } });
    expect(screen.queryByTestId('settings-deskname')).toBeNull();
    expect(screen.getByTestId('admin-unlock')).toBeTruthy();
  });

  it('changes the PIN only with the current one', async () => {
    const api = lockingApi({ pinSet: true, unlocked: true, unlockedUntil: 1 });
    renderApp(api);
    await screen.findByTestId('identify-idle');
    await goTo('#/settings');
    await screen.findByTestId('admin-change-section');
    await type(screen.getByTestId('admin-change-current'), '9999');
    await type(screen.getByTestId('admin-change-pin'), '5555');
    await type(screen.getByTestId('admin-change-repeat'), '5555');
    await click(screen.getByTestId('admin-change-submit'));
    expect(screen.getByTestId('admin-change-problem').textContent).toContain(en.errors.ADMIN_PIN_WRONG);
    await type(screen.getByTestId('admin-change-current'), '4711');
    await click(screen.getByTestId('admin-change-submit'));
    expect(api.callsOf('admin.setPin')).toEqual([
      { pin: '5555', currentPin: '9999' },
      { pin: '5555', currentPin: '4711' },
    ]);
    expect(screen.getByText(en.admin.change.done)).toBeTruthy();
  });
});

describe("the desk's data (admin)", () => {
  it('switches the desk to work offline and clears the tap log after a confirmation', async () => {
    let products = 40;
    const api = new FakeApi({
      handlers: {
        'data.clear': () => {
          products = 0;
          return { scans: 3, products: 40 };
        },
        'cache.summary': () =>
          products === 0 ? { customers: 0, products: 0, tokens: 0 } : { customers: 12, products, tokens: 55, oldestFetchedAt: Date.UTC(2026, 6, 3, 9), newestFetchedAt: Date.UTC(2026, 6, 4, 9) },
      },
    });
    renderApp(api);
    await screen.findByTestId('identify-idle');
    await goTo('#/settings');
    const offline = await screen.findByTestId<HTMLInputElement>('settings-work-offline');
    expect((await screen.findByTestId('cache-summary')).textContent).toContain('12 customers, 40 products, the oldest fetched');
    expect(offline.checked).toBe(false);
    await click(offline);
    expect(api.callsOf('settings.update')).toEqual([{ workOffline: true }]);
    expect(screen.getByTestId<HTMLInputElement>('settings-work-offline').checked).toBe(true);

    await click(screen.getByTestId('settings-clear'));
    expect(api.callsOf('data.clear')).toEqual([]);
    await click(screen.getByTestId('settings-clear-confirm'));
    expect(api.callsOf('data.clear')).toEqual([{}]);
    expect(screen.getByTestId('settings-cleared').textContent).toContain('Cleared: 3 taps and the lookup cache forgotten.');
    expect(screen.getByTestId('cache-summary').textContent).toBe(en.settings.deskData.cacheEmpty);
  });
});

describe('prepare for offline (Settings)', () => {
  it('fetches the pasted barcodes with progress and says what came of it', async () => {
    const answer = deferred<Result<'cache.prewarm'>>();
    const api: FakeApi = new FakeApi({
      handlers: {
        'cache.prewarm': ({ values }) => {
          queueMicrotask(() =>
            api.emit({ event: 'syncProgress', payload: { job: 'prewarm', phase: 'fetching', done: 1, total: values.length, finished: false } }),
          );
          return answer.promise;
        },
        'cache.summary': () => ({ customers: 2, products: 2, tokens: 3, oldestFetchedAt: Date.UTC(2026, 6, 4, 9) }),
      },
    });
    renderApp(api);
    await goTo('#/settings');
    await type(await screen.findByTestId('prewarm-values'), '5701234567890\n5701234567891, 5701234567892');
    expect(screen.getByTestId('prewarm-start').textContent).toBe('Fetch 3 now');
    await click(screen.getByTestId('prewarm-start'));
    expect(api.callsOf('cache.prewarm')).toEqual([{ kind: 'barcode', values: ['5701234567890', '5701234567891', '5701234567892'] }]);
    expect(screen.getByTestId<HTMLProgressElement>('prewarm-progress').value).toBe(1);
    await actAndSettle(() => answer.resolve({ total: 3, done: 3, failed: 1, empty: 0, products: 2, cancelled: false }));
    expect(screen.getByTestId('prewarm-result').textContent).toContain('Done: 2 products cached; 0 found nothing; 1 failed.');
  });
});
