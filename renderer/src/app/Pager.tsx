import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../../../shared/domain/countWords';

/**
 * First / Previous / Next / Last page buttons and a page number to go to, over `pages` pages (`page`
 * from 0). The first (or last) page disables the buttons towards it: when the button just pressed
 * disables itself, focus moves to the nearest one still enabled, not to the page's body. `label`
 * names the group (several pagers on a page). A turn is said ("Page 2 of 5"): the focus stays on
 * the button, so nothing else would tell a screen reader that the rows changed.
 */
export function Pager({ page, pages, onPage, label }: { page: number; pages: number; onPage: (page: number) => void; label?: string }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const pressed = useRef<number | null>(null);
  // Checked once the new page is rendered: a button is disabled only then.
  useEffect(() => {
    const i = pressed.current;
    pressed.current = null;
    const b = i === null ? null : buttons.current[i];
    const a = document.activeElement;
    if (!b?.disabled || (a !== b && a && a !== document.body)) return;
    // First or Previous disabled: on to Next, then Last; Next or Last: back to Previous, then First.
    const order = i! < 2 ? [2, 3] : [1, 0];
    order.map((k) => buttons.current[k]).find((k) => k && !k.disabled)?.focus();
  }, [page, pages]);
  const [turned, setTurned] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const goTo = (to: number, button?: number) => {
    pressed.current = button ?? null;
    setTurned(true);
    onPage(Math.min(pages - 1, Math.max(0, to)));
  };
  /** The typed page number, once entered (Enter or leaving the box); one out of range goes to the nearest page. */
  const enter = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (Number.isInteger(n) && n - 1 !== page) goTo(n - 1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') enter();
    else if (e.key === 'Escape' && draft !== null) (e.stopPropagation(), setDraft(null));
  };
  const button = (i: number, text: string, to: number, disabled: boolean) => (
    <button type="button" ref={(b) => void (buttons.current[i] = b)} onClick={() => goTo(to, i)} disabled={disabled}>{text}</button>
  );
  return (
    <div className="pager" role={label ? 'group' : undefined} aria-label={label}>
      {button(0, 'First page', 0, page <= 0)}
      {button(1, 'Previous page', page - 1, page <= 0)}
      <label>
        Page{' '}
        <input type="number" inputMode="numeric" min={1} max={pages} value={draft ?? String(page + 1)} disabled={pages <= 1}
          onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} onBlur={enter} />
        {' '}of {formatCount(pages)}
      </label>
      {button(2, 'Next page', page + 1, page + 1 >= pages)}
      {button(3, 'Last page', pages - 1, page + 1 >= pages)}
      <span aria-live="polite" className="visually-hidden">{turned ? `Page ${formatCount(page + 1)} of ${formatCount(pages)}` : ''}</span>
    </div>
  );
}
