import path from 'node:path';
import { pythonStringList, USERS_COLUMNS } from '../../shared/archive/demo/csvFormat';
import { expect, test } from './fixtures';
import { download, expectNoSeriousAxeViolations } from './exploreHelpers';
import { splitCsvBytes } from '../../shared/archive/csvRecords';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';

const ZWNJ = '\u200c';
/** Row i's hashtags and links (rows past the lists have none): three spellings of one hashtag, two of one domain. */
const TAGS: string[][] = [
  ...Array<string[]>(5).fill(['HongKong']), ...Array<string[]>(3).fill(['hongkong']), ['HONGKONG'],
  ['香港'], ['香港'], ['香港'], ['香港'], [`می${ZWNJ}خواهم`], ['میخواهم'], ['میخواهم'],
  // One slogan in Traditional and in Simplified characters.
  ['光復香港'], ['光复香港'],
];
const URLS: string[][] = [
  ...Array<string[]>(4).fill(['https://Example.COM/a']), ['https://example.com/b'], ['http://WWW.EXAMPLE.com/c?x=1'], ['https://other.example.org/'],
];

/** Rows as a table shows them: [value cell, count cell], a spellings note by its summary (its list is checked opened). */
function cellTexts(trs: Element[]): string[][] {
  return trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => {
    const shown = td.cloneNode(true) as Element;
    for (const list of shown.querySelectorAll('.spellings-list')) list.remove();
    return shown.textContent ?? '';
  }));
}

test('the top hashtags count the spellings Search matches as one (case, Chinese script forms, joiners), the domains those differing in case, with the spellings in a note', async ({ page, requests, consoleLog }) => {
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

  const rowsOf = (name: string) => page.getByRole('region', { name, exact: true }).locator('tbody tr').evaluateAll(cellTexts);
  const hashtags = page.getByRole('region', { name: 'Top hashtags', exact: true });
  await expect(hashtags.locator('tbody tr')).toHaveCount(4, { timeout: 60_000 });
  expect(await rowsOf('Top hashtags')).toEqual([
    ['#HongKong +2 spellings', '9'],
    ['#香港', '4'],
    ['#میخواهم +1 spelling', '3'], // with and without the zero-width non-joiner, as Search finds both
    ['#光复香港 +1 spelling', '2'], // Traditional and Simplified (a tie shows the first in code-unit order)
  ]);
  const note = hashtags.getByTestId('spellings').first();
  const list = note.locator('.spellings-list');
  // Closed, the note is one line of its cell: its row is as tall as a row without one.
  await expect(list).toBeHidden();
  const heightOf = async (i: number) => (await hashtags.locator('tbody tr').nth(i).boundingBox())!.height;
  expect(await heightOf(0)).toBeCloseTo(await heightOf(1), 0);
  // A keyboard user tabs to it (a native disclosure, named by its text) and opens it with Enter.
  const summary = note.locator('summary');
  await expect(summary).toHaveAccessibleName('+2 spellings');
  await page.getByRole('heading', { name: 'Top hashtags', exact: true }).click();
  for (let tabs = 0; tabs < 50 && !(await summary.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(note).toHaveAttribute('open', '');
  await expect(list).toBeVisible();
  await expect(list).toHaveText('Counted together (as Search matches them: letter case, width, Chinese script forms, Greek accents, Arabic letter forms and marks, Hebrew points and joiners ignored): #HongKong 5, #hongkong 3, #HONGKONG 1');
  // …and screen readers read the list once it is open (it is in the accessibility tree, as text of the cell).
  expect(await hashtags.locator('tbody tr').first().ariaSnapshot()).toContain('#HongKong 5, #hongkong 3, #HONGKONG 1');
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  // Domains were lower-cased (and "www." dropped) when imported: one row.
  expect(await rowsOf('Top URL domains')).toEqual([['example.com', '6'], ['other.example.org', '1']]);
  // Every row of a table exports as CSV, with its folded spellings and their counts.
  await expect(hashtags.locator('.top-table-all')).toContainText('All 4 rows.');
  const csv = await download(page, () => page.getByRole('button', { name: 'Export all as CSV: Top hashtags, 4 rows' }).click());
  expect(csv.name).toBe('spellings-Top_hashtags-all_tweets.csv');
  expect(splitCsvBytes([csv.bytes]).map((r) => r.fields)).toEqual([
    ['value', 'count', 'spellings'],
    ['HongKong', '9', '[["HongKong",5],["hongkong",3],["HONGKONG",1]]'],
    ['香港', '4', '[["香港",4]]'],
    ['میخواهم', '3', `[["میخواهم",2],["می${ZWNJ}خواهم",1]]`],
    ['光复香港', '2', '[["光复香港",1],["光復香港",1]]'],
  ]);
  await expect(hashtags.locator('.top-table-all [role=status]')).toHaveText(' Exported 4 rows (all tweets).');

  // The account's page: its hashtags folded the same way.
  await page.goto(`#/explore/account/${member}`);
  const own = page.getByRole('region', { name: 'Hashtags', exact: true }).locator('tbody tr');
  await expect(own.first()).toBeVisible({ timeout: 60_000 });
  // (Later rows of the file may be the same account's, with their own hashtags: only the HongKong spellings are checked.)
  const ownRows = await own.evaluateAll(cellTexts);
  expect(ownRows.filter(([v]) => /^hongkong/i.test(v!))).toEqual([['HongKong +2 spellings', '9']]);
  const ownNote = page.getByRole('region', { name: 'Hashtags', exact: true }).getByTestId('spellings');
  await ownNote.locator('summary').focus();
  await page.keyboard.press(' ');
  await expect(ownNote.locator('.spellings-list')).toHaveText('Counted together (as Search matches them: letter case, width, Chinese script forms, Greek accents, Arabic letter forms and marks, Hebrew points and joiners ignored): HongKong 5, hongkong 3, HONGKONG 1');

  // Search's hashtag filter finds every tweet of the row, whichever spelling is typed.
  await page.goto('#/explore/search');
  await page.getByLabel('Hashtag').fill('#HONGKONG');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('9 tweets match', { timeout: 60_000 });
  // …and a row's link finds as many tweets as the row counts, in either script.
  await page.goto('#/explore');
  await hashtags.getByRole('link', { name: '#光复香港', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('2 tweets match', { timeout: 60_000 });
  await page.goto('#/explore');
  await hashtags.getByRole('link', { name: '#میخواهم', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('3 tweets match', { timeout: 60_000 });

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
  const note = page.getByRole('region', { name: 'Top hashtags', exact: true }).getByTestId('spellings').locator('summary');
  await expect(note).toHaveText('+1 spelling', { timeout: 60_000 });
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

  // Opened, each right-to-left spelling is whole, as in its cell, and its count is drawn after it
  // (to its right in the left-to-right list), not inside the Arabic ("#مثا ,2 مثال#" before each had its own isolate).
  await note.press('Enter');
  const list = page.getByRole('region', { name: 'Top hashtags', exact: true }).locator('.spellings-list');
  await expect(list).toHaveText('Counted together (as Search matches them: letter case, width, Chinese script forms, Greek accents, Arabic letter forms and marks, Hebrew points and joiners ignored): #مرحبا 2, #\uFEE3\uFEAE\uFEA3\uFE92\uFE8E 1');
  const drawn = await list.evaluate((el) => [...el.querySelectorAll('bdi')].map((b) => {
    const count = document.createRange();
    count.selectNodeContents(b.nextSibling!);
    // A bidi run may be more than one box: one line is one top.
    return { right: b.getBoundingClientRect().right, countLeft: count.getBoundingClientRect().left, lines: new Set([...b.getClientRects()].map((r) => Math.round(r.top))).size, rects: [...b.getClientRects()].map((r) => [r.left, r.top, r.width]) };
  }));
  expect(drawn).toHaveLength(2);
  for (const d of drawn) {
    expect(d.lines, JSON.stringify(d)).toBe(1);
    expect(d.countLeft).toBeGreaterThanOrEqual(d.right - 1);
  }
  // However narrow the list (down to a spelling and its count a line), it wraps between spellings: a count is never drawn on the line after its spelling.
  const countsCut = await list.evaluate((el) => {
    const cut: number[] = [];
    for (let width = 100; width <= 700; width++) {
      (el as HTMLElement).style.width = `${width}px`;
      for (const b of el.querySelectorAll('bdi')) {
        const count = document.createRange();
        count.selectNodeContents(b.nextSibling!);
        const spellingTop = [...b.getClientRects()].at(-1)!.top;
        if (Math.abs(count.getClientRects()[0]!.top - spellingTop) > 2) cut.push(width);
      }
    }
    (el as HTMLElement).style.width = '';
    return cut;
  });
  expect(countsCut).toEqual([]);
});
