import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { realFixture } from '../fixtures/paths';
import { splitFields } from '../../shared/archive/csvRecords';
import { csvRecord } from '../../shared/archive/demo/csvFormat';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, waitForImportDone } from './importHelpers';
import { tempDir } from './importTempFiles';

/**
 * A tweet id read again with other content is quarantined as a conflicting duplicate; the quarantine
 * list names the tweet that was kept (its file and row, read from the store when the row is shown)
 * and which of text, time and account differ. Fixtures: real rows of ../shared/fixtures/real, copied
 * into temp files with one column changed.
 */

/** The header and the rows of a real fixture whose records are one line each, as fields. */
function realRows(name: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(realFixture(name), 'utf8').split('\n').filter((l) => l !== '').map((l) => splitFields(l.replace(/\r$/, '')));
  return { header: header!, rows };
}

/** A copy of `row` with the named columns set. */
function edited(header: string[], row: string[], values: Record<string, string>): string[] {
  const out = [...row];
  for (const [column, value] of Object.entries(values)) {
    const i = header.indexOf(column);
    if (i < 0) throw new Error(`no column ${column}`);
    out[i] = value;
  }
  return out;
}

const IRA = 'ira_2018_tweets_csv_hashed_excerpt.csv';
const FIVETHIRTYEIGHT = 'fivethirtyeight_IRAhandle_tweets_1_excerpt.csv';

/**
 * The real 2018 IRA excerpt (2 tweets, 2018 column order) with three rows after them: the first tweet
 * with other text (Arabic and emoji added), the second with another time, the second with other text and time.
 */
function writeIraConflicts(dir: string): string {
  const { header, rows } = realRows(IRA);
  const [a, b] = rows as [string[], string[]];
  const text = (r: string[]) => r[header.indexOf('tweet_text')]!;
  const file = path.join(dir, 'ira_conflicts_tweets_csv_hashed.csv');
  writeFileSync(file, [
    header, a, b,
    edited(header, a, { tweet_text: `${text(a)} — تعديل ✏️` }),
    edited(header, b, { tweet_time: '2014-07-24 19:21' }),
    edited(header, b, { tweet_text: `${text(b)} (правка)`, tweet_time: '2014-07-25 08:00' }),
  ].map(csvRecord).join(''));
  return file;
}

const notes = (page: import('@playwright/test').Page) => page.locator('.quarantine tbody tr').getByTestId('kept-tweet');

test('a conflicting duplicate tweet names the kept tweet’s file and row and what differs: same file, and a FiveThirtyEight file added later', async ({ page, consoleLog }) => {
  const dir = tempDir();
  const ira = writeIraConflicts(dir);
  await importFiles(page, [ira, realFixture(FIVETHIRTYEIGHT)]);
  await waitForImportDone(page);
  // Added to the dataset: the excerpt's third tweet under another account (alt_external_id).
  const fte = realRows(FIVETHIRTYEIGHT);
  const third = fte.rows[2]!;
  const moved = path.join(dir, 'fivethirtyeight_conflicts.csv');
  writeFileSync(moved, [fte.header, edited(fte.header, third, { alt_external_id: '1234567890' })].map(csvRecord).join(''));
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [moved], 'ira_conflicts');
  await waitForImportDone(page);

  const card = datasetCard(page, 'ira_conflicts');
  await card.getByRole('button', { name: /Show quarantined rows \(4\)/ }).click();
  const rows = page.locator('.quarantine tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("tweetid '877919995476496385' was read before with other content");
  await expect(notes(page)).toHaveText([
    'The kept tweet is row 1 of ira_conflicts_tweets_csv_hashed.csv; differing: text.',
    'The kept tweet is row 2 of ira_conflicts_tweets_csv_hashed.csv; differing: time.',
    'The kept tweet is row 2 of ira_conflicts_tweets_csv_hashed.csv; differing: text, time.',
    `The kept tweet is row 3 of ${FIVETHIRTYEIGHT}; differing: account.`,
  ]);
  // Each note sits with its own row (file, row number).
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('4');
  await expect(rows.nth(3).getByRole('cell').first()).toHaveText('fivethirtyeight_conflicts.csv');
  await expect(notes(page).first()).toHaveAttribute('aria-busy', 'false');
  expect(consoleLog.errors).toEqual([]);
});

test('a conflicting duplicate whose kept tweet is not in the store says so', async ({ page }) => {
  await importFiles(page, [writeIraConflicts(tempDir())]);
  await waitForImportDone(page);
  // The dataset's tweets gone from the store (blocks and their ids records), its quarantine kept.
  const removed = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => {
      const tx = r.result.transaction(['tweetBlocks', 'tweetIds'], 'readwrite');
      const blocks = tx.objectStore('tweetBlocks').count();
      tx.objectStore('tweetBlocks').clear();
      tx.objectStore('tweetIds').clear();
      tx.oncomplete = () => (r.result.close(), resolve(blocks.result));
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect(removed).toBeGreaterThan(0);
  await datasetCard(page, 'ira_conflicts').getByRole('button', { name: /Show quarantined rows \(3\)/ }).click();
  await expect(notes(page)).toHaveText([
    'The kept tweet (id 877919995476496385) is not in this dataset’s store (the import that read it may have been cancelled), so where it was read and what differs cannot be said.',
    'The kept tweet (id 492388766930444288) is not in this dataset’s store (the import that read it may have been cancelled), so where it was read and what differs cannot be said.',
    'The kept tweet (id 492388766930444288) is not in this dataset’s store (the import that read it may have been cancelled), so where it was read and what differs cannot be said.',
  ]);
});
