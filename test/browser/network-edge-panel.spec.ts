import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDemoArchive, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';
import { buildNetwork } from './networkHelpers';

// An edge's details in the side panel: their tables fit it (Pin to case with no sideways scroll), at the
// window's default width and in a narrow window, and long cells (hashed ids, CJK and Arabic hashtags) stay exact.

/** What of the edge's details passes the side panel's right edge: its sideways scroll, its tables, its Pin buttons (all 0 when they fit). */
const overflow = (page: Page) => page.locator('.network-side').evaluate((side) => {
  const right = side.getBoundingClientRect().left + side.clientLeft + side.clientWidth;
  const past = (els: Element[]) => els.filter((el) => el.getBoundingClientRect().right > right + 0.5).length;
  return { scroll: side.scrollWidth - side.clientWidth, tables: past([...side.querySelectorAll('table')]), pinButtons: past([...side.querySelectorAll('.pin-button')]) };
});
const FITS = { scroll: 0, tables: 0, pinButtons: 0 };

/** Lines each tweet id of a table takes (1: whole on one line). */
const idLines = (page: Page, table: string) => page.getByTestId(table).locator('tbody code').evaluateAll((codes) => codes.map((c) => c.getClientRects().length));

test('the post-pair and tweet tables of an edge fit the side panel, in a wide and in a narrow window', async ({ page, consoleLog }) => {
  test.setTimeout(420_000);
  await openDemoArchive(page);
  for (const [kind, table] of [['Co-retweet (coordination)', 'pair-table'], ['Retweet', 'edge-tweet-table']] as const) {
    await page.setViewportSize({ width: 1400, height: 900 }); // the app window's default size
    await page.goto('#/network');
    await buildNetwork(page, kind);
    await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
    const rows = page.getByTestId(table).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    expect(await overflow(page), `${kind}, 1400 px wide`).toEqual(FITS);
    // With room for them, each tweet id is whole on one line; the times are the archive's, as written.
    expect(new Set(await idLines(page, table))).toEqual(new Set([1]));
    await expect(rows.first()).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // A 1280 px window (a laptop's): still no sideways scroll, Pin to case included.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await overflow(page), `${kind}, 1280 px wide`).toEqual(FITS);
    // The side panel at its narrowest (300 px): ids wrap, every digit kept; the last row's Pin button is reached with no sideways scroll.
    await page.setViewportSize({ width: 760, height: 900 });
    expect(await page.locator('.network-side').evaluate((el) => el.getBoundingClientRect().width)).toBe(300);
    expect(await overflow(page), `${kind}, 760 px wide`).toEqual(FITS);
    for (const id of await page.getByTestId(table).locator('tbody code').allTextContents()) expect(id).toMatch(/^\d{18,19}$/);
    const lastPin = rows.last().getByRole('button', { name: /^Pin to case: / });
    await lastPin.scrollIntoViewIfNeeded();
    await expect(lastPin).toBeInViewport({ ratio: 1 });
  }
  expect(consoleLog.errors).toEqual([]);
});

// A 2019+ hashed release: each account's screen name is its user id, a 64-hex hash. hashA mentions hashB;
// both use a Chinese and an Arabic hashtag.
const HASH_A = 'a3f1c2e4b5d60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HASH_B = '0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d';
const TAGS = ['香港時政直擊新聞評論', 'مريم_الأخبار_العاجلة'];
const account = (userid: string): Row => ({ userid, user_screen_name: userid, user_display_name: userid, hashtags: `['${TAGS[0]}', '${TAGS[1]}']` });
const ROWS: Row[] = [
  { ...account(HASH_A), tweetid: '1102651474101682425', user_mentions: `[${HASH_B}]`, tweet_text: `@${HASH_B} #${TAGS[0]} #${TAGS[1]}` },
  { ...account(HASH_A), tweetid: '1102651474101682426', user_mentions: `[${HASH_B}]`, tweet_text: `@${HASH_B} again`, hashtags: '[]', tweet_time: '2019-06-18 12:07' },
  { ...account(HASH_B), tweetid: '1102651474101682427', tweet_text: `#${TAGS[0]} #${TAGS[1]}`, tweet_time: '2019-06-18 12:08' },
];

test('a hashed archive: the mentioned account’s 64-hex id and CJK and Arabic hashtags stay exact in a narrow panel; pins name each hashed account once', async ({ page, requests, consoleLog }) => {
  test.setTimeout(240_000);
  expect(HASH_A).toMatch(/^[0-9a-f]{64}$/);
  expect(HASH_B).toMatch(/^[0-9a-f]{64}$/);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'hashed_tweets_csv_hashed.csv'), ROWS)]);
  expect(await waitForImportDone(page)).toContain(`${ROWS.length} tweets`);
  await page.setViewportSize({ width: 760, height: 900 });
  await page.goto('#/network');

  await buildNetwork(page, 'Mention');
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).click();
  const details = page.getByTestId('edge-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(`Edge ${HASH_A} → ${HASH_B}`);
  const rows = details.getByTestId('edge-tweet-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // The mentioned account's id, wrapped in the cell, is the hash as archived (no character added or lost).
  expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual([HASH_B, HASH_B]);
  expect(await overflow(page)).toEqual(FITS);
  await rows.first().getByRole('button', { name: /^Pin to case: tweet / }).click();
  await details.getByRole('button', { name: /^Pin to case: edge / }).click();
  await expect(details.getByRole('button', { name: /^Pinned: / })).toHaveCount(2);
  // Each hashed account is named once, by its id: its screen name is that id.
  await expect.poll(async () => (await storeRecords<{ title: string }>(page, 'pins')).map((p) => p.title).sort()).toEqual([
    `Mention edge user id ${HASH_A} → user id ${HASH_B} (2 tweets)`,
    `Tweet 1102651474101682425 (Mention edge user id ${HASH_A} → user id ${HASH_B})`,
  ]);

  await page.goto('#/network');
  await buildNetwork(page, 'Co-hashtag');
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).click();
  const tagRows = details.getByTestId('edge-tweet-table').locator('tbody tr');
  await expect(tagRows).toHaveCount(2);
  // The hashtags as the tweets wrote them, each direction kept (the cell is dir=auto).
  for (const cell of await tagRows.locator('td:nth-child(3)').all()) {
    await expect(cell).toHaveText(TAGS.join(' '));
    await expect(cell).toHaveAttribute('dir', 'auto');
  }
  expect(await overflow(page)).toEqual(FITS);
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
