import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';

const ACCOUNTS = { alpha: '11', beta: '12', gamma: '21', delta: '22', epsilon: '23' } as const;
type Name = keyof typeof ACCOUNTS;
const by = (name: Name): Row => ({ userid: ACCOUNTS[name], user_screen_name: name });

/** An account page's list (Replies to, Quoted by…) as "@name tweets" lines. */
async function edgeList(page: Page, account: Name, title: string): Promise<string[]> {
  await page.goto(`#/explore/account/${ACCOUNTS[account]}`);
  await expect(page.getByRole('heading', { level: 2, name: `@${account}` })).toBeVisible({ timeout: 30_000 });
  const rows = page.getByRole('table', { name: title, exact: true }).locator('tbody tr');
  // Each row's cells, read from the DOM: innerText joins cells with no space while the table is not yet laid out ('@gamma1').
  return rows.evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' ')));
}

/**
 * Parts of one tweets set imported one after another into one dataset: a quote, or a reply naming
 * only the replied-to tweet, links to that tweet's author on the account page whichever import
 * brought the tweet (the Reply and Quote networks read every stored tweet).
 */
test('a reply or quote whose tweet comes in a later import into the dataset, or came in an earlier one, is linked on the account pages', async ({ page, requests }) => {
  test.setTimeout(120_000);
  const dir = tempDir();
  const part1 = tweetsFile(path.join(dir, 'part1_tweets_csv_unhashed.csv'), [
    { tweetid: '1001', ...by('alpha'), in_reply_to_tweetid: '2001' }, // replies to gamma's tweet, in part 2
    { tweetid: '1002', ...by('alpha'), quoted_tweet_tweetid: '2002' }, // quotes delta's tweet, in part 2
    { tweetid: '1003', ...by('beta') },
  ]);
  const part2 = tweetsFile(path.join(dir, 'part2_tweets_csv_unhashed.csv'), [
    { tweetid: '2001', ...by('gamma') },
    { tweetid: '2002', ...by('delta') },
    { tweetid: '2003', ...by('epsilon'), in_reply_to_tweetid: '1003' }, // replies to beta's tweet, in part 1
    { tweetid: '2004', ...by('epsilon'), quoted_tweet_tweetid: '1003' }, // quotes it
  ]);
  // A third part: one more reply to gamma's tweet; the links resolved by part 2 are not counted again.
  const part3 = tweetsFile(path.join(dir, 'part3_tweets_csv_unhashed.csv'), [{ tweetid: '3001', ...by('alpha'), in_reply_to_tweetid: '2001' }]);

  await importFiles(page, [part1]);
  await waitForImportDone(page);
  // Alone, part 1 has neither linked tweet: no edge yet.
  expect(await edgeList(page, 'alpha', 'Replies to')).toEqual([]);
  expect(await edgeList(page, 'alpha', 'Quotes')).toEqual([]);

  await page.goto('#/datasets');
  await importFiles(page, [part2], 'part1');
  // Added to a dataset that has accounts: the count says they are the new ones (its receipt counts every row stored).
  expect(await waitForImportDone(page)).toContain('Imported into “part1”: 4 tweets, 3 accounts new to the dataset (0 hashed)');
  expect(await edgeList(page, 'alpha', 'Replies to')).toEqual(['@gamma 1']);
  expect(await edgeList(page, 'alpha', 'Quotes')).toEqual(['@delta 1']);
  expect(await edgeList(page, 'gamma', 'Replied to by')).toEqual(['@alpha 1']);
  expect(await edgeList(page, 'delta', 'Quoted by')).toEqual(['@alpha 1']);
  // The reverse: part 2's reply and quote of a tweet part 1 brought.
  expect(await edgeList(page, 'beta', 'Replied to by')).toEqual(['@epsilon 1']);
  expect(await edgeList(page, 'beta', 'Quoted by')).toEqual(['@epsilon 1']);
  await expect(page.getByRole('table', { name: 'Replied to by', exact: true }).getByRole('link', { name: '@epsilon' })).toHaveAttribute('href', `#/explore/account/${ACCOUNTS.epsilon}`);

  await page.goto('#/datasets');
  await importFiles(page, [part3], 'part1');
  await waitForImportDone(page);
  expect(await edgeList(page, 'alpha', 'Replies to')).toEqual(['@gamma 2']);
  expect(await edgeList(page, 'alpha', 'Quotes')).toEqual(['@delta 1']);
  expect(await edgeList(page, 'beta', 'Quoted by')).toEqual(['@epsilon 1']);

  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.datasets[0]!.committedImports).toHaveLength(3);
  expect(store.tweets).toBe(8);
  // One record of unresolved links per import (empty where every link found its tweet).
  expect(store.unresolvedLinks).toBe(3);
  expect(requests.outside()).toEqual([]);
});
