/**
 * The report's markup put into the page a batch of elements at a time, with the page laid out after
 * each batch and a frame drawn between them, so the preview of a large case says how far it is and
 * can be cancelled. Laid out in one go, a case of 3,000 items held the page for 8–9 s without a word
 * (measured 2026-12-06 in the test Chromium: 1,000 items 2.6 s, 3,000 items 8–9 s, nearly all of it
 * style and layout; reading the case and building its HTML took under 0.6 s of it).
 */

/** An item's card in the report's markup (shared/report/reportHtml.ts): what progress counts. */
const CARD = 'section.card';
/** An element holding more elements than this is put in one child at a time (the report, its items section, a long table). */
const SPLIT = 300;
/** What one step aims to cost, layout included: the page answers clicks and draws the progress between steps. */
const STEP_MS = 100;

export interface LayoutProgress {
  /** Item cards in the page, of all the report's. */
  done: number;
  total: number;
  /** Since the layout began. */
  seconds: number;
}

/** A node to put in, and where (the live copy of its parent). */
interface Move {
  node: Node;
  into: Node;
  cards: number;
}

/** The moves that rebuild `source`'s children under `into`, long lists split into their children (each parent first). */
function moves(source: Node, into: Node, out: Move[]): Move[] {
  for (const child of [...source.childNodes]) {
    if (child instanceof Element && child.children.length > 1 && child.getElementsByTagName('*').length > SPLIT) {
      const shell = child.cloneNode(false);
      out.push({ node: shell, into, cards: child.matches(CARD) ? 1 : 0 });
      moves(child, shell, out);
    } else {
      out.push({ node: child, into, cards: child instanceof Element ? (child.matches(CARD) ? 1 : 0) + child.querySelectorAll(CARD).length : 0 });
    }
  }
  return out;
}

/** A frame drawn (where the page is shown: a hidden page draws no frames), then the next task. */
const nextFrame = () => new Promise<void>((resolve) => (document.hidden ? setTimeout(resolve, 0) : requestAnimationFrame(() => setTimeout(resolve, 0))));

/**
 * Fills `target` with `html` (replacing what it held), reporting progress after each step; rejects
 * with the signal's reason once it is aborted, leaving what it had put in (a layout started over has replaced it already).
 */
export async function layoutInSteps(target: HTMLElement, html: string, opts: { signal: AbortSignal; onProgress: (p: LayoutProgress) => void }): Promise<void> {
  const { signal, onProgress } = opts;
  const started = performance.now();
  const template = document.createElement('template');
  template.innerHTML = html;
  const list = moves(template.content, target, []);
  const total = list.reduce((n, m) => n + m.cards, 0);
  target.replaceChildren();
  let done = 0;
  // Items (or other elements) per step, tuned from the last step's cost.
  let perStep = 20;
  for (let i = 0; i < list.length; ) {
    signal.throwIfAborted();
    const stepStart = performance.now();
    for (let n = 0; i < list.length && n < perStep; i++) {
      const m = list[i]!;
      m.into.appendChild(m.node);
      done += m.cards;
      n += Math.max(1, m.cards);
    }
    void target.offsetHeight; // lay it out now, inside the step it belongs to
    const cost = performance.now() - stepStart;
    perStep = Math.max(1, Math.min(perStep * 4, Math.round((perStep * STEP_MS) / Math.max(cost, 1))));
    onProgress({ done, total, seconds: (performance.now() - started) / 1000 });
    if (i < list.length) await nextFrame();
  }
  signal.throwIfAborted();
}
