import { z } from 'zod';

/**
 * Every failure the core can report to the renderer. The renderer translates the
 * code (never the message, which is English and meant for logs and support).
 */
export const errorCodes = [
  // transport / contract
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  // settings / secrets
  'INVALID_SETTINGS',
  'SECRET_STORE_READONLY',
  'SECRET_STORE_UNAVAILABLE',
  // network and server behaviour
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'BAD_RESPONSE',
  'UNAUTHORIZED',
  'NOT_CONFIGURED',
  'QUICK_SEARCH_UNSUPPORTED',
  'IMAGE_UNAVAILABLE',
  'OFFLINE_FORCED',
  'OFFLINE_NOT_ANSWERABLE',
  'PREWARM_RUNNING',
  // the data folder
  'DATA_FOLDER_IN_USE',
  // the outbox
  'OUTBOX_ITEM_UNKNOWN',
  'OUTBOX_NOT_RESOLVABLE',
  // Venue Manager's documented errors, one code each
  'VM_NO_CRITERIA',
  'VM_UNKNOWN_PRODUCT',
  'VM_EMPTY_COMMENT',
  'VM_NO_UID',
  'VM_NO_NEW_UID',
  'VM_PRODUCT_INVALIDATED',
  'VM_PRODUCT_HAS_ACTIVE_TOKEN',
  'VM_PRODUCT_MULTIPLE_ACTIVE_TOKENS',
  'VM_TOKEN_ACTIVE_ELSEWHERE',
  'VM_NEW_TOKEN_ACTIVE_ELSEWHERE',
  'VM_TOKEN_ALREADY_BLOCKED',
  'VM_UNKNOWN_TOKEN',
  'VM_UNKNOWN_ERROR',
  // readers
  'READER_UNKNOWN_SAMPLE',
  'READER_DRIVER_UNAVAILABLE',
  'READER_NO_TAP',
  'READER_UNKNOWN',
  // who is at the desk
  'NOT_SIGNED_IN',
  'OPERATOR_PIN_REQUIRED',
  'OPERATOR_PIN_WRONG',
  // the admin PIN in front of settings, credentials and local data
  'ADMIN_PIN_NOT_SET',
  'ADMIN_PIN_ALREADY_SET',
  'ADMIN_LOCKED',
  'ADMIN_PIN_WRONG',
  'ADMIN_PIN_THROTTLED',
  // Tickoweb
  'TICKOWEB_UNAUTHORIZED',
  'TICKOWEB_BAD_LISTING',
  'TICKOWEB_TOO_LARGE',
  'TICKOWEB_NOT_FOUND',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type WireError = z.infer<typeof WireError>;

/** A validation problem as the UI and logs show it: where, and what. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** An error that crosses the contract: a code the UI can explain, plus an English message for logs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(error: WireError): AppError {
    return new AppError(error.code, error.message, error.details);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
