import { expect, test } from './fixtures';
import { exposeModule } from './pageModule';

/**
 * A display name holding U+202E (RIGHT-TO-LEFT OVERRIDE), or a stray POP DIRECTIONAL ISOLATE before
 * one, must not reorder the words the app writes around it. Chromium's own bidi layout is the judge:
 * where each word is drawn, read from a Range over the text.
 */
const NAMES = ['Bob \u202E', 'x\u2069\u202Eevil', '\u2067\u202Dabc'];

for (const contained of [false, true]) {
  test(`an edge title with a bidi-control name ${contained ? 'keeps' : 'loses (uncontained)'} its order: source, arrow, target`, async ({ page }) => {
    await exposeModule(page, 'shared/domain/bidiIsolate.ts', 'bidi');
    const orders = await page.evaluate(
      ({ names, contained }) => {
        const { containBidi } = (globalThis as unknown as { bidi: typeof import('../../shared/domain/bidiIsolate') }).bidi;
        return names.map((name) => {
          const text = `Edge ${contained ? containBidi(name) : name} @bob → Target @target_acc`;
          const p = document.createElement('p');
          p.textContent = text;
          document.body.append(p);
          const node = p.firstChild as Text;
          const left = (word: string) => {
            const r = document.createRange();
            r.setStart(node, text.indexOf(word));
            r.setEnd(node, text.indexOf(word) + word.length);
            return r.getBoundingClientRect().left;
          };
          const x = { edge: left('Edge'), arrow: left('→'), target: left('Target') };
          p.remove();
          return x.edge < x.arrow && x.arrow < x.target;
        });
      },
      { names: NAMES, contained },
    );
    // Without containment the first two names reverse what follows them: the check can see the fault.
    expect(orders).toEqual(contained ? [true, true, true] : [false, false, true]);
  });
}
