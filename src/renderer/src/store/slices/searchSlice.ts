import type { WireError } from '../../../../shared/errors';
import type { OwnerMatch } from '../../../../shared/model';
import type { SearchCriteria, searchCriteriaOrder } from '../../../../shared/search';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export type SearchField = (typeof searchCriteriaOrder)[number];

/** The search form as typed, one string per criterion ('' = not used). */
export type SearchDraft = Record<SearchField, string>;

export const emptySearchDraft: SearchDraft = {
  name: '',
  company: '',
  street: '',
  email: '',
  customerId: '',
  orderId: '',
  tokenUid: '',
  barcode: '',
  quick_search: '',
  festiwebPersonId: '',
};

/** The latest search only: an answer to an older one is dropped. */
export type SearchRun =
  | { phase: 'idle' }
  | { phase: 'searching'; request: number; criteria: SearchCriteria }
  | { phase: 'answered'; request: number; criteria: SearchCriteria; hits: OwnerMatch[]; fetchedAt: number; cachedAt?: number }
  | { phase: 'failed'; request: number; criteria: SearchCriteria; error: WireError };

/** A hit opened from the results, reloaded from Venue Manager so it shows the current state. */
export type OpenedProduct =
  | { phase: 'loading'; request: number; hit: OwnerMatch }
  | { phase: 'loaded'; request: number; hit: OwnerMatch; match: OwnerMatch; fetchedAt: number; cachedAt?: number }
  | { phase: 'failed'; request: number; hit: OwnerMatch; error: WireError };

/**
 * Where keyboard focus should go once the element is on screen. Set by actions that change
 * what is shown (the form may not be mounted yet), cleared by the component that took it.
 */
export type SearchFocusTarget = 'form' | 'results' | null;

export interface SearchSlice {
  /** Kept in the store so a tap (which shows Identify) does not lose what was typed or found. */
  searchDraft: SearchDraft;
  searchRun: SearchRun;
  /** Counts searches; an answer is shown only while its search is still the latest. */
  latestSearch: number;
  /** Index into the answered hits; kept while a hit is open so "back" returns to it. */
  selectedHit: number;
  openedProduct: OpenedProduct | null;
  /** Counts product loads; closing or opening another hit makes a pending answer stale. */
  latestProductRequest: number;
  searchFocus: SearchFocusTarget;
  editSearchDraft: (field: SearchField, value: string) => void;
  clearSearchDraft: () => void;
  /** Criteria must already be valid (see features/search/validateSearchDraft). */
  runSearch: (criteria: SearchCriteria) => Promise<void>;
  selectHit: (index: number) => void;
  openHit: (index: number) => Promise<void>;
  closeProduct: () => void;
  /** Shows Search with the form focused (the `/` and Ctrl+F shortcut). */
  openSearchForm: () => void;
  /** Shows Search for one wristband UID and runs it (from Identify's "not found"). */
  searchForWristband: (uid: string) => Promise<void>;
  /** Shows Search for a scanned barcode and runs it (a barcode scanner's read, anywhere in the app). */
  searchForBarcode: (barcode: string) => Promise<void>;
  requestSearchFocus: (target: Exclude<SearchFocusTarget, null>) => void;
  /** True (and the request cleared) if focus was asked for `target`. */
  takeSearchFocus: (target: Exclude<SearchFocusTarget, null>) => boolean;
}

export const createSearchSlice: SliceCreator<SearchSlice> =
  ({ api }) =>
  (set, get) => ({
    searchDraft: emptySearchDraft,
    searchRun: { phase: 'idle' },
    latestSearch: 0,
    selectedHit: 0,
    openedProduct: null,
    latestProductRequest: 0,
    searchFocus: null,
    editSearchDraft: (field, value) => set((state) => ({ searchDraft: { ...state.searchDraft, [field]: value } })),
    clearSearchDraft: () => set({ searchDraft: emptySearchDraft }),
    runSearch: async (criteria) => {
      const request = get().latestSearch + 1;
      set({ latestSearch: request, searchRun: { phase: 'searching', request, criteria }, selectedHit: 0, openedProduct: null });
      try {
        const { hits, fetchedAt, cachedAt } = await api.invoke('venueManager.search', criteria);
        if (get().latestSearch !== request) return;
        // Keyboard first: the answer is ready to be walked with the arrow keys at once.
        set({
          searchRun: { phase: 'answered', request, criteria, hits, fetchedAt, ...(cachedAt === undefined ? {} : { cachedAt }) },
          searchFocus: hits.length > 0 ? 'results' : get().searchFocus,
        });
      } catch (error) {
        if (get().latestSearch === request) {
          set({ searchRun: { phase: 'failed', request, criteria, error: toAppError(error).toWire() } });
        }
      }
    },
    selectHit: (index) => {
      const run = get().searchRun;
      if (run.phase !== 'answered' || run.hits.length === 0) return;
      set({ selectedHit: Math.min(Math.max(index, 0), run.hits.length - 1) });
    },
    openHit: async (index) => {
      const run = get().searchRun;
      const hit = run.phase === 'answered' ? run.hits[index] : undefined;
      if (hit === undefined) return;
      const request = get().latestProductRequest + 1;
      set({ selectedHit: index, latestProductRequest: request, openedProduct: { phase: 'loading', request, hit } });
      // Still this request and still open: closing or opening another hit meanwhile wins.
      const current = () => get().openedProduct?.request === request;
      try {
        const { match, fetchedAt, cachedAt } = await api.invoke('venueManager.product', { productId: hit.product.id });
        if (current()) set({ openedProduct: { phase: 'loaded', request, hit, match, fetchedAt, ...(cachedAt === undefined ? {} : { cachedAt }) } });
      } catch (error) {
        if (current()) set({ openedProduct: { phase: 'failed', request, hit, error: toAppError(error).toWire() } });
      }
    },
    closeProduct: () => {
      if (get().openedProduct === null) return;
      set({ openedProduct: null, searchFocus: 'results' });
    },
    openSearchForm: () => {
      set({ openedProduct: null, searchFocus: 'form' });
      get().showView('search');
    },
    searchForWristband: (uid) => {
      // The form first: if the wristband finds nothing, the name is what staff type next.
      // Hits, when they come, take the focus instead.
      set({ searchDraft: { ...emptySearchDraft, tokenUid: uid }, searchFocus: 'form' });
      get().showView('search');
      return get().runSearch({ tokenUid: uid });
    },
    searchForBarcode: (barcode) => {
      get().closeProduct();
      set({ searchDraft: { ...emptySearchDraft, barcode }, searchFocus: 'results' });
      get().showView('search');
      return get().runSearch({ barcode });
    },
    requestSearchFocus: (searchFocus) => set({ searchFocus }),
    takeSearchFocus: (target) => {
      if (get().searchFocus !== target) return false;
      set({ searchFocus: null });
      return true;
    },
  });
