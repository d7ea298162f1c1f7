import type { AppError } from '../../shared/errors';

export interface BackoffPolicy {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No wait (before Retry-After) is longer than this. */
  capMs: number;
  /** A server's Retry-After longer than this is cut to it: a desk must not go silent for a day. */
  maxRetryAfterMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, maxRetryAfterMs: 30 * 60_000 };

/**
 * Full jitter (AWS, "Exponential Backoff and Jitter"): a uniform wait in [0, min(cap, base·2^n)),
 * so desks that lost the network together do not all come back at the same instant. A server's
 * Retry-After is a floor: we never come back sooner than it asked.
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/**
 * The Retry-After hint an error carries, in ms from now: `details.retryAfter` as the header gives
 * it (seconds, or an HTTP date), or `details.retryAfterMs`. Undefined when there is none.
 */
export function retryAfterMs(error: AppError, now: number): number | undefined {
  const ms = error.details?.retryAfterMs;
  if (typeof ms === 'number' && Number.isFinite(ms)) return Math.max(0, ms);
  const raw = error.details?.retryAfter;
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.max(0, raw * 1000);
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
