import { useEffect } from 'react';

/**
 * Escape backs out of the dialog first. Listens in the capture phase and marks the key as used,
 * so the view's own Escape (back to results, back to Identify) does not also fire.
 */
export function useEscapeCancels(cancel: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      cancel();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [cancel]);
}
