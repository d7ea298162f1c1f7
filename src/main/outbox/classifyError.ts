import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';

/**
 * What the replayer does after an error:
 * - retry: the network or the server failed; try again later (the request may have been applied);
 * - unauthorized: credentials rejected; pause all sending until a person fixes them (never loop);
 * - refusal: the server refused on business grounds; read the product's state and decide;
 * - failed: the request itself cannot succeed as it is; a person decides.
 */
export type ErrorClass = 'retry' | 'unauthorized' | 'refusal' | 'failed';

const retryable = new Set<ErrorCode>(['NETWORK', 'TIMEOUT', 'SERVER_ERROR']);

/** Documented refusals that the end state we want could explain (ours after a lost answer, or another desk's). */
const stateRefusals = new Set<ErrorCode>([
  'VM_UNKNOWN_PRODUCT',
  'VM_PRODUCT_INVALIDATED',
  'VM_PRODUCT_HAS_ACTIVE_TOKEN',
  'VM_PRODUCT_MULTIPLE_ACTIVE_TOKENS',
  'VM_TOKEN_ACTIVE_ELSEWHERE',
  'VM_NEW_TOKEN_ACTIVE_ELSEWHERE',
  'VM_TOKEN_ALREADY_BLOCKED',
  'VM_UNKNOWN_TOKEN',
]);

export function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}

export function classifyError(error: AppError): ErrorClass {
  if (retryable.has(error.code)) return 'retry';
  if (error.code === 'UNAUTHORIZED') return 'unauthorized';
  if (stateRefusals.has(error.code)) return 'refusal';
  // "Too many requests": a wait, not a refusal (its Retry-After is honoured like a 503's).
  if (error.details?.status === 429) return 'retry';
  // A 403 whose words we do not know may still be "already done": let the state decide.
  if (error.code === 'VM_UNKNOWN_ERROR' && error.details?.status === 403) return 'refusal';
  return 'failed';
}

/** The server's own words when it gave any (shown to a person), else our message. */
export function serverWords(error: AppError): string {
  const words = error.details?.serverMessage;
  return typeof words === 'string' && words !== '' ? words : error.message;
}
