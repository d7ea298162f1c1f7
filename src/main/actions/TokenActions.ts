import type { AddRequest, BlockRequest, CommentRequest, ReplaceRequest } from '../../shared/actions';
import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import type { OwnerMatch, ProductView } from '../../shared/model';
import { optimisticProduct } from '../../shared/optimisticProduct';
import type { QueuedAction } from '../../shared/outbox';
import type { AuditLog } from '../audit/AuditLog';
import { auditFields } from '../outbox/Outbox';
import type { Outbox } from '../outbox/Outbox';
import type { OutboxItem } from '../outbox/OutboxItem';
import { addRefusal, blockRefusal, commentRefusal, replaceRefusal } from './LocalRules';

/** A product's state as this desk knows it: from Venue Manager, or from the cache (`cachedAt`). */
export interface KnownProduct {
  match: OwnerMatch;
  cachedAt?: number;
  /** When this copy was fetched: actions accepted since are not in it yet. */
  fetchedAt: number;
}

export interface TokenActionsDeps {
  /**
   * The product now: from Venue Manager when it answers, else from this desk's cache; undefined
   * when it cannot be reached and nothing is cached. Other errors (unknown product) are thrown.
   */
  productState: (productId: number) => Promise<KnownProduct | undefined>;
  /** Products the wristband is on, from Venue Manager when it answers, else from the cache (`seenAt`: its age). */
  productsWithUid: (uid: string) => Promise<{ matches: OwnerMatch[]; seenAt?: number }>;
  /**
   * This desk's actions to apply to a copy of the product fetched at `seenAt` to get what Venue
   * Manager will show: those queued, and those it accepted after the copy was made.
   */
  queuedOn: (productId: number, seenAt?: number) => QueuedAction[];
  outbox: Outbox;
  audit: AuditLog;
  /** The signed-in operator's name; throws NOT_SIGNED_IN when nobody is. */
  operator: () => string;
  desk: () => string;
}

export interface QueuedFix {
  item: OutboxItem;
  /** The product as known before the action (undefined: nothing known offline). */
  before: KnownProduct | undefined;
}

/**
 * Block, replace, add and comment, as the desk asks for them: each is checked against the
 * product's state as this desk expects it (Venue Manager's answer, else the cache, with the
 * actions already queued applied), refused up front when the server would refuse it, and
 * otherwise queued in the outbox — item and audit row in one transaction. Sending is the
 * outbox replayer's job, online or not.
 */
export class TokenActions {
  constructor(private readonly deps: TokenActionsDeps) {}

  block({ requestId, ...request }: BlockRequest): Promise<QueuedFix> {
    return this.queue({ kind: 'block', ...request }, { requestId });
  }

  replace({ requestId, ...request }: ReplaceRequest): Promise<QueuedFix> {
    return this.queue({ kind: 'replace', ...request }, { requestId });
  }

  add({ requestId, ...request }: AddRequest): Promise<QueuedFix> {
    return this.queue({ kind: 'add', ...request }, { requestId });
  }

  comment({ requestId, ...request }: CommentRequest): Promise<QueuedFix> {
    return this.queue({ kind: 'comment', ...request }, { requestId });
  }

  /** A conflict or failure corrected by a person: checked like a new action, then swapped in. */
  edit(id: string, action: QueuedAction): Promise<QueuedFix> {
    return this.queue(action, { replacing: id });
  }

  private async queue(action: QueuedAction, how: { requestId?: string | undefined; replacing?: string }): Promise<QueuedFix> {
    const operator = this.deps.operator();
    const actor = { operator, desk: this.deps.desk() };
    // The same submission again (a retry after a lost connection): it was queued, once.
    const again = how.requestId === undefined ? undefined : this.deps.outbox.find(how.requestId);
    if (again !== undefined) return { item: again, before: await this.deps.productState(action.productId).catch(() => undefined) };
    const before = await this.deps.productState(action.productId);
    if (before !== undefined) {
      const refusal = await this.refusal(action, this.expected(before.match.product, before.fetchedAt));
      if (refusal !== undefined) {
        const auditId = this.deps.audit.begin({ ...auditFields(action), ...actor });
        this.deps.audit.finish(auditId, 'refused', { code: refusal });
        throw new AppError(refusal, 'Refused before sending: Venue Manager would refuse it', {
          refusedLocally: true,
          productId: action.productId,
          ...(before.cachedAt === undefined ? {} : { cachedAt: before.cachedAt }),
        });
      }
    }
    const item =
      how.replacing === undefined
        ? this.deps.outbox.enqueue(action, actor, how.requestId)
        : this.deps.outbox.edit(how.replacing, actor, action);
    return { item, before };
  }

  private refusal(action: QueuedAction, product: ProductView): Promise<ErrorCode | undefined> | ErrorCode | undefined {
    switch (action.kind) {
      case 'block':
        return blockRefusal(product, action.uid);
      case 'comment':
        return commentRefusal(product, action.comment);
      case 'add':
        return this.activeElsewhere(action.uid, action.productId).then((elsewhere) => addRefusal(product, action.uid, elsewhere));
      case 'replace':
        return this.activeElsewhere(action.newUid, action.productId).then((elsewhere) =>
          replaceRefusal(product, action.uid, action.newUid, elsewhere),
        );
    }
  }

  /** The product as it will be once this desk's queued actions on it are sent. */
  private expected(product: ProductView, seenAt?: number): ProductView {
    return optimisticProduct(product, this.deps.queuedOn(product.id, seenAt));
  }

  /**
   * Whether the wristband is (or, once this desk's queue is sent, will be) active on another
   * product: a band blocked in the queue is free, a band added in the queue is taken.
   */
  private async activeElsewhere(uid: string, productId: number): Promise<boolean> {
    const wanted = uid.trim().toUpperCase();
    const { matches, seenAt } = await this.deps.productsWithUid(uid);
    const known = matches.filter((match) => match.product.id !== productId);
    const activeOn = (product: ProductView) => product.tokens.some((t) => t.active && t.uid.trim().toUpperCase() === wanted);
    if (known.some((match) => activeOn(this.expected(match.product, seenAt)))) return true;
    const knownIds = new Set(known.map((match) => match.product.id));
    // Queued adds on products this desk has not seen the band on yet.
    return this.deps.outbox
      .openForUid(uid)
      .some(
        (item) =>
          (item.state === 'pending' || item.state === 'sending') &&
          item.action.productId !== productId &&
          !knownIds.has(item.action.productId) &&
          ((item.action.kind === 'add' && item.action.uid.trim().toUpperCase() === wanted) ||
            (item.action.kind === 'replace' && item.action.newUid.trim().toUpperCase() === wanted)),
      );
  }
}
