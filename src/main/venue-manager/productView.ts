import type { Address, OwnerMatch, ProductView } from '../../shared/model';
import type { WireAddress, WireCustomer, WireProduct } from './wireSchemas';

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

/**
 * Every product in a search answer that carries the UID, with its owner. Comparison ignores
 * case because readers print hex in either case.
 */
export function ownerMatchesForUid(customers: readonly WireCustomer[], uid: string): OwnerMatch[] {
  const wanted = uid.toUpperCase();
  const matches: OwnerMatch[] = [];
  for (const customer of customers) {
    for (const order of customer.orders) {
      for (const product of order.digitalProducts) {
        if (!product.tokens.some((token) => token.uid.toUpperCase() === wanted)) continue;
        matches.push({
          customerId: customer.id,
          address: toAddress(customer.address ?? order.billingAddress),
          orderId: order.id,
          orderAuthorizedAt: order.authorizedTime,
          product: toProductView(product),
        });
      }
    }
  }
  // The product where the token is active comes first: that is the one the guest holds now.
  return matches.sort((a, b) => Number(isActiveFor(b, wanted)) - Number(isActiveFor(a, wanted)));
}

function isActiveFor(match: OwnerMatch, uid: string): boolean {
  return match.product.tokens.some((token) => token.active && token.uid.toUpperCase() === uid);
}
