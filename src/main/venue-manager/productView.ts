import type { Address, OwnerMatch, ProductView } from '../../shared/model';
import type { WireAddress, WireCustomer, WireOrder, WireProduct, WireProductHistory } from './wireSchemas';

const emptyAddress: Address = {
  name: null,
  company: null,
  street: null,
  zipCode: null,
  city: null,
  countryCode: null,
  email: null,
  phone: null,
};

export function toAddress(address: WireAddress | undefined): Address {
  return address === undefined ? emptyAddress : { ...emptyAddress, ...address };
}

export function toProductView(product: WireProduct): ProductView {
  return {
    id: product.id,
    name: product.name,
    alias: product.alias,
    barcode: product.barcode,
    imageUrl: product.productImageUrl,
    invalidatedAt: product.invalidateTime,
    valid: product.invalidateTime === null,
    tokens: product.tokens.map((token) => ({
      uid: token.uid,
      insertedAt: token.insertTime,
      blockedAt: token.invalidateTime,
      active: token.invalidateTime === null,
    })),
    // Newest first: the desk wants what happened last. Wall-clock strings sort as text.
    events: [...product.events].sort((a, b) => (b.time ?? '').localeCompare(a.time ?? '')),
  };
}

/** One hit per digital product in a search answer, with its owner, in the server's order. */
export function ownerMatches(
  customers: readonly WireCustomer[],
  include: (product: WireProduct) => boolean = () => true,
): OwnerMatch[] {
  const matches: OwnerMatch[] = [];
  for (const customer of customers) {
    for (const order of customer.orders) {
      for (const product of order.digitalProducts) {
        if (include(product)) matches.push(toOwnerMatch(customer.id, customer.address ?? order.billingAddress, order, product));
      }
    }
  }
  return matches;
}

/**
 * Every product in a search answer that carries the UID, with its owner. Comparison ignores
 * case because readers print hex in either case.
 */
export function ownerMatchesForUid(customers: readonly WireCustomer[], uid: string): OwnerMatch[] {
  const wanted = uid.toUpperCase();
  const matches = ownerMatches(customers, (product) => product.tokens.some((token) => token.uid.toUpperCase() === wanted));
  // The product where the token is active comes first: that is the one the guest holds now.
  return matches.sort((a, b) => Number(isActiveFor(b, wanted)) - Number(isActiveFor(a, wanted)));
}

/** The product of a history answer, with its owner (history orders carry customerId). */
export function ownerMatchFromHistory(history: WireProductHistory): OwnerMatch | undefined {
  for (const order of history.orders) {
    const product = order.digitalProducts.find((p) => p.id === history.digitalProductId);
    if (product === undefined || order.customerId === undefined) continue;
    return toOwnerMatch(order.customerId, order.CustomerAddress ?? order.billingAddress, order, product);
  }
  return undefined;
}

function toOwnerMatch(customerId: number, address: WireAddress | undefined, order: WireOrder, product: WireProduct): OwnerMatch {
  return {
    customerId,
    address: toAddress(address),
    orderId: order.id,
    orderAuthorizedAt: order.authorizedTime,
    product: toProductView(product),
  };
}

function isActiveFor(match: OwnerMatch, uid: string): boolean {
  return match.product.tokens.some((token) => token.active && token.uid.toUpperCase() === uid);
}
