import { z } from 'zod';
import { actionKinds } from './actions';

export const AuditOutcome = z.enum(['done', 'failed', 'refused']);

/** One attempt at an action: who, where, when, what, why, and how it ended. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.number(),
  operator: z.string(),
  desk: z.string(),
  action: z.enum(actionKinds),
  productId: z.number().int(),
  uid: z.string().nullable(),
  newUid: z.string().nullable(),
  /** The reason; for a comment, its text. */
  reason: z.string().nullable(),
  /** Null while the attempt has no outcome yet (queued, or being sent). */
  outcome: AuditOutcome.nullable(),
  errorCode: z.string().nullable(),
  serverMessage: z.string().nullable(),
  finishedAt: z.number().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z
  .object({
    operator: z.string().trim().max(80).optional(),
    action: z.enum(actionKinds).optional(),
    /** 'open': no outcome yet. */
    outcome: z.enum(['done', 'failed', 'refused', 'open']).optional(),
    /** Matches product number, either UID, reason/comment text and the server's words. */
    text: z.string().trim().max(200).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditListRequest = z
  .object({
    filter: AuditFilter.default({}),
    limit: z.number().int().min(1).max(1000).default(200),
    /** Entries older than this id (paging back). */
    beforeId: z.number().int().optional(),
  })
  .strict();
