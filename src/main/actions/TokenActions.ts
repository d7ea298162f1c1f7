import type { ActionKind, AddRequest, BlockRequest, CommentRequest, ReplaceRequest } from '../../shared/actions';
import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import type { OwnerMatch } from '../../shared/model';
import type { AuditAttempt, AuditLog } from '../audit/AuditLog';
import { ownerMatchFromHistory, ownerMatchesForUid } from '../venue-manager/productView';
import type { VenueManagerClient } from '../venue-manager/VenueManagerClient';
import { addRefusal, blockRefusal, commentRefusal, replaceRefusal } from './LocalRules';

export interface TokenActionsDeps {
  client: () => VenueManagerClient;
  audit: AuditLog;
  /** The signed-in operator's name; throws NOT_SIGNED_IN when nobody is. */
  operator: () => string;
  desk: () => string;
}

export interface ActionResult {
  /** The product as the server shows it after the action. */
  match: OwnerMatch;
  auditId: number;
}

/**
 * Block, replace, add and comment, online: each is checked against the product's current state
 * (refused up front when the server would refuse it), audited before it is sent and after it
 * ends, sent once, and answered with the product as the server now shows it.
 */
export class TokenActions {
  constructor(private readonly deps: TokenActionsDeps) {}

  block(request: BlockRequest): Promise<ActionResult> {
    return this.run({ action: 'block', productId: request.productId, uid: request.uid, reason: request.reason }, (product) =>
      Promise.resolve({
        refusal: blockRefusal(product, request.uid),
        send: (client: VenueManagerClient) => client.blockToken(request.productId, request.uid, request.reason),
      }),
    );
  }

  replace(request: ReplaceRequest): Promise<ActionResult> {
    const attempt = { action: 'replace' as const, productId: request.productId, uid: request.uid, newUid: request.newUid, reason: request.reason };
    return this.run(attempt, async (product) => ({
      refusal: replaceRefusal(product, request.uid, request.newUid, await this.activeElsewhere(request.newUid, request.productId)),
      send: (client) => client.replaceToken(request.productId, request.uid, request.newUid, request.reason),
    }));
  }

  add(request: AddRequest): Promise<ActionResult> {
    return this.run({ action: 'add', productId: request.productId, uid: request.uid, reason: request.reason }, async (product) => ({
      refusal: addRefusal(product, request.uid, await this.activeElsewhere(request.uid, request.productId)),
      send: (client) => client.addToken(request.productId, request.uid, request.reason),
    }));
  }

  comment(request: CommentRequest): Promise<ActionResult> {
    // The comment text is the audit's "reason": what the desk wrote, kept with who and when.
    return this.run({ action: 'comment', productId: request.productId, reason: request.comment }, (product) =>
      Promise.resolve({
        refusal: commentRefusal(product, request.comment),
        send: (client: VenueManagerClient) => client.comment(request.productId, request.comment),
      }),
    );
  }

  private async run(
    attempt: Omit<AuditAttempt, 'operator' | 'desk'> & { action: ActionKind },
    plan: (product: OwnerMatch['product']) => Promise<{ refusal: ErrorCode | undefined; send: (client: VenueManagerClient) => Promise<void> }>,
  ): Promise<ActionResult> {
    const operator = this.deps.operator();
    const client = this.deps.client();
    const before = await this.product(client, attempt.productId);
    const { refusal, send } = await plan(before.product);
    const auditId = this.deps.audit.begin({ ...attempt, operator, desk: this.deps.desk() });
    if (refusal !== undefined) {
      this.deps.audit.finish(auditId, 'refused', { code: refusal });
      throw new AppError(refusal, 'Refused before sending: Venue Manager would refuse it', { refusedLocally: true, productId: attempt.productId });
    }
    try {
      await send(client);
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'The action failed unexpectedly');
      const serverMessage = appError.details?.serverMessage;
      this.deps.audit.finish(auditId, 'failed', {
        code: appError.code,
        ...(typeof serverMessage === 'string' ? { serverMessage } : {}),
      });
      throw appError;
    }
    this.deps.audit.finish(auditId, 'done');
    return { match: await this.product(client, attempt.productId), auditId };
  }

  private async product(client: VenueManagerClient, productId: number): Promise<OwnerMatch> {
    const match = ownerMatchFromHistory(await client.productHistory(productId));
    if (match === undefined) throw new AppError('BAD_RESPONSE', 'The product history names no owner for this product', { productId });
    return match;
  }

  /** Whether the wristband is active on a product other than this one. */
  private async activeElsewhere(uid: string, productId: number): Promise<boolean> {
    const wanted = uid.toUpperCase();
    const matches = ownerMatchesForUid(await this.deps.client().search({ tokenUid: uid }), uid);
    return matches.some(
      (match) => match.product.id !== productId && match.product.tokens.some((t) => t.active && t.uid.toUpperCase() === wanted),
    );
  }
}
