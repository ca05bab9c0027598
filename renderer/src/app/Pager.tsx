import { useEffect, useRef, useState } from 'react';

/**
 * Previous / Next page buttons over `pages` pages (`page` from 0). The first (or last) page disables
 * its button: when the button just pressed disables itself, focus moves to the other one, not to
 * the page's body. `label` names the group (several pagers on a page). A turn is said ("Page 2 of 5"):
 * the focus stays on the button, so nothing else would tell a screen reader that the rows changed.
 */
export function Pager({ page, pages, onPage, label }: { page: number; pages: number; onPage: (page: number) => void; label?: string }) {
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const pressed = useRef<HTMLButtonElement | null>(null);
  // Checked once the new page is rendered: the button is disabled only then.
  useEffect(() => {
    const b = pressed.current;
    pressed.current = null;
    const a = document.activeElement;
    if (b?.disabled && (a === b || !a || a === document.body)) (b === previous.current ? next : previous).current?.focus();
  }, [page, pages]);
  const [turned, setTurned] = useState(false);
  const turn = (by: 1 | -1, button: HTMLButtonElement) => {
    pressed.current = button;
    setTurned(true);
    onPage(page + by);
  };
  return (
    <div className="pager" role={label ? 'group' : undefined} aria-label={label}>
      <button type="button" ref={previous} onClick={(e) => turn(-1, e.currentTarget)} disabled={page <= 0}>Previous page</button>
      <button type="button" ref={next} onClick={(e) => turn(1, e.currentTarget)} disabled={page + 1 >= pages}>Next page</button>
      <span aria-live="polite" className="visually-hidden">{turned ? `Page ${page + 1} of ${pages}` : ''}</span>
    </div>
  );
}
