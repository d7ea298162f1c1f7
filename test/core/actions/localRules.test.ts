import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRefusal, blockRefusal, commentRefusal, replaceRefusal } from '../../../src/main/actions/LocalRules';
import { VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import { ownerMatchFromHistory, ownerMatchesForUid } from '../../../src/main/venue-manager/productView';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';
import { AppError } from '../../../src/shared/errors';

/**
 * The local rules must refuse exactly what the server refuses, with the same code. Random
 * actions on random products are judged by the rules and then sent to the simulator (which
 * enforces the documented rules) without the rules in between; the two must agree.
 */
const seed = Number(process.env.WRISTDESK_TEST_SEED ?? 20261123);
function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let sim: VenueManagerSimulator;
let client: VenueManagerClient;
const data = generateDemoData({ seed: 3, customers: 60 });

beforeAll(async () => {
  sim = new VenueManagerSimulator({ data, clock: () => new Date('2026-07-03T12:00:00Z'), recordRequests: false });
  client = new VenueManagerClient({ baseUrl: await sim.start(0), authHeaders: () => ({}), getRetries: 0 });
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});

async function outcome(send: () => Promise<void>): Promise<string | undefined> {
  try {
    await send();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe(`local rules agree with the server (seed ${seed}; rerun with WRISTDESK_TEST_SEED)`, () => {
  it('on 300 random actions', async () => {
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const productIds = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.map((p) => p.id)));
    const allUids = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.flatMap((p) => p.tokens.map((t) => t.uid))));
    let fresh = 0;
    const freshUid = () => `04C0FFEE${String(++fresh).padStart(6, '0')}`;
    const seen = new Set<string>();

    for (let i = 0; i < 300; i++) {
      const productId = pick(productIds);
      const product = ownerMatchFromHistory(await client.productHistory(productId))!.product;
      const ownUids = product.tokens.map((t) => t.uid);
      const someUid = () => (random() < 0.5 && ownUids.length > 0 ? pick(ownUids) : random() < 0.6 ? pick(allUids) : freshUid());
      const elsewhere = async (uid: string) =>
        ownerMatchesForUid(await client.search({ tokenUid: uid }), uid).some(
          (m) => m.product.id !== productId && m.product.tokens.some((t) => t.active && t.uid.toUpperCase() === uid.toUpperCase()),
        );
      const kind = pick(['block', 'replace', 'add', 'comment'] as const);
      let local: string | undefined;
      let server: string | undefined;
      let label: string;
      if (kind === 'block') {
        const uid = someUid();
        label = `block ${uid} on ${productId}`;
        local = blockRefusal(product, uid);
        server = await outcome(() => client.blockToken(productId, uid, 'test'));
      } else if (kind === 'replace') {
        const uid = someUid();
        const newUid = random() < 0.3 ? pick(allUids) : freshUid();
        label = `replace ${uid} by ${newUid} on ${productId}`;
        local = replaceRefusal(product, uid, newUid, await elsewhere(newUid));
        server = await outcome(() => client.replaceToken(productId, uid, newUid, 'test'));
      } else if (kind === 'add') {
        const uid = random() < 0.4 ? pick(allUids) : freshUid();
        label = `add ${uid} to ${productId}`;
        local = addRefusal(product, uid, await elsewhere(uid));
        server = await outcome(() => client.addToken(productId, uid, 'test'));
      } else {
        label = `comment on ${productId}`;
        local = commentRefusal(product, 'note');
        server = await outcome(() => client.comment(productId, 'note'));
      }
      expect(local, `${label} (seed ${seed}, step ${i})`).toBe(server);
      seen.add(`${kind}:${server ?? 'ok'}`);
    }
    // The walk must have met both successes and refusals of every kind, or it proves little.
    for (const kind of ['block', 'replace', 'add', 'comment']) {
      expect([...seen].some((s) => s === `${kind}:ok`), `${kind} succeeded at least once`).toBe(true);
      expect([...seen].some((s) => s.startsWith(`${kind}:VM_`)), `${kind} was refused at least once`).toBe(true);
    }
  });

  it('empty inputs are refused like the server does', () => {
    const product = { id: 1, name: null, alias: null, barcode: null, imageUrl: null, invalidatedAt: null, valid: true, tokens: [], events: [] };
    expect(addRefusal(product, ' ', false)).toBe('VM_NO_UID');
    expect(replaceRefusal(product, 'A', '', false)).toBe('VM_NO_NEW_UID');
    expect(commentRefusal(product, '\n ')).toBe('VM_EMPTY_COMMENT');
  });
});
