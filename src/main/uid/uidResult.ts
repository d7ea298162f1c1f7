import type { UidFailureReason } from '../../shared/uidProfile';

/**
 * UID problems are expected input (a garbled tap, a random-ID chip), not exceptions: callers
 * branch on `reason`, so every step returns a result instead of throwing.
 */
export interface UidFailure {
  readonly ok: false;
  readonly reason: UidFailureReason;
  /** English, for logs; the UI translates `reason`. */
  readonly message: string;
}

export type UidResult<T> = { readonly ok: true; readonly value: T } | UidFailure;

export function succeed<T>(value: T): UidResult<T> {
  return { ok: true, value };
}

export function fail(reason: UidFailureReason, message: string): UidFailure {
  return { ok: false, reason, message };
}
