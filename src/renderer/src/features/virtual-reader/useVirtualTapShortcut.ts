import { useEffect } from 'react';
import { selectIsDemo } from '../../store/selectors';
import { useAppStoreApi } from '../../store/StoreProvider';

/** F2 taps the virtual reader, from any view, but only in demo mode. */
export function useVirtualTapShortcut(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F2' || event.repeat) return;
      const state = store.getState();
      if (!selectIsDemo(state)) return;
      event.preventDefault();
      void state.virtualTap(state.selectedSampleUid === '' ? undefined : state.selectedSampleUid);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
