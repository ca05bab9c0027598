import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { edgeList } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';

// Two accounts whose screen names differ only in case, and three that mention them.
const LOWER = '1111111111'; // newsagency
const UPPER = '1111111114'; // NewsAgency
const ROWS: Row[] = [
  { tweetid: '501', userid: LOWER, user_screen_name: 'newsagency', tweet_text: 'lower news, hello @gamma' },
  { tweetid: '502', userid: UPPER, user_screen_name: 'NewsAgency', tweet_text: 'upper news', urls: "['http://bit.ly/x1']" },
  { tweetid: '503', userid: '3', user_screen_name: 'gamma', tweet_text: 'hi @newsagency' }, // LOWER, exactly
  { tweetid: '504', userid: '4', user_screen_name: 'delta', tweet_text: 'hello @NewsAgency' }, // UPPER, exactly
  { tweetid: '505', userid: '5', user_screen_name: 'epsilon', tweet_text: 'hey @NEWSAGENCY' }, // ambiguous: the lowest id, LOWER
];

async function searchAccount(page: Page, account: string, query = ''): Promise<void> {
  await page.getByLabel('Account (id or @name)').fill(account);
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The drawn network's edges as "source>target" (account ids). */
async function drawnEdges(page: Page): Promise<string[]> {
  const canvas = page.getByTestId('network-canvas');
  await expect(canvas).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });
  return canvas.evaluate((el) => {
    const { edgeLayer } = el as unknown as { edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };
    return edgeLayer.list().map((e) => `${e.source}>${e.target}`).sort();
  });
}

/**
 * `newsagency` and `NewsAgency` in one dataset: Search, the account page's "Mentioned by" and the
 * Mention network take a name by one rule (shared/domain/screenNames.ts): the exact case wins, a name
 * only several accounts match ignoring case is refused with the candidates where the analyst names
 * it, and credited to the lowest id where a mention must be counted.
 */
test('one screen name is one account in Search, the account page and the Mention network; unknown and ambiguous names are refused with a message', async ({ page, requests }) => {
  test.setTimeout(120_000);
  const file = tweetsFile(path.join(tempDir(), 'names_tweets_csv_unhashed.csv'), ROWS);
  await importFiles(page, [file]);
  expect(await waitForImportDone(page)).toContain('5 tweets');

  // Search: each exact name finds its own account's tweet.
  await page.goto('#/explore/search');
  await expect(page.getByRole('heading', { name: 'Search tweets' })).toBeVisible({ timeout: 30_000 });
  const status = page.getByTestId('search-status');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await searchAccount(page, '@newsagency');
  await expect(status).toContainText(`1 tweet matches (no search words: every tweet the filters allow) (account @newsagency)`);
  await expect(results).toHaveAttribute('data-tweetid', '501');
  await searchAccount(page, '@NewsAgency');
  await expect(status).toContainText(`(account @NewsAgency)`);
  await expect(results).toHaveAttribute('data-tweetid', '502');
  // A unique name matches without case, with or without '@'.
  await searchAccount(page, 'GAMMA');
  await expect(status).toContainText('(account @gamma)');
  // An unknown name and an ambiguous one say so, as the Network view does; no result is shown.
  await searchAccount(page, '@nobody');
  await expect(page.getByRole('alert')).toHaveText('Not searched: “@nobody” is not an account of this dataset (give user ids, or screen names after @).');
  const accountBox = page.getByLabel('Account (id or @name)');
  await expect(accountBox).toHaveAttribute('aria-invalid', 'true');
  await expect(accountBox).toHaveAccessibleDescription('Not searched: “@nobody” is not an account of this dataset (give user ids, or screen names after @).');
  await expect(results).toHaveCount(0);
  await searchAccount(page, '@NEWSAGENCY');
  await expect(page.getByRole('alert')).toContainText(`“@NEWSAGENCY” matches 2 accounts ignoring case and none exactly: @newsagency (${LOWER}), @NewsAgency (${UPPER})`);
  // …and so does the Mentioned account filter, rather than silently searching the lowest id's mentions.
  await searchAccount(page, '');
  await page.getByLabel('Mentioned account').fill('@NEWSAGENCY');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(`Not searched: Mentioned account: “@NEWSAGENCY” matches 2 accounts ignoring case and none exactly: @newsagency (${LOWER}), @NewsAgency (${UPPER}); give the exact name or the id.`);
  await expect(page.getByLabel('Mentioned account')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Mentioned account')).toHaveAccessibleDescription(/^Not searched: Mentioned account: /);
  await expect(accountBox).not.toHaveAttribute('aria-invalid', /./); // no longer the one refused
  await expect(results).toHaveCount(0);
  await page.getByLabel('Mentioned account').fill(UPPER);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(status).toContainText('1 tweet matches', { timeout: 60_000 });
  await page.getByLabel('Mentioned account').fill('');
  // A link is searched as the text writes it; the page says where links are counted.
  await searchAccount(page, '', 'bit.ly');
  await expect(status).toContainText('0 tweets match “bit.ly”');
  // No match, no pager: the count says it ("Results 0–0 of 0" between two dead buttons said it again).
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  await expect(page.getByTestId('search-text-only')).toContainText('Only the tweet text is searched');

  // The account pages credit each mention as the Mention network does.
  expect(await edgeList(page, LOWER, 'Mentioned by')).toEqual(['@epsilon 1', '@gamma 1']);
  expect(await edgeList(page, UPPER, 'Mentioned by')).toEqual(['@delta 1']);

  await page.goto('#/network');
  await page.getByLabel('Network kind').selectOption({ label: 'Mention' });
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.getByTestId('network-summary')).toContainText('5 accounts, 4 edges', { timeout: 60_000 });
  expect(await drawnEdges(page)).toEqual([`${LOWER}>3`, `3>${LOWER}`, `4>${UPPER}`, `5>${LOWER}`]);
  // Only @newsagency's tweets: its mention of gamma.
  await page.getByLabel(/Only accounts/).fill('@newsagency');
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.getByTestId('network-summary')).toContainText('2 accounts, 1 edge', { timeout: 60_000 });
  expect(await drawnEdges(page)).toEqual([`${LOWER}>3`]);
  for (const [given, message] of [
    ['@nobody', '“@nobody” is not an account of this dataset'],
    ['@NEWSAGENCY', `“@NEWSAGENCY” matches 2 accounts ignoring case and none exactly: @newsagency (${LOWER}), @NewsAgency (${UPPER})`],
  ]) {
    await page.getByLabel(/Only accounts/).fill(given!);
    await page.getByRole('button', { name: 'Build network' }).click();
    await expect(page.getByRole('alert').filter({ hasText: message! })).toBeVisible({ timeout: 60_000 });
  }
  expect(requests.outside()).toEqual([]);
});
