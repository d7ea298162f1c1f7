import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';
import { isPlainKey, isTypingTarget } from '../../ui/shortcutKeys';

/** `G` on Identify opens the Gate view (never while typing, nor while an action dialog is open). */
export function useGateKey(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'g' || event.repeat || event.defaultPrevented) return;
      if (!isPlainKey(event) || isTypingTarget(event.target) || store.getState().pendingAction !== null) return;
      event.preventDefault();
      store.getState().showView('gate');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
