import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import type { Handlers } from '../../../src/main/core/dispatch';
import { AppError } from '../../../src/shared/errors';

function handlers(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatch (the transport boundary)', () => {
  const log = { error: vi.fn() };

  it('refuses unknown methods, including prototype names', async () => {
    for (const method of ['nope', 'toString', '__proto__', 'constructor']) {
      const outcome = await dispatch(handlers({}), method, {}, log);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses bad params before the handler runs', async () => {
    const lookup = vi.fn();
    const outcome = await dispatch(handlers({ 'identify.lookup': lookup }), 'identify.lookup', { uid: 42 }, log);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(lookup).not.toHaveBeenCalled();
    const extra = await dispatch(handlers({ 'identify.lookup': lookup }), 'identify.lookup', { uid: 'A', evil: 1 }, log);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('passes parsed params and returns a valid result', async () => {
    const outcome = await dispatch(
      handlers({ 'identify.lookup': ({ uid }) => Promise.resolve({ kind: 'not-found', uid, fetchedAt: 5 }) }),
      'identify.lookup',
      { uid: '  04AABBCCDDEEFF ' },
      log,
    );
    expect(outcome).toEqual({ ok: true, result: { kind: 'not-found', uid: '04AABBCCDDEEFF', fetchedAt: 5 } });
  });

  it('turns an AppError into its wire form', async () => {
    const outcome = await dispatch(
      handlers({ 'status.get': () => Promise.reject(new AppError('NETWORK', 'down', { cause: 'x' })) }),
      'status.get',
      {},
      log,
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'NETWORK', message: 'down', details: { cause: 'x' } } });
  });

  it('hides unexpected errors and results that break the contract behind INTERNAL', async () => {
    const thrown = await dispatch(handlers({ 'status.get': () => Promise.reject(new Error('secret path /home/x')) }), 'status.get', {}, log);
    expect(thrown).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Wristdesk' } });
    const invalid = await dispatch(
      handlers({ 'status.get': () => Promise.resolve({ demo: 'yes' } as never) }),
      'status.get',
      {},
      log,
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.error).toHaveBeenCalledTimes(2);
  });
});
