import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations, openDemoArchive } from './exploreHelpers';
import { datasetCard, importFiles, waitForImportDone } from './importHelpers';
import { buildNetwork } from './networkHelpers';

/**
 * axe (serious and critical) over the views the Explore and Cases specs do not scan: the Datasets
 * page with its receipts, quarantine, indicators and Reddit tables open, and the Network view with a
 * built network, and a coordination network with an edge's details (post pairs, window sweep) open.
 */
test('the Datasets page with every table of a dataset open has no serious accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]);
  await waitForImportDone(page);
  await importFiles(page, [
    realFixture('reddit_2018_suspiciousaccounts_seed.csv'),
    realFixture('reddit_2018_suspiciousaccounts_users_praw.csv'),
    realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'),
  ]);
  await waitForImportDone(page);
  const damaged = datasetCard(page, /EXCEL_RESAVED/);
  await damaged.getByRole('button', { name: /Show quarantined rows/ }).click();
  await expect(damaged.getByRole('table', { name: /Quarantined rows/ }).getByRole('row')).not.toHaveCount(0);
  const reddit = datasetCard(page, /reddit_2018/);
  await reddit.getByRole('button', { name: /^Show indicators/ }).click();
  await reddit.getByRole('button', { name: /^Show Reddit accounts/ }).click();
  await expect(reddit.getByRole('table', { name: /Reddit accounts of/ }).locator('tbody tr')).not.toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});

test('the Network view, an interaction and a coordination network with an edge\'s details open, has no serious accessibility violation', async ({ page }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  await page.goto('/#/network');
  await buildNetwork(page, 'Retweet');
  await expectNoSeriousAxeViolations(page);
  await buildNetwork(page, 'Co-retweet (coordination)');
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  await expect(page.getByRole('heading', { name: /Edge/ }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
