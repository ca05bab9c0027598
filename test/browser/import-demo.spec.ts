import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { expect, test } from './fixtures';
import { counts, datasetCard, storeSummary, waitForImportDone } from './importHelpers';

test('the demo archive, opened from the empty state, imports with counts equal to the generator ground truth', async ({ page, requests, consoleLog }) => {
  test.setTimeout(300_000); // the worker generates the archive twice (hash, parse); slow on a loaded 2-core machine
  const truth = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth;
  await page.getByRole('button', { name: 'Open demo archive' }).click();
  await waitForImportDone(page, 240_000);
  const card = datasetCard(page, 'demo');
  const shown = await counts(card);
  expect(shown.tweets).toBe(truth.counts.tweets);
  expect(shown.accounts).toBe(truth.counts.accounts);
  expect(shown.rejected).toBe(0);
  const store = await storeSummary(page);
  expect(store.tweets).toBe(truth.counts.tweets);
  expect(store.accounts).toBe(truth.counts.accounts);
  expect(store.tweetBlocks).toBe(Math.ceil(truth.counts.tweets / 2000));
  expect(store.tweetIdBlocks).toBe(store.tweetBlocks);
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
