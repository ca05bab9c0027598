import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { realFixture } from '../fixtures/paths';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { download, expectNoSeriousAxeViolations, stat } from './exploreHelpers';
import { createHash } from 'node:crypto';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, writeTweetRows } from './importTempFiles';
import { splitCsvBytes } from '../../shared/archive/csvRecords';

/** Results a search page shows. */
const PAGE_OF_RESULTS = 50;

/** Creation dates of the China users file, counted from the raw CSV (quoted fields, no embedded quotes in that column). */
function creationCounts(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of readFileSync(file, 'utf8').matchAll(/","(\d{4}-\d{2}-\d{2})","[^"]*"\r?\n/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

/** Imports the files as one dataset and opens its Overview, once it shows `accounts` accounts. */
async function overviewOf(page: Page, files: string[], accounts: string): Promise<void> {
  await importFiles(page, files);
  await waitForImportDone(page);
  await page.goto('#/explore');
  await expect(page.locator('[data-stat="accounts"]')).toHaveText(accounts, { timeout: 60_000 });
}

test('China 2019 users file: account counts, the 2017-08-30 creation burst, accounts filtered by that day', async ({ page, requests, consoleLog }) => {
  const file = realFixture('china_082019_1_users_csv_hashed.csv');
  const byDay = creationCounts(file);
  expect(byDay.get('2017-08-30')).toBe(119); // ARCHIVES.md: 119 accounts of China set 1 created on 2017-08-30
  await overviewOf(page, [file], '744');
  expect(await stat(page, 'hashed')).toBe(254);
  expect(await stat(page, 'clear')).toBe(490);
  expect(await stat(page, 'tweets')).toBe(0);
  await expect(page.getByTestId('no-tweets')).toBeVisible();
  await expect(page.getByTestId('bursts')).toContainText('2017-08-30: 119 accounts created');
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByLabel('Created from (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-08-30');
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-08-30');
  await expect(page.getByTestId('account-count')).toHaveText('119 of 744 accounts');
  await expect(page.getByLabel('Active from (yyyy-mm-dd, UTC)', { exact: true })).toHaveAccessibleDescription('Active from / to: the account tweeted on at least one of these UTC days.');
  // The app's day field (not the locale's mm/dd/yyyy date input): a day that is not one is said, and the filter stays as it was.
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-02-30');
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('“2017-02-30” is not a day: February 2017 has days 01 to 28.');
  await expect(page.getByTestId('account-count')).toHaveText('119 of 744 accounts');
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-08-30');
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Keyboard: the sort buttons and the row links are reachable and work with Enter.
  await page.getByRole('button', { name: 'Created', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
  const firstLink = page.locator('.vscroll [role=row]').first().getByRole('link');
  const name = (await firstLink.innerText()).trim();
  await firstLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByTestId('profile')).toContainText('2017-08-30');
  // A users file alone: the account's tweets are said to be none, not left as a bare "(0)".
  await expect(page.getByTestId('account-no-tweets')).toHaveText('This account posted no tweet in this dataset.');
  await expectNoSeriousAxeViolations(page);
  // Back to the table: the filters and the sort are as left.
  await page.goBack();
  await expect(page.getByTestId('account-count')).toHaveText('119 of 744 accounts');
  await expect(page.getByLabel('Created from (yyyy-mm-dd, UTC)', { exact: true })).toHaveValue('2017-08-30');
  await expect(page.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('a dataset of a Meta indicator file and Reddit\'s list says what it holds and where, not empty account charts', async ({ page, consoleLog }) => {
  await overviewOf(page, [realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'), realFixture('reddit_2018_suspiciousaccounts_seed.csv')], '0');
  // The list's second UelitheLandagelv (another karma) is rejected: said too, with where to see it.
  await expect(page.getByTestId('no-tweets')).toHaveText('This dataset holds no tweets and no Twitter accounts, only 350 indicators, 941 Reddit accounts and 1 rejected row: see them on the Datasets page (Show indicators, Show Reddit accounts, Show quarantined rows).');
  // No chart of zero accounts to export or pin (it would read as "no account was created").
  await expect(page.getByRole('heading', { name: 'Account creation per day' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pin to case/ })).toHaveCount(0);
  expect(consoleLog.errors).toEqual([]);
});

test('a dataset whose every row was rejected (the real spreadsheet re-save) says so in Explore, with where to see the rows', async ({ page, consoleLog }) => {
  await overviewOf(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')], '0');
  await expect(page.getByTestId('no-tweets')).toHaveText('This dataset holds no tweets and no Twitter accounts, only 100 rejected rows: see them on the Datasets page (Show quarantined rows).');
  await expect(page.getByRole('heading', { name: 'Account creation per day' })).toHaveCount(0);
  expect(consoleLog.errors).toEqual([]);
});

test('IRA 2018 excerpts: tweets, Cyrillic search with highlight, account page with the exact archived text', async ({ page, consoleLog }) => {
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  await page.goto('#/explore');
  await expect(page.locator('[data-stat="tweets"]')).toHaveText('2', { timeout: 60_000 });
  expect(await stat(page, 'accounts')).toBe(4);
  expect(await stat(page, 'retweets')).toBe(1);

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByRole('searchbox').fill('новое видео');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches “новое видео”');
  await expect(page.locator('.results mark')).toHaveText(['НОВОЕ', 'ВИДЕО']);
  const text = 'RT @ruopentwit: ⚡️У НАС НОВОЕ ВИДЕО! Американец: "Если бы не 27 миллионов русских, я бы сейчас говорил по-немецки"https://t.co/mAcCirn4o1…';
  await expect(page.locator('.results .tweet-text')).toHaveText(text);
  await expect(page.locator('.results [data-tweetid]')).toHaveAttribute('data-tweetid', '877919995476496385');
  await expectNoSeriousAxeViolations(page);

  await page.locator('.results .tweet-meta a').first().click();
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toHaveText('Tweets (1)');
  await expect(page.locator('.tweet-scroll .tweet-text')).toHaveText(text);
  await expect(page.getByTestId('profile')).toContainText('Москва, Россия');
  const accountUrl = page.url();
  await expectNoSeriousAxeViolations(page);
  // Back: the search is there again, query and results.
  await page.goBack();
  await expect(page.getByRole('searchbox')).toHaveValue('новое видео');
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches “новое видео”');
  await expect(page.locator('.results [data-tweetid]')).toHaveAttribute('data-tweetid', '877919995476496385');
  // ...and focus on the result's account link it left from (it went to the heading above the search form).
  await expect(page.locator('.results .tweet-meta a').first()).toBeFocused();

  // Another dataset chosen in Explore: the search starts afresh (its results, and so a pin of them, never carry over).
  await page.goto('#/datasets');
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')]);
  await waitForImportDone(page);
  await page.goto('#/explore/search');
  const other = 'fivethirtyeight_IRAhandle_tweets_1_excerpt (11 tweets)';
  await page.getByLabel('Dataset').selectOption({ label: other }); // both datasets loaded once: switching back is instant
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore: fivethirtyeight_IRAhandle_tweets_1_excerpt');
  await page.getByLabel('Dataset').selectOption({ label: 'ira_2018 (2 tweets)' });
  await page.getByRole('searchbox').fill('новое видео');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches “новое видео”');
  await page.getByLabel('Dataset').selectOption({ label: other });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore: fivethirtyeight_IRAhandle_tweets_1_excerpt');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('.results [data-tweetid]')).toHaveCount(0);
  // A cut or hand-edited link says what is wrong.
  await page.goto('#/explore/bogus');
  await expect(page.getByRole('alert')).toHaveText('Explore has no section “bogus”: choose one of the tabs above.');
  await page.goto('#/explore/account');
  await expect(page.getByRole('alert')).toContainText('This link names no account');
  // The account's page opened on the other dataset: said, with the dataset that holds it.
  await page.goto(accountUrl);
  await expect(page.getByRole('alert')).toContainText('in the dataset “fivethirtyeight_IRAhandle_tweets_1_excerpt”');
  await page.getByRole('button', { name: 'Open it in the dataset “ira_2018”' }).click();
  await expect(page.getByTestId('profile')).toContainText('Москва, Россия');
  // FiveThirtyEight's retweets name no retweeted account: its empty "Most retweeted accounts" says why.
  await page.goto('#/explore');
  await page.getByLabel('Dataset').selectOption({ label: other });
  await expect(page.getByRole('table', { name: 'Most retweeted accounts' })).toContainText('none: the 3 retweets name no retweeted account (no retweet_userid, no “RT @name:” at the start of the text)');
  expect(consoleLog.errors).toEqual([]);
});

test('a search in Simplified Chinese finds the real China 2019 tweets archived in Traditional, highlighted as archived', async ({ page, consoleLog }) => {
  // The 14-column projection is refused as a file (not a release's layout): its real rows, written as a 2019+ tweets file.
  const [header, ...rows] = splitCsvBytes([readFileSync(realFixture('china_082019_tweets_14col_projection_from_notebook.csv'))]).map((r) => r.fields as string[]);
  const col = (name: string) => header!.indexOf(name);
  const file = tweetsFile(path.join(tempDir(), 'china_082019_tweets.csv'), rows.map((r) => ({
    tweetid: r[col('tweetid')], userid: r[col('userid')], user_screen_name: r[col('user_screen_name')], tweet_text: r[col('tweet_text')], tweet_time: r[col('tweet_time')], tweet_language: r[col('tweet_language')],
  })));
  const archived = rows.filter((r) => r[col('tweet_text')]!.includes('台灣獨立'));
  expect(archived).toHaveLength(1);
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore/search');
  await page.getByRole('searchbox').fill('台湾独立');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches “台湾独立”');
  await expect(page.locator('.results [data-tweetid]')).toHaveAttribute('data-tweetid', archived[0]![col('tweetid')]!);
  await expect(page.locator('.results .tweet-text')).toHaveText(archived[0]![col('tweet_text')]!);
  await expect(page.locator('.results mark')).toHaveText(['台灣獨立']);
  expect(consoleLog.errors).toEqual([]);
});

test('every match of a search exports as CSV in the order shown, each row with the exact archived text and the bytes it came from (real China 2019 tweets)', async ({ page, consoleLog }) => {
  const [header, ...rows] = splitCsvBytes([readFileSync(realFixture('china_082019_tweets_14col_projection_from_notebook.csv'))]).map((r) => r.fields as string[]);
  const col = (name: string) => header!.indexOf(name);
  const file = tweetsFile(path.join(tempDir(), 'china_082019_tweets.csv'), rows.map((r) => ({
    tweetid: r[col('tweetid')], userid: r[col('userid')], user_screen_name: r[col('user_screen_name')], tweet_text: r[col('tweet_text')], tweet_time: r[col('tweet_time')], tweet_language: r[col('tweet_language')],
  })));
  // What the search must find, newest first, ties in file order.
  const minute = (t: string) => Date.parse(t.replace(' ', 'T').slice(0, 16) + 'Z');
  const expected = rows.map((r, i) => ({ r, i })).filter(({ r }) => r[col('tweet_text')]!.includes('香港'))
    .sort((a, b) => minute(b.r[col('tweet_time')]!) - minute(a.r[col('tweet_time')]!) || a.i - b.i).map(({ r }) => r);
  expect(expected.length).toBeGreaterThan(PAGE_OF_RESULTS);
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore/search');
  await page.getByRole('searchbox').fill('香港');
  await page.getByLabel('Order').selectOption('newest');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('search-status')).toContainText(`${expected.length} tweets match “香港”`);
  const shown = await page.locator('.results [data-tweetid]').evaluateAll((li) => li.map((e) => e.getAttribute('data-tweetid')));
  // The CSV and its receipt.
  const saved: Download[] = [];
  page.on('download', (d) => saved.push(d));
  const csv = await download(page, () => page.getByRole('button', { name: `Export all ${expected.length} matches as CSV` }).click(), '.csv');
  expect(csv.name).toBe('china_082019-search-香港-newest_first.csv'); // the dataset's name, the query, the filters (here the order)
  await expect.poll(() => saved.map((d) => d.suggestedFilename()).sort()).toEqual(['china_082019-search-香港-newest_first.csv', 'china_082019-search-香港-newest_first.receipt.json']);
  const receiptFile = saved.find((d) => d.suggestedFilename().endsWith('.receipt.json'))!;
  const receipt = JSON.parse(readFileSync((await receiptFile.path())!, 'utf8'));
  expect(receipt).toMatchObject({ kind: 'search-export', rows: expected.length, csvBytes: csv.bytes.length, search: { query: '香港', terms: ['香港'], order: 'newest' } });
  await expect(page.getByTestId('search-export')).toContainText(`Exported ${expected.length} tweets matching “香港”`);
  const [h, ...out] = splitCsvBytes([csv.bytes]).map((r) => r.fields as string[]);
  const at = (name: string) => h!.indexOf(name);
  expect(out.map((r) => r[at('tweetid')])).toEqual(expected.map((r) => r[col('tweetid')]));
  expect(out.slice(0, shown.length).map((r) => r[at('tweetid')])).toEqual(shown);
  expect(out.map((r) => r[at('tweet_text')])).toEqual(expected.map((r) => r[col('tweet_text')]));
  // Each row names its source: the file's SHA-256 and the bytes of its record, which hold its id and text as written.
  const source = readFileSync(file);
  const sha = createHash('sha256').update(source).digest('hex');
  expect(receipt.dataset.files).toEqual([{ sha256: sha, tweets: expected.length }]);
  for (const r of out) {
    expect(r[at('source_file_sha256')]).toBe(sha);
    const record = splitCsvBytes([source.subarray(Number(r[at('source_byte_offset')]), Number(r[at('source_byte_offset')]) + Number(r[at('source_byte_length')]))])[0]!.fields!;
    expect(record[0]).toBe(r[at('tweetid')]);
    expect(record).toContain(r[at('tweet_text')]);
  }
  expect(consoleLog.errors).toEqual([]);
});

test('Persian search ignores the zero-width non-joiner, also in a dataset whose search text an older version wrote', async ({ page }) => {
  const file = writeTweetRows(path.join(tempDir(), 'persian_tweets_csv_hashed.csv'), 4, 3000, 0, 60, (f, i) => {
    if (i === 3) f.tweet_text = 'من می\u200cخواهم بروم';
    if (i === 7) f.tweet_text = 'من میخواهم بمانم';
  });
  await importFiles(page, [file]);
  await waitForImportDone(page);
  const search = async () => {
    await page.goto('#/explore/search');
    await page.getByRole('searchbox').fill('میخواهم');
    await page.getByRole('searchbox').press('Enter');
    await expect(page.getByTestId('search-status')).toContainText('2 tweets match “میخواهم”');
    await expect(page.locator('.results mark')).toHaveText(['می\u200cخواهم', 'میخواهم']);
  };
  await search();
  // As an older version stored it: no normalisation version, the ZWNJ kept in the search text. It is normalised again when searched.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction('searchBlocks', 'readwrite');
      const store = tx.objectStore('searchBlocks');
      store.openCursor().onsuccess = (e) => {
        const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!c) return;
        const v = { ...c.value, joined: String(c.value.joined).replaceAll('میخواهم', 'xxxxxxx') }; // read as stored, nothing would match
        delete v.norm;
        c.update(v);
        c.continue();
      };
      tx.oncomplete = res;
    });
    db.close();
  });
  await page.reload();
  await search();
});

test('"(empty)" in the language filters of Search and Accounts finds what has no language, not everything', async ({ page }) => {
  // The IRA 2018 tweets excerpt with the second row's account and tweet language ("en", "ru") emptied.
  const lines = readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'), 'utf8').split(/(?<=\n)/);
  const emptied = lines[2]!.replace(',"en","ru",', ',"","",');
  expect(emptied).not.toBe(lines[2]);
  const file = path.join(tempDir(), 'no_language_tweets_csv_hashed.csv');
  writeFileSync(file, [lines[0], lines[1], emptied, ...lines.slice(3)].join(''));
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore');
  await expect(page.locator('[data-stat="tweets"]')).toHaveText('2', { timeout: 60_000 });

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: '(empty)' });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches');
  await expect(page.getByTestId('search-status')).toContainText('language (none)');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'ru' });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('1 tweet matches');

  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  const all = Number((await page.getByTestId('account-count').innerText()).split(' of ')[1]!.split(' ')[0]);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: '(empty)' });
  await expect(page.getByTestId('account-count')).toHaveText(`1 of ${all} accounts`);
});

test('accounts whose names pass for others (an invisible character, a Cyrillic letter, rn for m) are listed with their ids; ordinary names are not', async ({ page }) => {
  const header = '"userid","user_display_name","user_screen_name","user_reported_location","user_profile_description","user_profile_url","follower_count","following_count","account_creation_date","account_language"';
  const names = { '1000000000000000001': 'alice', '1000000000000000002': 'al\u200Bice', '1000000000000000003': '\u0430lice', '1000000000000000004': 'dave', '1000000000000000005': 'می\u200Cخواهم', '1000000000000000006': 'malik', '1000000000000000007': 'rnalik' };
  const plain = ['1000000000000000004', '1000000000000000005'];
  const rows = Object.entries(names).map(([id, name]) => `"${id}","${name}","${name}","","","","1","1","2019-01-01","en"`);
  const file = path.join(tempDir(), 'lookalike_users_csv_hashed.csv');
  writeFileSync(file, [header, ...rows].join('\n') + '\n');
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto('#/explore/accounts');
  await expect(page.getByTestId('account-count')).toContainText('7 of 7');
  for (const id of Object.keys(names)) {
    // By the link's target: accessible names drop the zero-width space, so two of the links are named "@alice".
    const cell = page.getByRole('row').filter({ has: page.locator(`a[href="#/explore/account/${id}"]`) }).getByRole('cell').nth(1);
    if (plain.includes(id)) await expect(cell).not.toContainText('(user id');
    else {
      // The one-line cell shows the id's end, which tells the accounts apart (its start is the same);
      // the whole id is in the cell's and the note's titles, and in the pin button's name.
      await expect(cell).toContainText(`(user id …${id.slice(-6)})`);
      await expect(cell).toHaveAttribute('title', new RegExp(`\\(user id ${id}\\)$`));
      await expect(page.getByRole('row').filter({ has: page.locator(`a[href="#/explore/account/${id}"]`) }).getByRole('button', { name: /^Pin to case: account / }))
        .toHaveAccessibleName(new RegExp(`\\(user id ${id}\\)$`));
    }
  }
});

test('an account page says how many clients, languages and hashtags its top-10 lists leave out, its chart captions name a hashed account once, Active from / to lists who tweeted in a period (real China 2019 tweets)', async ({ page, consoleLog }) => {
  // The 14-column projection's real rows (with their hashtags column), written as a 2019+ tweets file.
  const [header, ...rows] = splitCsvBytes([readFileSync(realFixture('china_082019_tweets_14col_projection_from_notebook.csv'))]).map((r) => r.fields as string[]);
  const col = (name: string) => header!.indexOf(name);
  const file = tweetsFile(path.join(tempDir(), 'china_082019_tweets.csv'), rows.map((r) => ({
    tweetid: r[col('tweetid')], userid: r[col('userid')], user_screen_name: r[col('user_screen_name')], tweet_text: r[col('tweet_text')], tweet_time: r[col('tweet_time')],
    tweet_language: r[col('tweet_language')], hashtags: r[col('hashtags')],
  })));
  const userid = '2993185258'; // @HKpoliticalnew
  const own = rows.filter((r) => r[col('userid')] === userid);
  const tags = new Map<string, number>();
  for (const r of own) for (const m of r[col('hashtags')]!.matchAll(/'([^']*)'/g)) tags.set(m[1]!, (tags.get(m[1]!) ?? 0) + 1);
  expect(own).toHaveLength(20);
  expect(tags.size).toBe(30);
  expect(tags.get('香港')).toBe(10);
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await page.goto(`#/explore/account/${userid}`);
  const hashtags = page.getByRole('region', { name: 'Hashtags', exact: true });
  await expect(hashtags.getByRole('heading')).toHaveText('Hashtags: top 10 of 30 hashtags');
  await expect(hashtags.locator('tbody tr')).toHaveCount(10);
  await expect(hashtags.locator('tbody tr').first()).toHaveText(/^香港\s*10$/);
  // One language and one client: nothing left out, nothing said.
  await expect(page.getByRole('region', { name: 'Languages', exact: true }).getByRole('heading')).toHaveText('Languages');
  await expect(page.getByRole('region', { name: 'Clients', exact: true }).getByRole('heading')).toHaveText('Clients');
  // The charts' captions name the account by screen name and id; a hashed one (its screen name is its id) once.
  await expect(page.locator('[data-chart="account-timeline"] figcaption')).toHaveText(/; account @HKpoliticalnew \(2993185258\)$/);
  // Its tweets in Search, every one, ready to export.
  await page.getByRole('link', { name: 'Its tweets in Search' }).click();
  await expect(page.getByLabel('Account (id or @name)')).toHaveValue(userid);
  await expect(page.getByTestId('search-status')).toContainText('20 tweets match (no search words: every tweet the filters allow) (account @HKpoliticalnew)');
  const exported = await download(page, () => page.getByRole('button', { name: 'Export all 20 matches as CSV' }).click(), '.csv');
  const [eh, ...er] = splitCsvBytes([exported.bytes]).map((r) => r.fields as string[]);
  expect(er.map((r) => r[eh!.indexOf('tweetid')])).toEqual(own.map((r) => r[col('tweetid')]));
  await page.goBack();
  const hashed = 'tJqOl2iEBWL3JWJVmogkasl3C+6FOX7w7jM1JhzJQxA=';
  expect(rows.filter((r) => r[col('userid')] === hashed).map((r) => r[col('user_screen_name')])).toEqual([hashed]);
  await page.goto(`#/explore/account/${encodeURIComponent(hashed)}`);
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toHaveText('Tweets (1)');
  for (const chart of ['account-timeline', 'account-rhythm']) {
    const figcaption = page.locator(`[data-chart="${chart}"] figcaption`);
    await expect(figcaption).toContainText(`; account ${hashed}`);
    await expect(figcaption).not.toContainText(`(${hashed})`);
  }

  // Active from / to: accounts that tweeted on a day of the period, not those whose first-to-last span
  // merely spans it (@HKpoliticalnew tweeted in 2018-09 and again from 2019-06-12: quiet in between).
  const days = new Map<string, Set<string>>();
  for (const r of rows) days.set(r[col('userid')]!, (days.get(r[col('userid')]!) ?? new Set()).add(r[col('tweet_time')]!.slice(0, 10)));
  const [from, to] = ['2018-10-01', '2019-05-31'];
  const tweetedIn = [...days.values()].filter((d) => [...d].some((day) => day >= from && day <= to)).length;
  const spanning = [...days.values()].filter((d) => [...d].some((day) => day >= from) && [...d].some((day) => day <= to)).length;
  expect(tweetedIn).toBeLessThan(spanning);
  await page.goto(`#/explore/account/${userid}`);
  await expect(page.locator('[data-stat="active-days"]')).toHaveText(String(days.get(userid)!.size));
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByLabel('Active from (yyyy-mm-dd, UTC)', { exact: true }).fill(from);
  await page.getByLabel('Active to (yyyy-mm-dd, UTC)', { exact: true }).fill(to);
  await expect(page.getByTestId('account-count')).toHaveText(`${tweetedIn} of ${days.size} accounts`);
  await expect(page.getByRole('link', { name: 'HKpoliticalnew' })).toHaveCount(0);
  await expect(page.getByLabel('Active from (yyyy-mm-dd, UTC)', { exact: true })).toHaveAccessibleDescription('Active from / to: the account tweeted on at least one of these UTC days.');
  // Tweets per active day, sorted busiest first: the account with the most, as counted from the file.
  const perDay = [...days].map(([u, d]) => ({ u, v: rows.filter((r) => r[col('userid')] === u).length / d.size })).sort((a, b) => b.v - a.v);
  expect(perDay[0]!.v).toBeGreaterThan(perDay[1]!.v);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const sortButton = page.getByRole('button', { name: /^Tweets per active day/ });
  await sortButton.click();
  await sortButton.click();
  await expect(page.getByRole('columnheader', { name: /Tweets per active day/ })).toHaveAttribute('aria-sort', 'descending');
  const busiest = rows.find((r) => r[col('userid')] === perDay[0]!.u)!;
  await expect(page.locator('.vscroll [role=row]').first()).toContainText(busiest[col('user_screen_name')]!);
  await expect(page.locator('.vscroll [role=row]').first()).toContainText(perDay[0]!.v.toFixed(1));
  await page.getByLabel('Tweets per active day ≥').fill('2');
  await expect(page.getByTestId('account-count')).toHaveText(`${perDay.filter((p) => p.v >= 2).length} of ${days.size} accounts`);
  expect(consoleLog.errors).toEqual([]);
});

test('Search refuses days in the wrong order, saying so, rather than "0 tweets match" (the real FiveThirtyEight excerpt, all on 2017-10-01)', async ({ page, consoleLog }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')]);
  await waitForImportDone(page);
  await page.goto('#/explore/search');
  const status = page.getByTestId('search-status');
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-10-01');
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-10-01');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(status).toContainText('11 tweets match (no search words: every tweet the filters allow) (from 2017-10-01 00:00 UTC, before 2017-10-02 00:00 UTC)');
  // The time the search took is shown, not said: the live region's words are the count and what was searched.
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText(/ — \d+ ms/);
  const said = await status.ariaSnapshot();
  expect(said).toContain('11 tweets match');
  expect(said).not.toMatch(/\d ms\b/);
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill('2017-10-02');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Not searched: the From day (2017-10-02) is after the To day (2017-10-01), so no tweet can match.');
  // Both days are marked invalid, each described by its UTC note and by the refusal.
  for (const label of ['From (yyyy-mm-dd, UTC)', 'To (yyyy-mm-dd, UTC)']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(label, { exact: true })).toHaveAccessibleDescription('UTC days, To included Not searched: the From day (2017-10-02) is after the To day (2017-10-01), so no tweet can match.');
  }
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('.results [data-tweetid]')).toHaveCount(0);
  expect(consoleLog.errors).toEqual([]);
});

test('the creation panel of the real FiveThirtyEight excerpt (one account, no creation date) counts it in the singular', async ({ page, consoleLog }) => {
  await overviewOf(page, [realFixture('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')], '1');
  const bursts = page.getByTestId('bursts');
  await expect(bursts).toContainText('1 account has no creation date.');
  await expect(bursts).not.toContainText('1 accounts');
  await expect(page.locator('[data-chart="creation"] figcaption')).toContainText('; 1 account; burst rule:');
  expect(consoleLog.errors).toEqual([]);
});
