import type { ErrorCode } from '../../shared/errors';
import type { ProductView } from '../../shared/model';

/**
 * Venue Manager's business rules, checked against the state we know before a request is sent:
 * an action that will fail is refused up front with the code the server's message would have
 * had (DESIGN.md §3), so the desk sees the same explanation online and, later, offline.
 * Each function returns the refusal, or undefined when the action may go ahead.
 */

const sameUid = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();
const activeTokens = (product: ProductView) => product.tokens.filter((token) => token.active);
const tokenOn = (product: ProductView, uid: string) => product.tokens.find((token) => sameUid(token.uid, uid));

export function addRefusal(product: ProductView, uid: string, uidActiveElsewhere: boolean): ErrorCode | undefined {
  if (uid.trim() === '') return 'VM_NO_UID';
  if (!product.valid) return 'VM_PRODUCT_INVALIDATED';
  if (activeTokens(product).length > 0) return 'VM_PRODUCT_HAS_ACTIVE_TOKEN';
  if (uidActiveElsewhere) return 'VM_TOKEN_ACTIVE_ELSEWHERE';
  return undefined;
}

export function blockRefusal(product: ProductView, uid: string): ErrorCode | undefined {
  const token = tokenOn(product, uid);
  if (token === undefined) return 'VM_UNKNOWN_TOKEN';
  if (!token.active) return 'VM_TOKEN_ALREADY_BLOCKED';
  return undefined;
}

export function replaceRefusal(
  product: ProductView,
  uid: string,
  newUid: string,
  newUidActiveElsewhere: boolean,
): ErrorCode | undefined {
  if (newUid.trim() === '') return 'VM_NO_NEW_UID';
  // Order as the simulator checks: "not found" before the state rules (the real order is undocumented).
  const token = tokenOn(product, uid);
  if (token === undefined) return 'VM_UNKNOWN_TOKEN';
  if (!product.valid) return 'VM_PRODUCT_INVALIDATED';
  if (!token.active) return 'VM_TOKEN_ALREADY_BLOCKED';
  if (activeTokens(product).length > 1) return 'VM_PRODUCT_MULTIPLE_ACTIVE_TOKENS';
  // The same band as its own replacement is "active" already: the server refuses it as such.
  if (newUidActiveElsewhere || sameUid(uid, newUid)) return 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE';
  return undefined;
}

export function commentRefusal(product: ProductView, comment: string): ErrorCode | undefined {
  if (comment.trim() === '') return 'VM_EMPTY_COMMENT';
  if (!product.valid) return 'VM_PRODUCT_INVALIDATED';
  return undefined;
}
