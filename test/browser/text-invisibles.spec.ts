import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSearchOfRows, searchWords as search } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';

const ROWS: Row[] = [
  { tweetid: '701', userid: '3', user_screen_name: 'gamma', tweet_text: 'Stand with hong\u200bkong today' },
  { tweetid: '702', userid: '4', user_screen_name: 'delta', tweet_text: 'HongKong rally at noon' },
  { tweetid: '703', userid: '4', user_screen_name: 'delta', tweet_text: 'free hong\u00adkong\u2060!' },
  { tweetid: '704', userid: '5', user_screen_name: 'epsilon', tweet_text: 'من می\u200cخواهم بروم' },
  { tweetid: '705', userid: '5', user_screen_name: 'epsilon', tweet_text: 'میخواهم' },
  { tweetid: '706', userid: '3', user_screen_name: 'gamma', tweet_text: 'hong and kong, apart' },
];

/**
 * QA: a query pasted with a zero-width space inside a word found nothing, without a word said, and
 * "hongkong" missed the tweets written hong\u200Bkong (as influence operations write words to slip
 * past filters). Invisible characters are left out of the tweets' text and the words alike; the
 * status names those left out of the words, but not a Persian word's non-joiner.
 */
test('invisible characters inside a word: left out of tweets and query alike, and named when typed', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await openSearchOfRows(page, 'invisibles_tweets_csv_unhashed.csv', ROWS)).toContain('6 tweets');
  const status = page.getByTestId('search-status');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');

  // Typed plainly: the tweets written with a zero-width space, a soft hyphen are found, and nothing is said.
  await search(page, 'hongkong');
  await expect(status).toContainText('3 tweets match “hongkong” —');
  await expect(status).not.toContainText('invisible');
  await expect(results).toHaveCount(3);
  // The highlight covers the whole word as written, its invisible character with it.
  await expect(results.filter({ hasText: 'Stand with' }).locator('mark')).toHaveText('hong\u200bkong');

  // Pasted with one: the same tweets, and the status names what was left out.
  for (const query of ['hong\u200bkong', 'HONG\ufeffKONG']) {
    await search(page, query);
    await expect(status).toContainText(`3 tweets match “${query}” (its invisible character ${query.includes('\ufeff') ? 'U+FEFF ZERO WIDTH NO-BREAK SPACE' : 'U+200B ZERO WIDTH SPACE'} ignored) —`);
    await expect(results).toHaveCount(3);
  }
  await search(page, '"free hong\u00adkong\u2060"');
  await expect(status).toContainText('1 tweet matches “"free hong\u00adkong\u2060"” (its invisible characters U+00AD SOFT HYPHEN, U+2060 WORD JOINER ignored) —');

  // A Persian word is found with or without its zero-width non-joiner, and its non-joiner is not news.
  for (const query of ['می\u200cخواهم', 'میخواهم']) {
    await search(page, query);
    await expect(status).toContainText(`2 tweets match “${query}” —`);
    await expect(status).not.toContainText('invisible');
    await expect(results).toHaveCount(2);
  }
});

/** Presses ArrowDown in a number field until its value stops changing; returns the values it went through. */
async function spinDown(page: Page, label: string): Promise<string[]> {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  const seen = [await input.inputValue()];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('ArrowDown');
    const v = await input.inputValue();
    if (v === seen[seen.length - 1]) return seen;
    seen.push(v);
  }
  throw new Error(`${label} went on down: ${seen.join(', ')}`);
}

/**
 * QA: the Network form's FDR alpha spinner went down to 0, which Build refused in words ("must be
 * above 0"); the replicates spinner went to 1, too few for the alpha. Each stops at the least value
 * Build accepts with the other fields as they are.
 */
test('the coordination parameters\' spinners stop at the least value Build accepts', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'spinners_tweets_csv_unhashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain('6 tweets');
  await page.goto('#/network');
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const build = async () => {
    await page.getByRole('button', { name: 'Build network' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Co-retweet \(coordination\) network of/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Not built')).toHaveCount(0);
  };

  // With the default 199 replicates, alpha stops at 1/200 (was: 0); Build takes it.
  const alphas = await spinDown(page, 'FDR alpha');
  expect(alphas[0]).toBe('0.05');
  expect(alphas[alphas.length - 1]).toBe('0.005');
  expect(alphas.map(Number).every((a) => a > 0)).toBe(true);
  await build();

  // Replicates stop at the fewest the alpha needs: 19 for 0.05 (was: 1).
  await field('FDR alpha').fill('0.05');
  await field('Null-model replicates').fill('25');
  const replicates = await spinDown(page, 'Null-model replicates');
  expect(replicates).toEqual(['25', '24', '23', '22', '21', '20', '19']);
  // And alpha, with 19 replicates, no lower than the 0.05 they can show.
  expect(await spinDown(page, 'FDR alpha')).toEqual(['0.05']);
  // The window and minimum repeats stop at 1, as they did.
  await field('Window Δt (seconds)').fill('3');
  expect(await spinDown(page, 'Window Δt (seconds)')).toEqual(['3', '2', '1']);
  await field('Minimum repeats').fill('2');
  expect(await spinDown(page, 'Minimum repeats')).toEqual(['2', '1']);
  await build();
});
