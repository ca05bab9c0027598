import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storeRecords } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';
import { buildNetwork, edgeRows, waitDrawn } from './networkHelpers';

// The QA analyst's lookalikes (newsagency and three names that pass for it), a reader who retweets each,
// newsagency retweeting itself, a quiet account with no mention, and two echoes retweeting quiet's two tweets.
const REAL = '1111111111'; // newsagency
const CYRILLIC = '1111111112'; // newsagеncy, a Cyrillic е
const ZERO_WIDTH = '1111111113'; // news​agency, a zero-width space
const UPPER = '1111111114'; // NewsAgency
const READER = '5';
const QUIET = '6';
const NAMES: Record<string, string> = { [REAL]: 'newsagency', [CYRILLIC]: 'newsag\u0435ncy', [ZERO_WIDTH]: 'news\u200Bagency', [UPPER]: 'NewsAgency' };
const LOOKALIKES = [REAL, CYRILLIC, ZERO_WIDTH, UPPER];
const retweet = (tweetid: string, userid: string, screenName: string, of: { tweetid: string; userid: string; name: string }): Row => ({
  tweetid, userid, user_screen_name: screenName, user_display_name: screenName, is_retweet: 'True', retweet_userid: of.userid, retweet_tweetid: of.tweetid, tweet_text: `RT @${of.name}: news`,
});
const own = LOOKALIKES.map((u, k) => ({ tweetid: `900000000000000000${k + 1}`, userid: u, name: NAMES[u]! }));
const quiet = [1, 2].map((k) => ({ tweetid: `910000000000000000${k}`, userid: QUIET, name: 'quiet' }));
const ROWS: Row[] = [
  ...own.map((t): Row => ({ tweetid: t.tweetid, userid: t.userid, user_screen_name: t.name, user_display_name: t.name, tweet_text: 'news' })),
  ...own.map((t, k) => retweet(`920000000000000000${k + 1}`, READER, 'reader', t)),
  retweet('9300000000000000001', REAL, 'newsagency', own[0]!), // newsagency retweets its own tweet: a self-loop
  ...quiet.map((t): Row => ({ tweetid: t.tweetid, userid: QUIET, user_screen_name: 'quiet', user_display_name: 'quiet', tweet_text: 'nothing to see' })),
  ...quiet.flatMap((t, k) => [retweet(`940000000000000000${k + 1}`, '7', 'echoone', t), retweet(`950000000000000000${k + 1}`, '8', 'echotwo', t)]),
];

const reason = (page: Page) => page.getByTestId('empty-network-reason');

test('an empty network says why: no pair reached the minimum repeats (with the heaviest pair), no mention among the accounts filtered', async ({ page, requests }) => {
  test.setTimeout(180_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'why_tweets_csv_unhashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain(`${ROWS.length} tweets`);
  await page.goto('#/network');
  // The build's summary is said by a polite live region that is on the page before any build (one
  // inserted with its words is often not read), and is no second status (pages have one).
  const summaryRegion = page.getByTestId('network-summary-region');
  await expect(summaryRegion).toHaveAttribute('aria-live', 'polite');
  await expect(summaryRegion).toBeEmpty();
  await expect(summaryRegion).not.toHaveAttribute('role', /./);
  const region = (await summaryRegion.elementHandle())!;

  // Two echoes retweeted the same two tweets in the same minute; the reader and newsagency the same one.
  await page.getByLabel('Minimum repeats').fill('50');
  await buildNetwork(page, 'Co-retweet (coordination)');
  await expect(page.getByTestId('network-summary')).toContainText('0 accounts, 0 edges');
  expect(await region.evaluate((el) => el.isConnected && el.textContent)).toMatch(/^0 accounts, 0 edges, .*Computed in [\d.]+ s\. No account pair retweeted 50 /);
  await expect(summaryRegion.getByTestId('empty-network-reason')).toHaveCount(1); // what was left out, said with it
  await expect(reason(page)).toHaveText('No account pair retweeted 50 different tweets within 60 s (Minimum repeats): of the 2 account pairs that retweeted the same tweet, the heaviest retweeted 2.');
  // At 2 the pair is there, and nothing is explained away.
  await page.getByLabel('Minimum repeats').fill('2');
  await buildNetwork(page, 'Co-retweet (coordination)');
  await expect(page.getByTestId('network-summary')).toContainText('2 accounts, 1 edge');
  await expect(reason(page)).toHaveCount(0);
  // The same region says the new build's summary, in place of the last one's.
  expect(await region.evaluate((el) => el.isConnected && el.textContent)).toMatch(/^2 accounts, 1 edge, /);
  // An undirected edge is named between its two accounts (not significant: listed with every edge).
  await page.getByLabel('Significant edges only').uncheck();
  await expect(page.getByTestId('edge-table').getByRole('button', { name: /^Show edge: between @echo(one|two) and @echo(one|two)$/ })).toHaveCount(1);

  // quiet's tweets mention nobody.
  await page.getByLabel(/Only accounts/).fill('@quiet');
  await buildNetwork(page, 'Mention');
  await expect(page.getByTestId('network-summary')).toContainText('0 accounts, 0 edges');
  await expect(reason(page)).toHaveText('2 tweets read (after the filter): none has a mention.');
  expect(requests.outside()).toEqual([]);
});

test('a Co-hashtag network names the hashtags it skips as the archive wrote them, each isolated (a right-to-left one keeps its count after it)', async ({ page }) => {
  test.setTimeout(180_000);
  // 502 accounts use مثال, 501 HongKong (first written so, then hongkong): both above the 500-account limit.
  // Accounts 1 and 2 also share #small, so the network has one edge.
  const rows: Row[] = Array.from({ length: 502 }, (_, k): Row => {
    const tags = k === 501 ? ['مثال'] : [k === 0 ? 'HongKong' : 'hongkong', 'مثال', ...(k < 2 ? ['small'] : [])];
    return { tweetid: `96000000000001${String(k + 1).padStart(5, '0')}`, userid: String(1000 + k), user_screen_name: `user${k}`, hashtags: `[${tags.map((t) => `'${t}'`).join(', ')}]` };
  });
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'skipped_tweets_csv_unhashed.csv'), rows)]);
  expect(await waitForImportDone(page)).toContain('502 tweets');
  await page.goto('#/network');
  await buildNetwork(page, 'Co-hashtag');
  const summary = page.getByTestId('network-summary');
  await expect(summary).toContainText('2 accounts, 1 edge');
  await expect(summary).toContainText('2 items used by more than 500 accounts skipped (مثال by 502, HongKong by 501): each would link all its users to one another.');
  await expect(summary.locator('bdi')).toHaveText(['مثال', 'HongKong']);
});

test('a Retweet network of a users file alone says the dataset holds no tweets', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, ['/work/shared/fixtures/real/china_082019_1_users_csv_hashed.csv']);
  expect(await waitForImportDone(page)).toMatch(/0 tweets|accounts/);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  await expect(page.getByTestId('network-summary')).toContainText('0 accounts, 0 edges');
  await expect(reason(page)).toHaveText('The dataset holds no tweets: there is nothing to link.');
});

test('a Retweet network of a Meta indicator file alone says the dataset holds no tweets, not that accounts were imported', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, ['/work/shared/fixtures/real/meta_threat_research_2022_09_cib_china_russia_indicators.csv']);
  expect(await waitForImportDone(page)).toContain('350 indicators');
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  await expect(reason(page)).toHaveText('The dataset holds no tweets: there is nothing to link.');
});

test('before a first build the Network view offers the dataset open in Explore, not the newest (a Meta indicator file with no tweets)', async ({ page }) => {
  test.setTimeout(120_000);
  await importFiles(page, ['/work/shared/fixtures/real/ira_2018_users_csv_hashed_excerpt.csv', '/work/shared/fixtures/real/ira_2018_tweets_csv_hashed_excerpt.csv']);
  await waitForImportDone(page);
  await importFiles(page, ['/work/shared/fixtures/real/meta_threat_research_2022_09_cib_china_russia_indicators.csv']);
  expect(await waitForImportDone(page)).toContain('350 indicators');
  await page.goto('#/explore');
  await page.getByLabel('Dataset').selectOption({ label: 'ira_2018 (2 tweets)' });
  await expect(page.locator('[data-stat="tweets"]')).toHaveText('2', { timeout: 60_000 });
  await page.goto('#/network');
  await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText('ira_2018 (2 tweets)');
});

test('the Retweet network names lookalike accounts with their ids in the edge table, the edge title and its pin; a self-loop reads "(itself)"', async ({ page, requests }) => {
  test.setTimeout(180_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'why_tweets_csv_unhashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain(`${ROWS.length} tweets`);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const named = (id: string) => `${NAMES[id]} (user id ${id})`;
  expect(await edgeRows(page)).toEqual([
    ...LOOKALIKES.map((id) => `reader → ${named(id)}`),
    `${named(REAL)} → ${named(REAL)} (itself)`,
    'echoone → quiet', 'echotwo → quiet',
  ].sort());
  // A small network is drawn at about its natural size with every label inside the drawing (one at its edge was cut off).
  await waitDrawn(page);
  const outside = await page.getByTestId('network-canvas').evaluate((el) => {
    const cy = (el as unknown as { cy: import('cytoscape').Core }).cy;
    const view = cy.extent();
    return cy.nodes(':visible').filter((n) => n.style('label') !== '').map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }))
      .filter((b) => b.x1 < view.x1 || b.x2 > view.x2 || b.y1 < view.y1 || b.y2 > view.y2).length;
  });
  expect(outside).toBe(0);

  // The edge to the Cyrillic name: its title and its pin say whose it is.
  // Its Show button says who retweeted whom (the table's columns say it on screen).
  await page.getByTestId('edge-table').getByRole('button', { name: `Show edge: @reader retweeted @${named(CYRILLIC)}`, exact: true }).click();
  const details = page.getByTestId('edge-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(`Edge reader → ${named(CYRILLIC)}`);
  await details.getByRole('button', { name: /^Pin to case: edge / }).click();
  await expect(details.getByRole('button', { name: /^Pinned: edge / })).toBeVisible();
  // The self-loop's details say what it records.
  await page.getByTestId('edge-table').getByRole('button', { name: `Show edge: @${named(REAL)} retweeted @${named(REAL)}`, exact: true }).click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(`Edge ${named(REAL)} → ${named(REAL)}`);
  await expect(details.getByText('the account retweeted its own tweets')).toBeVisible();
  await expect(details.getByTestId('edge-tweet-table').locator('tbody tr')).toHaveCount(1);
  await expect.poll(async () => (await storeRecords<{ title: string }>(page, 'pins')).map((p) => p.title))
    .toEqual([`Retweet edge @reader (user id ${READER}) → @${NAMES[CYRILLIC]} (user id ${CYRILLIC}) (1 tweet)`]);

  // quiet's edges, and the self-loop still selected: newsagency, shown with no name like its own, is named plainly.
  await page.getByLabel('Find account').fill('quiet');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByTestId('node-details').getByRole('heading', { level: 2 })).toHaveText('quiet');
  // Polled: the table follows the selection a render after the details' heading.
  await expect.poll(() => edgeRows(page)).toEqual(['echoone → quiet', 'echotwo → quiet', 'newsagency → newsagency (itself)']);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Edge newsagency → newsagency');
  // The Cyrillic name shows its id even alone.
  await page.getByLabel('Find account').fill(CYRILLIC);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByTestId('node-details').getByRole('heading', { level: 2 })).toHaveText(`${NAMES[CYRILLIC]} (user id ${CYRILLIC})`);
  expect(requests.outside()).toEqual([]);
});

test('an account’s “Open account page” in the Network view opens it in the network’s dataset, not in the one Explore showed last', async ({ page, consoleLog }) => {
  test.setTimeout(180_000);
  const dir = tempDir();
  // Two datasets that both hold @quiet: the network's, where it posted twice, and another, where it posted once.
  await importFiles(page, [tweetsFile(path.join(dir, 'network_tweets.csv'), ROWS)]);
  await waitForImportDone(page);
  await importFiles(page, [tweetsFile(path.join(dir, 'other_tweets.csv'), [{ tweetid: '9600000000000000001', userid: QUIET, user_screen_name: 'quiet', user_display_name: 'quiet', tweet_text: 'elsewhere' }])]);
  await waitForImportDone(page);
  // Explore shows the other dataset last.
  await page.goto('#/explore');
  await page.getByLabel('Dataset').selectOption({ label: 'other (1 tweet)' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore: other');
  await page.goto('#/network');
  await page.getByLabel('Dataset').selectOption({ label: `network (${ROWS.length} tweets)` });
  await buildNetwork(page, 'Retweet');
  await page.getByRole('searchbox', { name: 'Find account' }).fill('quiet');
  await page.getByRole('searchbox', { name: 'Find account' }).press('Enter');
  await page.getByTestId('node-details').getByRole('link', { name: 'Open account page' }).press('Enter');
  // Its page in the network's dataset: its two tweets there (was the other dataset's page, with its one tweet).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore: network');
  await expect(page.getByRole('heading', { level: 2, name: '@quiet' })).toBeVisible();
  await expect(page.getByTestId('activity').locator('[data-stat="tweets"]')).toHaveText('2');
  expect(consoleLog.errors).toEqual([]);
});
