import { viewNames, type ViewName } from '../store/slices/viewSlice';

/** `#/search` → 'search'; anything unknown → null. */
export function viewFromHash(hash: string): ViewName | null {
  const name = hash.replace(/^#\/?/, '');
  return viewNames.find((view) => view === name) ?? null;
}

export function hashForView(view: ViewName): string {
  return `#/${view}`;
}
