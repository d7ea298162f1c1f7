import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { NOT_INVALIDATED, VenueManagerSimulator } from '../../../src/main/venue-manager-simulator';
import type {
  SimulatorAddress,
  SimulatorCustomer,
  SimulatorDigitalProduct,
  SimulatorToken,
  VenueManagerSimulatorOptions,
} from '../../../src/main/venue-manager-simulator';

const FIXTURES = fileURLToPath(new URL('../../fixtures/venue-manager/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** 12:34:56 UTC is 14:34:56 in Copenhagen in July (CEST): proves times are venue wall clock. */
export const FIXED_NOW = new Date('2026-07-03T12:34:56Z');
export const FIXED_VENUE_TIME = '2026-07-03 14:34:56';
export const fixedClock = (): Date => new Date(FIXED_NOW);

export interface Running {
  sim: VenueManagerSimulator;
  base: string;
}

/** Starts simulators on port 0 and stops every one of them after each test. */
export function useSimulators(): (options: VenueManagerSimulatorOptions) => Promise<Running> {
  const running: VenueManagerSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.stop()));
  });
  return async (options) => {
    const sim = new VenueManagerSimulator({ clock: fixedClock, ...options });
    running.push(sim);
    return { sim, base: await sim.start(0) };
  };
}

/** Reads the message out of either error style (the documented loose one or strict JSON). */
export function errorMessage(body: string): string | undefined {
  const match = /error"?\s*:\s*("(?:[^"\\]|\\.)*")/.exec(body);
  return match?.[1] === undefined ? undefined : (JSON.parse(match[1]) as string);
}

export function documentedErrorBody(message: string): string {
  return `{\n        error: "${message}"\n    }\n`;
}

export function jsonBody(value: unknown): RequestInit {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

// ---- small builders for hand-made scenarios ------------------------------------------------

export function address(name: string, extra: Partial<SimulatorAddress> = {}): SimulatorAddress {
  return {
    name,
    company: extra.company ?? '',
    street: extra.street ?? 'Festivalvej 1',
    zipCode: extra.zipCode ?? '4000',
    city: extra.city ?? 'Roskilde',
    countryCode: extra.countryCode ?? 'DK',
    email: extra.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.dk`,
    phone: extra.phone ?? '+45 12345678',
  };
}

export function token(uid: string, blockedAt?: string): SimulatorToken {
  return { uid, insertTime: '2026-05-01 10:00:00', invalidateTime: blockedAt ?? NOT_INVALIDATED };
}

export function product(
  id: number,
  options: { tokens?: SimulatorToken[]; invalidatedAt?: string; barcode?: string; name?: string } = {},
): SimulatorDigitalProduct {
  return {
    id,
    name: options.name ?? 'Partoutarmbånd',
    invalidateTime: options.invalidatedAt ?? NOT_INVALIDATED,
    productImageUrl: 'https://placecats.com/300/200',
    barcode: options.barcode ?? String(id).padStart(18, '0'),
    alias: '',
    tokens: options.tokens ?? [],
    events: [{ time: '2026-05-01 10:00:00', type: 'general', description: 'Købt' }],
  };
}

export function customer(
  id: number,
  who: SimulatorAddress,
  orders: { id: number; products: SimulatorDigitalProduct[] }[],
): SimulatorCustomer {
  const delivery: SimulatorAddress = {
    name: who.name,
    company: who.company,
    street: who.street,
    zipCode: who.zipCode,
    city: who.city,
    countryCode: who.countryCode,
  };
  return {
    id,
    address: { ...who },
    orders: orders.map((o) => ({
      id: o.id,
      authorizedTime: '2026-05-01 10:00:00',
      billingAddress: { ...who },
      deliveryAddress: { ...delivery },
      digitalProducts: o.products,
    })),
  };
}

/** UIDs of the hand-made world below. */
export const UID = {
  active: '04AA000000000A',
  onInvalidated: '04AA000000000B',
  blocked: '04AA000000000C',
  twinA: '04AA000000000D',
  twinB: '04AA000000000E',
  elsewhere: '04BB000000000A',
  fresh: '04CC000000000A',
  fresh2: '04CC000000000B',
  unknown: '04FFFFFFFFFFFF',
} as const;

/**
 * One customer per rule: product 10 has one active wristband; 11 is print@home (no token);
 * 12 is invalidated with an active wristband; 13 has only a blocked wristband; 14 has two active
 * wristbands (an anomaly the API documents a refusal for); 20 belongs to someone else.
 */
export function ruleWorld(): SimulatorCustomer[] {
  return [
    customer(1, address('Mette Hansen'), [
      {
        id: 100,
        products: [
          product(10, { tokens: [token(UID.active)] }),
          product(11, { barcode: '000109028100000011' }),
          product(12, { tokens: [token(UID.onInvalidated)], invalidatedAt: '2026-06-01 09:00:00' }),
          product(13, { tokens: [token(UID.blocked, '2026-06-02 09:00:00')] }),
          product(14, { tokens: [token(UID.twinA), token(UID.twinB)] }),
        ],
      },
    ]),
    customer(2, address('Søren Ågesen'), [{ id: 200, products: [product(20, { tokens: [token(UID.elsewhere)] })] }]),
  ];
}
