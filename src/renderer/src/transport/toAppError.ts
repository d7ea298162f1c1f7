import { AppError, ErrorCode, isAppError } from '../../../shared/errors';

/**
 * Turns anything a request can reject with into an AppError. Errors that crossed Electron's
 * contextBridge lose their class but keep their own properties, so the code is recovered
 * from the shape; anything unrecognisable becomes INTERNAL rather than a raw message.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    const parsedCode = ErrorCode.safeParse(code);
    if (parsedCode.success) {
      return new AppError(
        parsedCode.data,
        typeof message === 'string' ? message : parsedCode.data,
        isRecord(details) ? details : undefined,
      );
    }
    if (typeof message === 'string') return new AppError('INTERNAL', message);
  }
  return new AppError('INTERNAL', String(error));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
