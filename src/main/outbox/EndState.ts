import { AppError } from '../../shared/errors';
import type { ProductView } from '../../shared/model';
import { toProductView } from '../venue-manager/productView';
import type { WireProductHistory } from '../venue-manager/wireSchemas';
import type { OutboxAction } from './OutboxItem';

/*
 * The API has no idempotency keys: whether an action took effect can only be read from the
 * product's state. These are the end states each action wants (DESIGN.md §5).
 */

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The product a history answer is about. */
export function productFromHistory(history: WireProductHistory): ProductView {
  for (const order of history.orders) {
    const product = order.digitalProducts.find((p) => p.id === history.digitalProductId);
    if (product !== undefined) return toProductView(product);
  }
  throw new AppError('BAD_RESPONSE', 'The product history does not contain the product', { productId: history.digitalProductId });
}

function blockedOn(product: ProductView, uid: string): boolean {
  const entries = product.tokens.filter((t) => same(t.uid, uid));
  // A UID can be on a product twice (blocked, later added again): blocked means no active entry.
  return entries.length > 0 && entries.every((t) => !t.active);
}

function activeOn(product: ProductView, uid: string): boolean {
  return product.tokens.some((t) => t.active && same(t.uid, uid));
}

/** Whether the product already shows the end state a token action wants. Comments: see commentCount. */
export function endStateReached(action: Exclude<OutboxAction, { kind: 'comment' }>, product: ProductView): boolean {
  switch (action.kind) {
    case 'block':
      return blockedOn(product, action.uid);
    case 'add':
      return activeOn(product, action.uid);
    case 'replace':
      return blockedOn(product, action.uid) && activeOn(product, action.newUid);
  }
}

/** How many history events carry exactly this comment text (servers that show comments). */
export function commentCount(product: ProductView, comment: string): number {
  const wanted = comment.trim();
  return product.events.filter((event) => event.description?.trim() === wanted).length;
}
