import type { Database } from 'better-sqlite3';
import type { ActionKind } from '../../shared/actions';
import type { AuditEntry, AuditFilter } from '../../shared/audit';

export type AuditOutcome = 'done' | 'failed' | 'refused';

export interface AuditAttempt {
  operator: string;
  desk: string;
  action: ActionKind;
  productId: number;
  uid?: string;
  newUid?: string;
  reason?: string;
}

/**
 * Who did what, when, why, and how it ended. An attempt is written before its request leaves
 * and completed afterwards, so even a crash in between leaves a trace.
 */
export class AuditLog {
  private readonly insert;
  private readonly complete;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare<[number, string, string, string, number, string | null, string | null, string | null]>(
      `INSERT INTO audit (at, operator, desk, action, product_id, uid, new_uid, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.complete = db.prepare<[string, string | null, string | null, number, number]>(
      `UPDATE audit SET outcome = ?, error_code = ?, server_message = ?, finished_at = ? WHERE id = ?`,
    );
  }

  begin(attempt: AuditAttempt): number {
    const { lastInsertRowid } = this.insert.run(
      this.now(),
      attempt.operator,
      attempt.desk,
      attempt.action,
      attempt.productId,
      attempt.uid ?? null,
      attempt.newUid ?? null,
      attempt.reason ?? null,
    );
    return Number(lastInsertRowid);
  }

  finish(id: number, outcome: AuditOutcome, error?: { code: string; serverMessage?: string }): void {
    this.complete.run(outcome, error?.code ?? null, error?.serverMessage ?? null, this.now(), id);
  }

  /** Newest first, filtered; `beforeId` pages back. */
  query(filter: AuditFilter, limit: number, beforeId?: number): AuditEntry[] {
    const { where, params } = whereClause(filter, beforeId);
    return this.db
      .prepare<(string | number)[], Record<string, unknown>>(`SELECT * FROM audit ${where} ORDER BY id DESC LIMIT ?`)
      .all(...params, limit)
      .map(toEntry);
  }

  /** Every matching entry, oldest first, one at a time (an export must not hold the whole audit in memory twice). */
  *each(filter: AuditFilter): Generator<AuditEntry> {
    const { where, params } = whereClause(filter);
    const rows = this.db.prepare<(string | number)[], Record<string, unknown>>(`SELECT * FROM audit ${where} ORDER BY id`).iterate(...params);
    for (const row of rows) yield toEntry(row);
  }

  /** The newest entries, unfiltered. */
  recent(limit = 100): AuditEntry[] {
    return this.query({}, limit);
  }

}

function whereClause(filter: AuditFilter, beforeId?: number): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.operator !== undefined && filter.operator !== '') add("operator LIKE ? ESCAPE '\\'", `%${likeEscaped(filter.operator)}%`);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.outcome === 'open') add('outcome IS NULL');
  else if (filter.outcome !== undefined) add('outcome = ?', filter.outcome);
  if (filter.text !== undefined && filter.text !== '') {
    const like = `%${likeEscaped(filter.text)}%`;
    add(
      "(CAST(product_id AS TEXT) = ? OR uid LIKE ? ESCAPE '\\' OR new_uid LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\' OR server_message LIKE ? ESCAPE '\\' OR error_code LIKE ? ESCAPE '\\')",
      filter.text,
      like,
      like,
      like,
      like,
      like,
    );
  }
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  if (beforeId !== undefined) add('id < ?', beforeId);
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** Percent, underscore and backslash typed by a person are letters, not patterns. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toEntry(row: Record<string, unknown>): AuditEntry {
  return {
    id: row.id as number,
    at: row.at as number,
    operator: row.operator as string,
    desk: row.desk as string,
    action: row.action as AuditEntry['action'],
    productId: row.product_id as number,
    uid: row.uid as string | null,
    newUid: row.new_uid as string | null,
    reason: row.reason as string | null,
    outcome: row.outcome as AuditEntry['outcome'],
    errorCode: row.error_code as string | null,
    serverMessage: row.server_message as string | null,
    finishedAt: row.finished_at as number | null,
  };
}
