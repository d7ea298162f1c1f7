import type { SliceCreator } from '../appState';

export type ProductImageState = { kind: 'loading' } | { kind: 'ready'; dataUrl: string } | { kind: 'failed' };

export interface ProductImageSlice {
  /** By image URL: many products share one image, so each is asked for once. */
  productImages: Readonly<Record<string, ProductImageState>>;
  /** Asks the core for the image unless it is loading or there; a failed one is tried again. */
  loadProductImage: (url: string) => void;
}

const keptImages = 48;

export const createProductImageSlice: SliceCreator<ProductImageSlice> =
  ({ api }) =>
  (set, get) => {
    const settle = (url: string, state: ProductImageState) => {
      const rest = Object.entries(get().productImages).filter(([key]) => key !== url);
      // Oldest first: keep the newest few so a long shift does not pile up data URLs.
      set({ productImages: Object.fromEntries([...rest.slice(-(keptImages - 1)), [url, state]]) });
    };
    return {
      productImages: {},
      loadProductImage: (url) => {
        const current = get().productImages[url];
        if (current !== undefined && current.kind !== 'failed') return;
        settle(url, { kind: 'loading' });
        api.invoke('venueManager.productImage', { url }).then(
          ({ dataUrl }) => settle(url, { kind: 'ready', dataUrl }),
          () => settle(url, { kind: 'failed' }),
        );
      },
    };
  };
