import { describe, expect, it } from 'vitest';
import { TokenActions } from '../../../src/main/actions/TokenActions';
import { OperatorSession } from '../../../src/main/operator/OperatorSession';
import { AppError } from '../../../src/shared/errors';
import type { OwnerMatch } from '../../../src/shared/model';
import { memoryOutbox } from '../outbox/helpers';

function product(id: number, tokens: { uid: string; active: boolean }[], valid = true): OwnerMatch {
  return {
    customerId: 1,
    orderId: 10,
    orderAuthorizedAt: null,
    address: { name: 'Guest', company: null, street: null, zipCode: null, city: null, countryCode: null, email: null, phone: null },
    product: {
      id,
      name: 'Pass',
      alias: null,
      barcode: null,
      imageUrl: null,
      invalidatedAt: valid ? null : '2026-07-01 10:00:00',
      valid,
      tokens: tokens.map((t) => ({ uid: t.uid, insertedAt: '2026-07-01 10:00:00', blockedAt: t.active ? null : '2026-07-02 10:00:00', active: t.active })),
      events: [],
    },
  };
}

function setup(known: OwnerMatch[], options: { reachable?: boolean } = {}) {
  const { db, outbox, audit } = memoryOutbox();
  const operators = new OperatorSession(db, () => 1);
  const reads: number[] = [];
  const actions = new TokenActions({
    productState: (productId) => {
      reads.push(productId);
      const match = known.find((m) => m.product.id === productId);
      if (options.reachable === false) return Promise.resolve(match === undefined ? undefined : { match, cachedAt: 5, fetchedAt: 5 });
      if (match === undefined) return Promise.reject(new AppError('VM_UNKNOWN_PRODUCT', 'unknown'));
      return Promise.resolve({ match, fetchedAt: 2_000_000 });
    },
    productsWithUid: (uid) =>
      Promise.resolve({
        matches: known.filter((m) => m.product.tokens.some((t) => t.uid === uid)),
        ...(options.reachable === false ? { seenAt: 5 } : {}),
      }),
    // As the core does: what is queued, and on an older copy what Venue Manager accepted since.
    queuedOn: (productId, seenAt) => [
      ...(seenAt === undefined ? [] : outbox.sentSince(productId, seenAt)),
      ...outbox.pendingFor(productId),
    ].map((item) => item.action),
    outbox,
    audit,
    operator: () => operators.requireName(),
    desk: () => 'Gate 3',
  });
  return { db, outbox, audit, operators, actions, reads };
}

describe('TokenActions: checked against what the desk expects, then queued', () => {
  it('refuses everything until someone signs in, and queues nothing', async () => {
    const { actions, outbox } = setup([product(1, [{ uid: 'A1', active: true }])]);
    await expect(actions.block({ productId: 1, uid: 'A1', reason: 'Lost' })).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(outbox.list()).toHaveLength(0);
  });

  it('block: queued with its audit row (operator, desk, reason), the audit open until the replayer ends it', async () => {
    const { actions, outbox, audit, operators } = setup([product(1, [{ uid: 'A1', active: true }])]);
    await operators.signIn('Mette Hansen', undefined);
    const { item, before } = await actions.block({ productId: 1, uid: 'A1', reason: 'Stolen' });
    expect(before?.match.product.id).toBe(1);
    expect(outbox.list()).toEqual([expect.objectContaining({ id: item.id, state: 'pending', action: { kind: 'block', productId: 1, uid: 'A1', reason: 'Stolen' } })]);
    expect(audit.recent(1)[0]).toMatchObject({
      id: item.auditId,
      operator: 'Mette Hansen',
      desk: 'Gate 3',
      action: 'block',
      productId: 1,
      uid: 'A1',
      reason: 'Stolen',
      outcome: null,
    });
  });

  it('a refusal the local rules know is audited as refused and never queued', async () => {
    const { actions, outbox, audit, operators } = setup([product(2, [], false)]);
    await operators.signIn('Jan', undefined);
    await expect(actions.comment({ productId: 2, comment: 'note' })).rejects.toMatchObject({
      code: 'VM_PRODUCT_INVALIDATED',
      details: { refusedLocally: true },
    });
    expect(outbox.list()).toHaveLength(0);
    expect(audit.recent(1)[0]).toMatchObject({ action: 'comment', outcome: 'refused', errorCode: 'VM_PRODUCT_INVALIDATED', reason: 'note' });
  });

  it('actions already queued count: a band blocked in the queue is free, a band added in the queue is taken', async () => {
    const { actions, operators } = setup([product(1, [{ uid: 'X', active: true }]), product(2, []), product(3, [])], { reachable: false });
    await operators.signIn('Sanne', undefined);
    // Offline: block X on 1, then X may go on 2 (the server will see them in this order).
    await actions.block({ productId: 1, uid: 'X', reason: 'Lost' });
    await expect(actions.block({ productId: 1, uid: 'X', reason: 'again' })).rejects.toMatchObject({ code: 'VM_TOKEN_ALREADY_BLOCKED' });
    await actions.add({ productId: 2, uid: 'X', reason: 'Found' });
    // X is now (in the queue) on 2: not on 3 too, and 2 has its active band.
    await expect(actions.add({ productId: 3, uid: 'X', reason: 'x' })).rejects.toMatchObject({ code: 'VM_TOKEN_ACTIVE_ELSEWHERE' });
    await expect(actions.add({ productId: 2, uid: 'Y', reason: 'x' })).rejects.toMatchObject({ code: 'VM_PRODUCT_HAS_ACTIVE_TOKEN' });
  });

  it('a band queued onto a product this desk never saw it on is taken too', async () => {
    const { actions, operators } = setup([product(2, []), product(3, [])], { reachable: false });
    await operators.signIn('Sanne', undefined);
    await actions.add({ productId: 2, uid: '04AB', reason: 'New band' });
    await expect(actions.replace({ productId: 3, uid: 'none', newUid: '04ab', reason: 'x' })).rejects.toMatchObject({ code: 'VM_UNKNOWN_TOKEN' });
    const { actions: again, operators: ops } = setup([product(2, []), product(3, [{ uid: 'B', active: true }])], { reachable: false });
    await ops.signIn('Sanne', undefined);
    await again.add({ productId: 2, uid: '04AB', reason: 'New band' });
    await expect(again.replace({ productId: 3, uid: 'B', newUid: '04ab', reason: 'x' })).rejects.toMatchObject({ code: 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE' });
  });

  it('on a cached copy older than an accepted block, the band counts as blocked (it may go elsewhere)', async () => {
    const { actions, operators, outbox } = setup([product(1, [{ uid: 'X', active: true }]), product(2, [])], { reachable: false });
    await operators.signIn('Sanne', undefined);
    const { item } = await actions.block({ productId: 1, uid: 'X', reason: 'Lost' });
    outbox.markSending(item.id);
    outbox.settle(item.id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'accepted' });
    // The cache still says X is active on 1 (fetched at 5, before the block was accepted).
    await expect(actions.block({ productId: 1, uid: 'X', reason: 'again' })).rejects.toMatchObject({ code: 'VM_TOKEN_ALREADY_BLOCKED' });
    await expect(actions.add({ productId: 2, uid: 'X', reason: 'Found' })).resolves.toMatchObject({ item: { state: 'pending' } });
  });

  it('the same submission twice (requestId) is queued once', async () => {
    const { actions, operators, outbox } = setup([product(1, [{ uid: 'A1', active: true }])]);
    await operators.signIn('Jan', undefined);
    const first = await actions.comment({ productId: 1, comment: 'Called back', requestId: 'submission-0001' });
    const again = await actions.comment({ productId: 1, comment: 'Called back', requestId: 'submission-0001' });
    expect(again.item.id).toBe(first.item.id);
    expect(first.item.id).toBe('submission-0001');
    expect(outbox.list()).toHaveLength(1);
  });

  it('offline with nothing known of the product: queued unchecked (the replayer decides), never lost', async () => {
    const { actions, outbox, operators } = setup([], { reachable: false });
    await operators.signIn('Jan', undefined);
    const { before } = await actions.comment({ productId: 77, comment: 'Guest called' });
    expect(before).toBeUndefined();
    expect(outbox.list().map((i) => i.action)).toEqual([{ kind: 'comment', productId: 77, comment: 'Guest called' }]);
  });

  it('an error other than "unreachable" (unknown product) is the answer: nothing queued', async () => {
    const { actions, outbox, operators } = setup([]);
    await operators.signIn('Jan', undefined);
    await expect(actions.comment({ productId: 77, comment: 'x' })).rejects.toMatchObject({ code: 'VM_UNKNOWN_PRODUCT' });
    expect(outbox.list()).toHaveLength(0);
  });

  it('edit: checked like a new action, then the old item is closed as replaced and the new one queued', async () => {
    const { actions, outbox, operators } = setup([product(1, [{ uid: 'A1', active: true }]), product(2, [{ uid: 'Z', active: true }])]);
    await operators.signIn('Jan', undefined);
    const { item } = await actions.replace({ productId: 1, uid: 'A1', newUid: 'N1', reason: 'Broken' });
    outbox.settle(item.id, { state: 'conflict', outcome: 'conflict', decision: 'refused-different-state', decisionReason: 'refused', error: { code: 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE', message: 'in use' } });
    await expect(actions.edit(item.id, { kind: 'replace', productId: 1, uid: 'A1', newUid: 'Z', reason: 'Broken' })).rejects.toMatchObject({
      code: 'VM_NEW_TOKEN_ACTIVE_ELSEWHERE',
    });
    expect(outbox.get(item.id).state).toBe('conflict');
    const { item: edited } = await actions.edit(item.id, { kind: 'replace', productId: 1, uid: 'A1', newUid: 'N2', reason: 'Broken' });
    expect(outbox.get(item.id)).toMatchObject({ state: 'discarded', decidedBy: 'Jan', decisionReason: `edited: replaced by ${edited.id}` });
    expect(edited).toMatchObject({ state: 'pending', action: { kind: 'replace', newUid: 'N2' } });
  });
});

describe('OperatorSession', () => {
  it('signs in by name; a PIN chosen at first sign-in is required afterwards and stored hashed', async () => {
    const { operators, db } = setup([]);
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
