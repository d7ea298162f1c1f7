import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenActions } from '../../../src/main/actions/TokenActions';
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { OperatorSession } from '../../../src/main/operator/OperatorSession';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';
import { NOT_INVALIDATED, VenueManagerSimulator, generateDemoData } from '../../../src/main/venue-manager-simulator';
import type { SimulatorDigitalProduct } from '../../../src/main/venue-manager-simulator';
import { VenueManagerClient } from '../../../src/main/venue-manager/VenueManagerClient';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function setup() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  let clock = 1_000;
  const now = () => ++clock;
  const data = generateDemoData({ seed: 5, customers: 40 });
  const sim = new VenueManagerSimulator({ data, clock: () => new Date('2026-07-03T12:00:00Z') });
  const client = new VenueManagerClient({ baseUrl: await sim.start(0), authHeaders: () => ({}), getRetries: 0 });
  stops.push(async () => {
    await client.close();
    await sim.stop();
  });
  const audit = new AuditLog(db, now);
  const operators = new OperatorSession(db, now);
  // Runs just before a write leaves, to model another desk acting in between.
  const beforeWrite: { hook?: () => Promise<void> } = {};
  const racing = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]) => {
        if (['blockToken', 'replaceToken', 'addToken', 'comment'].includes(String(property))) await beforeWrite.hook?.();
        return method.apply(target, args);
      };
    },
  });
  const actions = new TokenActions({ client: () => racing, audit, operator: () => operators.requireName(), desk: () => 'Gate 3' });
  const products = data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
  const find = (test: (p: SimulatorDigitalProduct) => boolean) => products.find(test)!;
  const active = (p: SimulatorDigitalProduct) => p.tokens.filter((t) => t.invalidateTime === NOT_INVALIDATED);
  const valid = (p: SimulatorDigitalProduct) => p.invalidateTime === NOT_INVALIDATED;
  return { db, sim, client, beforeWrite, audit, operators, actions, find, active, valid };
}

const writes = (sim: VenueManagerSimulator) => sim.requests.filter((r) => r.method !== 'GET');

describe('TokenActions', () => {
  it('refuses everything until someone signs in, and sends nothing', async () => {
    const { actions, sim, find, valid, active } = await setup();
    const product = find((p) => valid(p) && active(p).length === 1);
    await expect(actions.block({ productId: product.id, uid: active(product)[0]!.uid, reason: 'Lost' })).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(sim.requests).toHaveLength(0);
  });

  it('block: sent once with the reason, audited before and after, answers with the new state', async () => {
    const { actions, sim, audit, operators, find, valid, active } = await setup();
    await operators.signIn('Mette Hansen', undefined);
    const product = find((p) => valid(p) && active(p).length === 1);
    const uid = active(product)[0]!.uid;
    const result = await actions.block({ productId: product.id, uid, reason: 'Stolen' });
    expect(result.match.product.tokens.find((t) => t.uid === uid)!.active).toBe(false);
    expect(writes(sim).map((r) => [r.method, JSON.parse(r.body) as unknown])).toEqual([['DELETE', { reason: 'Stolen' }]]);
    expect(audit.recent(1)[0]).toMatchObject({
      id: result.auditId,
      operator: 'Mette Hansen',
      desk: 'Gate 3',
      action: 'block',
      productId: product.id,
      uid,
      reason: 'Stolen',
      outcome: 'done',
      errorCode: null,
    });
  });

  it('a refusal the local rules know is audited as refused and never sent', async () => {
    const { actions, sim, audit, operators, find, valid } = await setup();
    await operators.signIn('Jan', undefined);
    const invalidated = find((p) => !valid(p));
    await expect(actions.comment({ productId: invalidated.id, comment: 'note' })).rejects.toMatchObject({
      code: 'VM_PRODUCT_INVALIDATED',
      details: { refusedLocally: true },
    });
    expect(writes(sim)).toHaveLength(0);
    expect(audit.recent(1)[0]).toMatchObject({ action: 'comment', outcome: 'refused', errorCode: 'VM_PRODUCT_INVALIDATED', reason: 'note' });
  });

  it('replace and add end in the state the desk wanted', async () => {
    const { actions, operators, find, valid, active } = await setup();
    await operators.signIn('Sanne', undefined);
    const product = find((p) => valid(p) && active(p).length === 1);
    const replaced = await actions.replace({ productId: product.id, uid: active(product)[0]!.uid, newUid: '04AAAA00000001', reason: 'Broken chip' });
    expect(replaced.match.product.tokens.filter((t) => t.active).map((t) => t.uid)).toEqual(['04AAAA00000001']);
    const bare = find((p) => valid(p) && active(p).length === 0);
    const added = await actions.add({ productId: bare.id, uid: '04AAAA00000002', reason: 'Print@home exchanged' });
    expect(added.match.product.tokens.filter((t) => t.active).map((t) => t.uid)).toEqual(['04AAAA00000002']);
    // The band now active on the first product cannot be added to a second one.
    const other = find((p) => p.id !== bare.id && valid(p) && active(p).length === 0);
    await expect(actions.add({ productId: other.id, uid: '04AAAA00000001', reason: 'x' })).rejects.toMatchObject({ code: 'VM_TOKEN_ACTIVE_ELSEWHERE' });
  });

  it('when the product cannot be read, nothing is attempted or sent', async () => {
    const { actions, sim, audit, operators, find, valid, active } = await setup();
    await operators.signIn('Jan', undefined);
    const product = find((p) => valid(p) && active(p).length === 1);
    const uid = active(product)[0]!.uid;
    await sim.stop(); // the server goes away between the check and the write: a network failure
    await expect(actions.block({ productId: product.id, uid, reason: 'Lost' })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(audit.recent()).toHaveLength(0); // the product could not even be read: nothing was attempted
  });
});

describe('TokenActions when another desk acts first', () => {
  it('a refusal from the server is audited as failed, with its code and words', async () => {
    const { actions, client, beforeWrite, audit, operators, find, valid, active } = await setup();
    await operators.signIn('Jan', undefined);
    const product = find((p) => valid(p) && active(p).length === 1);
    const uid = active(product)[0]!.uid;
    beforeWrite.hook = () => client.blockToken(product.id, uid, 'blocked at the other desk');
    await expect(actions.block({ productId: product.id, uid, reason: 'Lost' })).rejects.toMatchObject({ code: 'VM_TOKEN_ALREADY_BLOCKED' });
    expect(audit.recent(1)[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'VM_TOKEN_ALREADY_BLOCKED',
      serverMessage: 'Specified token UID is already blocked on the digital product.',
    });
  });
});

describe('OperatorSession', () => {
  it('signs in by name; a PIN chosen at first sign-in is required afterwards and stored hashed', async () => {
    const { operators, db } = await setup();
    expect(operators.current()).toBeNull();
    await operators.signIn('Søren Østergaard', '4711');
    expect(operators.current()).toMatchObject({ name: 'Søren Østergaard' });
    operators.signOut();
    expect(operators.current()).toBeNull();
    await expect(operators.signIn('søren østergaard', undefined)).rejects.toMatchObject({ code: 'OPERATOR_PIN_REQUIRED' });
    await expect(operators.signIn('Søren Østergaard', '1234')).rejects.toMatchObject({ code: 'OPERATOR_PIN_WRONG' });
    expect(operators.current()).toBeNull();
    await operators.signIn('SØREN ØSTERGAARD', '4711');
    expect(operators.current()).toMatchObject({ name: 'Søren Østergaard' });
    const stored = db.prepare('SELECT pin_hash FROM operators').pluck().get() as string;
    expect(stored).toMatch(/^scrypt:/);
    expect(stored).not.toContain('4711');
  });
});
