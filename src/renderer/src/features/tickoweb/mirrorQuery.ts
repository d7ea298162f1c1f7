import type { SearchDraft } from '../../store/slices/searchSlice';

/** The Venue Manager search fields whose text the mirror can search too, in the order they are preferred. */
export const mirrorQueryFields = ['quick_search', 'name', 'email', 'barcode'] as const;
export type MirrorQueryField = (typeof mirrorQueryFields)[number];

/**
 * What the mirror is asked while the search form is typed in: the first of quick search, name,
 * e-mail and barcode that holds text. Venue Manager's `*` wildcard is dropped from a name: the
 * mirror matches word prefixes by itself.
 */
export function mirrorQuery(draft: SearchDraft): { field: MirrorQueryField; query: string } | null {
  for (const field of mirrorQueryFields) {
    const text = field === 'name' ? draft[field].replaceAll('*', ' ') : draft[field];
    const query = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (query !== '') return { field, query };
  }
  return null;
}
