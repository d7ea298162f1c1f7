import { NOT_INVALIDATED, isInvalidated } from './SimulatorData';
import type { SimulatorDigitalProduct, VenueTimeString } from './SimulatorData';
import { isTokenActive, sameUid } from './SimulatorStore';
import type { SimulatorStore } from './SimulatorStore';

/** The twelve error messages the API documents, verbatim (see documented-errors.json). */
export const documentedErrors = {
  noArguments: 'No arguments specified',
  unknownProduct: 'Unknown digital product ID.',
  emptyComment: 'No empty comments!',
  noUid: 'No UID specified.',
  noNewUid: 'No newUid specified.',
  productInvalidated: 'The digital product is invalidated.',
  productHasActiveToken: 'The digital product already has an active token.',
  productHasSeveralActiveTokens: 'The digital product has more than one active token.',
  tokenActiveElsewhere: 'Token is active on another digital product.',
  newTokenActiveElsewhere: 'New token is active on another digital product.',
  tokenAlreadyBlocked: 'Specified token UID is already blocked on the digital product.',
  unknownToken: 'Unknown token UID for the digital product.',
} as const;

export type DocumentedError = (typeof documentedErrors)[keyof typeof documentedErrors];

export type RuleOutcome = { ok: true } | { ok: false; status: 403 | 404; error: DocumentedError };

const OK: RuleOutcome = { ok: true };
const refuse = (status: 403 | 404, error: DocumentedError): RuleOutcome => ({ ok: false, status, error });

/*
 * Order of checks (the documentation lists the errors but not their precedence), the same for
 * every write so replays behave predictably:
 *   1. the product named in the path (404 Unknown digital product ID.)
 *   2. required input: uid / newUid / comment (403)
 *   3. the token named in the path (404 Unknown token UID for the digital product.)
 *   4. state, in the order the documentation lists it (403)
 * Malformed bodies (400) are refused before any of these, by the HTTP layer.
 */

export function describeTokenAdded(uid: string, reason?: string): string {
  return withReason(`Token ${uid} added.`, reason);
}

export function describeTokenBlocked(uid: string, reason?: string): string {
  return withReason(`Token ${uid} blocked.`, reason);
}

export function describeTokenReplaced(oldUid: string, newUid: string, reason?: string): string {
  return withReason(`Token ${oldUid} replaced by ${newUid}.`, reason);
}

function withReason(text: string, reason: string | undefined): string {
  return reason === undefined || reason.trim() === '' ? text : `${text} Reason: ${reason.trim()}`;
}

export interface WriteContext {
  store: SimulatorStore;
  /** The venue wall-clock time of this request. */
  now: VenueTimeString;
}

/** `POST /products/{id}/tokens?uid=` */
export function addToken(
  { store, now }: WriteContext,
  productId: number | undefined,
  uid: string | undefined,
  reason?: string,
): RuleOutcome {
  const location = store.locate(productId);
  if (location === undefined) return refuse(404, documentedErrors.unknownProduct);
  const fresh = uid?.trim() ?? '';
  if (fresh === '') return refuse(403, documentedErrors.noUid);
  const product = location.product;
  if (isInvalidated(product)) return refuse(403, documentedErrors.productInvalidated);
  if (activeTokens(product).length > 0) return refuse(403, documentedErrors.productHasActiveToken);
  // Active on this product is already covered above, so any hit here is another product.
  if (store.productsWithActiveToken(fresh).length > 0) return refuse(403, documentedErrors.tokenActiveElsewhere);

  product.tokens.push({ uid: fresh, insertTime: now, invalidateTime: NOT_INVALIDATED });
  product.events.push({ time: now, type: 'token', description: describeTokenAdded(fresh, reason) });
  return OK;
}

/** `DELETE /products/{id}/tokens/{uid}` */
export function blockToken(
  { store, now }: WriteContext,
  productId: number | undefined,
  uid: string,
  reason?: string,
): RuleOutcome {
  const location = store.locate(productId);
  if (location === undefined) return refuse(404, documentedErrors.unknownProduct);
  const product = location.product;
  // A UID can be on a product twice (blocked, later re-added): block the active entry if any.
  const matching = product.tokens.filter((t) => sameUid(t.uid, uid));
  if (matching.length === 0) return refuse(404, documentedErrors.unknownToken);
  const active = matching.find(isTokenActive);
  if (active === undefined) return refuse(403, documentedErrors.tokenAlreadyBlocked);
  // Blocking on an invalidated product is allowed: the documentation names no such refusal,
  // and blocking a wristband of a cancelled ticket can only make things safer.

  active.invalidateTime = now;
  product.events.push({ time: now, type: 'token', description: describeTokenBlocked(active.uid, reason) });
  return OK;
}

/** `PUT /products/{id}/tokens/{uid}?newUid=` */
export function replaceToken(
  { store, now }: WriteContext,
  productId: number | undefined,
  uid: string,
  newUid: string | undefined,
  reason?: string,
): RuleOutcome {
  const location = store.locate(productId);
  if (location === undefined) return refuse(404, documentedErrors.unknownProduct);
  const fresh = newUid?.trim() ?? '';
  if (fresh === '') return refuse(403, documentedErrors.noNewUid);
  const product = location.product;
  const matching = product.tokens.filter((t) => sameUid(t.uid, uid));
  if (matching.length === 0) return refuse(404, documentedErrors.unknownToken);
  if (isInvalidated(product)) return refuse(403, documentedErrors.productInvalidated);
  const old = matching.find(isTokenActive);
  if (old === undefined) return refuse(403, documentedErrors.tokenAlreadyBlocked);
  if (activeTokens(product).length > 1) return refuse(403, documentedErrors.productHasSeveralActiveTokens);
  // Guess: a newUid equal to the old (active) UID is refused with this message too, since the
  // documentation has no better one; "another" is read as "any product, this one included".
  if (store.productsWithActiveToken(fresh).length > 0) {
    return refuse(403, documentedErrors.newTokenActiveElsewhere);
  }

  old.invalidateTime = now;
  product.tokens.push({ uid: fresh, insertTime: now, invalidateTime: NOT_INVALIDATED });
  product.events.push({ time: now, type: 'token', description: describeTokenReplaced(old.uid, fresh, reason) });
  return OK;
}

/**
 * `POST /products/{id}/comment`. The documentation says comments go on an *active* product;
 * refusing an invalidated one with 'The digital product is invalidated.' is our reading of that.
 * `visibleInHistory` models servers that do (or do not) show comments as product events.
 */
export function addComment(
  { store, now }: WriteContext,
  productId: number | undefined,
  comment: string | undefined,
  visibleInHistory: boolean,
): RuleOutcome {
  const location = store.locate(productId);
  if (location === undefined) return refuse(404, documentedErrors.unknownProduct);
  if (comment === undefined || comment.trim() === '') return refuse(403, documentedErrors.emptyComment);
  const product = location.product;
  if (isInvalidated(product)) return refuse(403, documentedErrors.productInvalidated);

  store.recordComment({ productId: product.id, time: now, comment });
  if (visibleInHistory) product.events.push({ time: now, type: 'comment', description: comment });
  return OK;
}

function activeTokens(product: SimulatorDigitalProduct): SimulatorDigitalProduct['tokens'] {
  return product.tokens.filter(isTokenActive);
}
