import { ErrorCode } from '../../../../shared/errors';
import type { TickowebSummary, TickowebSyncProgress } from '../../../../shared/tickoweb';

/** Where the mirror's syncing stands, in one word: what the status bar and Settings say. */
export type TickowebRunState =
  | { kind: 'running'; progress: TickowebSyncProgress }
  | { kind: 'never' }
  /** A run started and never said how it ended (the app was closed during it). */
  | { kind: 'interrupted'; startedAt: number }
  | { kind: 'done' | 'cancelled' | 'failed'; at: number; ordersFetched: number | undefined; error: string | null };

export function tickowebRunState(summary: TickowebSummary): TickowebRunState {
  if (summary.running !== undefined) return { kind: 'running', progress: summary.running };
  const last = summary.lastRun;
  if (last === undefined) return { kind: 'never' };
  if (last.finishedAt === null || last.result === null) return { kind: 'interrupted', startedAt: last.startedAt };
  const kind = last.result === 'done' || last.result === 'cancelled' ? last.result : 'failed';
  return { kind, at: last.finishedAt, ordersFetched: last.ordersFetched, error: last.error };
}

/** Whether the desk has a mirror to speak of: a WebDAV address, or the demo tree. */
export function tickowebInUse(summary: TickowebSummary | null): summary is TickowebSummary {
  return summary !== null && (summary.configured || summary.demo);
}

/** One of our error codes, when a report names one; else null (its English message is for support). */
export function knownErrorCode(code: string | undefined): ErrorCode | null {
  const parsed = ErrorCode.safeParse(code);
  return parsed.success ? parsed.data : null;
}
