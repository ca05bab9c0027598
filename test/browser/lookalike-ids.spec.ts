import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { edgeList, storeRecords } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';

// The QA analyst's craft set: one real-looking account and three that pass for it.
const REAL = '1111111111'; // newsagency
const CYRILLIC = '1111111112'; // newsagеncy, a Cyrillic е
const ZERO_WIDTH = '1111111113'; // news​agency, a zero-width space
const UPPER = '1111111114'; // NewsAgency
const READER = '5'; // reader, a name like no other
const ROWS: Row[] = [
  { tweetid: '9000000000000000001', userid: REAL, user_screen_name: 'newsagency', tweet_text: 'news one' },
  { tweetid: '9000000000000000002', userid: CYRILLIC, user_screen_name: 'newsag\u0435ncy', tweet_text: 'news two @newsagency' },
  { tweetid: '9000000000000000003', userid: ZERO_WIDTH, user_screen_name: 'news\u200Bagency', tweet_text: 'news three' },
  // A reply (the import takes NewsAgency's "@newsagency" for a self-mention: the names match ignoring case).
  { tweetid: '9000000000000000004', userid: UPPER, user_screen_name: 'NewsAgency', tweet_text: 'news four', in_reply_to_userid: REAL, in_reply_to_tweetid: '9000000000000000001' },
  { tweetid: '9000000000000000005', userid: READER, user_screen_name: 'reader', tweet_text: 'news five @newsagency' },
];

/** Each result's first line up to the tweet's time, by tweet id: "@name" or "@name (user id N)". */
async function resultAuthors(page: Page): Promise<Record<string, string>> {
  const items = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  const out: Record<string, string> = {};
  for (const item of await items.all()) out[(await item.getAttribute('data-tweetid'))!] = (await item.locator('.tweet-meta').innerText()).split(' · ')[0]!.trim();
  return out;
}

async function search(page: Page, account: string): Promise<void> {
  await page.getByLabel('Account (id or @name)').fill(account);
  await page.getByRole('searchbox').fill('news');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

/**
 * A name that may pass for another (an invisible character, mixed scripts) always shows its user id;
 * one that reads as another listed with it (newsagency, NewsAgency) shows it in that list only.
 */
test('lookalike account names show their user ids in Search results, on account pages and in pinned titles', async ({ page, requests }) => {
  test.setTimeout(120_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'craft_tweets_csv_unhashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain('5 tweets');

  await page.goto('#/explore/search');
  await expect(page.getByRole('heading', { name: 'Search tweets' })).toBeVisible({ timeout: 30_000 });
  await search(page, '');
  // Listed together: the four names read as one, the reader's does not.
  expect(await resultAuthors(page)).toEqual({
    '9000000000000000001': `@newsagency (user id ${REAL})`,
    '9000000000000000002': `@newsag\u0435ncy (user id ${CYRILLIC})`,
    '9000000000000000003': `@news\u200Bagency (user id ${ZERO_WIDTH})`,
    '9000000000000000004': `@NewsAgency (user id ${UPPER})`,
    '9000000000000000005': '@reader',
  });
  // Alone, the real name is plain; the Cyrillic one still says whose it is.
  await search(page, REAL);
  expect(await resultAuthors(page)).toEqual({ '9000000000000000001': '@newsagency' });
  await search(page, CYRILLIC);
  expect(await resultAuthors(page)).toEqual({ '9000000000000000002': `@newsag\u0435ncy (user id ${CYRILLIC})` });
  // A tweet pinned from the results names its author by id too.
  await page.getByRole('button', { name: 'Pin to case: tweet 9000000000000000002' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: tweet 9000000000000000002' })).toBeVisible();

  // The real account's "Mentioned by" is not a self-mention: the Cyrillic name says whose it is.
  expect(await edgeList(page, REAL, 'Mentioned by')).toEqual(['@reader 1', `@newsag\u0435ncy (user id ${CYRILLIC}) 1`]);
  // Listed alone, NewsAgency is compared with the page's account, whose name it reads as.
  expect(await edgeList(page, REAL, 'Replied to by')).toEqual([`@NewsAgency (user id ${UPPER}) 1`]);
  expect(await edgeList(page, UPPER, 'Replies to')).toEqual([`@newsagency (user id ${REAL}) 1`]);
  // The reader's page lists newsagency alone, a name like no other there.
  expect(await edgeList(page, READER, 'Mentions')).toEqual(['@newsagency 1']);
  await page.goto(`#/explore/account/${UPPER}`);
  await page.getByRole('button', { name: 'Pin to case: account @NewsAgency' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: account @NewsAgency' })).toBeVisible();

  const titles = (await storeRecords<{ title: string }>(page, 'pins')).map((p) => p.title).sort();
  expect(titles).toEqual([`Account @NewsAgency (user id ${UPPER})`, `Tweet 9000000000000000002 by @newsag\u0435ncy (user id ${CYRILLIC})`]);
  expect(requests.outside()).toEqual([]);
});
