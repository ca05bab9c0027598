/**
 * A ref callback for what appears when work ends or starts (a result, a Cancel button): it takes
 * keyboard focus only if focus was lost — on the page's body, or on a control the work disabled
 * (Import, Build network, Create key) — so a keyboard user is not sent back to the top of the page.
 * Stable identity, so React calls it once per element.
 */
export function focusIfLost(el: HTMLElement | null): void {
  const a = document.activeElement;
  if (el && (!a || a === document.body || (a as HTMLButtonElement).disabled)) {
    el.focus({ preventScroll: true });
    // Into view only as far as needed (a Cancel button below the fold), never to the top.
    el.scrollIntoView?.({ block: 'nearest' });
  }
}
