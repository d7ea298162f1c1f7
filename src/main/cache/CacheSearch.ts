import type { Database, Statement } from 'better-sqlite3';
import type { SearchCriteria } from '../../shared/search';
import type { CacheReader, TokenHit } from './CacheReader';
import { oldest, sortForUid } from './CacheReader';
import { lookupSql, partiesByFieldSql } from './cacheSql';
import { textKey, uidKey } from './keys';
import type { CacheSearchResult, UnanswerableCriterion } from './types';
import { unanswerableOffline } from './types';
import { prefixUpperBound, wildcardPattern } from './wildcard';

interface PartyRow {
  customerId: number;
  orderId: number;
  slot: string;
  key: string;
}

/**
 * Venue Manager's product search, answered from the cache with the server's rules: every criterion
 * must hold (AND); name, email, company and customer id select customers; order id, token UID and
 * barcode narrow them to products. A criterion the cache keeps no index for is refused as a whole,
 * never ignored: a wider answer would pass for the server's.
 */
export class CacheSearch {
  private readonly byBarcode: Statement<[string], number>;
  private readonly byOrder: Statement<[number], number>;
  private readonly byCustomer: Statement<[number], number>;
  private readonly partiesExact: Statement<[string, string], PartyRow>;
  private readonly partiesRange: Statement<[string, string, string], PartyRow>;
  private readonly partiesAll: Statement<[string], PartyRow>;

  constructor(
    db: Database,
    private readonly reader: CacheReader,
  ) {
    this.byBarcode = db.prepare<[string], number>(lookupSql.productIdsByBarcode).pluck();
    this.byOrder = db.prepare<[number], number>(lookupSql.productIdsByOrder).pluck();
    this.byCustomer = db.prepare<[number], number>(lookupSql.productIdsByCustomer).pluck();
    this.partiesExact = db.prepare(lookupSql.partiesByExactKey);
    this.partiesRange = db.prepare(lookupSql.partiesByKeyRange);
    this.partiesAll = db.prepare(partiesByFieldSql);
  }

  search(criteria: SearchCriteria): CacheSearchResult {
    const refused = unanswerableOffline.filter((key) => given(criteria[key]) !== undefined);
    const [first, ...others] = refused;
    if (first !== undefined) return notAnswerable([first, ...others]);

    const tokenUid = given(criteria.tokenUid);
    const tokenHits = tokenUid === undefined ? undefined : this.reader.tokenHits(tokenUid).hits;
    const customers = this.customers(criteria);
    const products = this.products(criteria, tokenHits);
    let ids: number[];
    if (products !== undefined) {
      ids = [...products];
    } else if (customers !== undefined) {
      ids = [...customers].flatMap((customerId) => this.byCustomer.all(customerId));
    } else {
      return { kind: 'answered', matches: [] };
    }
    let entries = this.reader.products(ids).filter((entry) => customers === undefined || customers.has(entry.match.customerId));
    entries.sort(
      (a, b) => a.match.customerId - b.match.customerId || a.match.orderId - b.match.orderId || a.match.product.id - b.match.product.id,
    );
    if (tokenHits !== undefined) entries = sortForUid(entries, new Set(tokenHits.map((hit) => uidKey(hit.uid))));
    const oldestFetchedAt = oldest(entries);
    return {
      kind: 'answered',
      matches: entries.map((entry) => entry.match),
      ...(oldestFetchedAt === undefined ? {} : { oldestFetchedAt }),
    };
  }

  /** Undefined: no customer-level criterion given. */
  private customers(criteria: SearchCriteria): Set<number> | undefined {
    const sets: Set<number>[] = [];
    const customerId = given(criteria.customerId);
    if (customerId !== undefined) sets.push(new Set([Number(customerId)]));
    const email = given(criteria.email);
    if (email !== undefined) sets.push(new Set(this.partiesExact.all('email', textKey(email)).map((row) => row.customerId)));
    const name = given(criteria.name);
    const company = given(criteria.company);
    if (name !== undefined || company !== undefined) sets.push(this.byNameAndCompany(name, company));
    return intersect(sets);
  }

  /** Name and company must hold for the same address, as on the server. */
  private byNameAndCompany(name: string | undefined, company: string | undefined): Set<number> {
    const addressSets = [
      name === undefined ? undefined : this.addresses('name', name),
      company === undefined ? undefined : this.addresses('company', company),
    ].filter((set) => set !== undefined);
    const addresses = intersect(addressSets) ?? new Set<string>();
    return new Set([...addresses].map((address) => Number(address.split(':')[0])));
  }

  private addresses(field: 'name' | 'company', pattern: string): Set<string> {
    const wildcard = wildcardPattern(pattern);
    const rows = wildcard.exact
      ? this.partiesExact.all(field, wildcard.prefix)
      : wildcard.prefix === ''
        ? this.partiesAll.all(field)
        : this.partiesRange.all(field, wildcard.prefix, prefixUpperBound(wildcard.prefix));
    return new Set(rows.filter((row) => wildcard.matches(row.key)).map((row) => `${row.customerId}:${row.orderId}:${row.slot}`));
  }

  /** Undefined: no product-level criterion given. */
  private products(criteria: SearchCriteria, tokenHits: readonly TokenHit[] | undefined): Set<number> | undefined {
    const sets: Set<number>[] = [];
    const orderId = given(criteria.orderId);
    if (orderId !== undefined) sets.push(new Set(this.byOrder.all(Number(orderId))));
    const barcode = given(criteria.barcode);
    if (barcode !== undefined) sets.push(new Set(this.byBarcode.all(barcode)));
    if (tokenHits !== undefined) sets.push(new Set(tokenHits.map((hit) => hit.productId)));
    return intersect(sets);
  }
}

/** The server trims criteria and treats a blank one as absent. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function intersect<T>(sets: readonly Set<T>[]): Set<T> | undefined {
  const [first, ...rest] = sets;
  if (first === undefined) return undefined;
  return new Set([...first].filter((item) => rest.every((set) => set.has(item))));
}

function notAnswerable(criteria: [UnanswerableCriterion, ...UnanswerableCriterion[]]): CacheSearchResult {
  return {
    kind: 'not-answerable-offline',
    criteria,
    message: `The offline cache cannot search by ${criteria.join(', ')}: it keeps no index for ${criteria.length === 1 ? 'it' : 'them'}. Search again when Venue Manager is reachable.`,
  };
}
