import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';

/** The documented messages, word for word, and the code each one means. */
export const documentedErrorCodes: Readonly<Record<string, ErrorCode>> = {
  'No arguments specified': 'VM_NO_CRITERIA',
  'Unknown digital product ID.': 'VM_UNKNOWN_PRODUCT',
  'No empty comments!': 'VM_EMPTY_COMMENT',
  'No UID specified.': 'VM_NO_UID',
  'No newUid specified.': 'VM_NO_NEW_UID',
  'The digital product is invalidated.': 'VM_PRODUCT_INVALIDATED',
  'The digital product already has an active token.': 'VM_PRODUCT_HAS_ACTIVE_TOKEN',
  'The digital product has more than one active token.': 'VM_PRODUCT_MULTIPLE_ACTIVE_TOKENS',
  'Token is active on another digital product.': 'VM_TOKEN_ACTIVE_ELSEWHERE',
  'New token is active on another digital product.': 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE',
  'Specified token UID is already blocked on the digital product.': 'VM_TOKEN_ALREADY_BLOCKED',
  'Unknown token UID for the digital product.': 'VM_UNKNOWN_TOKEN',
};

const maxMessageLength = 500;

/**
 * The server's words from an error body in any of the forms seen: strict JSON
 * `{"error": "…"}`, the documented loose form `{ error: "…" }`, or plain text.
 */
export function serverMessage(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') return clip(parsed);
    if (parsed !== null && typeof parsed === 'object') {
      const error = (parsed as Record<string, unknown>).error ?? (parsed as Record<string, unknown>).message;
      if (typeof error === 'string') return clip(error);
    }
  } catch {
    // not strict JSON: try the loose object form below
  }
  const loose = /^\{\s*["']?(?:error|message)["']?\s*:\s*"((?:[^"\\]|\\.)*)"\s*,?\s*\}$/s.exec(text);
  if (loose?.[1] !== undefined) return clip(loose[1].replace(/\\(.)/g, '$1'));
  if (text.startsWith('<')) return undefined; // an HTML error page says nothing useful
  return clip(text);
}

function clip(message: string): string {
  const single = message.replace(/\s+/g, ' ').trim();
  return single.length > maxMessageLength ? `${single.slice(0, maxMessageLength)}…` : single;
}

/** A non-2xx response as a typed error the desk can explain. */
export function errorFromResponse(status: number, body: string, retryAfter?: string): AppError {
  const message = serverMessage(body);
  // Retry-After (seconds or an HTTP date) is kept as given: whoever retries (the outbox) reads it.
  const details = {
    status,
    ...(message === undefined ? {} : { serverMessage: message }),
    ...(retryAfter === undefined ? {} : { retryAfter: retryAfter.slice(0, 100) }),
  };
  if (status === 401) return new AppError('UNAUTHORIZED', 'Venue Manager rejected the credentials', details);
  const documented = message === undefined ? undefined : documentedErrorCodes[message];
  if (documented !== undefined) return new AppError(documented, message ?? documented, details);
  if (status >= 500) return new AppError('SERVER_ERROR', `Venue Manager answered ${status}`, details);
  return new AppError('VM_UNKNOWN_ERROR', `Venue Manager answered ${status}: ${message ?? '(no message)'}`, details);
}
