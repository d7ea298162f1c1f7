import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';
import { isPlainKey, isTypingTarget } from '../../ui/shortcutKeys';

/** `S` searches for the unknown wristband on screen: the one-key jump from "not found". */
export function useSearchWristbandKey(uid: string): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || event.repeat || event.defaultPrevented) return;
      if (!isPlainKey(event) || isTypingTarget(event.target)) return;
      event.preventDefault();
      void store.getState().searchForWristband(uid);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, uid]);
}
