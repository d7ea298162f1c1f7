import { z } from 'zod';

const Uid = z.string().trim().min(1).max(64);
const Reason = z.string().trim().min(1, 'a reason is needed').max(1000);
const ProductId = z.number().int().nonnegative();
/**
 * Chosen by the screen once per submission and sent again if the same submission is retried
 * (a dropped connection): the core queues an id only once, so a retry never doubles the action.
 */
const RequestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional();

/** The four help-desk fixes, as the renderer asks for them. */
export const BlockRequest = z.object({ productId: ProductId, uid: Uid, reason: Reason, requestId: RequestId }).strict();
export const ReplaceRequest = z.object({ productId: ProductId, uid: Uid, newUid: Uid, reason: Reason, requestId: RequestId }).strict();
export const AddRequest = z.object({ productId: ProductId, uid: Uid, reason: Reason, requestId: RequestId }).strict();
export const CommentRequest = z.object({ productId: ProductId, comment: z.string().trim().min(1).max(5000), requestId: RequestId }).strict();

export type BlockRequest = z.infer<typeof BlockRequest>;
export type ReplaceRequest = z.infer<typeof ReplaceRequest>;
export type AddRequest = z.infer<typeof AddRequest>;
export type CommentRequest = z.infer<typeof CommentRequest>;

export const actionKinds = ['block', 'replace', 'add', 'comment'] as const;
export type ActionKind = (typeof actionKinds)[number];

export const OperatorView = z.object({ name: z.string(), since: z.number() });
export type OperatorView = z.infer<typeof OperatorView>;

export const SignInRequest = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** Optional: set on a name's first sign-in, then required for that name. */
    pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits').optional(),
  })
  .strict();
