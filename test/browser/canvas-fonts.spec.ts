import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { download, openDemoArchive, openSearchOfRows } from './exploreHelpers';
import { buildNetwork } from './networkHelpers';
import { CLIENT_ROWS, CLIENTS } from './svgFontsTools';

/**
 * QA: a chart's labels in Chinese or Arabic were drawn on its canvas (and into its PNG) in whatever
 * font the computer had when the app's face for them was not loaded yet: canvas text neither waits
 * for a web font nor is drawn again when it arrives. Charts now load the faces of their characters
 * before drawing (renderer/src/styles/canvasFonts.ts), as the network view does for its labels,
 * its legend and its PNG caption.
 * Every text the page's canvases draw is recorded with its font and whether the faces it needs were
 * loaded at that moment. A text drawn in the computer's own fonts (the chart on screen and its PNG's
 * caption were, in `sans-serif`: an emoji in a client's name came out as a box) counts as not loaded.
 */

type Drawn = { text: string; font: string; loaded: boolean }[];

/**
 * From the next document on, records each non-ASCII text a canvas draws and whether the faces that
 * draw it were loaded then: for each character, the faces (of the drawn weight, else any) of the
 * first family in the canvas's font list whose unicode-range holds it. (document.fonts.check is
 * stricter: it also wants faces that never draw the text, such as Noto Sans KR's Latin slice
 * behind Noto Sans.)
 */
async function recordCanvasText(page: Page): Promise<() => Promise<Drawn>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __drawn: { text: string; font: string; loaded: boolean }[] };
    w.__drawn = [];
    const covers = (range: string, cp: number) =>
      range.split(',').some((r) => {
        const m = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(r.trim());
        if (!m) return false;
        const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
        const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'F'), 16);
        return cp >= lo && cp <= hi;
      });
    const loadedFor = (font: string, text: string) => {
      const weight = /\bbold\b|\b[6-9]00\b/.test(font) ? '700' : '400';
      const families = font.replace(/^.*?\d+px\s+/, '').split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
      const faces = [...document.fonts];
      return [...new Set(text)].every((c) => {
        const cp = c.codePointAt(0)!;
        for (const family of families) {
          const holding = faces.filter((f) => f.family.replace(/^["']|["']$/g, '') === family && covers(f.unicodeRange, cp));
          if (!holding.length) continue;
          const weighted = holding.filter((f) => f.weight === weight);
          return (weighted.length ? weighted : holding).every((f) => f.status === 'loaded');
        }
        // No face of the app holds it: drawn in the computer's own fonts, unless the list names the app's.
        return families.includes('Noto Sans');
      });
    };
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
      if (/[^\x20-\x7e]/.test(String(text))) w.__drawn.push({ text: String(text), font: this.font, loaded: loadedFor(this.font, String(text)) });
      return fill.call(this, text, ...rest);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __drawn: Drawn }).__drawn);
}

test('a chart draws its CJK, Arabic and emoji labels, on screen and in its PNG, only once their faces are loaded', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  await openSearchOfRows(page, 'client_names_tweets_csv_unhashed.csv', CLIENT_ROWS);
  const drawn = await recordCanvasText(page);
  await page.goto('/#/explore');
  await page.reload(); // a new document: no face of the app loaded but what the page's text asks for
  const figure = page.locator('[data-chart="clients"]');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await drawn()).map((d) => d.text).join('\n'), { timeout: 30_000 }).toContain(CLIENTS[0]);
  const png = await download(page, () => figure.getByRole('button', { name: /as PNG$/ }).click());
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const all = await drawn();
  for (const client of CLIENTS) expect(all.filter((d) => d.text.includes(client)).length, client).toBeGreaterThanOrEqual(2); // on screen, then in the PNG
  expect(all.filter((d) => !d.loaded)).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('a network draws its Arabic, Hebrew and CJK account labels, on screen and in its PNG, only once their faces are loaded', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  const drawn = await recordCanvasText(page);
  await page.goto('/#/network');
  await page.reload(); // a new document: no face of the app loaded but what the page's text asks for
  await buildNetwork(page, 'Retweet');
  await download(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click());
  const all = await drawn();
  for (const script of [/[\u0600-\u06FF]/, /[\u0590-\u05FF]/, /[\u4E00-\u9FFF]/]) expect(all.some((d) => script.test(d.text)), String(script)).toBe(true);
  expect(all.filter((d) => !d.loaded)).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
