import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { AuditLog, AuditOutcome } from '../audit/AuditLog';
import { openStates } from './OutboxItem';
import type { OutboxAction, OutboxItem, OutboxOutcome, OutboxState } from './OutboxItem';
import type { OutboxDecision } from '../../shared/outbox';

export interface OutboxDeps {
  db: Database;
  audit: AuditLog;
  now: () => number;
  newId?: () => string;
}

export interface Actor {
  operator: string;
  desk: string;
}

export interface OutboxSummary {
  /** Waiting to be sent, or being sent now. */
  pending: number;
  conflicts: number;
  failed: number;
  /** Done, but a comment may be on the server twice. */
  possibleDuplicates: number;
  lastSuccessAt: number | null;
  lastError: { code: string; message: string; at: number | null } | null;
}

/** How the replayer closes an item. */
export interface Settlement {
  state: 'done' | 'conflict' | 'failed';
  outcome: OutboxOutcome;
  decision: OutboxDecision;
  decisionReason: string;
  error?: { code: string; message: string };
  possibleDuplicate?: boolean;
}

type Row = Record<string, unknown>;

const auditOutcomeFor: Record<Settlement['state'], AuditOutcome> = { done: 'done', conflict: 'refused', failed: 'failed' };

/**
 * The persistent action queue. Every change of an item is one SQLite transaction (WAL,
 * synchronous=FULL), so what the desk was told ("queued", "done", "conflict") is on disk first.
 * The pending items are also the optimistic state: the UI shows their expected result, marked
 * pending, until they are done.
 */
export class Outbox {
  private readonly db: Database;
  private readonly newId: () => string;
  private readonly statements = new Map<string, ReturnType<Database['prepare']>>();
  private changes = 0;

  constructor(private readonly deps: OutboxDeps) {
    this.db = deps.db;
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Counts every change made through this Outbox, so a reader (the replayer) can keep a copy of
   * the open items and re-read them only when someone else changed the queue.
   */
  get revision(): number {
    return this.changes;
  }

  /** Prepared once per SQL text: the replayer runs these thousands of times in a backlog. */
  private readonly prepare = ((source: string) => {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }) as Database['prepare'];

  /**
   * Stores the action and its audit row in one transaction and returns the item. Enqueueing an
   * id that is already stored returns the stored item unchanged, so a caller that crashed before
   * hearing "queued" may safely enqueue again.
   */
  enqueue(action: OutboxAction, actor: Actor, id: string = this.newId(), queuePos?: number): OutboxItem {
    this.changes++;
    const clean = validated(action);
    return this.db.transaction(() => {
      const existing = this.find(id);
      if (existing !== undefined) return existing;
      const at = this.deps.now();
      const auditId = this.deps.audit.begin({ ...auditFields(clean), operator: actor.operator, desk: actor.desk });
      this.prepare(
          `INSERT INTO outbox (id, kind, product_id, uid, new_uid, reason, operator, desk, created_at, audit_id, state, next_attempt_at, queue_pos)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(
          id,
          clean.kind,
          clean.productId,
          clean.kind === 'comment' ? null : clean.uid,
          clean.kind === 'replace' ? clean.newUid : null,
          clean.kind === 'comment' ? clean.comment : clean.reason,
          actor.operator,
          actor.desk,
          at,
          auditId,
          at,
          queuePos ?? null,
        );
      // A new item's place in the queue is its enqueue order.
      this.prepare('UPDATE outbox SET queue_pos = seq WHERE id = ? AND queue_pos IS NULL').run(id);
      return this.get(id);
    }).immediate();
  }

  find(id: string): OutboxItem | undefined {
    const row = this.prepare<[string], Row>('SELECT * FROM outbox WHERE id = ?').get(id);
    return row === undefined ? undefined : toItem(row);
  }

  get(id: string): OutboxItem {
    const item = this.find(id);
    if (item === undefined) throw new AppError('OUTBOX_ITEM_UNKNOWN', `No outbox item ${id}`, { id });
    return item;
  }

  /** Items in enqueue order, optionally only those in the given states. */
  list(states?: readonly OutboxState[]): OutboxItem[] {
    const rows =
      states === undefined
        ? this.prepare<[], Row>('SELECT * FROM outbox ORDER BY queue_pos, seq').all()
        : this.prepare<string[], Row>(`SELECT * FROM outbox WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY queue_pos, seq`)
            .all(...states);
    return rows.map(toItem);
  }

  /** The newest items first (the Outbox view), optionally only some states. */
  recent(limit: number, states?: readonly OutboxState[]): OutboxItem[] {
    const where = states === undefined ? '' : `WHERE state IN (${states.map(() => '?').join(', ')})`;
    return this.prepare<(string | number)[], Row>(`SELECT * FROM outbox ${where} ORDER BY seq DESC LIMIT ?`)
      .all(...(states ?? []), limit)
      .map(toItem);
  }

  /** Not yet confirmed actions on one product: what the UI marks "pending" on it. */
  pendingFor(productId: number): OutboxItem[] {
    return this.openFor(productId, ['pending', 'sending']);
  }

  /** Items on one product still waiting for the server or a person, in enqueue order. */
  openFor(productId: number, states: readonly OutboxState[] = openStates): OutboxItem[] {
    return this.prepare<(string | number)[], Row>(
        `SELECT * FROM outbox WHERE product_id = ? AND state IN (${states.map(() => '?').join(', ')}) ORDER BY queue_pos, seq`,
      )
      .all(productId, ...states)
      .map(toItem);
  }

  /** Wristband actions on a product that Venue Manager accepted at or after `since` (a cached copy's age). */
  sentSince(productId: number, since: number): OutboxItem[] {
    return this.prepare<[number, number], Row>(
      `SELECT * FROM outbox WHERE product_id = ? AND state = 'done' AND kind != 'comment' AND finished_at >= ? ORDER BY queue_pos, seq`,
    )
      .all(productId, since)
      .map(toItem);
  }

  /** Items touching a wristband (as token or new token) still waiting for the server or a person. */
  openForUid(uid: string): OutboxItem[] {
    const wanted = uid.trim().toUpperCase();
    return this.prepare<[string, string], Row>(
        `SELECT * FROM outbox WHERE state IN ('pending', 'sending', 'conflict', 'failed')
           AND (upper(uid) = ? OR upper(new_uid) = ?) ORDER BY queue_pos, seq`,
      )
      .all(wanted, wanted)
      .map(toItem);
  }

  /**
   * The network is back (or a person said "send now"): items that waited out a backoff for the
   * network are tried soon, each after its own small random wait (`jitterMs`), so desks that lost
   * the Wi-Fi together do not all come back at the same instant. Items a server asked to wait
   * (5xx, Retry-After) keep their time. Returns how many.
   */
  bringForward(jitterMs: () => number = () => 0): number {
    this.changes++;
    const at = this.deps.now();
    const waiting = this.prepare<[number], { id: string }>(
      `SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at > ? AND last_error_code IN ('NETWORK', 'TIMEOUT')`,
    ).all(at);
    const move = this.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const { id } of waiting) move.run(at + Math.max(0, Math.floor(jitterMs())), id);
    })();
    return waiting.length;
  }

  summary(): OutboxSummary {
    const counts = this.prepare<[], { state: string; n: number; dup: number }>(
        'SELECT state, count(*) AS n, sum(possible_duplicate) AS dup FROM outbox GROUP BY state',
      )
      .all();
    const count = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
    const lastSuccessAt = this.prepare<[], number | null>("SELECT max(finished_at) FROM outbox WHERE state = 'done'").pluck().get();
    // The last error of what still waits: a blip long since overcome is not the queue's problem.
    const lastError = this.prepare<[], Row>(
        `SELECT last_error_code, last_error_message, finished_at FROM outbox
         WHERE state IN ('pending', 'sending', 'conflict', 'failed') AND last_error_code IS NOT NULL ORDER BY seq DESC LIMIT 1`,
      )
      .get();
    return {
      pending: count('pending') + count('sending'),
      conflicts: count('conflict'),
      failed: count('failed'),
      possibleDuplicates: counts.find((c) => c.state === 'done')?.dup ?? 0,
      lastSuccessAt: lastSuccessAt ?? null,
      lastError:
        lastError === undefined
          ? null
          : {
              code: lastError.last_error_code as string,
              message: (lastError.last_error_message as string | null) ?? '',
              at: lastError.finished_at as number | null,
            },
    };
  }

  /**
   * At start-up: items that were being sent when the process stopped may have reached the server.
   * They go back to pending, marked so the replayer checks the server's state before resending.
   */
  recoverInFlight(): number {
    this.changes++;
    return this.prepare("UPDATE outbox SET state = 'pending', may_have_applied = 1 WHERE state = 'sending'")
      .run().changes;
  }

  /**
   * Claims the item and marks the request as leaving; false when it is no longer pending (another
   * process sharing this data folder took it or a person closed it): then nothing may be sent.
   * A crash from here on leaves it "sending": see recoverInFlight.
   */
  markSending(id: string, commentBaseline?: number): boolean {
    this.changes++;
    return (
      this.prepare(
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1, comment_baseline = coalesce(comment_baseline, ?)
         WHERE id = ? AND state = 'pending'`,
      ).run(commentBaseline ?? null, id).changes === 1
    );
  }

  /**
   * Back to pending, to be tried again from `nextAttemptAt`. A try that failed before anything was
   * sent (still 'pending') counts as an attempt too, so its backoff grows like a send's.
   */
  markRetry(id: string, retry: { nextAttemptAt: number; mayHaveApplied: boolean; error: { code: string; message: string } }): void {
    this.changes++;
    this.prepare(
        `UPDATE outbox SET attempts = attempts + (state = 'pending'), state = 'pending', next_attempt_at = ?,
           may_have_applied = max(may_have_applied, ?),
           last_error_code = ?, last_error_message = ?
         WHERE id = ? AND state IN ('pending', 'sending')`,
      )
      .run(retry.nextAttemptAt, retry.mayHaveApplied ? 1 : 0, retry.error.code, retry.error.message, id);
  }

  /** Closes an item with its outcome, in the outbox and in the audit, in one transaction. */
  settle(id: string, settlement: Settlement): OutboxItem {
    this.changes++;
    return this.db.transaction(() => {
      const item = this.get(id);
      if (item.state !== 'pending' && item.state !== 'sending') {
        throw new AppError('INVALID_REQUEST', `Outbox item ${id} is ${item.state}, not in flight`);
      }
      const at = this.deps.now();
      this.prepare(
          `UPDATE outbox SET state = ?, outcome = ?, decided_by = 'replayer', decision = ?, decision_reason = ?,
             possible_duplicate = ?, last_error_code = coalesce(?, last_error_code),
             last_error_message = coalesce(?, last_error_message), finished_at = ?
           WHERE id = ?`,
        )
        .run(
          settlement.state,
          settlement.outcome,
          settlement.decision,
          settlement.decisionReason,
          settlement.possibleDuplicate === true ? 1 : 0,
          settlement.error?.code ?? null,
          settlement.error?.message ?? null,
          at,
          id,
        );
      this.deps.audit.finish(item.auditId, auditOutcomeFor[settlement.state], auditNote(settlement));
      return this.get(id);
    }).immediate();
  }

  /**
   * A person sends a conflict or failure again. The retry is a new attempt in the audit; the
   * earlier one keeps its outcome. A refusal is checked against the server's state again, as
   * the first time; whether an earlier attempt may have been applied is kept as it was.
   */
  retry(id: string, actor: Actor): OutboxItem {
    this.changes++;
    return this.db.transaction(() => {
      const item = this.requireResolvable(id);
      const auditId = this.deps.audit.begin({ ...auditFields(item.action), operator: actor.operator, desk: actor.desk });
      this.prepare(
          `UPDATE outbox SET state = 'pending', audit_id = ?, next_attempt_at = ?, outcome = NULL,
             decided_by = ?, decision = 'retried', decision_reason = 'retried by a person', finished_at = NULL
           WHERE id = ?`,
        )
        .run(auditId, this.deps.now(), actor.operator, id);
      return this.get(id);
    }).immediate();
  }

  /** A person gives up a conflict or failure; the reason is kept with the item and in the audit. */
  discard(id: string, actor: Actor, reason: string): OutboxItem {
    this.changes++;
    const why = reason.trim();
    if (why === '') throw new AppError('INVALID_REQUEST', 'A reason is needed to discard an action', { field: 'reason' });
    return this.db.transaction(() => {
      const item = this.requireResolvable(id);
      this.close(item, actor, 'discarded', why, { reason: `Discarded from the outbox: ${why}`, code: 'DISCARDED' });
      return this.get(id);
    }).immediate();
  }

  /**
   * A person corrects a conflict or failure (e.g. picks another wristband): the item is closed as
   * replaced, and the edited action is queued under a new id, both in one transaction. Same kind,
   * same product: anything else is a new action, not an edit.
   */
  edit(id: string, actor: Actor, action: OutboxAction, newId: string = this.newId()): OutboxItem {
    this.changes++;
    const clean = validated(action);
    return this.db.transaction(() => {
      const item = this.requireResolvable(id);
      if (clean.kind !== item.action.kind || clean.productId !== item.action.productId) {
        throw new AppError('INVALID_REQUEST', 'An edit keeps the action and the product; queue a new action instead');
      }
      this.close(item, actor, 'edited', `edited: replaced by ${newId}`, { reason: `Edited in the outbox: replaced by ${newId}`, code: 'EDITED' });
      this.prepare('UPDATE outbox SET replaced_by = ? WHERE id = ?').run(newId, id);
      // The correction takes the original's place: what waited behind it still goes after it.
      return this.enqueue(clean, actor, newId, item.queuePos);
    }).immediate();
  }

  /**
   * The desk waited for this action and was shown Venue Manager's refusal at once: the person
   * has seen it, so it does not wait in the Outbox view as well. The refusal stays in the audit.
   */
  closeShown(id: string, actor: Actor): OutboxItem {
    this.changes++;
    return this.db.transaction(() => {
      this.close(this.requireResolvable(id), actor, 'shown-at-desk', 'refused while the desk waited; shown at once');
      return this.get(id);
    }).immediate();
  }

  /** Ends an item as a person decided; `audit` records that decision as its own attempt. */
  private close(item: OutboxItem, actor: Actor, decision: OutboxDecision, why: string, audit?: { reason: string; code: string }): void {
    this.prepare(
        `UPDATE outbox SET state = 'discarded', outcome = 'discarded', decided_by = ?, decision = ?, decision_reason = ?, finished_at = ?
         WHERE id = ?`,
      )
      .run(actor.operator, decision, why, this.deps.now(), item.id);
    if (audit === undefined) return;
    const auditId = this.deps.audit.begin({ ...auditFields(item.action), operator: actor.operator, desk: actor.desk, reason: audit.reason });
    this.deps.audit.finish(auditId, 'refused', { code: audit.code, serverMessage: item.lastError?.message ?? audit.code.toLowerCase() });
  }

  private requireResolvable(id: string): OutboxItem {
    const item = this.get(id);
    if (item.state !== 'conflict' && item.state !== 'failed') {
      throw new AppError('OUTBOX_NOT_RESOLVABLE', `Only conflicts and failures can be resolved; ${id} is ${item.state}`, { id, state: item.state });
    }
    return item;
  }
}

/** The audit's error columns carry the outbox's note on how the item ended, for the audit screen. */
function auditNote(settlement: Settlement): { code: string; serverMessage?: string } | undefined {
  switch (settlement.outcome) {
    case 'sent':
      return undefined;
    case 'already-applied':
      return { code: 'ALREADY_APPLIED', serverMessage: 'confirmed from the product history after a lost answer' };
    case 'already-done-elsewhere':
      return { code: 'ALREADY_DONE_ELSEWHERE', serverMessage: 'already done by another desk' };
    case 'possible-duplicate':
      return { code: 'POSSIBLE_DUPLICATE', serverMessage: 'may be duplicated: sent again after a lost answer' };
    default:
      return settlement.error === undefined
        ? { code: settlement.outcome.toUpperCase() }
        : { code: settlement.error.code, serverMessage: settlement.error.message };
  }
}

/** The audit row's fields for an action (a comment's text is its "reason", as the desk wrote it). */
export function auditFields(action: OutboxAction) {
  switch (action.kind) {
    case 'comment':
      return { action: action.kind, productId: action.productId, reason: action.comment };
    case 'replace':
      return { action: action.kind, productId: action.productId, uid: action.uid, newUid: action.newUid, reason: action.reason };
    default:
      return { action: action.kind, productId: action.productId, uid: action.uid, reason: action.reason };
  }
}

/** Refuses what could never be sent, before it is queued: the desk hears it now, not hours later. */
function validated(action: OutboxAction): OutboxAction {
  if (!Number.isSafeInteger(action.productId) || action.productId < 0) {
    throw new AppError('INVALID_REQUEST', 'A digital product id is a whole number', { field: 'productId' });
  }
  const need = (value: string, field: string): string => {
    const trimmed = value.trim();
    if (trimmed === '') throw new AppError('INVALID_REQUEST', `${field} is needed`, { field });
    return trimmed;
  };
  switch (action.kind) {
    case 'comment':
      return { kind: 'comment', productId: action.productId, comment: need(action.comment, 'comment') };
    case 'replace':
      return {
        kind: 'replace',
        productId: action.productId,
        uid: need(action.uid, 'uid'),
        newUid: need(action.newUid, 'newUid'),
        reason: need(action.reason, 'reason'),
      };
    default:
      return { kind: action.kind, productId: action.productId, uid: need(action.uid, 'uid'), reason: need(action.reason, 'reason') };
  }
}

function toItem(row: Row): OutboxItem {
  const productId = row.product_id as number;
  const uid = row.uid as string;
  const text = row.reason as string;
  const kind = row.kind as OutboxAction['kind'];
  const action: OutboxAction =
    kind === 'comment'
      ? { kind, productId, comment: text }
      : kind === 'replace'
        ? { kind, productId, uid, newUid: row.new_uid as string, reason: text }
        : { kind, productId, uid, reason: text };
  const code = row.last_error_code as string | null;
  return {
    id: row.id as string,
    seq: row.seq as number,
    action,
    operator: row.operator as string,
    desk: row.desk as string,
    createdAt: row.created_at as number,
    auditId: row.audit_id as number,
    state: row.state as OutboxState,
    attempts: row.attempts as number,
    nextAttemptAt: row.next_attempt_at as number,
    mayHaveApplied: row.may_have_applied === 1,
    commentBaseline: row.comment_baseline as number | null,
    possibleDuplicate: row.possible_duplicate === 1,
    lastError: code === null ? null : { code, message: (row.last_error_message as string | null) ?? '' },
    outcome: row.outcome as OutboxOutcome | null,
    decidedBy: row.decided_by as string | null,
    decision: row.decision as OutboxDecision | null,
    replacedBy: row.replaced_by as string | null,
    queuePos: row.queue_pos as number,
    decisionReason: row.decision_reason as string | null,
    finishedAt: row.finished_at as number | null,
  };
}
