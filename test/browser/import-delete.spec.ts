import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';

test('deleting a dataset asks first, then removes it and all its records; the other dataset stays', async ({ page }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]);
  await waitForImportDone(page);
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, /EXCEL_RESAVED/);
  const deleteButton = card.getByRole('button', { name: 'Delete dataset…' });
  await deleteButton.click();
  // The confirmation takes focus on "Keep" (Enter twice must not delete); Keep and Escape back out, to the button.
  await expect(card.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(deleteButton).toBeFocused();
  expect((await storeSummary(page)).datasets).toHaveLength(2);
  await deleteButton.click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  // Focus goes to the page's heading, not the body.
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeFocused();
  await expect(datasetCard(page, 'ira_2018')).toBeVisible();
  const store = await storeSummary(page);
  expect(store.datasets.map((d) => d.name)).toEqual(['ira_2018']);
  expect(store.quarantine).toBe(0);
  expect(store.tweets).toBe(2);
  expect(store.tweetIdBlocks).toBe(1); // the deleted dataset's ids records went with it
  expect(store.files).toBe(2);
});
