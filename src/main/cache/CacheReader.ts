import type { Database, Statement } from 'better-sqlite3';
import type { OwnerMatch } from '../../shared/model';
import { ownerMatches } from '../venue-manager/productView';
import type { WireCustomer, WireOrder, WireProduct } from '../venue-manager/wireSchemas';
import { lookupSql } from './cacheSql';
import { otherRepresentations, storedCanonical, uidKey } from './keys';
import type { CachedProduct, CachedTokenLookup } from './types';

interface EntryRow {
  product: string;
  orderWire: string;
  customer: string;
  fetchedAt: number;
}

export interface TokenHit {
  productId: number;
  /** As Venue Manager wrote it. */
  uid: string;
}

/**
 * Reads products and token hits back out of the cache, rebuilt from the stored wire JSON with the
 * same code that builds online answers, so an offline view cannot drift from an online one.
 */
export class CacheReader {
  private readonly entry: Statement<[number], EntryRow>;
  private readonly tokenByKey: Statement<[string], TokenHit>;
  private readonly tokenByCanonical: Statement<[string], TokenHit>;
  private readonly tokensByKeys: Statement<[string], TokenHit & { uidKey: string }>;

  constructor(db: Database) {
    this.entry = db.prepare(lookupSql.productEntry);
    this.tokenByKey = db.prepare(lookupSql.tokenByKey);
    this.tokenByCanonical = db.prepare(lookupSql.tokenByCanonical);
    this.tokensByKeys = db.prepare(lookupSql.tokensByKeys);
  }

  product(id: number): CachedProduct | undefined {
    const row = this.entry.get(id);
    if (row === undefined) return undefined;
    // Validated before it was written; a change of the wire shape comes with a migration that
    // rewrites or clears these rows, so reading back need not pay for validation at every tap.
    const customer = JSON.parse(row.customer) as WireCustomer;
    const order = { ...(JSON.parse(row.orderWire) as Omit<WireOrder, 'digitalProducts'>), digitalProducts: [] };
    const product = JSON.parse(row.product) as WireProduct;
    const [match] = ownerMatches([{ id: customer.id, address: customer.address, orders: [{ ...order, digitalProducts: [product] }] }]);
    return match === undefined ? undefined : { match, fetchedAt: row.fetchedAt };
  }

  products(ids: Iterable<number>): CachedProduct[] {
    const found: CachedProduct[] = [];
    for (const id of new Set(ids)) {
      const entry = this.product(id);
      if (entry !== undefined) found.push(entry);
    }
    return found;
  }

  /**
   * The tokens stored under a tapped UID. Tried in the online lookup's order, stopping at the first
   * form that hits: the text as tapped (any case, or any hex spelling through the stored canonical
   * form), then the band's other representations, lossless before lossy.
   */
  tokenHits(uid: string): { hits: TokenHit[]; lossless: boolean } {
    const direct = [...this.tokenByKey.all(uidKey(uid))];
    const canonical = storedCanonical(uid);
    if (canonical !== null) direct.push(...this.tokenByCanonical.all(canonical));
    if (direct.length > 0) return { hits: direct, lossless: true };
    const candidates = otherRepresentations(uid);
    if (candidates.length === 0) return { hits: [], lossless: true };
    const byKey = new Map<string, TokenHit[]>();
    for (const { uidKey: key, ...hit } of this.tokensByKeys.all(JSON.stringify(candidates.map((c) => c.key)))) {
      byKey.set(key, [...(byKey.get(key) ?? []), hit]);
    }
    for (const candidate of candidates) {
      const hits = byKey.get(candidate.key);
      if (hits !== undefined) return { hits, lossless: candidate.lossless };
    }
    return { hits: [], lossless: true };
  }

  byTokenUid(uid: string): CachedTokenLookup | undefined {
    const { hits, lossless } = this.tokenHits(uid);
    const matchedUid = new Map(hits.map((hit) => [hit.productId, hit.uid]));
    const entries = sortForUid(this.products(matchedUid.keys()), new Set(hits.map((hit) => uidKey(hit.uid))));
    const [first, ...rest] = entries;
    if (first === undefined) return undefined;
    return {
      matches: [first.match, ...rest.map((entry) => entry.match)],
      oldestFetchedAt: oldest(entries) ?? first.fetchedAt,
      matchedAs: matchedUid.get(first.match.product.id) ?? uid,
      lossless,
    };
  }
}

/** ownerMatchesForUid's order: the product on which the band is active first. */
export function sortForUid(entries: CachedProduct[], uidKeys: ReadonlySet<string>): CachedProduct[] {
  const activeHere = (match: OwnerMatch) => match.product.tokens.some((token) => token.active && uidKeys.has(uidKey(token.uid)));
  return [...entries].sort((a, b) => Number(activeHere(b.match)) - Number(activeHere(a.match)) || a.match.product.id - b.match.product.id);
}

export function oldest(entries: readonly CachedProduct[]): number | undefined {
  return entries.reduce<number | undefined>((min, entry) => (min === undefined || entry.fetchedAt < min ? entry.fetchedAt : min), undefined);
}
