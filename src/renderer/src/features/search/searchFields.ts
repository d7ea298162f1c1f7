import type { SearchField } from '../../store/slices/searchSlice';

/** How a criterion is typed and explained: the rules come from the shared schema, this only presents them. */
export type SearchFieldKind = 'wildcard' | 'streetNeedsName' | 'text' | 'digits' | 'quickSearch';

export interface SearchFieldSpec {
  field: SearchField;
  kind: SearchFieldKind;
}

/** Form order: the person's own details first, then numbers and codes, quick search last. */
export const searchFields: readonly SearchFieldSpec[] = [
  { field: 'name', kind: 'wildcard' },
  { field: 'company', kind: 'wildcard' },
  { field: 'street', kind: 'streetNeedsName' },
  { field: 'email', kind: 'text' },
  { field: 'customerId', kind: 'digits' },
  { field: 'orderId', kind: 'digits' },
  { field: 'tokenUid', kind: 'text' },
  { field: 'barcode', kind: 'text' },
  { field: 'festiwebPersonId', kind: 'digits' },
  { field: 'quick_search', kind: 'quickSearch' },
];
