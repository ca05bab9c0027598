import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { counts, datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { tempDir } from './importTempFiles';
import { textBox } from './screenInk';

/** QA of the Datasets page as an analyst reads it: receipts' sizes, right-to-left dataset names in captions. */

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** The spreadsheet-resaved FiveThirtyEight excerpt (100 rows, all quarantined; no line break at its end) under `name` in `dir`. */
function excelCopy(dir: string, name = 'حملة_التأثير.csv'): string {
  const file = path.join(dir, name);
  copyFileSync(realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv'), file);
  return file;
}

/** Import `first`, dismiss its outcome, then import `then` (without waiting for it). */
async function importOneThenAnother(page: Page, first: string, then: string): Promise<void> {
  await importFiles(page, [first]);
  await waitForImportDone(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [then]);
}

test('a receipt gives each file’s exact size in bytes beside the rounded one (the unended-row note asks to compare it), and a gzip’s too', async ({ page }) => {
  const dir = tempDir();
  // The spreadsheet-resaved excerpt ends with no line break: its receipt says to compare its size with the published one's.
  const excel = excelCopy(dir);
  const users = readFileSync(realFixture('china_082019_1_users_csv_hashed.csv'));
  const gz = path.join(dir, 'china_082019_1_users_csv_hashed.csv.gz');
  writeFileSync(gz, gzipSync(users));
  await importOneThenAnother(page, excel, gz);
  await waitForImportDone(page);

  const excelRow = datasetCard(page, 'حملة_التأثير').getByRole('table', { name: /Files of/ }).getByRole('row').nth(1);
  await expect(excelRow.getByTestId('unended-last-row')).toContainText('compare its size with the published one');
  const excelSize = excelRow.getByRole('cell').nth(1);
  await expect(excelSize).toContainText(/^\d+ KB/);
  await expect(excelSize.getByTestId('exact-size')).toHaveText(bytes(statSync(excel).size));
  // A file read in a few milliseconds is not said to have taken "0.0 s".
  await expect(excelRow.getByRole('cell').nth(8)).toHaveText(/^(\d+ ms|\d+\.\d s)$/);
  await expect(excelRow.getByRole('cell').nth(8)).not.toHaveText('0.0 s');

  const gzSize = datasetCard(page, 'china_082019_1').getByRole('table', { name: /Files of/ }).getByRole('row').nth(1).getByRole('cell').nth(1);
  await expect(gzSize.getByTestId('exact-size')).toHaveText(bytes(users.length));
  await expect(gzSize).toContainText(new RegExp(`gzip [\\d.]+ [KM]?B, ${bytes(statSync(gz).size)}`));
});

/** Where `word` is drawn inside `el`, left and right edges (screenInk's textBox: a Range over the text node holding it). */
const edges = async (el: Locator, word: string) => {
  const box = await textBox(el, word);
  return { left: box.x, right: box.x + box.width };
};

test('a right-to-left dataset name keeps the count after it in the quarantine’s and the indicators’ captions', async ({ page }) => {
  const dir = tempDir();
  const excel = excelCopy(dir);
  const meta = path.join(dir, 'מדדים_מטא.csv');
  copyFileSync(realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'), meta);
  await importOneThenAnother(page, excel, meta);
  await waitForImportDone(page);

  const metaCard = datasetCard(page, 'מדדים_מטא');
  const indicators = Number((await metaCard.locator('dd[data-count="indicators"]').innerText()).replace(/,/g, ''));
  expect(indicators).toBeGreaterThan(0);
  await metaCard.getByRole('button', { name: /Show indicators/ }).click();
  const metaCaption = metaCard.getByRole('table', { name: /Indicators of/ }).locator('caption');
  const total = indicators.toLocaleString('en-US');
  await expect(metaCaption).toContainText(`: ${total} of ${total} match`);
  const m = { name: await edges(metaCaption, 'מדדים_מטא'), count: await edges(metaCaption, total) };
  expect(m.name.right).toBeLessThanOrEqual(m.count.left + 1);

  const quarantineCard = datasetCard(page, 'حملة_التأثير');
  await quarantineCard.getByRole('button', { name: /Show quarantined rows/ }).click();
  const caption = quarantineCard.getByRole('table', { name: /Quarantined rows of/ }).locator('caption');
  await expect(caption).toContainText('Quarantined rows of حملة_التأثير: 100 (page 1 of 2;');
  const q = { of: await edges(caption, 'rows of'), name: await edges(caption, 'حملة_التأثير'), count: await edges(caption, '100') };
  // Read left to right as written: "rows of", the name, then its count (the bidi algorithm had put "100" before the name).
  expect(q.of.right).toBeLessThanOrEqual(q.name.left + 1);
  expect(q.name.right).toBeLessThanOrEqual(q.count.left + 1);
});

test('a picture or a PDF given as .csv is refused as what it is, not as text to re-save as UTF-8 or as an unknown header', async ({ page }) => {
  const dir = tempDir();
  const png = path.join(dir, 'chart.csv');
  // A PNG's first line ends at its signature's \r\n, before any NUL: it was read as text "not valid UTF-8".
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
  const pdf = path.join(dir, 'takedown_report.csv');
  writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]));
  await importFiles(page, [png, pdf]);
  await waitForImportDone(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
  await expect(alert).toContainText('Import failed: nothing was added. All 2 files were refused:');
  const refused = alert.getByRole('list', { name: 'Refused files' }).getByRole('listitem');
  await expect(refused).toHaveText([
    'chart.csv: a PNG image, not CSV text; expected a CSV text file, a .gz or a .zip.',
    'takedown_report.csv: a PDF document, not CSV text; expected a CSV text file, a .gz or a .zip.',
  ]);
  // The outcome takes the focus, and Escape dismisses it back to the file picker.
  await expect(alert).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel(/Import archive files/)).toBeFocused();
  expect((await storeSummary(page)).datasets).toHaveLength(0);
});

test('a very long dataset name (a file name in one word) wraps: the Datasets page never scrolls sideways', async ({ page }) => {
  const dir = tempDir();
  const long = excelCopy(dir, `twitter_information_operations_2020_12_state_linked_network_${'part_of_a_very_long_release_name_'.repeat(5)}EXCEL_RESAVED.csv`);
  const name = path.basename(long, '.csv');
  const sideways = () => page.locator('.app-main').evaluate((main) => main.scrollWidth - main.clientWidth);
  await importFiles(page, [long]);
  await waitForImportDone(page);
  // The outcome names the dataset; its card's heading; the "Import into" list offers it.
  await expect(page.locator('.import-done')).toContainText(`Imported into “${name}”`);
  expect(await sideways()).toBeLessThanOrEqual(0);
  const card = datasetCard(page, name);
  await card.getByRole('button', { name: /Show quarantined rows/ }).click();
  await card.getByRole('button', { name: /Delete dataset/ }).click();
  await expect(card.getByRole('group', { name: 'Confirm deletion' })).toContainText(`Delete “${name}” and all its records?`);
  expect(await sideways()).toBeLessThanOrEqual(0);
  // The heading and the question stay inside the card.
  const inside = await card.evaluate((c) => {
    const right = c.getBoundingClientRect().right;
    return [...c.querySelectorAll('h2, [role=group]')].map((e) => e.getBoundingClientRect().right <= right + 0.5);
  });
  expect(inside).toEqual([true, true]);
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByTestId('dataset-deleted')).toHaveText(`Deleted “${name}” and all its records.`);
  expect(await sideways()).toBeLessThanOrEqual(0);
});

test('the same file imported again is skipped, naming its dataset in the app’s quotes (a right-to-left name isolated)', async ({ page }) => {
  const dir = tempDir();
  const excel = excelCopy(dir);
  await importOneThenAnother(page, excel, excel);
  const done = page.locator('.import-done');
  await expect(done).toContainText('Nothing new was imported.');
  await expect(done.getByRole('list', { name: 'Skipped files' }).getByRole('listitem')).toHaveText(
    'حملة_التأثير.csv: already imported into dataset “\u2068حملة_التأثير\u2069” (same SHA-256): nothing added',
  );
  await expect(done).toBeFocused();
  expect((await storeSummary(page)).datasets).toHaveLength(1);
});

test('deleting one of two datasets of one name: the question says what it holds, in counts, so the two are told apart', async ({ page }) => {
  const dir = tempDir();
  // Two datasets named alike (the same file name, other content): the FiveThirtyEight excerpt, and the IRA users excerpt.
  const first = excelCopy(dir, 'release.csv');
  const other = path.join(tempDir(), 'release.csv');
  copyFileSync(realFixture('ira_2018_users_csv_hashed_excerpt.csv'), other);
  await importOneThenAnother(page, first, other);
  await waitForImportDone(page);
  const cards = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: 'release' }) });
  await expect(cards).toHaveCount(2);
  const holds: string[] = [];
  for (const card of await cards.all()) {
    const c = await counts(card);
    await card.getByRole('button', { name: /Delete dataset/ }).click();
    const said = card.getByTestId('delete-holds');
    const expected = [c.tweets && `${c.tweets.toLocaleString('en-US')} tweet${c.tweets === 1 ? '' : 's'}`, c.accounts && `${c.accounts.toLocaleString('en-US')} account${c.accounts === 1 ? '' : 's'}`, c.rejected && `${c.rejected.toLocaleString('en-US')} quarantined row${c.rejected === 1 ? '' : 's'}`].filter(Boolean);
    await expect(said).toHaveText(`It holds ${expected.join(', ')} and the receipts of 1 file.`);
    holds.push(await said.innerText());
    await card.getByRole('button', { name: 'Keep' }).click();
  }
  expect(new Set(holds).size).toBe(2);
});
