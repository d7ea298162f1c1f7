import { cloneAddress, cloneCustomer, cloneProduct, isInvalidated } from './SimulatorData';
import type {
  SimulatorCustomer,
  SimulatorDigitalProduct,
  SimulatorOrder,
  SimulatorProductHistory,
  VenueTimeString,
} from './SimulatorData';

/** Where a product lives; the objects are the live state, mutated in place by the rules. */
export interface ProductLocation {
  customer: SimulatorCustomer;
  order: SimulatorOrder;
  product: SimulatorDigitalProduct;
}

/** A comment as received, whether or not the server shows it in the product history. */
export interface StoredComment {
  productId: number;
  time: VenueTimeString;
  comment: string;
}

/**
 * Venue Manager stores UIDs in MySQL, whose usual collations compare case-insensitively, so a
 * lower-case hex UID finds an upper-case one. A guess: the documentation does not say.
 */
export function sameUid(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

export function isTokenActive(token: { invalidateTime: string }): boolean {
  return !isInvalidated(token);
}

/**
 * The simulator's own copy of the data plus the lookups the rules need.
 * Invariant: digital product ids are unique (the API addresses products by id alone), and a
 * product never moves, so the id index built here stays valid as tokens and events change.
 */
export class SimulatorStore {
  private readonly data: SimulatorCustomer[];
  private readonly byProductId = new Map<number, ProductLocation>();
  private readonly commentLog: StoredComment[] = [];

  constructor(customers: readonly SimulatorCustomer[]) {
    this.data = customers.map(cloneCustomer);
    for (const customer of this.data) {
      for (const order of customer.orders) {
        for (const product of order.digitalProducts) {
          if (this.byProductId.has(product.id)) {
            throw new Error(`Simulator data: digital product id ${product.id} appears twice`);
          }
          this.byProductId.set(product.id, { customer, order, product });
        }
      }
    }
  }

  /** The live customers, for read-only matching; callers clone what they return. */
  live(): readonly SimulatorCustomer[] {
    return this.data;
  }

  snapshot(): SimulatorCustomer[] {
    return this.data.map(cloneCustomer);
  }

  locate(productId: number | undefined): ProductLocation | undefined {
    return productId === undefined ? undefined : this.byProductId.get(productId);
  }

  /** Products on which `uid` is currently an active token. */
  productsWithActiveToken(uid: string): SimulatorDigitalProduct[] {
    const found: SimulatorDigitalProduct[] = [];
    for (const { product } of this.byProductId.values()) {
      if (product.tokens.some((t) => isTokenActive(t) && sameUid(t.uid, uid))) found.push(product);
    }
    return found;
  }

  /**
   * `GET /products/{id}`: the product's order with only this product in `digitalProducts`, then
   * `customerId` and `CustomerAddress` appended (key order as in product-history.json).
   * Filtering the order's other products out is a guess: the documented example has one product.
   */
  history(productId: number | undefined): SimulatorProductHistory | undefined {
    const location = this.locate(productId);
    if (location === undefined) return undefined;
    const { customer, order, product } = location;
    return {
      digitalProductId: product.id,
      name: product.name,
      alias: product.alias,
      invalidateTime: product.invalidateTime,
      orders: [
        {
          id: order.id,
          authorizedTime: order.authorizedTime,
          billingAddress: cloneAddress(order.billingAddress),
          deliveryAddress: cloneAddress(order.deliveryAddress),
          digitalProducts: [cloneProduct(product)],
          customerId: customer.id,
          CustomerAddress: cloneAddress(customer.address),
        },
      ],
    };
  }

  recordComment(comment: StoredComment): void {
    this.commentLog.push({ ...comment });
  }

  comments(): StoredComment[] {
    return this.commentLog.map((c) => ({ ...c }));
  }
}
