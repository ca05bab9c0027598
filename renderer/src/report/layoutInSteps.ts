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
 * Every web font the markup's text needs, loaded while the page holds none of it: `target` empties,
 * then shows (unseen) each character of the text once, in the markup's outer element (the report's
 * fonts), plain and bold, so Chromium's font fallback asks for the faces the report will use, and
 * the faces load. A face that loaded with the report in the page re-laid out every line of it (all
 * the report's text is set in the one list of fonts), and each script's face loaded as the first card
 * in that script came in, so a large case froze between batches, longer the further it was. Measured
 * 2026-12-06 in the test Chromium, 3,000 posts in twelve scripts, a script a band of 250 posts: 19
 * tasks of 0.5–16 s, 130 s to lay out; with the fonts first, no task of 0.5 s or more once the first
 * item is in (1,200 posts: 8 tasks of 0.5–1.7 s, 17.6 s; then none over 0.3 s, 4.2 s).
 */
async function loadFontsFirst(target: HTMLElement, markup: DocumentFragment, signal: AbortSignal): Promise<void> {
  target.replaceChildren();
  const outer = markup.firstElementChild;
  const text = markup.textContent ?? '';
  if (!outer || !text) return;
  const characters = [...new Set(text.replace(/\s+/g, ''))].join('');
  const probe = outer.cloneNode(false) as Element;
  probe.classList.add('font-probe');
  probe.setAttribute('aria-hidden', 'true');
  const bold = document.createElement('b');
  bold.textContent = characters;
  probe.append(characters, bold);
  target.appendChild(probe);
  void target.offsetHeight; // laid out: the faces its characters fall back to begin loading
  signal.throwIfAborted();
  await Promise.race([document.fonts.ready, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))]);
  target.replaceChildren();
}

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
  await loadFontsFirst(target, template.content, signal);
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
