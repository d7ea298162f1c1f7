import { isMethodName, methods } from '../../shared/contract';
import type { MethodName, Outcome, ParsedParams, Result } from '../../shared/contract';
import { AppError, fieldIssues } from '../../shared/errors';

export type Handlers = { [M in MethodName]: (params: ParsedParams<M>) => Promise<Result<M>> };

export interface DispatchLog {
  error(message: string, error: unknown): void;
}

/**
 * The transport boundary: both Electron IPC and the browser-mode WebSocket come through here.
 * Params are validated before a handler runs, results before they leave, and every failure
 * becomes a typed error (an unexpected one is logged and reported as INTERNAL, never a stack).
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  params: unknown,
  log: DispatchLog,
): Promise<Outcome> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${method.slice(0, 100)}` } };
  }
  const spec = methods[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: `Invalid parameters for ${method}`,
        details: { issues: fieldIssues(parsed.error) },
      },
    };
  }
  try {
    const handler = handlers[method] as (p: unknown) => Promise<unknown>;
    const result = spec.result.safeParse(await handler(parsed.data));
    if (!result.success) {
      log.error(`Result of ${method} does not match the contract`, result.error);
      return { ok: false, error: { code: 'INTERNAL', message: `The core produced an invalid result for ${method}` } };
    }
    return { ok: true, result: result.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toWire() };
    log.error(`Unexpected failure in ${method}`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Wristdesk' } };
  }
}
