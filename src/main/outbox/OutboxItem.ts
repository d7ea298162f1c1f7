import type { OutboxDecision, OutboxOutcome, OutboxState, QueuedAction } from '../../shared/outbox';

export type { OutboxOutcome, OutboxState } from '../../shared/outbox';

/** What the desk asked for, as it will be sent (the contract's QueuedAction). */
export type OutboxAction = QueuedAction;

/** States a person or the replayer must still act on; everything else is final. */
export const openStates: readonly OutboxState[] = ['pending', 'sending', 'conflict', 'failed'];

export interface OutboxItem {
  /** Stable id, chosen at enqueue (or by the caller) and never reused. */
  id: string;
  /** Enqueue order. */
  seq: number;
  action: OutboxAction;
  operator: string;
  desk: string;
  createdAt: number;
  auditId: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** A request may have reached the server without us hearing the answer: check before resending. */
  mayHaveApplied: boolean;
  /** How many history events carried this comment's text before it was first sent. */
  commentBaseline: number | null;
  possibleDuplicate: boolean;
  lastError: { code: string; message: string } | null;
  outcome: OutboxOutcome | null;
  /** 'replayer' or the operator who resolved it. */
  decidedBy: string | null;
  decision: OutboxDecision | null;
  replacedBy: string | null;
  /** Its place in the queue (see migration 7): enqueue order, or the place of the item an edit corrected. */
  queuePos: number;
  decisionReason: string | null;
  finishedAt: number | null;
}

/**
 * The keys whose actions must reach the server in enqueue order: the product, and every token
 * UID the action touches (blocking X on A then adding X to B must stay in that order).
 */
export function orderingKeys(action: OutboxAction): string[] {
  const keys = [`product:${action.productId}`];
  if (action.kind !== 'comment') keys.push(`uid:${action.uid.trim().toUpperCase()}`);
  if (action.kind === 'replace') keys.push(`uid:${action.newUid.trim().toUpperCase()}`);
  return keys;
}
