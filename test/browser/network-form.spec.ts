import path from 'node:path';
import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';

// The Network view (QA): datasets named with their counts in words.

test('a dataset of one tweet is offered as “(1 tweet)” in the Explore and Network dataset lists, and its Overview says “1 tweet”', async ({ page }) => {
  await page.goto('#/datasets');
  await importFiles(page, [realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  // A second dataset: a tweets file of one row.
  const one = writeTweetRows(path.join(tempDir(), 'other.csv'), 11, 3000, 0, 1);
  await importFiles(page, [one]);
  await waitForImportDone(page);

  await page.goto('#/explore');
  const exploreList = page.getByLabel('Dataset');
  await expect(exploreList.locator('option')).toHaveText(['ira_2018 (2 tweets)', 'other (1 tweet)']);
  await exploreList.selectOption({ label: 'other (1 tweet)' });
  await expect(page.getByTestId('range-status')).toHaveText('1 tweet', { timeout: 60_000 });

  await page.goto('#/network');
  await expect(page.getByLabel('Dataset').locator('option')).toHaveText(['ira_2018 (2 tweets)', 'other (1 tweet)']);
});
