import { beforeAll, describe, expect, it } from 'vitest';
import {
  documentedCustomer,
  generateDemoData,
  pickSampleWristbands,
} from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer, SimulatorDigitalProduct } from '../../../src/main/venue-manager-simulator';
import { FIXED_VENUE_TIME, fixture, useSimulators } from './helpers';

const products = (data: SimulatorCustomer[]): SimulatorDigitalProduct[] =>
  data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts));
const isSet = (time: string): boolean => time !== 'null';
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('generateDemoData', () => {
  let data: SimulatorCustomer[] = [];
  beforeAll(() => {
    data = generateDemoData({ seed: 20260703 });
  });

  it('has at least 500 customers (600 by default), the documented one first and exact', () => {
    expect(data.length).toBe(600);
    expect(generateDemoData({ seed: 1, customers: 520 })).toHaveLength(520);
    expect(data[0]).toEqual(documentedCustomer());
    expect(JSON.stringify(data.slice(0, 1), null, 2)).toBe(fixture('search-response.json'));
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(JSON.stringify(generateDemoData({ seed: 20260703 }))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData({ seed: 20260704 }))).not.toBe(JSON.stringify(data));
  });

  it('uses unique 7-byte NXP UIDs (14 hex digits starting 04), except the documented one', () => {
    const uids = products(data).flatMap((p) => p.tokens.map((t) => t.uid));
    expect(new Set(uids).size).toBe(uids.length);
    const odd = uids.filter((uid) => !/^04[0-9A-F]{12}$/.test(uid));
    expect(odd).toEqual(['8768765876875']);
  });

  it('uses unique positive integer ids, unique 18-digit barcodes and 2026 wall-clock times', () => {
    const unique = (values: number[]): boolean => new Set(values).size === values.length;
    const customerIds = data.map((c) => c.id);
    const orderIds = data.flatMap((c) => c.orders.map((o) => o.id));
    const productIds = products(data).map((p) => p.id);
    for (const ids of [customerIds, orderIds, productIds]) {
      expect(unique(ids)).toBe(true);
      expect(ids.every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
    }
    const barcodes = products(data).map((p) => p.barcode);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(barcodes.every((b) => /^\d{18}$/.test(b))).toBe(true);

    const generated = data.slice(1);
    const times = generated.flatMap((c) =>
      c.orders.flatMap((o) => [
        o.authorizedTime,
        ...o.digitalProducts.flatMap((p) => [
          p.invalidateTime,
          ...p.tokens.flatMap((t) => [t.insertTime, t.invalidateTime]),
          ...p.events.map((e) => e.time),
        ]),
      ]),
    );
    const set = times.filter(isSet);
    expect(set.every((t) => TIME.test(t) && t.startsWith('2026-'))).toBe(true);
  });

  it('keeps every product history in time order, and events after the purchase', () => {
    for (const c of data.slice(1)) {
      for (const o of c.orders) {
        for (const p of o.digitalProducts) {
          const times = p.events.map((e) => e.time);
          expect([...times].sort()).toEqual(times);
          expect(times[0]).toBe(o.authorizedTime);
          for (const t of p.tokens) expect(t.insertTime >= o.authorizedTime).toBe(true);
        }
      }
    }
  });

  it('is varied: countries, diacritics, companies, several orders and products', () => {
    const names = data.map((c) => c.address.name).join(' ');
    for (const ch of ['æ', 'ø', 'å', 'ë', 'é', 'ü', 'ł', 'ß', 'ç']) expect(names + data.map((c) => c.address.company).join(' ')).toContain(ch);
    expect(new Set(data.map((c) => c.address.countryCode)).size).toBeGreaterThanOrEqual(5);
    expect(data.filter((c) => c.address.company !== '').length).toBeGreaterThan(50);
    expect(data.filter((c) => c.address.company === '').length).toBeGreaterThan(200);
    expect(data.filter((c) => c.orders.length > 1).length).toBeGreaterThan(20);
    expect(data.flatMap((c) => c.orders).filter((o) => o.digitalProducts.length > 1).length).toBeGreaterThan(50);
    expect(new Set(data.map((c) => c.address.name)).size).toBeGreaterThan(300);
  });

  it('contains every wristband story the desk meets', () => {
    const all = products(data);
    const blockedOnly = all.filter((p) => p.tokens.length === 1 && isSet(p.tokens[0]?.invalidateTime ?? 'null'));
    const printAtHome = all.filter((p) => p.tokens.length === 0);
    const invalidated = all.filter((p) => isSet(p.invalidateTime));
    const replaced = all.filter(
      (p) => p.tokens.length === 2 && isSet(p.tokens[0]?.invalidateTime ?? 'null') && p.tokens[1]?.invalidateTime === 'null',
    );
    expect(blockedOnly.length).toBeGreaterThan(20);
    expect(printAtHome.length).toBeGreaterThan(20);
    expect(invalidated.length).toBeGreaterThan(20);
    expect(replaced.length).toBeGreaterThan(20);
    expect(all.some((p) => p.events.some((e) => e.type === 'comment'))).toBe(true);

    // A replaced wristband: the old one blocked when the new one came, and an event naming both.
    for (const p of replaced) {
      const [old, current] = p.tokens;
      expect(old?.invalidateTime).toBe(current?.insertTime);
      const event = p.events.find((e) => e.type === 'token' && e.time === current?.insertTime);
      expect(event?.description).toContain(old?.uid);
      expect(event?.description).toContain(current?.uid);
    }
    // A lost wristband: a blocking event at the blocking time, naming the UID.
    for (const p of blockedOnly.filter((q) => !isSet(q.invalidateTime))) {
      const [lost] = p.tokens;
      expect(p.events.some((e) => e.time === lost?.invalidateTime && e.description.includes(lost.uid))).toBe(true);
    }
  });

  it('rejects nonsense options', () => {
    expect(() => generateDemoData({ seed: 1, customers: 0 })).toThrow();
    expect(() => generateDemoData({ seed: Number.NaN })).toThrow();
  });
});

describe('pickSampleWristbands', () => {
  const start = useSimulators();

  it('offers one wristband of each kind, labelled in English, that behaves as its kind says', async () => {
    const data = generateDemoData({ seed: 7 });
    const samples = pickSampleWristbands(data);
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(['active', 'blocked', 'invalidated', 'unknown']));
    expect(new Set(samples.map((s) => s.uid)).size).toBe(samples.length);
    for (const s of samples) expect(s.uid).toMatch(/^04[0-9A-F]{12}$/);
    const active = samples.find((s) => s.kind === 'active');
    const owner = data.find((c) => c.orders.some((o) => o.digitalProducts.some((p) => p.tokens.some((t) => t.uid === active?.uid))));
    expect(active?.label).toBe(`Active wristband — ${owner?.address.name}`);

    const { base } = await start({ data });
    for (const sample of samples) {
      const found = (await (await fetch(`${base}/products?tokenUid=${sample.uid}`)).json()) as SimulatorCustomer[];
      if (sample.kind === 'unknown') {
        expect(found, sample.label).toEqual([]);
        continue;
      }
      expect(found, sample.label).toHaveLength(1);
      expect(sample.label).toContain(found[0]?.address.name);
      const product = found[0]?.orders[0]?.digitalProducts[0];
      const token = product?.tokens.find((t) => t.uid === sample.uid);
      if (sample.kind === 'active') {
        expect(product?.invalidateTime).toBe('null');
        expect(token?.invalidateTime).toBe('null');
      } else if (sample.kind === 'blocked') {
        expect(token?.invalidateTime).toMatch(TIME);
      } else {
        expect(product?.invalidateTime).toMatch(TIME);
        expect(token?.invalidateTime).toBe('null');
      }
    }
  });

  it('lets the demo block the active sample and see it blocked', async () => {
    const data = generateDemoData({ seed: 7 });
    const active = pickSampleWristbands(data).find((s) => s.kind === 'active');
    const { base } = await start({ data });
    const [owner] = (await (await fetch(`${base}/products?tokenUid=${active?.uid}`)).json()) as SimulatorCustomer[];
    const productId = owner?.orders[0]?.digitalProducts[0]?.id;
    const res = await fetch(`${base}/products/${productId}/tokens/${active?.uid}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const [after] = (await (await fetch(`${base}/products?tokenUid=${active?.uid}`)).json()) as SimulatorCustomer[];
    expect(after?.orders[0]?.digitalProducts[0]?.tokens.find((t) => t.uid === active?.uid)?.invalidateTime).toBe(FIXED_VENUE_TIME);
  });

  it('picks an unknown UID that is really absent, and skips kinds the data lacks', () => {
    const samples = pickSampleWristbands([documentedCustomer()]);
    expect(samples.map((s) => s.kind)).toEqual(['unknown']);
    const taken = generateDemoData({ seed: 3, customers: 2 });
    const product = taken[1]?.orders[0]?.digitalProducts[0];
    product?.tokens.push({ uid: '04DEADBEEF0001', insertTime: '2026-05-01 10:00:00', invalidateTime: 'null' });
    expect(pickSampleWristbands(taken).find((s) => s.kind === 'unknown')?.uid).toBe('04DEADBEEF0002');
  });
});
