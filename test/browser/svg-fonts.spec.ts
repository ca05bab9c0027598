import { expect, test } from './fixtures';
import { download, openSearchOfRows } from './exploreHelpers';
import { CLIENT_FACES, CLIENT_ROWS, CLIENTS, embeddedFamilies, expectFacesLoadedElsewhere } from './svgFontsTools';

/**
 * QA: a chart saved as SVG and opened on another computer drew its Chinese and Arabic labels in
 * whatever fonts that computer had (boxes where it had none) and its emoji in another style. The SVG
 * now carries the app's own font files for the characters it draws, as data URLs: a viewer with
 * none of those fonts installed draws the text as the app did.
 */
test('a chart saved as SVG carries the fonts its CJK, Arabic, emoji and flag text is drawn in, and a page with no fonts of its own loads them', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  await openSearchOfRows(page, 'client_names_tweets_csv_unhashed.csv', CLIENT_ROWS);
  await page.goto('#/explore');
  const figure = page.locator('[data-chart="clients"]');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  const svg = (await download(page, () => figure.getByRole('button', { name: /as SVG$/ }).click())).bytes.toString('utf8');
  for (const client of CLIENTS) expect(svg).toContain(client);
  const embedded = embeddedFamilies(svg);
  expect(new Set(embedded)).toEqual(new Set(CLIENT_FACES)); // each character in the face that draws it on screen
  // Only the slices the text needs: a few of Noto Sans SC's ~100, not the whole font.
  expect(embedded.filter((f) => f === 'Noto Sans SC').length).toBeLessThan(10);
  expect(svg.length).toBeLessThan(3_000_000);
  await expect(figure.getByRole('status')).toContainText(/Saved SVG \([\d,]+ bytes\)/);

  // Another browser profile, a page with no stylesheet of the app: the SVG's own faces draw each label's characters.
  await expectFacesLoadedElsewhere(page, svg);
  expect(consoleLog.errors).toEqual([]);
});
