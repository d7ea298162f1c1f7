import type { OwnerMatch } from '../../../../shared/model';
import { optimisticProduct } from '../../../../shared/optimisticProduct';
import type { OptimisticProduct } from '../../../../shared/optimisticProduct';

/**
 * The match as it will be once this desk's queued actions reach Venue Manager (conflicts and
 * failures are not expected to apply): what the product view, the fixes offered and the gate go by.
 */
export function expectedMatch(match: OwnerMatch): Omit<OwnerMatch, 'product'> & { product: OptimisticProduct } {
  const queued = (match.pending ?? []).filter((mark) => mark.state === 'pending' || mark.state === 'sending');
  return { ...match, product: optimisticProduct(match.product, queued.map((mark) => mark.action)) };
}
