import type { ProductView, TokenView } from './model';
import type { QueuedAction } from './outbox';

/** A wristband as it will be once this desk's queued actions reach Venue Manager. */
export interface OptimisticToken extends TokenView {
  /** The queued change that makes it so; null when the server already shows it. */
  pendingChange: 'block' | 'add' | null;
}

export type OptimisticProduct = Omit<ProductView, 'tokens'> & { tokens: OptimisticToken[] };

/**
 * The product with this desk's queued actions applied, in queue order: what the desk expects
 * Venue Manager to show once they are sent. Used to check a new action against what is already
 * queued (offline: block X, then add X elsewhere) and to show queued changes, marked pending.
 */
export function optimisticProduct(product: ProductView, queued: readonly QueuedAction[]): OptimisticProduct {
  let tokens: OptimisticToken[] = product.tokens.map((token) => ({ ...token, pendingChange: null }));
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  const block = (uid: string) => {
    tokens = tokens.map((token) =>
      token.active && same(token.uid, uid) ? { ...token, active: false, blockedAt: null, pendingChange: 'block' } : token,
    );
  };
  const add = (uid: string) => {
    if (tokens.some((token) => token.active && same(token.uid, uid))) return;
    tokens = [...tokens, { uid, insertedAt: null, blockedAt: null, active: true, pendingChange: 'add' }];
  };
  for (const action of queued) {
    if (action.productId !== product.id) continue;
    if (action.kind === 'block') block(action.uid);
    else if (action.kind === 'add') add(action.uid);
    else if (action.kind === 'replace') {
      block(action.uid);
      add(action.newUid);
    }
  }
  return { ...product, tokens };
}
