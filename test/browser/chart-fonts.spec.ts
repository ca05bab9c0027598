import { expect, test } from './fixtures';
import { download, openSearchOfRows } from './exploreHelpers';
import { CLIENT_ROWS, CLIENTS } from './svgFontsTools';

/**
 * QA: a chart's labels in Chinese or Arabic were drawn on its canvas (and into its PNG) in whatever
 * font the computer had when the app's face for them was not loaded yet: canvas text neither waits
 * for a web font nor is drawn again when it arrives. Charts now load the faces of their characters
 * before drawing (renderer/src/styles/canvasFonts.ts). Every text the page's canvases draw is
 * recorded with whether the faces it needs were loaded at that moment (document.fonts.check).
 */
test('a chart draws its CJK, Arabic and emoji labels, on screen and in its PNG, only once their faces are loaded', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  await openSearchOfRows(page, 'client_names_tweets_csv_unhashed.csv', CLIENT_ROWS);
  await page.addInitScript(() => {
    const w = window as unknown as { __drawn: { text: string; loaded: boolean }[] };
    w.__drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
      if (/[^\x20-\x7e]/.test(String(text))) w.__drawn.push({ text: String(text), loaded: document.fonts.check(this.font, String(text)) });
      return fill.call(this, text, ...rest);
    };
  });
  await page.goto('/#/explore');
  await page.reload(); // a new document: no face of the app loaded but what the page's text asks for
  const figure = page.locator('[data-chart="clients"]');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  const drawn = () => page.evaluate(() => (window as unknown as { __drawn: { text: string; loaded: boolean }[] }).__drawn);
  await expect.poll(async () => (await drawn()).map((d) => d.text).join('\n'), { timeout: 30_000 }).toContain(CLIENTS[0]);
  const png = await download(page, () => figure.getByRole('button', { name: /as PNG$/ }).click());
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const all = await drawn();
  for (const client of CLIENTS) expect(all.filter((d) => d.text.includes(client)).length, client).toBeGreaterThanOrEqual(2); // on screen, then in the PNG
  expect(all.filter((d) => !d.loaded)).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
