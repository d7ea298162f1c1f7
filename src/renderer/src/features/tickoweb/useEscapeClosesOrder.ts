import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';

/** Escape closes the opened Tickoweb order and returns to the view under it, unless something inside used it. */
export function useEscapeClosesOrder(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      store.getState().closeTickowebOrder();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
