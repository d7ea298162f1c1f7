import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';

/** Escape leaves Settings for Identify, unless something inside (a dialog, a picker) used it. */
export function useEscapeBack(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      store.getState().showView('identify');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
