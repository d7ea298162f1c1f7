import { useEffect } from 'react';
import { useAppStoreApi } from '../store/StoreProvider';
import { hashForView, viewFromHash } from '../routing/viewHash';

/**
 * Keeps the store's view and `location.hash` in step, both ways. Hash routing only: the
 * pathname and the query (which carries the browser-mode key) are never touched.
 */
export function useHashRoute(): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const applyHash = () => {
      const view = viewFromHash(window.location.hash);
      if (view === null) {
        window.history.replaceState(window.history.state, '', hashForView('identify'));
        store.getState().showView('identify');
      } else if (view !== store.getState().view) {
        store.getState().showView(view);
      }
    };
    applyHash();
    window.addEventListener('hashchange', applyHash);

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.view !== previous.view && viewFromHash(window.location.hash) !== state.view) {
        window.location.hash = hashForView(state.view);
      }
    });

    return () => {
      window.removeEventListener('hashchange', applyHash);
      unsubscribe();
    };
  }, [store]);
}
