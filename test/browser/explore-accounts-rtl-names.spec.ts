import path from 'node:path';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow as Row } from './importTempFiles';

/** A display name that starts in Arabic and goes on in Latin letters, its Arabic alone too long for its cell. */
const MIXED = 'مركز الأخبار العاجلة والتقارير اليومية News Center Official Account';
/** And one in Latin letters that goes on in Arabic. */
const LATIN_FIRST = 'Breaking News Official Account مركز الأخبار العاجلة والتقارير اليومية';
const ROWS: Row[] = [
  { tweetid: '901', userid: '7', user_screen_name: 'markaz', user_display_name: MIXED, tweet_text: 'one' },
  { tweetid: '902', userid: '8', user_screen_name: 'breaking', user_display_name: LATIN_FIRST, tweet_text: 'two' },
];

/**
 * QA reported that in the Accounts table a display name starting in Arabic and going on in Latin
 * letters was cut so that its Arabic start was hidden. Each cell takes its direction from its text
 * (dir="auto"): a name starting in Arabic is laid out right to left, its start at the cell's right
 * edge and the ellipsis at its left, so its first word stays in view, as a Latin-first name's does.
 */
test('an ellipsised display name keeps its start in view, Arabic or Latin first', async ({ page, requests, consoleLog }) => {
  test.setTimeout(120_000);
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'rtl_names_tweets_csv_unhashed.csv'), ROWS)]);
  await waitForImportDone(page);
  // The Display name column at its least width (140 px), as on a laptop screen with the default columns.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('#/explore/accounts');
  for (const name of [MIXED, LATIN_FIRST]) {
    const cell = page.getByRole('cell').filter({ has: page.getByText(name, { exact: true }) }).first();
    await expect(cell).toBeVisible({ timeout: 60_000 });
    const m = await cell.evaluate((el, first) => {
      const box = el.getBoundingClientRect();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode()) && !node.textContent!.startsWith(first));
      const r = document.createRange();
      r.setStart(node!, 0);
      r.setEnd(node!, first.length);
      const start = r.getBoundingClientRect();
      return { cellLeft: box.left, cellRight: box.right, startLeft: start.left, startRight: start.right, cut: el.scrollWidth > el.clientWidth };
    }, [...name.split(' ')[0]!].join(''));
    // Too long for its cell, so cut…
    expect(m.cut, name).toBe(true);
    // …and its first word drawn inside the cell.
    expect(m.startLeft, `${name}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(m.cellLeft - 1);
    expect(m.startRight, `${name}: ${JSON.stringify(m)}`).toBeLessThanOrEqual(m.cellRight + 1);
  }
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

/** A display name or location holding a line break (CR LF in the archive) shows it, as the description does; it was drawn as a space. */
test('an account page shows the line breaks of a display name and a location', async ({ page, requests, consoleLog }) => {
  test.setTimeout(120_000);
  const rows: Row[] = [{ tweetid: '903', userid: '9', user_screen_name: 'twolines', user_display_name: 'first line\r\nسطر دوم', user_reported_location: 'Hong Kong\n香港' }];
  await importFiles(page, [tweetsFile(path.join(tempDir(), 'line_break_names_tweets_csv_unhashed.csv'), rows)]);
  await waitForImportDone(page);
  await page.goto('#/explore/account/9');
  const profile = page.getByTestId('profile');
  await expect(profile).toBeVisible({ timeout: 60_000 });
  const shown = (term: string) => profile.locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd').evaluate((dd) => (dd as HTMLElement).innerText);
  expect(await shown('Display name')).toBe('first line\r\nسطر دوم'); // a space in its place before
  expect(await shown('Location')).toBe('Hong Kong\n香港');
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
