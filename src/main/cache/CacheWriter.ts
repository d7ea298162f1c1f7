import type { Database, Statement } from 'better-sqlite3';
import type { WireAddress, WireCustomer, WireOrder, WireProduct, WireProductHistory } from '../venue-manager/wireSchemas';
import { writeSql } from './cacheSql';
import { storedCanonical, textKey, uidKey } from './keys';

export interface StoreOutcome {
  /** Products written (new or refreshed). */
  products: number;
  /** Products left alone because the cache already held a newer copy. */
  stale: number;
}

/** The customer's own address is filed under order 0: real order ids start at 1. */
const OWN_ADDRESS = 0;

type Slot = 'customer' | 'billing' | 'delivery';

/**
 * Writes Venue Manager answers into the cache tables: the validated wire JSON as it came (so any
 * view can be rebuilt, nothing dropped) and the lookup keys derived from it. One answer, one
 * transaction: a lookup never sees a product without its tokens.
 */
export class CacheWriter {
  private readonly statements: { [K in keyof typeof writeSql]: Statement };

  constructor(private readonly db: Database) {
    this.statements = Object.fromEntries(
      Object.entries(writeSql).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as { [K in keyof typeof writeSql]: Statement };
  }

  storeCustomers(customers: readonly WireCustomer[], fetchedAt: number): StoreOutcome {
    return this.db.transaction(() => {
      const outcome: StoreOutcome = { products: 0, stale: 0 };
      for (const customer of customers) {
        this.customer(customer.id, customer.address, fetchedAt);
        for (const order of customer.orders) this.order(order, customer.id, fetchedAt, outcome);
      }
      return outcome;
    })();
  }

  /** History orders name their customer; an order without one cannot be placed and is skipped. */
  storeHistory(history: WireProductHistory, fetchedAt: number): StoreOutcome {
    return this.db.transaction(() => {
      const outcome: StoreOutcome = { products: 0, stale: 0 };
      for (const order of history.orders) {
        if (order.customerId === undefined) continue;
        this.customer(order.customerId, order.CustomerAddress, fetchedAt);
        this.order(order, order.customerId, fetchedAt, outcome);
      }
      return outcome;
    })();
  }

  private customer(id: number, address: WireAddress | undefined, fetchedAt: number): void {
    if (address === undefined) {
      this.statements.insertCustomerIfMissing.run(id, JSON.stringify({ id }), fetchedAt);
      return;
    }
    if (this.statements.upsertCustomer.run(id, JSON.stringify({ id, address }), fetchedAt).changes === 0) return;
    this.statements.deletePartyKeys.run(id, OWN_ADDRESS);
    this.partyKeys(address, id, OWN_ADDRESS, 'customer');
  }

  private order(order: WireOrder, customerId: number, fetchedAt: number, outcome: StoreOutcome): void {
    const { digitalProducts, ...rest } = order;
    if (this.statements.upsertOrder.run(order.id, customerId, JSON.stringify(rest), fetchedAt).changes > 0) {
      this.statements.deletePartyKeys.run(customerId, order.id);
      this.partyKeys(order.billingAddress, customerId, order.id, 'billing');
      this.partyKeys(order.deliveryAddress, customerId, order.id, 'delivery');
    }
    for (const product of digitalProducts) {
      if (this.product(product, order.id, customerId, fetchedAt)) outcome.products += 1;
      else outcome.stale += 1;
    }
  }

  private product(product: WireProduct, orderId: number, customerId: number, fetchedAt: number): boolean {
    const { upsertProduct, deleteTokens, insertToken } = this.statements;
    const written = upsertProduct.run(product.id, orderId, customerId, product.barcode, JSON.stringify(product), fetchedAt);
    if (written.changes === 0) return false;
    // The answer lists all of the product's tokens: replacing them as a whole drops a token the
    // server no longer shows and picks up a block, never a mix of old and new.
    deleteTokens.run(product.id);
    product.tokens.forEach((token, position) => {
      insertToken.run(product.id, position, token.uid, uidKey(token.uid), storedCanonical(token.uid));
    });
    return true;
  }

  /**
   * Venue Manager finds a customer by the name and company of their own, billing or delivery
   * address, and by the e-mail of their own or billing address; the keys follow that.
   */
  private partyKeys(address: WireAddress | undefined, customerId: number, orderId: number, slot: Slot): void {
    if (address === undefined) return;
    const insert = (field: string, value: string | null) => {
      if (value !== null && value.trim() !== '') this.statements.insertPartyKey.run(field, textKey(value), customerId, orderId, slot);
    };
    insert('name', address.name);
    insert('company', address.company);
    if (slot !== 'delivery') insert('email', address.email?.trim() ?? null);
  }
}
