import { describe, expect, it } from 'vitest';
import { DuplicateTapFilter } from '../../../src/main/scanner/DuplicateTapFilter';

const tap = (uid: string, at: number, readerId = 'desk-reader') => ({ readerId, uid, at });

describe('DuplicateTapFilter', () => {
  it('lets the same uid from the same reader through once per 2000 ms window', () => {
    const filter = new DuplicateTapFilter();
    expect([0, 500, 1_999].map((at) => filter.accept(tap('04C43B', at)))).toEqual([true, false, false]);
    // 1_999 renewed the window; 2_000 ms after it, the band is a new tap.
    expect(filter.accept(tap('04C43B', 3_998))).toBe(false);
    expect(filter.accept(tap('04C43B', 5_998))).toBe(true);
  });

  it('keeps a band lying on the reader one tap while it keeps being reported', () => {
    const filter = new DuplicateTapFilter();
    const results = [0, 1_000, 2_000, 3_000, 4_000].map((at) => filter.accept(tap('1C78F2BF', at)));
    expect(results).toEqual([true, false, false, false, false]);
  });

  it('passes different uids and different readers', () => {
    const filter = new DuplicateTapFilter();
    expect(filter.accept(tap('A1', 0))).toBe(true);
    expect(filter.accept(tap('B2', 10))).toBe(true);
    expect(filter.accept(tap('A1', 20, 'gate-reader'))).toBe(true);
    // A band that comes back after another is still the same tap on that reader.
    expect(filter.accept(tap('A1', 30))).toBe(false);
  });

  it('uses the configured window', () => {
    const filter = new DuplicateTapFilter(100);
    // Exactly windowMs after the last sighting is outside it.
    expect([0, 99, 198, 298].map((at) => filter.accept(tap('A1', at)))).toEqual([true, false, false, true]);
  });

  it('treats a tap from before the last one (clock stepped back) as new rather than muting the band', () => {
    const filter = new DuplicateTapFilter();
    filter.accept(tap('A1', 10_000));
    expect(filter.accept(tap('A1', 9_000))).toBe(true);
  });

  it('rejects a negative window', () => {
    expect(() => new DuplicateTapFilter(-1)).toThrow(RangeError);
  });
});
