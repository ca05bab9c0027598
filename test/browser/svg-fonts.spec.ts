import { expect, test } from './fixtures';
import { download, openSearchOfRows } from './exploreHelpers';
import type { TweetsRow as Row } from './importTempFiles';

// Client names as archives hold them: Chinese, Arabic, emoji and a flag (made of two regional indicators).
const CLIENTS = ['微博 国际版', 'تويتر للأندرويد', 'Fire 🔥 App 🇭🇰'];
const ROWS: Row[] = CLIENTS.flatMap((client, c) =>
  [0, 1, 2].map((i) => ({ tweetid: `9${c}${i}`, userid: `${c + 1}`, user_screen_name: `user${c}`, tweet_client_name: client, tweet_time: `2019-06-1${i} 12:0${c}` })));

/**
 * QA: a chart saved as SVG and opened on another computer drew its Chinese and Arabic labels in
 * whatever fonts that computer had (boxes where it had none) and its emoji in another style. The SVG
 * now carries the app's own font files for the characters it draws, as data URLs: a viewer with
 * none of those fonts installed draws the text as the app did.
 */
test('a chart saved as SVG carries the fonts its CJK, Arabic, emoji and flag text is drawn in, and a page with no fonts of its own loads them', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  await openSearchOfRows(page, 'client_names_tweets_csv_unhashed.csv', ROWS);
  await page.goto('#/explore');
  const figure = page.locator('[data-chart="clients"]');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  const svg = (await download(page, () => figure.getByRole('button', { name: /as SVG$/ }).click())).bytes.toString('utf8');
  for (const client of CLIENTS) expect(svg).toContain(client);
  const embedded = [...svg.matchAll(/@font-face\{font-family:"([^"]+)";[^}]*src:url\(data:font\/woff2;base64,/g)].map((m) => m[1]);
  // Latin in Noto Sans, Chinese in Noto Sans SC, Arabic in Noto Sans Arabic, 🔥 in Noto Emoji, the flag in DW Flags: as on screen.
  expect(new Set(embedded)).toEqual(new Set(['Noto Sans', 'Noto Sans SC', 'Noto Sans Arabic', 'Noto Emoji', 'DW Flags']));
  // Only the slices the text needs: a few of Noto Sans SC's ~100, not the whole font.
  expect(embedded.filter((f) => f === 'Noto Sans SC').length).toBeLessThan(10);
  expect(svg.length).toBeLessThan(3_000_000);
  await expect(figure.getByRole('status')).toContainText(/Saved SVG \([\d,]+ bytes\)/);

  // Another browser profile, a page with no stylesheet of the app: the SVG's own faces draw each label's characters.
  const elsewhere = await page.context().browser()!.newContext();
  const viewer = await elsewhere.newPage();
  await viewer.setContent(`<!doctype html><meta charset="utf-8"><body>${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const loaded = await viewer.evaluate(async (samples) => {
    const out: Record<string, string[]> = {};
    for (const [family, text] of samples) out[family] = (await document.fonts.load(`16px "${family}"`, text)).map((f) => `${f.family} ${f.status}`);
    return out;
  }, [['Noto Sans SC', '微博国际版'], ['Noto Sans Arabic', 'تويتر'], ['Noto Emoji', '🔥'], ['DW Flags', '🇭🇰'], ['Noto Sans', 'Fire App']] as [string, string][]);
  for (const [family, faces] of Object.entries(loaded)) {
    expect(faces.length, family).toBeGreaterThan(0);
    for (const f of faces) expect(f).toBe(`${family} loaded`);
  }
  await elsewhere.close();
  expect(consoleLog.errors).toEqual([]);
});
