import BetterSqlite3 from 'better-sqlite3';
import { LookupCache } from '../../../src/main/cache';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { WireCustomer, WireProductHistory } from '../../../src/main/venue-manager/wireSchemas';

export function openCache(): { cache: LookupCache; db: BetterSqlite3.Database } {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return { cache: new LookupCache(db), db };
}

interface TokenSpec {
  uid: string;
  blockedAt?: string;
}

interface ProductSpec {
  id: number;
  barcode?: string;
  tokens?: TokenSpec[];
}

/** A customer as Venue Manager's search returns it, validated like the client does. */
export function customer(spec: {
  id: number;
  name: string;
  company?: string;
  email?: string;
  orders: { id: number; billingName?: string; products: ProductSpec[] }[];
}): WireCustomer {
  const address = (name: string) => ({ name, company: spec.company ?? null, email: spec.email ?? null, street: 'Dannebrogsgade 58A' });
  return WireCustomer.parse({
    id: spec.id,
    address: address(spec.name),
    orders: spec.orders.map((order) => ({
      id: order.id,
      authorizedTime: '2026-07-01 10:00:00',
      billingAddress: address(order.billingName ?? spec.name),
      deliveryAddress: address(spec.name),
      digitalProducts: order.products.map(wireProduct),
    })),
  });
}

export function wireProduct(spec: ProductSpec): unknown {
  return {
    id: spec.id,
    name: 'Festival pass',
    invalidateTime: 'null',
    productImageUrl: null,
    barcode: spec.barcode ?? null,
    alias: null,
    tokens: (spec.tokens ?? []).map((token) => ({
      uid: token.uid,
      insertTime: '2026-07-01 10:00:00',
      invalidateTime: token.blockedAt ?? 'null',
    })),
    events: [],
  };
}

/** A product history answer, shaped as the documented product-history.json. */
export function history(spec: { customerId: number; name: string; orderId: number; product: ProductSpec }): WireProductHistory {
  return WireProductHistory.parse({
    digitalProductId: spec.product.id,
    name: 'Festival pass',
    alias: null,
    invalidateTime: 'null',
    orders: [
      {
        id: spec.orderId,
        customerId: spec.customerId,
        authorizedTime: '2026-07-01 10:00:00',
        CustomerAddress: { name: spec.name, email: `${spec.name.toLowerCase()}@example.dk` },
        billingAddress: { name: spec.name },
        digitalProducts: [wireProduct(spec.product)],
      },
    ],
  });
}
