import { ErrorCode } from '../../../../shared/errors';

/** Reasons short enough to stand in the status bar; others are explained in a tooltip. */
export const shortReasons = ['UNAUTHORIZED', 'NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'BAD_RESPONSE', 'NOT_CONFIGURED', 'OFFLINE_FORCED'] as const;
export type ShortReason = (typeof shortReasons)[number];

export type ConnectivityReason =
  | { kind: 'short'; code: ShortReason }
  | { kind: 'code'; code: ErrorCode }
  | { kind: 'none' };

export function classifyReason(reason: string | undefined): ConnectivityReason {
  const short = shortReasons.find((code) => code === reason);
  if (short !== undefined) return { kind: 'short', code: short };
  const code = ErrorCode.safeParse(reason);
  return code.success ? { kind: 'code', code: code.data } : { kind: 'none' };
}
