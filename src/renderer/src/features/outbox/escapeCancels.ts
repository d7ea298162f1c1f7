import type { KeyboardEvent } from 'react';

/**
 * A form's Escape closes it without sending, and goes no further: the view's own Escape (back to
 * Identify) must not fire as well.
 */
export function escapeCancels(onCancel: () => void): (event: KeyboardEvent<HTMLFormElement>) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
}
