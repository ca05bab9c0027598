import type { KeyboardEventHandler } from 'react';

/**
 * The onKeyDown of a details panel (an edge's, an account's): Escape within it, unless something
 * inside has already handled the key, calls onClose. Without onClose the key is left alone.
 */
export function closeOnEscape(onClose: (() => void) | undefined): KeyboardEventHandler<HTMLElement> {
  return (e) => {
    if (e.key === 'Escape' && onClose && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
    }
  };
}
