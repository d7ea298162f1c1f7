import type { Database } from 'better-sqlite3';
import type { AdminStatus } from '../../shared/admin';
import { AppError } from '../../shared/errors';
import { hashPin, verifyPin } from '../operator/PinHash';

export interface AdminLockOptions {
  now: () => number;
  /** How long an unlock lasts without admin activity; every admin call starts it again. */
  unlockMs?: number;
  /** Wrong PINs allowed before each further try must wait. */
  freeAttempts?: number;
  /** The first wait; it doubles with every further wrong PIN, up to maxThrottleMs. */
  throttleMs?: number;
  maxThrottleMs?: number;
  /** Told whenever what status() answers changes, including the unlock running out. */
  onChange?: (status: AdminStatus) => void;
}

interface PinRow {
  pin_hash: string;
  failed_attempts: number;
  locked_until: number | null;
}

/**
 * The desk's admin PIN, in front of everything a volunteer must not change by accident or on
 * purpose: connection settings, credentials, local data. Set once on the first run; a wrong PIN
 * is throttled (kept on disk, so a restart does not reset it); an unlock lasts a few idle minutes.
 */
export class AdminLock {
  private unlockedUntil: number | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  private checks: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly unlockMs: number;
  private readonly freeAttempts: number;
  private readonly throttleMs: number;
  private readonly maxThrottleMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: AdminLockOptions,
  ) {
    this.now = options.now;
    this.unlockMs = options.unlockMs ?? 5 * 60_000;
    this.freeAttempts = options.freeAttempts ?? 5;
    this.throttleMs = options.throttleMs ?? 30_000;
    this.maxThrottleMs = options.maxThrottleMs ?? 15 * 60_000;
  }

  status(): AdminStatus {
    const row = this.row();
    const now = this.now();
    const unlocked = row !== undefined && this.unlockedUntil !== null && this.unlockedUntil > now;
    return {
      pinSet: row !== undefined,
      unlocked,
      ...(unlocked && this.unlockedUntil !== null ? { unlockedUntil: this.unlockedUntil } : {}),
      ...(row?.locked_until != null && row.locked_until > now ? { throttledUntil: row.locked_until } : {}),
    };
  }

  /**
   * Sets the first PIN (which also unlocks: whoever sets it is the admin), or changes it, which
   * needs the current PIN even while unlocked so that an unattended unlocked desk cannot be taken over.
   */
  async setPin(pin: string, currentPin: string | undefined): Promise<AdminStatus> {
    const row = this.row();
    if (row !== undefined) {
      if (currentPin === undefined) throw new AppError('ADMIN_PIN_ALREADY_SET', 'An admin PIN is already set: give the current one to change it');
      await this.check(currentPin);
    }
    const hash = await hashPin(pin);
    this.db
      .prepare(
        `INSERT INTO admin_pin (id, pin_hash, set_at, failed_attempts, locked_until) VALUES (1, ?, ?, 0, NULL)
         ON CONFLICT (id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at, failed_attempts = 0, locked_until = NULL`,
      )
      .run(hash, this.now());
    this.extend();
    return this.changed();
  }

  async unlock(pin: string): Promise<AdminStatus> {
    await this.check(pin);
    this.extend();
    return this.changed();
  }

  lock(): AdminStatus {
    this.unlockedUntil = null;
    this.clearTimer();
    return this.changed();
  }

  /** Refuses unless unlocked; each admin action keeps the unlock alive. */
  require(): void {
    if (this.row() === undefined) throw new AppError('ADMIN_PIN_NOT_SET', 'Choose an admin PIN first');
    if (this.unlockedUntil === null || this.unlockedUntil <= this.now()) {
      throw new AppError('ADMIN_LOCKED', 'This needs the admin PIN');
    }
    this.extend();
  }

  close(): void {
    this.clearTimer();
  }

  /**
   * One PIN at a time: each check reads the wrong-PIN count, waits for scrypt, then writes the
   * count. Run side by side, a burst of guesses would all read the same count and never throttle.
   */
  private check(pin: string): Promise<void> {
    const next = this.checks.then(() => this.checkNow(pin));
    this.checks = next.catch(() => undefined);
    return next;
  }

  private async checkNow(pin: string): Promise<void> {
    const row = this.row();
    if (row === undefined) throw new AppError('ADMIN_PIN_NOT_SET', 'Choose an admin PIN first');
    const now = this.now();
    if (row.locked_until !== null && row.locked_until > now) {
      throw new AppError('ADMIN_PIN_THROTTLED', 'Too many wrong PINs: wait before trying again', { retryAt: row.locked_until });
    }
    if (await verifyPin(pin, row.pin_hash)) {
      this.db.prepare('UPDATE admin_pin SET failed_attempts = 0, locked_until = NULL WHERE id = 1').run();
      return;
    }
    const failed = row.failed_attempts + 1;
    const over = failed - this.freeAttempts;
    const lockedUntil = over >= 0 ? now + Math.min(this.throttleMs * 2 ** over, this.maxThrottleMs) : null;
    this.db.prepare('UPDATE admin_pin SET failed_attempts = ?, locked_until = ? WHERE id = 1').run(failed, lockedUntil);
    this.changed();
    throw new AppError('ADMIN_PIN_WRONG', 'Wrong admin PIN', {
      attemptsLeft: Math.max(this.freeAttempts - failed, 0),
      ...(lockedUntil === null ? {} : { retryAt: lockedUntil }),
    });
  }

  private row(): PinRow | undefined {
    return this.db.prepare<[], PinRow>('SELECT pin_hash, failed_attempts, locked_until FROM admin_pin WHERE id = 1').get();
  }

  private extend(): void {
    this.unlockedUntil = this.now() + this.unlockMs;
    this.clearTimer();
    // Tell the screen when the unlock runs out, so it does not show admin controls that would be refused.
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = null;
      this.changed();
    }, this.unlockMs + 50);
    this.expiryTimer.unref();
  }

  private clearTimer(): void {
    if (this.expiryTimer !== null) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  private changed(): AdminStatus {
    const status = this.status();
    this.options.onChange?.(status);
    return status;
  }
}
