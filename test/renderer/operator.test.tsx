import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import en from '../../src/renderer/src/i18n/locales/en.json';
import { tappedUid } from './support/actionFixtures';
import { FakeApi } from './support/FakeApi';
import { found, scan } from './support/fixtures';
import { actAndSettle, renderApp, resetDom } from './support/renderApp';

afterEach(resetDom);

function fill(testId: string, value: string) {
  return actAndSettle(() => fireEvent.change(screen.getByTestId(testId), { target: { value } }));
}

function click(testId: string) {
  return actAndSettle(() => fireEvent.click(screen.getByTestId(testId)));
}

describe('operator sign-in', () => {
  it('keeps actions disabled with an explanation until someone signs in', async () => {
    const api = new FakeApi({ handlers: { 'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen') } });
    const { emit } = renderApp(api);
    await screen.findByTestId('operator-signin');
    expect(screen.queryByTestId('operator-name')).toBeNull();

    await emit({ event: 'scan', payload: scan(tappedUid) });
    await screen.findByTestId('identify-owner-name');
    for (const id of ['action-block', 'action-replace', 'action-comment']) {
      expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(true);
    }
    expect(screen.getByTestId('actions-sign-in-first').textContent).toContain(en.actions.signInFirst);

    await click('action-block');
    expect(screen.queryByTestId('action-dialog')).toBeNull();
  });

  it('explains a missing name, a malformed PIN and the core’s refusals in words', async () => {
    const api = new FakeApi({
      handlers: {
        'operator.signIn': ({ pin }) => {
          if (pin === undefined) throw new AppError('OPERATOR_PIN_REQUIRED', 'pin required');
          throw new AppError('OPERATOR_PIN_WRONG', 'wrong pin');
        },
      },
    });
    renderApp(api);
    await screen.findByTestId('operator-signin');

    await click('operator-signin-submit');
    expect(screen.getByTestId('operator-error').textContent).toContain(en.operator.nameRequired);

    await fill('operator-signin-name', 'Anna');
    await fill('operator-signin-pin', '12');
    await click('operator-signin-submit');
    expect(screen.getByTestId('operator-error').textContent).toContain(en.operator.pinInvalid);
    expect(api.callsOf('operator.signIn')).toEqual([]);

    await fill('operator-signin-pin', '');
    await click('operator-signin-submit');
    expect(screen.getByTestId('operator-error').textContent).toContain(en.errors.OPERATOR_PIN_REQUIRED);
    expect(api.callsOf('operator.signIn')).toEqual([{ name: 'Anna' }]);

    await fill('operator-signin-pin', '9999');
    await click('operator-signin-submit');
    expect(screen.getByTestId('operator-error').textContent).toContain(en.errors.OPERATOR_PIN_WRONG);
    expect(screen.getByTestId('operator-error').textContent).not.toContain('wrong pin');
    expect(screen.queryByTestId('operator-name')).toBeNull();
  });

  it('signs in (enabling the actions) and out again', async () => {
    const api = new FakeApi({
      handlers: {
        'identify.lookup': ({ uid }) => found(uid, 'Mette Hansen'),
        'operator.signIn': ({ name }) => ({ name, since: 2 }),
        'operator.signOut': () => null,
      },
    });
    const { emit } = renderApp(api);
    await emit({ event: 'scan', payload: scan(tappedUid) });
    await screen.findByTestId('identify-owner-name');

    await fill('operator-signin-name', '  Anna ');
    await fill('operator-signin-pin', '1234');
    await click('operator-signin-submit');
    expect(api.callsOf('operator.signIn')).toEqual([{ name: 'Anna', pin: '1234' }]);
    expect(screen.getByTestId('operator-name').textContent).toBe('Anna');
    expect(screen.queryByTestId('operator-signin')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('action-block').disabled).toBe(false);
    expect(screen.queryByTestId('actions-sign-in-first')).toBeNull();

    await click('operator-signout');
    expect(api.callsOf('operator.signOut')).toEqual([{}]);
    expect(screen.getByTestId('operator-signin')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('action-block').disabled).toBe(true);
  });

  it('shows who the core says is already signed in', async () => {
    renderApp(new FakeApi({ handlers: { 'operator.current': () => ({ name: 'Bo', since: 1 }) } }));
    expect((await screen.findByTestId('operator-name')).textContent).toBe('Bo');
  });
});
