import { z } from 'zod';

const Uid = z.string().trim().min(1).max(64);
const Reason = z.string().trim().min(1, 'a reason is needed').max(1000);
const ProductId = z.number().int().nonnegative();

/** An action as it waits in the outbox and will be sent. The comment text travels in `comment`. */
export const QueuedAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('block'), productId: ProductId, uid: Uid, reason: Reason }).strict(),
  z.object({ kind: z.literal('add'), productId: ProductId, uid: Uid, reason: Reason }).strict(),
  z.object({ kind: z.literal('replace'), productId: ProductId, uid: Uid, newUid: Uid, reason: Reason }).strict(),
  z.object({ kind: z.literal('comment'), productId: ProductId, comment: z.string().trim().min(1).max(5000) }).strict(),
]);
export type QueuedAction = z.infer<typeof QueuedAction>;

export const outboxStates = ['pending', 'sending', 'done', 'conflict', 'failed', 'discarded'] as const;
export const OutboxState = z.enum(outboxStates);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * How an item ended: sent; already-applied (an answer was lost, the history shows it);
 * already-done-elsewhere (refused because the end state was already there); possible-duplicate
 * (a comment resent after a lost answer the history cannot confirm); conflict / failed (a person
 * decides); discarded (a person gave it up, with a reason).
 */
export const OutboxOutcome = z.enum([
  'sent',
  'already-applied',
  'already-done-elsewhere',
  'possible-duplicate',
  'conflict',
  'failed',
  'discarded',
]);
export type OutboxOutcome = z.infer<typeof OutboxOutcome>;

/**
 * Why an item is where it is, as a code the screens translate (the English `decisionReason`
 * is for logs and support): the replayer's outcomes, and what a person did.
 */
export const outboxDecisions = [
  'sent',
  'already-applied',
  'already-done-elsewhere',
  'possible-duplicate',
  'refused-different-state',
  'refused-unreadable',
  'refused-comment',
  'cannot-be-sent',
  'retried',
  'edited',
  'shown-at-desk',
  'discarded',
] as const;
export const OutboxDecision = z.enum(outboxDecisions);
export type OutboxDecision = z.infer<typeof OutboxDecision>;

export const OutboxItemView = z.object({
  id: z.string(),
  seq: z.number().int(),
  action: QueuedAction,
  operator: z.string(),
  desk: z.string(),
  createdAt: z.number(),
  state: OutboxState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  /** The last try may have reached the server: it is checked before anything is resent. */
  mayHaveApplied: z.boolean(),
  possibleDuplicate: z.boolean(),
  /** The server's words (or ours) from the last failed try. */
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  outcome: OutboxOutcome.nullable(),
  /** 'replayer', or the operator who retried, edited or discarded it. */
  decidedBy: z.string().nullable(),
  decision: OutboxDecision.nullable(),
  /** For an edited item: the id of the item that replaced it. */
  replacedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  finishedAt: z.number().nullable(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

/** What the status bar and the Outbox view's header show; pushed as the `outbox` event. */
export const OutboxSummary = z.object({
  /** Waiting to be sent or being sent. */
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  possibleDuplicates: z.number().int().nonnegative(),
  /** When Venue Manager last accepted (or confirmed) a queued action. */
  lastSyncAt: z.number().optional(),
  lastError: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Why sending stopped, when it did: UNAUTHORIZED (new credentials resume it), OFFLINE, OFFLINE_FORCED. */
  pausedFor: z.string().optional(),
  /** While a backlog is being sent: items finished of the backlog. */
  replay: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

/**
 * What a product view marks "pending" (or in conflict) on a product until it is confirmed; and,
 * on a copy older than it (the cache), an action Venue Manager has since accepted ('done'), so the
 * copy is read with it applied.
 */
export const PendingMark = z.object({
  id: z.string(),
  action: QueuedAction,
  state: z.enum(['pending', 'sending', 'conflict', 'failed', 'done']),
  createdAt: z.number(),
});
export type PendingMark = z.infer<typeof PendingMark>;

export const OutboxListRequest = z
  .object({
    states: z.array(OutboxState).min(1).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** Edit a conflict or failure: the same kind of action on the same product, with new details. */
export const OutboxEditRequest = z
  .object({
    id: z.string().min(1).max(100),
    uid: Uid.optional(),
    newUid: Uid.optional(),
    reason: Reason.optional(),
    comment: z.string().trim().min(1).max(5000).optional(),
  })
  .strict();
export type OutboxEditRequest = z.infer<typeof OutboxEditRequest>;
