import path from 'node:path';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';
import { buildNetwork, edgeRows } from './networkHelpers';

// Tweets whose tweet_language is empty (real archives hold them) are a choice of the Network form's
// Tweet language, “(empty)” as Search and the Accounts table name them, and that choice builds the
// network of those tweets only.
const retweet = (tweetid: string, userid: string, name: string, of: { tweetid: string; userid: string; name: string }, language: string): Row => ({
  tweetid, userid, user_screen_name: name, user_display_name: name, tweet_language: language,
  is_retweet: 'True', retweet_userid: of.userid, retweet_tweetid: of.tweetid, tweet_text: `RT @${of.name}: news`,
});
const alpha = { tweetid: '9700000000000000001', userid: '21', name: 'alpha' };
const bravo = { tweetid: '9700000000000000002', userid: '22', name: 'bravo' };
const ROWS: Row[] = [
  { tweetid: alpha.tweetid, userid: alpha.userid, user_screen_name: 'alpha', user_display_name: 'alpha', tweet_language: 'en', tweet_text: 'news' },
  { tweetid: bravo.tweetid, userid: bravo.userid, user_screen_name: 'bravo', user_display_name: 'bravo', tweet_language: 'zh', tweet_text: '新闻' },
  retweet('9710000000000000001', '31', 'nolang', alpha, ''),
  retweet('9710000000000000002', '32', 'english', bravo, 'en'),
  retweet('9710000000000000003', '32', 'english', alpha, ''),
];

test('Tweet language offers “(empty)” for tweets with no language, as Search does, and it builds the network of those tweets only', async ({ page, consoleLog }) => {
  test.setTimeout(180_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'languages_tweets_csv_unhashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain(`${ROWS.length} tweets`);
  await page.goto('#/explore/search');
  const searchLanguages = await page.getByLabel('Language', { exact: true }).locator('option').allInnerTexts();
  expect(searchLanguages).toContain('(empty)');

  await page.goto('#/network');
  const language = page.getByRole('combobox', { name: 'Tweet language' });
  await expect(language.locator('option')).toHaveText(searchLanguages);
  // Every language: the three retweets.
  await buildNetwork(page, 'Retweet');
  await expect.poll(() => edgeRows(page)).toEqual(['english → alpha', 'english → bravo', 'nolang → alpha']);
  // No language: the two retweets whose tweet_language is empty, english's “en” one left out.
  await language.selectOption({ label: '(empty)' });
  await buildNetwork(page, 'Retweet');
  await expect.poll(() => edgeRows(page)).toEqual(['english → alpha', 'nolang → alpha']);
  await expect(page.getByTestId('network-summary-region')).toContainText('language (empty).');
  // A language: its tweets only.
  await language.selectOption({ label: 'en' });
  await buildNetwork(page, 'Retweet');
  await expect.poll(() => edgeRows(page)).toEqual(['english → bravo']);
  // Back on the view, the form keeps “(empty)” chosen, as it keeps a language.
  await language.selectOption({ label: '(empty)' });
  await buildNetwork(page, 'Retweet');
  await page.goto('#/explore');
  await page.goto('#/network');
  await expect(page.getByRole('combobox', { name: 'Tweet language' }).locator('option:checked')).toHaveText('(empty)');
  expect(consoleLog.errors).toEqual([]);
});
