import type { OutboxAction } from '../../../src/main/outbox/OutboxItem';
import type { RecordedRequest, SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
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

/** The request that carries a planned action, as `method path?query` (comments: with their text). */
export function plannedKey(action: OutboxAction): string {
  const base = `/api/digital_product/products/${action.productId}`;
  switch (action.kind) {
    case 'block':
      return `DELETE ${base}/tokens/${action.uid}`;
    case 'replace':
      return `PUT ${base}/tokens/${action.uid}?newUid=${action.newUid}`;
    case 'add':
      return `POST ${base}/tokens?uid=${action.uid}`;
    case 'comment':
      return `POST ${base}/comment ${action.comment}`;
  }
}

/** The same key, for a request the simulator recorded. */
export function requestKey(r: Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>): string {
  if (r.path.endsWith('/comment')) return `POST ${r.path} ${(JSON.parse(r.body) as { comment: string }).comment}`;
  const query = r.query.newUid !== undefined ? `?newUid=${r.query.newUid}` : r.query.uid !== undefined ? `?uid=${r.query.uid}` : '';
  return `${r.method} ${r.path}${query}`;
}

/** What the checks read from the simulator after the run. */
export interface ServerAfterRun {
  requests: readonly RecordedRequest[];
  comments: readonly { comment: string }[];
  customers: readonly SimulatorCustomer[];
}

/** One outbox row, as the checks read it from the database. */
export interface OutboxRow {
  id: string;
  kind: string;
  state: string;
  outcome: string | null;
  possible_duplicate: number;
  reason: string;
}

export interface RunReport {
  /** Empty when the run kept every promise; else one line per broken one. */
  problems: string[];
  outcomes: Record<string, number>;
  /** Comment texts on the server more than once (each flagged "may be duplicated"). */
  duplicatedComments: number;
  /** Comments confirmed from the history after a lost answer. */
  commentsConfirmed: number;
}

/**
 * Checks a finished run of the plan, end to end: every block/add/replace accepted (204) exactly
 * once and the final state as planned; every comment on the server at least once, more than
 * once only when its item is flagged possible_duplicate (and never when the history shows
 * comments); no write refused (nothing resent blindly); every item done, every audit row closed.
 */
export function checkRun(
  plan: readonly PlannedAction[],
  products: number,
  server: ServerAfterRun,
  rows: readonly OutboxRow[],
  audit: readonly { outcome: string | null }[],
  historyShowsComments: boolean,
): RunReport {
  const problems: string[] = [];
  const accepted = new Map<string, number>();
  for (const r of server.requests) {
    if (r.method === 'GET') continue;
    if (r.status >= 400 && r.status < 500) problems.push(`write refused with ${r.status} (resent blindly?): ${requestKey(r)}`);
    if (r.status === 204) accepted.set(requestKey(r), (accepted.get(requestKey(r)) ?? 0) + 1);
  }
  const planned = new Set(plan.map((p) => plannedKey(p.action)));
  for (const key of accepted.keys()) if (!planned.has(key)) problems.push(`accepted but never planned: ${key}`);

  const byId = new Map(rows.map((row) => [row.id, row]));
  const onServer = new Map<string, number>();
  for (const c of server.comments) onServer.set(c.comment, (onServer.get(c.comment) ?? 0) + 1);
  let duplicatedComments = 0;
  for (const { id, action } of plan) {
    const key = plannedKey(action);
    const times = accepted.get(key) ?? 0;
    const row = byId.get(id);
    if (row === undefined) {
      problems.push(`${id} (${key}) is not in the outbox`);
      continue;
    }
    if (action.kind !== 'comment') {
      if (times !== 1) problems.push(`${id} ${key}: accepted ${times} times, not once`);
      continue;
    }
    const present = onServer.get(action.comment) ?? 0;
    if (present === 0 || times === 0) problems.push(`${id} comment "${action.comment}" lost (on the server ${present}, accepted ${times})`);
    if (present > 1 || times > 1) {
      duplicatedComments++;
      if (historyShowsComments) problems.push(`${id} comment "${action.comment}" is there ${present} times although the history shows comments`);
      else if (row.possible_duplicate !== 1) problems.push(`${id} comment "${action.comment}" is there ${present} times, not flagged`);
    }
  }
  if (rows.length !== plan.length) problems.push(`outbox holds ${rows.length} items, the plan ${plan.length}`);

  const tokens = new Map(server.customers.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts)).map((p) => [p.id, p.tokens]));
  for (let i = 0; i < products; i++) {
    const all = tokens.get(productIdOf(i))?.map((t) => t.uid) ?? [];
    const active = tokens.get(productIdOf(i))?.filter((t) => t.invalidateTime === 'null').map((t) => t.uid) ?? [];
    const wanted = [originalUid(i), replacementUid(i), finalUid(i)];
    if (all.join() !== wanted.join() || active.join() !== finalUid(i)) {
      problems.push(`product ${productIdOf(i)} ends with tokens ${all.join(',')} (active ${active.join(',')}), wanted ${wanted.join(',')} (active ${finalUid(i)})`);
    }
  }

  const outcomes: Record<string, number> = {};
  let commentsConfirmed = 0;
  for (const row of rows) {
    outcomes[row.outcome ?? row.state] = (outcomes[row.outcome ?? row.state] ?? 0) + 1;
    const allowed = row.outcome === 'sent' || row.outcome === 'already-applied' || (row.outcome === 'possible-duplicate' && row.kind === 'comment' && !historyShowsComments);
    if (row.state !== 'done' || !allowed) problems.push(`${row.id} (${row.kind}) ended ${row.state}/${row.outcome ?? '-'}`);
    if ((row.possible_duplicate === 1) !== (row.outcome === 'possible-duplicate')) problems.push(`${row.id}: flag and outcome disagree`);
    if (row.kind === 'comment' && row.outcome === 'already-applied') commentsConfirmed++;
  }
  const open = audit.filter((a) => a.outcome === null).length;
  if (open > 0) problems.push(`${open} audit rows without an outcome`);
  if (audit.length !== plan.length) problems.push(`${audit.length} audit rows for ${plan.length} actions`);
  if (audit.some((a) => a.outcome !== null && a.outcome !== 'done')) problems.push('an audit row ended other than done');
  return { problems, outcomes, duplicatedComments, commentsConfirmed };
}

/** The rows checkRun reads, from a database holding the outbox and audit tables. */
export function readRows(db: { prepare: (sql: string) => { all: () => unknown[] } }): { rows: OutboxRow[]; audit: { outcome: string | null }[] } {
  return {
    rows: db.prepare('SELECT id, kind, state, outcome, possible_duplicate, reason FROM outbox ORDER BY seq').all() as OutboxRow[],
    audit: db.prepare('SELECT outcome FROM audit ORDER BY id').all() as { outcome: string | null }[],
  };
}
