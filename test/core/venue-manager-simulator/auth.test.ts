import { describe, expect, it } from 'vitest';
import { documentedCustomer } from '../../../src/main/venue-manager-simulator';
import type { SimulatorAuth } from '../../../src/main/venue-manager-simulator';
import { useSimulators } from './helpers';

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface AuthCase {
  auth: SimulatorAuth;
  good: Record<string, string>;
  bad: Record<string, string>[];
  challenge: string | null;
}

const cases: AuthCase[] = [
  {
    auth: { kind: 'bearer', token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' },
    good: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' },
    bad: [{}, { authorization: 'Bearer wrong' }, { authorization: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' }, { authorization: basic('a', 'b') }],
    challenge: 'Bearer',
  },
  {
    auth: { kind: 'basic', username: 'desk1', password: 'pæssword:with colon' },
    good: { authorization: basic('desk1', 'pæssword:with colon') },
    bad: [{}, { authorization: basic('desk1', 'wrong') }, { authorization: basic('desk2', 'pæssword:with colon') }, { authorization: 'Bearer x' }],
    challenge: 'Basic realm="Venue Manager", charset="UTF-8"',
  },
  {
    auth: { kind: 'header', name: 'X-Api-Key', value: 'k-123' },
    good: { 'x-api-key': 'k-123' },
    bad: [{}, { 'x-api-key': 'k-124' }, { authorization: 'Bearer k-123' }],
    challenge: null,
  },
];

describe('authentication (undocumented; configured per kind)', () => {
  const start = useSimulators();

  for (const c of cases) {
    it(`${c.auth.kind}: 401 without the right credentials, 200 with them`, async () => {
      const { base } = await start({ data: [documentedCustomer()], errorBodyStyle: 'json' });
      const secured = await start({ data: [documentedCustomer()], auth: c.auth, errorBodyStyle: 'json' });
      for (const headers of c.bad) {
        const res = await fetch(`${secured.base}/products/457`, { headers });
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(await res.json()).toEqual({ error: 'Unauthorized' });
        expect(res.headers.get('www-authenticate')).toBe(c.challenge);
      }
      const ok = await fetch(`${secured.base}/products/457`, { headers: c.good });
      expect(ok.status).toBe(200);

      // Refused requests are recorded too, and a refused write changes nothing.
      const write = await fetch(`${secured.base}/products/457/tokens/8768765876875`, { method: 'DELETE' });
      expect(write.status).toBe(401);
      expect(secured.sim.customers()).toEqual([documentedCustomer()]);
      expect(secured.sim.requests.map((r) => r.status)).toEqual([...c.bad.map(() => 401), 200, 401]);
      const recordedGood = secured.sim.requests[c.bad.length]?.headers;
      for (const [name, value] of Object.entries(c.good)) expect(recordedGood?.[name]).toBe(value);

      // Without configured auth anything goes.
      expect((await fetch(`${base}/products/457`)).status).toBe(200);
    });
  }

  it('checks credentials before routing, so unknown paths also get 401', async () => {
    const { base } = await start({ data: [], auth: { kind: 'bearer', token: 't' } });
    expect((await fetch(`${base}/nowhere`)).status).toBe(401);
    expect((await fetch(`${base}/nowhere`, { headers: { authorization: 'Bearer t' } })).status).toBe(404);
  });
});
