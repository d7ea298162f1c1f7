import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';

/** Escape closes the opened product and returns to the results, unless something inside used it. */
export function useEscapeToResults(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      store.getState().closeProduct();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
