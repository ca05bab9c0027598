import path from 'node:path';
import { pythonStringList, USERS_COLUMNS } from '../../shared/archive/demo/csvFormat';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';

const ZWNJ = '\u200c';
/** Row i's hashtags and links (rows past the lists have none): three spellings of one hashtag, two of one domain. */
const TAGS: string[][] = [
  ...Array<string[]>(5).fill(['HongKong']), ...Array<string[]>(3).fill(['hongkong']), ['HONGKONG'],
  ['香港'], ['香港'], ['香港'], [`می${ZWNJ}خواهم`], ['میخواهم'], ['میخواهم'],
];
const URLS: string[][] = [
  ...Array<string[]>(4).fill(['https://Example.COM/a']), ['https://example.com/b'], ['http://WWW.EXAMPLE.com/c?x=1'], ['https://other.example.org/'],
];

test('the top hashtags and domains count spellings differing only in case as one row, with the spellings in its note', async ({ page, requests, consoleLog }) => {
  let member = '';
  let memberFields: Record<string, string> = {};
  const file = writeTweetRows(path.join(tempDir(), 'spellings_tweets_csv_hashed.csv'), 3, 3000, 0, 40, (f, i) => {
    f.hashtags = pythonStringList(TAGS[i] ?? []);
    f.urls = pythonStringList(URLS[i] ?? []);
    // Rows 0–8 (the HongKong spellings) are one account's.
    if (i === 0) {
      member = f.userid!;
      memberFields = Object.fromEntries(USERS_COLUMNS.map((c) => [c, f[c]!]));
    } else if (i < 9) Object.assign(f, memberFields);
  });
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore');

  // Rows as the Overview shows them: [value cell, count cell], the value cell holding the spellings note.
  const rowsOf = (name: string) => page.getByRole('region', { name, exact: true }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const hashtags = page.getByRole('region', { name: 'Top hashtags', exact: true });
  await expect(hashtags.locator('tbody tr')).toHaveCount(4, { timeout: 60_000 });
  expect(await rowsOf('Top hashtags')).toEqual([
    ['#HongKong +2 spellings: #HongKong 5, #hongkong 3, #HONGKONG 1', '9'],
    ['#香港', '3'],
    ['#میخواهم', '2'],
    [`#می${ZWNJ}خواهم`, '1'], // the zero-width non-joiner is kept: not a case variant
  ]);
  await expect(hashtags.getByTestId('spellings')).toHaveAttribute('title', 'Counted together (letter case and width ignored): #HongKong 5, #hongkong 3, #HONGKONG 1');
  // Domains were lower-cased (and "www." dropped) when imported: one row.
  expect(await rowsOf('Top URL domains')).toEqual([['example.com', '6'], ['other.example.org', '1']]);

  // The account's page: its hashtags folded the same way.
  await page.goto(`#/explore/account/${member}`);
  const own = page.getByRole('region', { name: 'Hashtags', exact: true }).locator('tbody tr');
  await expect(own.first()).toBeVisible({ timeout: 60_000 });
  // (Later rows of the file may be the same account's, with their own hashtags: only the HongKong spellings are checked.)
  const ownRows = await own.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(ownRows.filter(([v]) => /^hongkong/i.test(v!))).toEqual([['HongKong +2 spellings: HongKong 5, hongkong 3, HONGKONG 1', '9']]);

  // Search's hashtag filter finds every tweet of the row, whichever spelling is typed.
  await page.goto('#/explore/search');
  await page.getByLabel('Hashtag').fill('#HONGKONG');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('9 tweets match', { timeout: 60_000 });

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('a right-to-left hashtag\'s spellings note reads left to right ("+1 spelling"), isolated from the Arabic beside it', async ({ page }) => {
  // مرحبا twice, and once in Arabic presentation forms (NFKC folds them to the same letters).
  const tags = [['مرحبا'], ['مرحبا'], ['\uFEE3\uFEAE\uFEA3\uFE92\uFE8E']];
  const file = writeTweetRows(path.join(tempDir(), 'rtl_spellings_tweets_csv_hashed.csv'), 3, 3000, 0, 10, (f, i) => {
    f.hashtags = pythonStringList(tags[i] ?? []);
  });
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore');
  const note = page.getByRole('region', { name: 'Top hashtags', exact: true }).getByTestId('spellings');
  await expect(note).toContainText('+1 spelling', { timeout: 60_000 });
  // Where '+', '1' and 's' of the note are drawn: left to right in that order (in a right-to-left
  // context without isolation the neutral '+' and the digit were drawn after the word: "spelling 1+").
  const xs = await note.evaluate((el) => {
    const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('+1'))!;
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().x;
    };
    const s = text.textContent!;
    return [at(s.indexOf('+')), at(s.indexOf('1')), at(s.indexOf('s'))];
  });
  expect(xs[0]).toBeLessThan(xs[1]!);
  expect(xs[1]).toBeLessThan(xs[2]!);
});
