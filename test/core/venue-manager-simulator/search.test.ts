import { beforeEach, describe, expect, it } from 'vitest';
import { documentedCustomer } from '../../../src/main/venue-manager-simulator';
import type { SimulatorCustomer } from '../../../src/main/venue-manager-simulator';
import { address, customer, product, token, useSimulators } from './helpers';

/** Names and companies with the characters that break naive URL handling and matching. */
function searchWorld(): SimulatorCustomer[] {
  return [
    documentedCustomer(),
    customer(1, address('Søren Ågesen', { company: 'Ærø Lyd & Lys I/S', street: 'Åboulevarden 12, 1.', email: 'soeren@example.dk' }), [
      { id: 101, products: [product(1001, { tokens: [token('04A1B2C3D4E5F6')], barcode: '000109028100001001' })] },
    ]),
    customer(2, address('Mette Hansen', { company: 'Grøn+ Energi ApS', street: 'Vesterbrogade 5/3' }), [
      { id: 201, products: [product(2001, { tokens: [token('04000000002001')] }), product(2002, { barcode: '000109028100002002' })] },
      { id: 202, products: [product(2003, { tokens: [token('04000000002003')] })] },
    ]),
    customer(3, address('Jürgen Groß', { street: 'Königstraße 7', countryCode: 'DE' }), [
      { id: 301, products: [product(3001, { tokens: [token('04000000003001')] })] },
    ]),
    customer(4, address('Anna Hansen', { company: 'Scenekunst/Øst ApS', street: 'Nørrebrogade 20' }), [
      { id: 401, products: [product(4001)] },
    ]),
  ];
}

describe('GET /products', () => {
  const start = useSimulators();
  let base = '';

  beforeEach(async () => {
    ({ base } = await start({ data: searchWorld(), errorBodyStyle: 'json' }));
  });

  async function search(query: string): Promise<SimulatorCustomer[]> {
    const res = await fetch(`${base}/products?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as SimulatorCustomer[];
  }
  const ids = async (query: string): Promise<number[]> => (await search(query)).map((c) => c.id);
  const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

  it('matches a name exactly, ignoring case, with * as wildcard', async () => {
    expect(await ids(q({ name: 'Søren Ågesen' }))).toEqual([1]);
    expect(await ids(q({ name: 'SØREN ÅGESEN' }))).toEqual([1]);
    expect(await ids(q({ name: 'søren*' }))).toEqual([1]);
    expect(await ids(q({ name: 'Søren' }))).toEqual([]); // no wildcard, no partial match
    expect(await ids(q({ name: '*hansen' }))).toEqual([2, 4]);
    // The documented example: " * " may also stand for nothing between two words.
    expect(await ids(q({ name: 'Rakel * Hovn' }))).toEqual([38081]);
    expect(await ids(q({ name: 'Rakel*Hovn' }))).toEqual([38081]);
    expect(await ids(q({ name: 'Rakel H*' }))).toEqual([38081]);
    expect(await ids(q({ name: 'Rakel *Hovn' }))).toEqual([38081]);
    expect(await ids(q({ name: 'Rakel* Hovn' }))).toEqual([38081]);
    expect(await ids(q({ name: 'Rak * Hovn' }))).toEqual([]);
    expect(await ids(q({ name: '*' }))).toEqual([38081, 1, 2, 3, 4]);
  });

  it('keeps diacritics significant, also when the query arrives decomposed (NFD)', async () => {
    expect(await ids(q({ name: 'Soren*' }))).toEqual([]);
    expect(await ids(q({ name: 'JÜRGEN GROSS' }))).toEqual([]);
    expect(await ids(q({ name: 'jürgen groß' }))).toEqual([3]);
    expect(await ids(q({ name: 'Søren Ågesen'.normalize('NFD') }))).toEqual([1]);
    expect(await ids(q({ company: 'ærø*' }))).toEqual([1]);
  });

  it('decodes URL-encoded values: æøå, &, /, + and spaces', async () => {
    expect(await ids('company=%C3%86r%C3%B8%20Lyd%20%26%20Lys%20I%2FS')).toEqual([1]);
    expect(await ids('company=Gr%C3%B8n%2B%20Energi%20ApS')).toEqual([2]);
    // In a query string "+" means a space (as in PHP): the literal "+" must be sent as %2B.
    expect(await ids('company=Gr%C3%B8n+Energi+ApS')).toEqual([]);
    expect(await ids('name=Mette+Hansen')).toEqual([2]);
    expect(await ids('name=Mette%20Hansen')).toEqual([2]);
    expect(await ids('company=Scenekunst%2F*')).toEqual([4]);
    expect(await ids('name=%2A%C3%85gesen')).toEqual([1]); // %2A is "*"
  });

  it('uses street only together with name or company, and then on the same address', async () => {
    expect(await ids(q({ name: '*Hansen', street: 'Vesterbrogade*' }))).toEqual([2]);
    expect(await ids(q({ company: '*ApS', street: 'Nørrebrogade 20' }))).toEqual([4]);
    expect(await ids(q({ name: '*', street: 'Vesterbrogade 5/3' }))).toEqual([2]);
    expect(await ids(q({ name: '*Hansen', street: 'Königstraße*' }))).toEqual([]);
    // Without name/company the street is ignored, whatever else is given.
    expect(await ids(q({ email: 'soeren@example.dk', street: 'No such street' }))).toEqual([1]);
    const alone = await fetch(`${base}/products?${q({ street: 'Vesterbrogade*' })}`);
    expect(alone.status).toBe(400);
    expect(await alone.json()).toEqual({ error: 'No arguments specified' });
  });

  it('ANDs several criteria', async () => {
    expect(await ids(q({ name: '*Hansen', company: 'Grøn*' }))).toEqual([2]);
    expect(await ids(q({ name: '*Hansen', customerId: '4' }))).toEqual([4]);
    expect(await ids(q({ name: 'Søren*', tokenUid: '04000000002001' }))).toEqual([]);
  });

  it('finds by e-mail exactly, ignoring case', async () => {
    expect(await ids(q({ email: 'SOEREN@Example.DK' }))).toEqual([1]);
    expect(await ids(q({ email: 'soeren@example' }))).toEqual([]);
    expect(await ids(q({ email: 'rah@combine.dk' }))).toEqual([38081]);
  });

  it('returns the whole customer for customer-level criteria', async () => {
    const [mette] = await search(q({ customerId: '2' }));
    expect(mette?.orders.map((o) => o.id)).toEqual([201, 202]);
    expect(mette?.orders[0]?.digitalProducts.map((p) => p.id)).toEqual([2001, 2002]);
  });

  it('narrows to the matching order for orderId', async () => {
    const found = await search(q({ orderId: '202' }));
    expect(found.map((c) => c.id)).toEqual([2]);
    expect(found[0]?.orders.map((o) => o.id)).toEqual([202]);
    expect(found[0]?.address.name).toBe('Mette Hansen');
  });

  it('narrows to the matching product for tokenUid and barcode', async () => {
    const byUid = await search(q({ tokenUid: '04000000002001' }));
    expect(byUid).toHaveLength(1);
    expect(byUid[0]?.orders.map((o) => o.id)).toEqual([201]);
    expect(byUid[0]?.orders[0]?.digitalProducts.map((p) => p.id)).toEqual([2001]);

    // Print@home: no token, found by its barcode.
    const byBarcode = await search(q({ barcode: '000109028100002002' }));
    expect(byBarcode[0]?.orders[0]?.digitalProducts.map((p) => [p.id, p.tokens.length])).toEqual([[2002, 0]]);

    expect(await ids(q({ tokenUid: '04000000002001', barcode: '000109028100002002' }))).toEqual([]);
    expect(await ids(q({ orderId: '202', tokenUid: '04000000002001' }))).toEqual([]);
    // Guess: UIDs compare case-insensitively (MySQL's usual collation).
    expect(await ids(q({ tokenUid: '04a1b2c3d4e5f6' }))).toEqual([1]);
  });

  it('finds by quick_search across fields, every word required', async () => {
    expect(await ids(q({ quick_search: 'Rakel Combine' }))).toEqual([38081]);
    expect(await ids(q({ quick_search: 'hansen grøn+' }))).toEqual([2]);
    expect(await ids(q({ quick_search: '04A1B2C3D4E5F6' }))).toEqual([1]);
    expect(await ids(q({ quick_search: 'Rakel Groß' }))).toEqual([]);
  });

  it('treats festiwebPersonId as a criterion the data cannot match', async () => {
    expect(await ids(q({ festiwebPersonId: '76529' }))).toEqual([]);
  });

  it('refuses non-integer numeric criteria with 400 (undocumented)', async () => {
    for (const [key, value] of [['customerId', 'abc'], ['orderId', '12.5'], ['festiwebPersonId', '-1']] as const) {
      const res = await fetch(`${base}/products?${q({ [key]: value })}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `Invalid ${key}.` });
    }
  });

  it('ignores unknown parameters', async () => {
    const res = await fetch(`${base}/products?${q({ foo: 'bar' })}`);
    expect(res.status).toBe(400);
    expect(await ids(q({ foo: 'bar', customerId: '3' }))).toEqual([3]);
  });
});

describe('quick_search on a server without Sphinx', () => {
  const start = useSimulators();

  it('refuses quick_search with 400 and still serves the other criteria', async () => {
    const { base } = await start({ data: searchWorld(), quickSearch: false, errorBodyStyle: 'json' });
    const res = await fetch(`${base}/products?quick_search=Rakel`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Quick search is not available' });
    const mixed = await fetch(`${base}/products?quick_search=Rakel&customerId=38081`);
    expect(mixed.status).toBe(400);
    const plain = await fetch(`${base}/products?customerId=38081`);
    expect(plain.status).toBe(200);
  });

  it('in documented style the refusal is loose too', async () => {
    const { base } = await start({ data: searchWorld(), quickSearch: false });
    const res = await fetch(`${base}/products?quick_search=Rakel`);
    expect(await res.text()).toBe('{\n        error: "Quick search is not available"\n    }\n');
  });
});
