/**
 * A ref callback for what appears when work ends or starts (a result, a Cancel button): it takes
 * keyboard focus only if focus was lost — on the page's body, or on a control the work disabled
 * (Import, Build network, Create key) — so a keyboard user is not sent back to the top of the page.
 * Stable identity, so React calls it once per element.
 */
export function focusIfLost(el: HTMLElement | null): void {
  const a = document.activeElement;
  if (el && (!a || a === document.body || (a as HTMLButtonElement).disabled)) focusInView(el);
}

/**
 * Focus, scrolled into view only as far as needed (a Cancel button below the fold, a details
 * heading above a scrolled panel), never to the top: focus alone would jump the page to it.
 */
export function focusInView(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Focus the page's heading (#view-title), for when what had focus is gone with its work (a deleted
 * card, a dismissed notice). A heading takes focus only with a tabindex, which the first page has
 * not been given yet (App gives one on each page change).
 */
export function focusPageHeading(): void {
  const heading = document.getElementById('view-title');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  focusInView(heading);
}
