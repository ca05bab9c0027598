import { useEffect, type RefObject } from 'react';

/**
 * A windowed (virtualized) list unmounts the rows scrolled out of its window. A row holding the
 * keyboard focus (a link, a Pin button) would take the focus with it, leaving it on the page's
 * body: arrow keys pressed on a focused row scroll the list until that happens. When the element
 * that had the focus inside `list` leaves the page, the focus goes to `list` itself (focusable,
 * tabIndex 0), where the arrow keys go on scrolling and Tab reaches the rows shown.
 * `mounted`: whatever changes when the list element is created or replaced (it may appear late).
 */
export function useFocusKeptInList(list: RefObject<HTMLElement | null>, mounted: unknown = true): void {
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    let focused: Element | null = null;
    const onFocusIn = (e: FocusEvent) => void (focused = e.target === el ? null : (e.target as Element));
    // Focus moved elsewhere on purpose (Tab, a click); a removed element's focusout has no relatedTarget.
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget && !el.contains(e.relatedTarget as Node)) focused = null;
    };
    const observer = new MutationObserver(() => {
      if (!focused || focused.isConnected) return;
      focused = null;
      const a = document.activeElement;
      if (!a || a === document.body) el.focus({ preventScroll: true });
    });
    el.addEventListener('focusin', onFocusIn);
    el.addEventListener('focusout', onFocusOut);
    observer.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', onFocusOut);
    };
  }, [list, mounted]);
}
