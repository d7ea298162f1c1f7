import type { OutboxAction } from '../../../src/main/outbox/OutboxItem';
import type { SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
import { mulberry32 } from './helpers';

/*
 * The crash test's world, shared by the test and its child: products that each start with one
 * active wristband, and a seeded plan of actions that all succeed when applied once, in order.
 * Every other product takes over the previous product's blocked band, so a UID shared across
 * products must be replayed in order too.
 */

export const productIdOf = (i: number) => 9000 + i;
const uid = (band: number, i: number) => `04${band}${String(i).padStart(11, '0')}`;
export const originalUid = (i: number) => uid(1, i);
export const replacementUid = (i: number) => uid(2, i);
const spareUid = (i: number) => uid(3, i);
/** The band product i ends with. */
export const finalUid = (i: number) => (i % 2 === 1 ? replacementUid(i - 1) : spareUid(i));

export function crashData(products: number): SimulatorCustomer[] {
  const address = { name: 'Guest', company: '', street: 'Road 1', zipCode: '1000', city: 'Town', countryCode: 'DK' };
  return Array.from({ length: products }, (_, i) => ({
    id: 100 + i,
    address,
    orders: [
      {
        id: 500 + i,
        authorizedTime: '2026-07-01 10:00:00',
        billingAddress: address,
        deliveryAddress: address,
        digitalProducts: [
          {
            id: productIdOf(i),
            name: 'Festival pass',
            invalidateTime: 'null',
            productImageUrl: '',
            barcode: `B${i}`,
            alias: `P${i}`,
            tokens: [{ uid: originalUid(i), insertTime: '2026-07-01 10:00:00', invalidateTime: 'null' }],
            events: [],
          },
        ],
      },
    ],
  }));
}

export interface PlannedAction {
  id: string;
  action: OutboxAction;
}

export function crashPlan(seed: number, products: number): PlannedAction[] {
  const scripts: OutboxAction[][] = Array.from({ length: products }, (_, i) => {
    const productId = productIdOf(i);
    return [
      { kind: 'comment', productId, comment: `first note on ${i}` },
      { kind: 'replace', productId, uid: originalUid(i), newUid: replacementUid(i), reason: 'Broken' },
      { kind: 'block', productId, uid: replacementUid(i), reason: 'Lost' },
      { kind: 'add', productId, uid: finalUid(i), reason: 'Found a band' },
      { kind: 'comment', productId, comment: `second note on ${i}` },
    ];
  });
  const random = mulberry32(seed);
  const next = scripts.map(() => 0);
  const plan: PlannedAction[] = [];
  const ready = (i: number) => {
    if (next[i]! >= 5) return false;
    // Product i (odd) adds the band product i-1 blocks: only after that block is queued.
    return !(i % 2 === 1 && next[i] === 3 && next[i - 1]! < 3);
  };
  while (plan.length < products * 5) {
    const candidates = scripts.map((_, i) => i).filter(ready);
    const i = candidates[Math.floor(random() * candidates.length)]!;
    plan.push({ id: `a${plan.length}`, action: scripts[i]![next[i]!]! });
    next[i]!++;
  }
  return plan;
}
