import type { ProductView } from '../../../../shared/model';
import { tokenState } from '../owner-match/tokenState';

/** Which fixes apply to a product, mirroring what Venue Manager accepts (so refusals are rare). */
export function actionAvailability(product: ProductView) {
  const activeUids = product.tokens.filter((token) => tokenState(token) === 'active').map((token) => token.uid);
  const [onlyActive] = activeUids;
  return {
    /** Block: each active wristband. */
    blockUids: activeUids,
    /** Replace: a valid product with exactly one active wristband (that one is replaced). */
    replaceUid: product.valid && activeUids.length === 1 && onlyActive !== undefined ? onlyActive : null,
    add: product.valid && activeUids.length === 0,
    comment: product.valid,
  };
}
