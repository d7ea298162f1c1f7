import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/StoreProvider';
import { isPlainKey, isTypingTarget } from '../../ui/shortcutKeys';

/**
 * `/` or Ctrl+F (⌘F) opens Search with its first field focused, from any view. Neither acts
 * while a field has focus: `/` must stay typeable, and leaving Settings mid-edit would drop
 * the unsaved form.
 */
export function useSearchShortcut(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Not under an open action dialog either: the view behind it must stay as it was.
      if (event.defaultPrevented || isTypingTarget(event.target) || store.getState().pendingAction !== null) return;
      const slash = event.key === '/' && isPlainKey(event);
      const find = event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!slash && !find) return;
      event.preventDefault();
      store.getState().openSearchForm();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
