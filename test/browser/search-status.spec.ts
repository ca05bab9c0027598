import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { download, openSearchOfRows, storeRecords } from './exploreHelpers';
import type { TweetsRow as Row } from './importTempFiles';

const LOWER = '1111111111'; // newsagency
const UPPER = '1111111114'; // NewsAgency, which reads as newsagency
const ROWS: Row[] = [
  { tweetid: '601', userid: '3', user_screen_name: 'gamma', tweet_text: 'item 1 is out' },
  { tweetid: '602', userid: '4', user_screen_name: 'delta', tweet_text: 'the 1st item' },
  { tweetid: '603', userid: '4', user_screen_name: 'delta', tweet_text: 'item 2, not "item 1"' },
  { tweetid: '604', userid: LOWER, user_screen_name: 'newsagency', tweet_text: 'hello @NewsAgency' },
  { tweetid: '605', userid: UPPER, user_screen_name: 'NewsAgency', tweet_text: 'news' },
];

async function search(page: Page, fields: { query?: string; account?: string; mentions?: string }): Promise<void> {
  await page.getByRole('searchbox').fill(fields.query ?? '');
  await page.getByLabel('Account (id or @name)').fill(fields.account ?? '');
  await page.getByLabel('Mentioned account').fill(fields.mentions ?? '');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/**
 * The QA findings on the Search status: an unpaired quote, a query of invisible characters, accounts
 * named by user id, and "Export all 1 matches".
 */
test('the search status says what was searched: an unpaired quote ignored, nothing to search refused, accounts by name, counts in words', async ({ page, requests, consoleLog }) => {
  test.setTimeout(120_000);
  expect(await openSearchOfRows(page, 'status_tweets_csv_unhashed.csv', ROWS)).toContain('5 tweets');
  const status = page.getByTestId('search-status');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  const box = page.getByRole('searchbox');

  // A stray quote, closing or opening, is ignored: the words are searched apart, and the status says so.
  for (const query of ['item 1"', '"item 1']) {
    await search(page, { query });
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(status).toContainText(`3 tweets match “${query}” (its unpaired " ignored)`);
    await expect(results).toHaveCount(3);
  }
  // The export's news says it too.
  await download(page, () => page.getByRole('button', { name: 'Export all 3 matches as CSV' }).click(), '.csv');
  await expect(page.getByTestId('search-export')).toContainText('Exported 3 tweets matching “"item 1” (its unpaired " ignored)');
  // Paired, the quotes make a phrase, and the status has no note.
  await search(page, { query: '"item 1"' });
  await expect(status).toContainText('2 tweets match “"item 1"” —');
  await expect(status).not.toContainText('unpaired');

  // Invisible characters only: nothing to search for, said plainly; no search runs and no count is shown.
  await search(page, { query: '\u200b' });
  const refusal = 'Not searched: the search words hold only invisible characters (U+200B), so there is nothing to search for. Type a word, or clear the box to list every tweet the filters allow.';
  await expect(page.getByRole('alert')).toHaveText(refusal);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(refusal);
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(status).toHaveText('');
  await expect(results).toHaveCount(0);
  // White space only is the empty query: every tweet the filters allow.
  await search(page, { query: '   ' });
  await expect(status).toContainText('5 tweets match (no search words: every tweet the filters allow)');
  await expect(box).not.toHaveAttribute('aria-invalid', /./);

  // Accounts by screen name; the user id only where a name reads as another named with it.
  await search(page, { account: '3' });
  await expect(status).toContainText('1 tweet matches (no search words: every tweet the filters allow) (account @gamma)');
  // One match: "the 1 match"; more: "all 2 matches".
  await expect(page.getByRole('button', { name: 'Export the 1 match as CSV' })).toBeVisible();
  // The pin's title gives the id always, as pin titles do.
  await page.getByRole('button', { name: 'Pin to case: this search' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: this search' })).toBeVisible();
  expect((await storeRecords<{ title: string }>(page, 'pins')).map((p) => p.title)).toEqual(['Search: 1 tweet, results 1–1 cited, with no search words (account @gamma (user id 3))']);
  // The export's news names it so too; the file's name keeps the id.
  const exported = await download(page, () => page.getByRole('button', { name: 'Export the 1 match as CSV' }).click(), '.csv');
  expect(exported.name).toContain('account_3');
  await expect(page.getByTestId('search-export')).toContainText('Exported 1 tweet (every tweet the filters allow: account @gamma)');
  await search(page, { account: 'delta' });
  await expect(status).toContainText('2 tweets match (no search words: every tweet the filters allow) (account @delta)');
  await expect(page.getByRole('button', { name: 'Export all 2 matches as CSV' })).toBeVisible();
  await search(page, { account: '@newsagency', mentions: '@NewsAgency' });
  await expect(status).toContainText(`1 tweet matches (no search words: every tweet the filters allow) (account @newsagency (user id ${LOWER}), mentioning @NewsAgency (user id ${UPPER}))`);
  // An account outside the archive keeps the form it was given in.
  await search(page, { mentions: '@elsewhere' });
  await expect(status).toContainText('0 tweets match (no search words: every tweet the filters allow) (mentioning @elsewhere)');
  expect(consoleLog.errors).toEqual([]);
  expect(requests.outside()).toEqual([]);
});
