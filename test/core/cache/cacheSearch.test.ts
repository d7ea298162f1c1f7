import { describe, expect, it } from 'vitest';
import type { SearchCriteria } from '../../../src/shared/search';
import { customer, openCache } from './fixtures';

const T0 = Date.UTC(2026, 6, 4, 12, 2);

function seeded() {
  const { cache } = openCache();
  cache.storeCustomers(
    [
      customer({ id: 1, name: 'Rakel Hovn', company: 'Combine A/S', orders: [{ id: 11, products: [{ id: 101 }] }] }),
      customer({ id: 2, name: 'Rasmus Holm', company: 'Podium & Co', orders: [{ id: 21, products: [{ id: 201 }] }] }),
      customer({ id: 3, name: 'Søren Kirk', orders: [{ id: 31, billingName: 'Kirk Events', products: [{ id: 301 }] }] }),
      customer({ id: 4, name: 'Mette Hovn', company: 'Combine A/S', orders: [{ id: 41, products: [{ id: 401 }] }] }),
    ],
    T0,
  );
  return (criteria: SearchCriteria) => {
    const result = cache.search(criteria);
    return result.kind === 'answered' ? result.matches.map((m) => m.customerId) : result;
  };
}

describe('LookupCache.search: names and companies', () => {
  it('matches the whole name, ignoring case but not diacritics', () => {
    const search = seeded();
    expect(search({ name: 'rakel hovn' })).toEqual([1]);
    expect(search({ name: 'Rakel' })).toEqual([]);
    expect(search({ name: 'søren kirk' })).toEqual([3]);
    expect(search({ name: 'Soren Kirk' })).toEqual([]);
  });

  it('supports * wildcards at the start, middle and end, and " * " matching nothing', () => {
    const search = seeded();
    expect(search({ name: 'Ra*' })).toEqual([1, 2]);
    expect(search({ name: '*Hovn' })).toEqual([1, 4]);
    expect(search({ name: 'R*H*' })).toEqual([1, 2]);
    expect(search({ name: 'Rakel * Hovn' })).toEqual([1]);
    expect(search({ name: '*' })).toEqual([1, 2, 3, 4]);
  });

  it('finds a customer by the name on a billing address, and needs name and company on the same address', () => {
    const search = seeded();
    expect(search({ name: 'Kirk Events' })).toEqual([3]);
    expect(search({ company: 'combine*' })).toEqual([1, 4]);
    expect(search({ name: 'Mette*', company: 'Combine A/S' })).toEqual([4]);
    expect(search({ name: 'Rasmus*', company: 'Combine A/S' })).toEqual([]);
  });

  it('treats regular-expression characters in a pattern as text', () => {
    const search = seeded();
    expect(search({ company: 'Podium & Co' })).toEqual([2]);
    expect(search({ name: 'R.*' })).toEqual([]);
  });
});

describe('LookupCache.search: what it cannot answer', () => {
  it.each<[SearchCriteria, string[]]>([
    [{ quick_search: 'Hovn' }, ['quick_search']],
    [{ festiwebPersonId: '12' }, ['festiwebPersonId']],
    [{ name: 'Rakel Hovn', street: 'Dannebrogsgade*' }, ['street']],
  ])('%j is refused as not answerable offline, never answered wider', (criteria, refused) => {
    const search = seeded();
    expect(search(criteria)).toMatchObject({ kind: 'not-answerable-offline', criteria: refused });
  });
});
