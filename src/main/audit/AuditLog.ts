import type { Database } from 'better-sqlite3';
import type { ActionKind } from '../../shared/actions';

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

export interface AuditRow extends AuditAttempt {
  id: number;
  at: number;
  outcome: AuditOutcome | null;
  errorCode: string | null;
  serverMessage: string | null;
  finishedAt: number | null;
}

/**
 * Who did what, when, why, and how it ended. An attempt is written before its request leaves
 * and completed afterwards, so even a crash in between leaves a trace.
 */
export class AuditLog {
  private readonly insert;
  private readonly complete;
  private readonly selectRecent;

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare<[number, string, string, string, number, string | null, string | null, string | null]>(
      `INSERT INTO audit (at, operator, desk, action, product_id, uid, new_uid, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.complete = db.prepare<[string, string | null, string | null, number, number]>(
      `UPDATE audit SET outcome = ?, error_code = ?, server_message = ?, finished_at = ? WHERE id = ?`,
    );
    this.selectRecent = db.prepare<[number], Record<string, unknown>>(`SELECT * FROM audit ORDER BY id DESC LIMIT ?`);
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

  recent(limit = 100): AuditRow[] {
    return this.selectRecent.all(limit).map((row) => ({
      id: row.id as number,
      at: row.at as number,
      operator: row.operator as string,
      desk: row.desk as string,
      action: row.action as AuditRow['action'],
      productId: row.product_id as number,
      ...(row.uid === null ? {} : { uid: row.uid as string }),
      ...(row.new_uid === null ? {} : { newUid: row.new_uid as string }),
      ...(row.reason === null ? {} : { reason: row.reason as string }),
      outcome: row.outcome as AuditOutcome | null,
      errorCode: row.error_code as string | null,
      serverMessage: row.server_message as string | null,
      finishedAt: row.finished_at as number | null,
    }));
  }
}
