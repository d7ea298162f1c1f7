import { beforeEach, describe, expect, it } from 'vitest';
import type { SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
import { UID, documentedErrorBody, fixture, jsonBody, ruleWorld, useSimulators } from './helpers';

/** One real scenario per documented error message, each asserting status and the exact body. */
interface Case {
  message: string;
  status: 400 | 403 | 404;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  init?: RequestInit;
}

const cases: Case[] = [
  { message: 'No arguments specified', status: 400, method: 'GET', path: '/products' },
  { message: 'Unknown digital product ID.', status: 404, method: 'GET', path: '/products/999' },
  {
    message: 'No empty comments!',
    status: 403,
    method: 'POST',
    path: '/products/10/comment',
    init: jsonBody({ comment: '   ' }),
  },
  {
    message: 'No UID specified.',
    status: 403,
    method: 'POST',
    path: '/products/11/tokens',
    init: jsonBody({ reason: 'Print@Home ticket replaced with chip' }),
  },
  {
    message: 'No newUid specified.',
    status: 403,
    method: 'PUT',
    path: `/products/10/tokens/${UID.active}`,
    init: jsonBody({ reason: 'Chip cannot be read by scanners' }),
  },
  {
    message: 'Specified token UID is already blocked on the digital product.',
    status: 403,
    method: 'DELETE',
    path: `/products/13/tokens/${UID.blocked}`,
    init: jsonBody({ reason: 'Card reported stolen.' }),
  },
  {
    message: 'The digital product already has an active token.',
    status: 403,
    method: 'POST',
    path: `/products/10/tokens?uid=${UID.fresh}`,
  },
  {
    message: 'The digital product has more than one active token.',
    status: 403,
    method: 'PUT',
    path: `/products/14/tokens/${UID.twinA}?newUid=${UID.fresh}`,
  },
  {
    message: 'The digital product is invalidated.',
    status: 403,
    method: 'POST',
    path: `/products/12/tokens?uid=${UID.fresh}`,
  },
  {
    message: 'Token is active on another digital product.',
    status: 403,
    method: 'POST',
    path: `/products/11/tokens?uid=${UID.elsewhere}`,
  },
  {
    message: 'New token is active on another digital product.',
    status: 403,
    method: 'PUT',
    path: `/products/10/tokens/${UID.active}?newUid=${UID.elsewhere}`,
  },
  {
    message: 'Unknown token UID for the digital product.',
    status: 404,
    method: 'DELETE',
    path: `/products/10/tokens/${UID.unknown}`,
  },
];

describe('documented error messages', () => {
  const start = useSimulators();

  it('has one scenario for every message in documented-errors.json, and no other', () => {
    const documented = JSON.parse(fixture('documented-errors.json')) as string[];
    expect(documented).toHaveLength(12);
    expect(cases.map((c) => c.message).sort()).toEqual([...documented].sort());
  });

  for (const c of cases) {
    it(`${c.status} "${c.message}" (${c.method} ${c.path})`, async () => {
      const { sim, base } = await start({ data: ruleWorld() });
      const before = sim.customers();
      const res = await fetch(`${base}${c.path}`, { method: c.method, ...c.init });
      expect(res.status).toBe(c.status);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.text()).toBe(documentedErrorBody(c.message));
      // A refusal never changes anything.
      expect(sim.customers()).toEqual(before);
    });
  }
});

describe('documented errors in other situations', () => {
  const start = useSimulators();
  let base = '';
  let before: SimulatorCustomer[] = [];
  let current: () => SimulatorCustomer[] = () => [];

  beforeEach(async () => {
    const running = await start({ data: ruleWorld(), errorBodyStyle: 'json' });
    base = running.base;
    before = running.sim.customers();
    current = () => running.sim.customers();
  });

  async function expectError(path: string, init: RequestInit, status: number, message: string): Promise<void> {
    const res = await fetch(`${base}${path}`, init);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: message });
    expect(current()).toEqual(before);
  }

  it('refuses every write on an unknown product with 404 Unknown digital product ID.', async () => {
    const msg = 'Unknown digital product ID.';
    await expectError(`/products/999/comment`, { method: 'POST', ...jsonBody({ comment: 'hi' }) }, 404, msg);
    await expectError(`/products/999/tokens?uid=${UID.fresh}`, { method: 'POST' }, 404, msg);
    await expectError(`/products/999/tokens/${UID.active}`, { method: 'DELETE' }, 404, msg);
    await expectError(`/products/999/tokens/${UID.active}?newUid=${UID.fresh}`, { method: 'PUT' }, 404, msg);
  });

  it('treats non-integer product ids as unknown products', async () => {
    const msg = 'Unknown digital product ID.';
    for (const id of ['abc', '1.5', '-10', '1e3', '%20', '99999999999999999999']) {
      await expectError(`/products/${id}`, { method: 'GET' }, 404, msg);
    }
    await expectError(`/products/x10/tokens/${UID.active}`, { method: 'DELETE' }, 404, msg);
    await expectError(`/products/ten/comment`, { method: 'POST', ...jsonBody({ comment: 'hi' }) }, 404, msg);
  });

  it('refuses a comment on an invalidated product', async () => {
    await expectError('/products/12/comment', { method: 'POST', ...jsonBody({ comment: 'hi' }) }, 403, 'The digital product is invalidated.');
  });

  it('refuses a replace on an invalidated product', async () => {
    await expectError(
      `/products/12/tokens/${UID.onInvalidated}?newUid=${UID.fresh}`,
      { method: 'PUT' },
      403,
      'The digital product is invalidated.',
    );
  });

  it('refuses a missing, null or empty comment as an empty comment', async () => {
    const msg = 'No empty comments!';
    await expectError('/products/10/comment', { method: 'POST' }, 403, msg);
    await expectError('/products/10/comment', { method: 'POST', ...jsonBody({}) }, 403, msg);
    await expectError('/products/10/comment', { method: 'POST', ...jsonBody({ comment: null }) }, 403, msg);
    await expectError('/products/10/comment', { method: 'POST', ...jsonBody({ comment: '' }) }, 403, msg);
  });

  it('refuses an empty or blank uid / newUid like a missing one', async () => {
    await expectError('/products/11/tokens?uid=', { method: 'POST' }, 403, 'No UID specified.');
    await expectError('/products/11/tokens?uid=%20%20', { method: 'POST' }, 403, 'No UID specified.');
    await expectError(`/products/10/tokens/${UID.active}?newUid=`, { method: 'PUT' }, 403, 'No newUid specified.');
  });

  it('refuses a replace of an unknown or already blocked token', async () => {
    await expectError(
      `/products/10/tokens/${UID.unknown}?newUid=${UID.fresh}`,
      { method: 'PUT' },
      404,
      'Unknown token UID for the digital product.',
    );
    await expectError(
      `/products/13/tokens/${UID.blocked}?newUid=${UID.fresh}`,
      { method: 'PUT' },
      403,
      'Specified token UID is already blocked on the digital product.',
    );
  });

  it('does not let a token of another product be blocked through this product', async () => {
    await expectError(`/products/10/tokens/${UID.elsewhere}`, { method: 'DELETE' }, 404, 'Unknown token UID for the digital product.');
  });

  it('counts street alone as no criterion', async () => {
    await expectError('/products?street=Festivalvej%201', { method: 'GET' }, 400, 'No arguments specified');
    await expectError('/products?name=&company=%20', { method: 'GET' }, 400, 'No arguments specified');
  });
});
