import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { realFixture } from '../fixtures/paths';
import { tweetHeader, tweetRow } from '../unit/archive/synthetic';
import { tempDir } from './importTempFiles';
import { expect, test } from './fixtures';
import { counts, datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';

test('the China 2019 users file: 744 accounts, 254 hashed, in the UI and in the store, with its receipt', async ({ page, requests, consoleLog }) => {
  await importFiles(page, [realFixture('china_082019_1_users_csv_hashed.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'china_082019_1');
  await expect(card.locator('[data-count="accounts"]')).toHaveText('744');
  await expect(card.locator('[data-count="hashedAccounts"]')).toHaveText('254');
  const receipts = card.getByRole('table', { name: /Files of/ });
  await expect(receipts).toContainText('d501db9ada6bca5da1f809ae64fde16b78dff891451779bf421c7b49cff04604');
  await expect(receipts).toContainText('twitter-io-users');
  await expect(receipts).toContainText('0.1.0');
  await expect(receipts.getByTestId('unended-last-row')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toHaveCount(0);
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.accounts).toBe(744);
  expect(store.hashedAccounts).toBe(254);
  expect(store.runningImports).toBe(0);
  expect(store.files).toBe(1);
  expect(await counts(card)).toMatchObject({ accounts: 744, hashedAccounts: 254, tweets: 0, rejected: 0 });
  await page.screenshot({ path: 'docs/screenshots/datasets.png', fullPage: false });
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('the spreadsheet-damaged file: every E-notation id quarantined and listed with its row number and raw text', async ({ page, requests }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, /EXCEL_RESAVED/);
  expect(await counts(card)).toMatchObject({ tweets: 0, rejected: 100 });
  await expect(card.getByRole('table', { name: /Files of/ })).toContainText('spreadsheet-damaged-id: 100');
  // A spreadsheet writes no line break after the last row: the receipt says so (a file cut in its last field reads the same).
  await expect(card.getByTestId('unended-last-row')).toHaveText("row 100 ends the file with no line break: if the file may be cut short, compare its size with the published one's");
  await card.getByRole('button', { name: /Show quarantined rows \(100\)/ }).click();
  // Next page is disabled (so no Tab stop) until the first page's rows have loaded.
  await expect(card.getByRole('button', { name: 'Next page' })).toBeEnabled();
  // The pager comes right after the card's buttons, before the 50 rows (each raw text box is a Tab stop).
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Delete dataset…' })).toBeFocused();
  // First and Previous page are disabled on the first page: the page number box, then Next page.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('spinbutton', { name: /Page/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Next page' })).toBeFocused();
  const table = card.getByRole('table', { name: /Quarantined rows/ });
  await expect(table).toContainText('100 (page 1 of 2; rows after each file\'s header row, from 1)');
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(1)).toHaveText('1');
  await expect(first).toContainText('spreadsheet-damaged-id');
  await expect(first).toContainText("'9.05875E+17' is spreadsheet E-notation");
  // Left to right in field order, whatever script its first field is in.
  await expect(first.locator('pre.raw')).toHaveAttribute('dir', 'ltr');
  await expect(first.locator('pre.raw')).toContainText('9.05875E+17');
  await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/quarantine.png', fullPage: false });
  await card.getByRole('button', { name: 'Next page' }).click();
  await expect(table).toContainText('page 2 of 2');
  // Next page is disabled on the last page: focus is on Previous page, not lost to the page's body.
  await expect(card.getByRole('button', { name: 'Previous page' })).toBeFocused();
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('51');
  expect((await storeSummary(page)).quarantine).toBe(100);
  expect(requests.outside()).toEqual([]);
});

test('the 2018 IRA excerpts (users + tweets, 2018 column order) become one dataset', async ({ page }) => {
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const store = await storeSummary(page, true);
  expect(store.datasets).toHaveLength(1);
  expect(store.tweetIds.sort()).toEqual(['492388766930444288', '877919995476496385']);
  // 2 from the users file + the 2 (other) authors of the tweet rows.
  expect(store.accounts).toBe(4);
  expect(store.files).toBe(2);
  expect(store.aggregates).toBe(1);
  const card = datasetCard(page, 'ira_2018');
  expect(await counts(card)).toMatchObject({ accounts: 4, tweets: 2, rejected: 0 });
  await expect(card.getByRole('table', { name: /Files of/ })).toContainText('twitter-io-tweets 2018');
  await expect(card.getByTestId('mixed-sources')).toHaveCount(0); // users and tweets of one release

  // Another release and another source added to it: the card says its accounts cannot be matched across them.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByLabel('Import into').selectOption({ label: 'dataset “ira_2018”' });
  await importFiles(page, [realFixture('china_082019_1_users_csv_hashed.csv'), realFixture('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')]);
  await waitForImportDone(page);
  await expect(card.getByTestId('mixed-sources')).toHaveText(
    'This dataset joins files of different releases (china_082019, ira_2018) and sources (FiveThirtyEight IRA, Twitter IO). A hashed id is the same account only within one release, so their accounts are not matched across them; import each release as a dataset of its own to compare them side by side.',
  );
});

test('Reddit and Meta files: accounts and indicators kept on the dataset', async ({ page, requests }) => {
  await importFiles(page, [
    realFixture('reddit_2018_suspiciousaccounts_seed.csv'),
    realFixture('reddit_2018_suspiciousaccounts_users_praw.csv'),
    realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'),
    realFixture('meta_threat_research_Q2_2023_Spamouflage_China_CIB_killchain.csv'),
    realFixture('meta_threat_research_Q4_2024_China_CIB_killchain.csv'),
  ]);
  await waitForImportDone(page);
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  // 350 indicators + 528 + 21 kill-chain rows (5 rows of empty fields are counted as blank); 941 + 940 Reddit
  // rows kept, each list deduped by username in any case (Reddit's names ignore case: the list names
  // VudonrisMakasa twice, and UelitheLandagelv with two karmas, the second quarantined), of 941 accounts:
  // the praw file harvests the list's accounts (58 of them in another case).
  expect(store.indicators).toBe(350 + 528 + 21);
  expect(store.redditAccounts).toBe(941 + 940);
  const card = datasetCard(page, /reddit_2018/);
  expect(await counts(card)).toMatchObject({ indicators: 899, redditAccounts: 941, rejected: 1, tweets: 0 });
  const receipts = card.getByRole('table', { name: /Files of/ });
  await expect(receipts.getByRole('row')).toHaveCount(6);
  await expect(receipts).toContainText('meta-killchain');
  await expect(receipts).toContainText('reddit-suspicious-accounts');
  // A kill-chain row's Technique and Procedure are shown, since the search matches them.
  await card.getByRole('button', { name: /^Show indicators/ }).click();
  await card.getByLabel('Search indicators').fill('0.9.1 Acquiring Facebook');
  const indicators = card.getByRole('table', { name: /Indicators of/ });
  await expect(indicators.locator('tbody tr').first().locator('td').nth(3)).toContainText('Procedure: 0.9.1 Acquiring Facebook assets');
  await card.getByRole('button', { name: /^Show Reddit accounts/ }).click();
  const reddit = card.getByRole('table', { name: /Reddit accounts of/ });
  await expect(reddit.locator('caption')).toContainText('of 941 match (first 100 shown)');
  // The rest is reached a hundred at a time, not only by searching.
  await card.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(reddit.locator('caption')).toContainText('of 941 match (first 200 shown)');
  await expect(reddit.locator('tbody tr')).toHaveCount(200);
  await card.getByLabel('Search Reddit accounts').fill('blacktolive');
  // One account: its karma in the list and its columns in the praw harvest.
  await expect(reddit.locator('tbody tr')).toHaveCount(1);
  await expect(reddit.locator('tbody tr').first().locator('td')).toHaveText(['BlackToLive', '-16', '1', '-7', '2016-07-05', 'list / harvest']);
  expect(requests.outside()).toEqual([]);
});

test('Reddit accounts are found by every column shown: the list\'s karma and the day created, not only the harvest\'s columns', async ({ page }) => {
  await importFiles(page, [realFixture('reddit_2018_suspiciousaccounts_seed.csv'), realFixture('reddit_2018_suspiciousaccounts_users_praw.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, /reddit_2018/);
  await card.getByRole('button', { name: /^Show Reddit accounts/ }).click();
  const reddit = card.getByRole('table', { name: /Reddit accounts of/ });
  const search = card.getByLabel('Search Reddit accounts');
  // The list's karma of UelitheLandagelv (3496; its harvest says link karma 3601).
  await search.fill('3496');
  await expect(reddit.locator('caption')).toContainText('1 of 941 match');
  await expect(reddit.locator('tbody tr').first().locator('td')).toHaveText(['UelitheLandagelv', '3496', '3601', '-8', '2015-05-14', 'list / harvest']);
  // BlackToLive's karma in the list, with its name.
  await search.fill('blacktolive -16');
  await expect(reddit.locator('tbody tr')).toHaveCount(1);
  // The day created (UTC) as the column shows it: 49 of the harvested accounts (created_utc 1431561600–1431647999).
  await search.fill('2015-05-14');
  await expect(reddit.locator('caption')).toContainText('49 of 941 match');
  await expect(reddit.locator('tbody tr td:nth-child(5)')).toHaveText(Array(49).fill('2015-05-14'));
});

test('Meta indicators are searchable on their dataset: defanged URLs refanged, with the links to their domains', async ({ page, requests, consoleLog }) => {
  const tweets = path.join(tempDir(), 'linking_tweets_csv_hashed.csv');
  const rows = [
    tweetRow({ tweetid: '1148217422006640641', urls: "['https://www.avisindependent.eu/a']" }),
    tweetRow({ tweetid: '1148217422006640642', urls: "['https://news.avisindependent.eu/b', 'https://e-petice.cz/petitions/x']" }),
    tweetRow({ tweetid: '1148217422006640643', urls: "['https://example.org/']" }),
  ];
  writeFileSync(tweets, [tweetHeader(), ...rows].join('\n') + '\n');
  await importFiles(page, [realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'), tweets]);
  await waitForImportDone(page);
  const card = datasetCard(page, /meta_threat_research_2022_09/);
  expect(await counts(card)).toMatchObject({ indicators: 350, tweets: 3 });
  await card.getByRole('button', { name: 'Show indicators (350)' }).click();
  const table = card.getByRole('table', { name: /Indicators of/ });
  await expect(table.locator('caption')).toContainText('350 of 350 match (first 100 shown)');
  await expect(table.locator('tbody tr')).toHaveCount(100);
  const search = card.getByLabel('Search indicators');
  await search.fill('PETICE');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const ePetice = table.locator('tbody tr', { hasText: 'e-petice[.]cz' });
  await expect(ePetice.locator('td').nth(2)).toHaveText('https://e-petice.cz/petitions/pozadavek-aby-vlada-fiala-kladla-na-prvni-misto-zajmy-svych-obcanu-1.html');
  await expect(ePetice.locator('[data-linking]')).toHaveText('1');
  await expect(table.locator('tbody tr', { hasText: 'www.petice[.]com' }).locator('[data-linking]')).toHaveText('0');
  await search.fill('france cib avisindependent');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr td').nth(2)).toHaveText('avisindependent.eu');
  await expect(table.locator('[data-linking]')).toHaveText('2'); // www. and a subdomain
  await expect(table.locator('thead')).toContainText('Links to its domain (URLs in tweets)');
  await search.fill('no such indicator');
  await expect(table.locator('caption')).toContainText('0 of 350 match');
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
