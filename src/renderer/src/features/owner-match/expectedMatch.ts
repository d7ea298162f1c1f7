import type { OwnerMatch } from '../../../../shared/model';
import { optimisticProduct } from '../../../../shared/optimisticProduct';
import type { OptimisticProduct } from '../../../../shared/optimisticProduct';

/**
 * The match as it will be once this desk's queued actions reach Venue Manager, and with those it
 * accepted after this copy was made ('done' marks on a cached copy); conflicts and failures are
 * not expected to apply. What the product view, the fixes offered and the gate go by.
 */
export function expectedMatch(match: OwnerMatch): Omit<OwnerMatch, 'product'> & { product: OptimisticProduct } {
  const queued = (match.pending ?? []).filter((mark) => mark.state === 'pending' || mark.state === 'sending' || mark.state === 'done');
  return { ...match, product: optimisticProduct(match.product, queued.map((mark) => mark.action)) };
}
