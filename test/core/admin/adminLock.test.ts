import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AdminLock } from '../../../src/main/admin/AdminLock';
import type { AdminStatus } from '../../../src/shared/admin';
import { AppError } from '../../../src/shared/errors';
import type { ErrorCode } from '../../../src/shared/errors';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';

function setup() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  const clock = { now: 1_000_000 };
  const changes: AdminStatus[] = [];
  const lock = new AdminLock(db, { now: () => clock.now, onChange: (status) => changes.push(status) });
  return { db, clock, lock, changes };
}

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<ErrorCode | 'resolved'> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'resolved';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('AdminLock', () => {
  it('starts without a PIN, refusing admin work until one is chosen', async () => {
    const { lock } = setup();
    expect(lock.status()).toEqual({ pinSet: false, unlocked: false });
    expect(await codeOf(() => lock.require())).toBe('ADMIN_PIN_NOT_SET');
    expect(await codeOf(lock.unlock('1234'))).toBe('ADMIN_PIN_NOT_SET');
  });

  it('the first PIN needs nothing and unlocks; it is stored only as a salted hash', async () => {
    const { lock, db, clock } = setup();
    const status = await lock.setPin('4711', undefined);
    expect(status).toEqual({ pinSet: true, unlocked: true, unlockedUntil: clock.now + 5 * 60_000 });
    expect(() => lock.require()).not.toThrow();
    const stored = db.prepare('SELECT pin_hash FROM admin_pin').pluck().get() as string;
    expect(stored).toMatch(/^scrypt:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('4711');
    // Two hashes of the same PIN differ: the salt is fresh.
    const other = setup();
    await other.lock.setPin('4711', undefined);
    expect(other.db.prepare('SELECT pin_hash FROM admin_pin').pluck().get()).not.toBe(stored);
  });

  it('changing the PIN needs the current one, even while unlocked', async () => {
    const { lock } = setup();
    await lock.setPin('4711', undefined);
    expect(await codeOf(lock.setPin('9999', undefined))).toBe('ADMIN_PIN_ALREADY_SET');
    expect(await codeOf(lock.setPin('9999', '0000'))).toBe('ADMIN_PIN_WRONG');
    await lock.setPin('9999', '4711');
    lock.lock();
    expect(await codeOf(lock.unlock('4711'))).toBe('ADMIN_PIN_WRONG');
    expect(await codeOf(lock.unlock('9999'))).toBe('resolved');
  });

  it('locks by hand and after five idle minutes; each admin call extends the unlock', async () => {
    const { lock, clock, changes } = setup();
    await lock.setPin('4711', undefined);
    clock.now += 4 * 60_000;
    lock.require();
    clock.now += 4 * 60_000;
    expect(() => lock.require()).not.toThrow();
    clock.now += 5 * 60_000;
    expect(lock.status().unlocked).toBe(false);
    expect(await codeOf(() => lock.require())).toBe('ADMIN_LOCKED');
    await lock.unlock('4711');
    expect(lock.lock()).toEqual({ pinSet: true, unlocked: false });
    expect(await codeOf(() => lock.require())).toBe('ADMIN_LOCKED');
    expect(changes.map((c) => c.unlocked)).toEqual([true, true, false]);
    lock.close();
  });

  it('throttles wrong PINs after five, doubling, and the count survives a restart', async () => {
    const { lock, clock, db } = setup();
    await lock.setPin('4711', undefined);
    lock.lock();
    for (let i = 0; i < 4; i++) expect(await codeOf(lock.unlock('0000'))).toBe('ADMIN_PIN_WRONG');
    let fifth: unknown;
    await lock.unlock('0000').catch((error: unknown) => (fifth = error));
    expect(fifth).toBeInstanceOf(AppError);
    expect((fifth as AppError).details).toEqual({ attemptsLeft: 0, retryAt: clock.now + 30_000 });
    // Even the right PIN waits now.
    expect(await codeOf(lock.unlock('4711'))).toBe('ADMIN_PIN_THROTTLED');
    expect(lock.status().throttledUntil).toBe(clock.now + 30_000);

    const restarted = new AdminLock(db, { now: () => clock.now });
    expect(await codeOf(restarted.unlock('4711'))).toBe('ADMIN_PIN_THROTTLED');
    clock.now += 30_001;
    expect(await codeOf(restarted.unlock('1111'))).toBe('ADMIN_PIN_WRONG');
    expect(restarted.status().throttledUntil).toBe(clock.now + 60_000);
    clock.now += 60_001;
    expect(await codeOf(restarted.unlock('4711'))).toBe('resolved');
    restarted.lock();
    // A right PIN starts the count again.
    for (let i = 0; i < 4; i++) expect(await codeOf(restarted.unlock('0000'))).toBe('ADMIN_PIN_WRONG');
    expect(restarted.status().throttledUntil).toBeUndefined();
  });
});

describe('AdminLock under a burst of guesses', () => {
  it('counts guesses sent side by side one by one, so they are throttled like any others', async () => {
    const { lock, db } = setup();
    await lock.setPin('4711', undefined);
    lock.lock();
    const guesses = [...Array.from({ length: 20 }, (_, i) => String(1000 + i)), '4711'];
    const outcomes = await Promise.allSettled(guesses.map((pin) => lock.unlock(pin)));
    const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as AppError).code));
    expect(codes.filter((c) => c === 'ADMIN_PIN_WRONG')).toHaveLength(5);
    expect(codes.filter((c) => c === 'ADMIN_PIN_THROTTLED')).toHaveLength(16);
    expect(codes.at(-1)).toBe('ADMIN_PIN_THROTTLED'); // even the right PIN, after five wrong ones
    expect(lock.status().unlocked).toBe(false);
    expect(db.prepare('SELECT failed_attempts FROM admin_pin').pluck().get()).toBe(5);
  });
});
