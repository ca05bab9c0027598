import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createDemoArchive, DEMO_TWEETS_FILE } from '../../shared/archive/demo/demoArchive';
import { splitCsvBytes } from '../../shared/archive/csvRecords';
import { expect, test } from './fixtures';
import { download } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';

const TWEETS = 200_000;

test('a search export of every tweet (200,000, oldest first) shows its progress, stops at Cancel, then saves them all in time order', async ({ page, consoleLog }) => {
  test.setTimeout(600_000);
  // Big enough that the export is still running when Cancel is pressed.
  const demo = createDemoArchive({ seed: 8, tweets: TWEETS });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dw-search-export-')), DEMO_TWEETS_FILE);
  const out = createWriteStream(file);
  for await (const chunk of demo.tweetsCsv(1 << 20)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  await importFiles(page, [file]);
  await waitForImportDone(page, 300_000);

  await page.goto('#/explore/search');
  await page.getByLabel('Order').selectOption('oldest');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('200,000 tweets match (no search words', { timeout: 120_000 });
  const exportButton = page.getByRole('button', { name: 'Export all 200,000 matches as CSV' });
  let downloads = 0;
  page.on('download', () => downloads++);
  // From the keyboard: the focus goes to Cancel export while it runs, then to the news of its end.
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-export-progress')).toContainText('of 200,000 tweets');
  await expect(exportButton).toBeDisabled();
  const cancel = page.getByRole('button', { name: 'Cancel export' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-export')).toHaveText('Export cancelled: nothing saved.');
  await expect(page.getByTestId('search-export').locator('span')).toBeFocused();
  await expect(page.getByTestId('search-export-progress')).toHaveCount(0);
  expect(downloads).toBe(0);

  const csv = await download(page, async () => {
    await exportButton.click();
    // Rows per second and the time left, once it has run half a second.
    await expect(page.getByTestId('search-export-progress')).toContainText('tweets/s', { timeout: 60_000 });
  }, '.csv');
  await expect(page.getByTestId('search-export')).toContainText('Exported 200,000 tweets (every tweet the filters allow: oldest first)');
  const [h, ...rows] = splitCsvBytes([csv.bytes]).map((r) => r.fields as string[]);
  expect(rows).toHaveLength(TWEETS);
  const time = h!.indexOf('tweet_time');
  const times = rows.map((r) => r[time]!);
  expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
  expect(new Set(rows.map((r) => r[h!.indexOf('tweetid')])).size).toBe(TWEETS);
  expect(consoleLog.errors).toEqual([]);
});
