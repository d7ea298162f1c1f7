import { describe, expect, it } from 'vitest';
import { OutboxWatch } from '../../../src/main/outbox/OutboxWatch';
import { optimisticProduct } from '../../../src/shared/optimisticProduct';
import type { ProductView } from '../../../src/shared/model';
import { ManualScheduler } from '../../support/ManualScheduler';
import { actor, memoryOutbox } from './helpers';

describe('OutboxWatch: the desk waits briefly for the first word on its action', () => {
  it('settled, waiting (a failed try), or timeout — whichever comes first; later words change nothing', async () => {
    const { outbox } = memoryOutbox();
    const scheduler = new ManualScheduler();
    const watch = new OutboxWatch(scheduler.schedule);
    const a = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'a' }, actor);
    const b = outbox.enqueue({ kind: 'comment', productId: 2, comment: 'b' }, actor);
    const c = outbox.enqueue({ kind: 'comment', productId: 3, comment: 'c' }, actor);
    const words = [watch.firstWord(a.id, 1000), watch.firstWord(b.id, 1000), watch.firstWord(c.id, 1000)];

    watch.changed(outbox.settle(a.id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'ok' }));
    outbox.markRetry(b.id, { nextAttemptAt: 5, mayHaveApplied: false, error: { code: 'NETWORK', message: 'down' } });
    watch.changed(outbox.get(b.id));
    await scheduler.advance(1000);
    watch.changed(outbox.settle(c.id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'late' }));

    const [first, second, third] = await Promise.all(words);
    expect(first).toMatchObject({ kind: 'settled', item: { id: a.id, state: 'done' } });
    expect(second).toMatchObject({ kind: 'waiting', item: { id: b.id, state: 'pending' } });
    expect(third).toEqual({ kind: 'timeout' });
    expect(scheduler.pendingCount).toBe(0);
  });
});

describe('OutboxWatch with the same submission twice', () => {
  it('both waiters hear the first word', async () => {
    const { outbox } = memoryOutbox();
    const scheduler = new ManualScheduler();
    const watch = new OutboxWatch(scheduler.schedule);
    const item = outbox.enqueue({ kind: 'comment', productId: 1, comment: 'a' }, actor);
    const first = watch.firstWord(item.id, 1000);
    const second = watch.firstWord(item.id, 1000);
    watch.changed(outbox.settle(item.id, { state: 'done', outcome: 'sent', decision: 'sent', decisionReason: 'ok' }));
    expect((await first).kind).toBe('settled');
    expect((await second).kind).toBe('settled');
    expect(scheduler.pendingCount).toBe(0);
  });
});

describe('optimisticProduct: the product as it will be once the queue is sent', () => {
  const product: ProductView = {
    id: 1,
    name: 'Pass',
    alias: null,
    barcode: null,
    imageUrl: null,
    invalidatedAt: null,
    valid: true,
    tokens: [{ uid: '04AA', insertedAt: '2026-07-01 10:00:00', blockedAt: null, active: true }],
    events: [],
  };

  it('applies block, replace and add in queue order, marks what is pending, ignores other products and comments', () => {
    const expected = optimisticProduct(product, [
      { kind: 'comment', productId: 1, comment: 'x' },
      { kind: 'replace', productId: 1, uid: '04aa', newUid: '04BB', reason: 'Broken' },
      { kind: 'block', productId: 2, uid: '04BB', reason: 'other product' },
      { kind: 'block', productId: 1, uid: '04BB', reason: 'Lost' },
      { kind: 'add', productId: 1, uid: '04CC', reason: 'Found' },
    ]);
    expect(expected.tokens.map((t) => [t.uid, t.active, t.pendingChange])).toEqual([
      ['04AA', false, 'block'],
      ['04BB', false, 'block'],
      ['04CC', true, 'add'],
    ]);
    expect(optimisticProduct(product, []).tokens).toEqual([{ ...product.tokens[0], pendingChange: null }]);
  });
});
