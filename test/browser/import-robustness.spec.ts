import path from 'node:path';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { realFixture } from '../fixtures/paths';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { counts, datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { badFiles, largeTweetsFile, tempDir, writeDemoUsers, writeTweetRows } from './importTempFiles';
import { exposeModule } from './pageModule';
import { watchBodyFocus } from './bodyFocusFrames';

const chinaUsers = realFixture('china_082019_1_users_csv_hashed.csv');

/** The only dataset's accounts as readers see them, and its account count. */
async function readDatasetAccounts(page: Page) {
  await exposeModule(page, path.resolve('renderer/src/store/read/datasetReader.ts'), 'dwReader');
  await exposeModule(page, path.resolve('renderer/src/store/schema.ts'), 'dwSchema');
  return page.evaluate(async () => {
    const db = new (globalThis as any).dwSchema.WorkbenchDb();
    const [dataset] = await (globalThis as any).dwReader.listDatasets(db);
    const accounts: { userid: string; fromUsersFile: boolean }[] = await (globalThis as any).dwReader.readAccounts(db, dataset.id);
    db.close();
    return {
      count: accounts.length, distinct: new Set(accounts.map((a) => a.userid)).size, fromUsersFile: accounts.filter((a) => a.fromUsersFile).length,
      sorted: accounts.every((a, i) => i === 0 || accounts[i - 1]!.userid < a.userid), datasetCount: dataset.counts.accounts as number,
    };
  });
}

test('unknown, empty and binary files are refused with a message; the app stays usable', async ({ page, requests }) => {
  const bad = badFiles(tempDir());
  await importFiles(page, [bad.empty, bad.binary, bad.unknown]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Import failed: nothing was added. All 3 files were refused:');
  await expect(alert.getByRole('listitem').first()).toHaveText('empty.csv: the file is empty.');
  await expect(alert).toContainText('picture.csv');
  await expect(alert).toContainText('unknown_columns.csv');
  let store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  // A refused file among good ones: the user chooses; nothing is visible before the choice.
  await importFiles(page, [bad.unknown, chinaUsers]);
  const decide = page.getByRole('alert');
  await expect(decide).toContainText('Some files were refused');
  await expect(decide).toContainText('unknown_columns.csv');
  expect((await storeSummary(page)).datasets).toHaveLength(0);
  // The analyst takes a while to answer: that time is not the import's (its summary says how long it took to read).
  await page.waitForTimeout(8_000);
  await decide.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page);
  await expect(page.getByRole('status')).toContainText('744 accounts (254 hashed)');
  expect(Number(/ in ([\d.]+) s\./.exec(await page.getByRole('status').filter({ hasText: '744 accounts' }).innerText())![1])).toBeLessThan(8);
  await expect(page.getByRole('alert')).toContainText('unknown_columns.csv');
  store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.accounts).toBe(744);
  expect(requests.outside()).toEqual([]);
});

test('a .gz with bytes after its gzip data is refused saying so, not called corrupt, in the words the CLI uses (also text after zero bytes; zeros between members and a damaged last member named with their byte); zero padding after it is ignored, as gzip -d does', async ({ page }) => {
  const csv = readFileSync(chinaUsers);
  const half = csv.indexOf(0x0a, csv.length >> 1) + 1;
  const joined = Buffer.concat([gzipSync(csv.subarray(0, half)), gzipSync(csv.subarray(half))]);
  const dir = tempDir();
  const first = gzipSync(csv.subarray(0, half));
  const junk = 'bytes that are not gzip data follow the end of the gzip data (Junk found after end of compressed data): data was appended to the file, or it is damaged. Nothing was imported. Fetch the file again; `gunzip -t` checks a .gz file.';
  const files: [string, Buffer, string | RegExp][] = [
    ['appended_users.csv.gz', Buffer.concat([joined, Buffer.from('garbage appended')]), junk],
    ['zeros_then_text_users.csv.gz', Buffer.concat([gzipSync(csv), Buffer.alloc(4), Buffer.from('garbage appended')]), junk],
    // gzip -d stops at zeros between members ("trailing garbage ignored"), and fails on a member that begins like one but is not whole.
    ['zeros_between_users.csv.gz', Buffer.concat([first, Buffer.alloc(512), gzipSync(csv.subarray(half))]), `512 zero bytes at byte ${first.length} follow the end of a gzip member, and another gzip member starts after them, at byte ${first.length + 512}. \`gzip -d\` stops at the zeros (“decompression OK, trailing garbage ignored”) and leaves out what follows; the app does not import a file in part: nothing of it was imported.`],
    ['bad_member_users.csv.gz', Buffer.concat([joined, Buffer.from('\x1f\x8b\x08garbage appended', 'latin1')]), new RegExp(`: gzip data is corrupt or truncated \\([^)]+\\) in the gzip member that starts at byte ${joined.length}, after whole ones: .* Nothing of it was imported\\.`)],
  ];
  for (const [name, bytes, message] of files) {
    writeFileSync(path.join(dir, name), bytes);
    await importFiles(page, [path.join(dir, name)]);
    const alert = page.getByRole('alert');
    // The same text as parseArchive gives in Node (test/unit/archive/parseArchive.test.ts).
    await expect(alert).toContainText(typeof message === 'string' ? `${name}: ${message}` : new RegExp(`${name.replace(/\./g, '\\.')}${message.source}`));
    expect((await storeSummary(page)).datasets).toHaveLength(0);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  writeFileSync(path.join(dir, 'padded_users.csv.gz'), Buffer.concat([joined, Buffer.alloc(512)]));
  await importFiles(page, [path.join(dir, 'padded_users.csv.gz')]);
  await waitForImportDone(page);
  await expect(page.getByRole('status')).toContainText('744 accounts (254 hashed)');
  const store = await storeSummary(page, true);
  expect([store.datasets.length, store.accounts]).toEqual([1, 744]);
  expect(store.fileHashes).toEqual([createHash('sha256').update(csv).digest('hex')]);
});

test('a CSV cut short inside a quoted field is refused as truncated (row and byte named) after its first rows were written: nothing is kept; the app stays usable', async ({ page }) => {
  const file = path.join(tempDir(), 'cut_tweets.csv');
  let lastId = '';
  // 5,000 rows: more than a batch, so rows were written before the end showed the file cut short.
  writeTweetRows(file, 7, 5000, 0, 5000, (f, i) => {
    if (i === 4999) {
      f.tweet_text = 'CUT here, inside the text';
      lastId = f.tweetid!;
    }
  });
  const whole = readFileSync(file, 'utf8');
  const recordStart = whole.lastIndexOf(`\n"${lastId}",`) + 1;
  writeFileSync(file, whole.slice(0, whole.lastIndexOf('CUT') + 3));
  // Alone, the file refused at its end fails the import (chosen with others, the analyst chooses: next test).
  await importFiles(page, [file]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Import failed: nothing was added.', { timeout: 60_000 });
  await expect(alert).toContainText(
    `cut_tweets.csv: the file ends inside a quoted field: row 5000, which begins at byte ${Buffer.byteLength(whole.slice(0, recordStart))}, opens a quote that never closes. ` +
      'The file looks cut short (an interrupted download or copy): it was not imported. Fetch or copy it again.',
  );
  let store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect([store.tweets, store.accounts]).toEqual([0, 0]);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  await expect(page.getByRole('status')).toContainText('744 accounts (254 hashed)');
  store = await storeSummary(page);
  expect([store.datasets.length, store.tweets, store.accounts]).toEqual([1, 0, 744]);
});

/** Files refused only at their end, with a good tweets file: which rows each holds, for the checks. */
function filesRefusedAtTheirEnd(dir: string) {
  const goodIds: string[] = [];
  const goodAuthors = new Set<string>();
  const good = writeTweetRows(path.join(dir, 'good_tweets.csv'), 7, 5000, 0, 3000, (f) => {
    goodIds.push(f.tweetid!);
    goodAuthors.add(f.userid!);
  });
  // Rows 2000-4999: 1,000 of them repeat the good file's (a kept tweet id would make those duplicates),
  // one is quarantined, and the last is cut inside its text.
  let lastId = '';
  const cut = writeTweetRows(path.join(dir, 'cut_tweets.csv'), 7, 5000, 2000, 5000, (f, i) => {
    if (i === 2500) f.tweetid = '9.06E+17';
    if (i === 4999) {
      f.tweet_text = 'CUT here, inside the text';
      lastId = f.tweetid!;
    }
  });
  const whole = readFileSync(cut, 'utf8');
  const cutRecordAt = Buffer.byteLength(whole.slice(0, whole.lastIndexOf(`\n"${lastId}",`) + 1));
  writeFileSync(cut, whole.slice(0, whole.lastIndexOf('CUT') + 3));
  // A zip (stored, not deflated) of rows 0-999 with a letter of its data changed: it reads, but fails its CRC-32.
  const entry = 'more_tweets.csv';
  const csv = readFileSync(writeTweetRows(path.join(dir, entry), 7, 5000, 0, 1000));
  const zip = zipSync({ [entry]: csv }, { level: 0 });
  let k = csv.length >> 1;
  while (csv[k]! < 0x61 || csv[k]! > 0x7a) k++;
  zip[30 + entry.length + k] ^= 0x20;
  const badZip = path.join(dir, 'bad_crc.zip');
  writeFileSync(badZip, zip);
  return { good, goodIds, goodAuthors, cut, cutRecordAt, badZip };
}

/** The stored receipts (by file name) and the tweets the stored aggregates count, read with the raw IndexedDB API. */
function receiptsAndAggregates(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string) => new Promise<any[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const [files, aggregates] = await Promise.all([all('files'), all('aggregates')]);
    db.close();
    return {
      receipts: Object.fromEntries(files.map((f) => [f.receipt.fileName as string, { rowsStored: f.receipt.rowsStored as number, rowsDuplicate: f.receipt.rowsDuplicate as number, rowsRejected: f.receipt.rowsRejected as number }])),
      aggregatedTweets: aggregates.reduce((n: number, a: { tweets: number }) => n + a.tweets, 0),
    };
  });
}

test('files refused only at their end (a CSV cut short, a zip failing its CRC-32) among others: the analyst is told which and why; cancelling keeps nothing, importing the others into a dataset stores exactly the good file', async ({ page }) => {
  const f = filesRefusedAtTheirEnd(tempDir());
  const refusals = [
    `bad_crc.zip: zip entry more_tweets.csv fails its CRC-32 check`,
    `cut_tweets.csv: the file ends inside a quoted field: row 3000, which begins at byte ${f.cutRecordAt}, opens a quote that never closes. ` +
      'The file looks cut short (an interrupted download or copy): it was not imported. Fetch or copy it again.',
  ];
  const askedAbout = async () => {
    const question = page.getByRole('alert').filter({ hasText: 'Some files were refused' });
    const list = question.getByRole('list', { name: 'Refused files' });
    await expect(list.getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
    for (const [i, text] of refusals.entries()) await expect(list.getByRole('listitem').nth(i)).toContainText(text);
    return question;
  };

  // Cancelled at the question: no dataset, nothing of any file.
  await importFiles(page, [f.badZip, f.cut, f.good]);
  await (await askedAbout()).getByRole('button', { name: 'Cancel the whole import' }).click();
  expect(await waitForImportDone(page)).toContain('Import cancelled: nothing was added.');
  let store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect([store.tweets, store.accounts, store.quarantine, store.files, store.aggregates, store.runningImports]).toEqual([0, 0, 0, 0, 0, 0]);
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // Into an existing dataset, the others imported: the good file's rows only, none of the refused ones'.
  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [f.badZip, f.cut, f.good], 'china_082019_1');
  const question = await askedAbout();
  store = await storeSummary(page);
  expect([store.tweets, store.quarantine, store.files]).toEqual([0, 0, 1]); // nothing visible before the choice
  await question.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page);
  await expect(page.getByRole('status')).toContainText('3,000 tweets');
  const refused = page.getByRole('list', { name: 'Refused files' });
  for (const text of refusals) await expect(refused).toContainText(text);

  store = await storeSummary(page, true);
  const [dataset] = store.datasets;
  expect(store.datasets).toHaveLength(1);
  expect(store.tweets).toBe(3000);
  expect([...store.tweetIds].sort()).toEqual([...f.goodIds].sort());
  expect(store.quarantine).toBe(0);
  expect(store.accounts).toBe(744 + f.goodAuthors.size);
  expect(dataset!.counts).toMatchObject({ tweets: 3000, rejected: 0, accounts: 744 + f.goodAuthors.size });
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  expect(store.fileHashes).toEqual([sha(chinaUsers), sha(f.good)].sort());
  const { receipts, aggregatedTweets } = await receiptsAndAggregates(page);
  // The good file's receipt: every row stored, none a duplicate of the cut file's rows read before the restart.
  expect(receipts).toEqual({
    'china_082019_1_users_csv_hashed.csv': { rowsStored: 744, rowsDuplicate: 0, rowsRejected: 0 },
    'good_tweets.csv': { rowsStored: 3000, rowsDuplicate: 0, rowsRejected: 0 },
  });
  expect(aggregatedTweets).toBe(3000);
  expect(store.runningImports).toBe(0);
  expect(store.imports.filter((i) => i.state === 'committed')).toHaveLength(2);
  const fileTable = datasetCard(page, 'china_082019_1').getByRole('table', { name: /Files of/ });
  await expect(fileTable).toContainText('good_tweets.csv');
  await expect(fileTable).not.toContainText('cut_tweets.csv');
  await expect(fileTable).not.toContainText('bad_crc.zip');
});

/** Rows [from, to) of one generated archive (so no two files share a tweet id), the last cut inside its text: refused only at its end. */
function cutShortFile(file: string, from: number, to: number): string {
  writeTweetRows(file, 7, 20_000, from, to, (f, i) => {
    if (i === to - 1) f.tweet_text = 'CUT here, inside the text';
  });
  const whole = readFileSync(file, 'utf8');
  writeFileSync(file, whole.slice(0, whole.lastIndexOf('CUT') + 3));
  return file;
}

const cutShortMessage = (name: string, row: number) => new RegExp(`^${name}: the file ends inside a quoted field: row ${row}, which begins at byte \\d+, opens a quote that never closes\\.`);
const refusedQuestion = (page: Page) => page.getByRole('alert').filter({ hasText: 'Some files were refused' });

test('two files cut short and a truncated .gz among good ones: one question names all three, and the good files are read once more, not once per refused file', async ({ page }) => {
  const dir = tempDir();
  const goodIds: string[] = [];
  const keep = (f: Record<string, string>) => void goodIds.push(f.tweetid!);
  const good1 = writeTweetRows(path.join(dir, 'good1_tweets.csv'), 7, 20_000, 0, 3000, keep);
  const cutA = cutShortFile(path.join(dir, 'cutA_tweets.csv'), 3000, 8000);
  const good2 = writeTweetRows(path.join(dir, 'good2_tweets.csv'), 7, 20_000, 8000, 11_000, keep);
  const cutB = cutShortFile(path.join(dir, 'cutB_tweets.csv'), 11_000, 16_000);
  const gz = gzipSync(readFileSync(writeTweetRows(path.join(dir, 'rows.csv'), 7, 20_000, 16_000, 20_000)));
  const truncated = path.join(dir, 'cut_tweets.csv.gz');
  writeFileSync(truncated, gz.subarray(0, (gz.length * 3) >> 2));

  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [cutA, good1, cutB, good2, truncated], 'china_082019_1');
  const list = refusedQuestion(page).getByRole('list', { name: 'Refused files' });
  await expect(list.getByRole('listitem')).toHaveCount(3, { timeout: 60_000 });
  await expect(list.getByRole('listitem').nth(0)).toHaveText(cutShortMessage('cutA_tweets.csv', 5000));
  await expect(list.getByRole('listitem').nth(1)).toHaveText(cutShortMessage('cutB_tweets.csv', 5000));
  await expect(list.getByRole('listitem').nth(2)).toContainText('cut_tweets.csv.gz: gzip data is corrupt or truncated');
  await refusedQuestion(page).getByRole('button', { name: 'Import the other files' }).click();
  // The next outcome is the import's end, not a second question.
  await waitForImportDone(page);
  await expect(refusedQuestion(page)).toHaveCount(0);
  await expect(page.locator('.import-done')).toContainText('6,000 tweets');
  await expect(page.locator('.import-done').getByRole('list', { name: 'Refused files' }).getByRole('listitem')).toHaveCount(3);

  const store = await storeSummary(page, true);
  expect(store.tweets).toBe(6000);
  expect([...store.tweetIds].sort()).toEqual([...goodIds].sort());
  expect(store.quarantine).toBe(0);
  const { receipts, aggregatedTweets } = await receiptsAndAggregates(page);
  expect(receipts).toEqual({
    'china_082019_1_users_csv_hashed.csv': { rowsStored: 744, rowsDuplicate: 0, rowsRejected: 0 },
    'good1_tweets.csv': { rowsStored: 3000, rowsDuplicate: 0, rowsRejected: 0 },
    'good2_tweets.csv': { rowsStored: 3000, rowsDuplicate: 0, rowsRejected: 0 },
  });
  expect(aggregatedTweets).toBe(6000);
  // One attempt abandoned (at cutA, the files after it checked), then the one committed: the good files were read twice in all.
  expect(store.imports.map((i) => i.state).sort()).toEqual(['cancelled', 'committed', 'committed']);
});

test('every file refused, some only at their end: the import fails naming them all, without a question; a file already stored is named as skipped', async ({ page }) => {
  const dir = tempDir();
  const cutA = cutShortFile(path.join(dir, 'cutA_tweets.csv'), 0, 5000);
  const cutB = cutShortFile(path.join(dir, 'cutB_tweets.csv'), 5000, 10_000);
  const { unknown } = badFiles(dir);
  const failed = page.getByRole('alert').filter({ hasText: 'Import failed' });
  // Two files cut short; then one cut short with one refused at its start, in both orders.
  for (const [files, names] of [
    [[cutA, cutB], ['cutA_tweets.csv', 'cutB_tweets.csv']],
    [[cutA, unknown], ['cutA_tweets.csv', 'unknown_columns.csv']],
    [[unknown, cutA], ['unknown_columns.csv', 'cutA_tweets.csv']],
  ] as const) {
    await importFiles(page, [...files]);
    await expect(failed).toContainText('Import failed: nothing was added. All 2 files were refused:', { timeout: 60_000 });
    const items = failed.getByRole('list', { name: 'Refused files' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    for (const [i, name] of names.entries()) {
      if (name === 'unknown_columns.csv') await expect(items.nth(i)).toContainText('unknown_columns.csv: ');
      else await expect(items.nth(i)).toHaveText(cutShortMessage(name, 5000));
    }
    await failed.getByRole('button', { name: 'Dismiss' }).click();
  }
  let store = await storeSummary(page);
  expect([store.datasets.length, store.tweets, store.files, store.runningImports]).toEqual([0, 0, 0, 0]);

  // A stored file chosen again with a file cut short: nothing new, the one skipped and the other refused.
  const good = writeTweetRows(path.join(dir, 'good_tweets.csv'), 7, 20_000, 10_000, 13_000);
  await importFiles(page, [good]);
  await waitForImportDone(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [good, cutA]);
  await waitForImportDone(page);
  const done = page.locator('.import-done');
  await expect(done).toContainText('Nothing new was imported.');
  await expect(done.getByRole('list', { name: 'Skipped files' })).toContainText('good_tweets.csv');
  await expect(done.getByRole('list', { name: 'Refused files' }).getByRole('listitem')).toHaveText([cutShortMessage('cutA_tweets.csv', 5000)]);
  store = await storeSummary(page);
  expect([store.datasets.length, store.tweets, store.files, store.runningImports]).toEqual([1, 3000, 1, 0]);
});

test('closing the page while a file refused at its end is asked about: on reopen the import is said not to have finished, as with a file refused at its start', async ({ page, reopen }) => {
  const dir = tempDir();
  const cut = cutShortFile(path.join(dir, 'cutA_tweets.csv'), 0, 5000);
  const good = writeTweetRows(path.join(dir, 'good_tweets.csv'), 7, 20_000, 5000, 8000);
  await importFiles(page, [cut, good]);
  await expect(refusedQuestion(page)).toContainText('cutA_tweets.csv', { timeout: 60_000 });
  // The question is asked while the import is still running (its rows not yet deleted).
  expect((await storeSummary(page)).runningImports).toBe(1);
  const again = await reopen();
  const notice = again.getByRole('alert', { name: 'Interrupted imports' });
  await expect(notice).toContainText('The import of cutA_tweets.csv, good_tweets.csv as a new dataset, started 20');
  await expect(notice).toContainText('did not finish');
  await expect.poll(async () => (await storeSummary(again)).tweetBlocks, { timeout: 30_000 }).toBe(0);
  const store = await storeSummary(again);
  expect(store.datasets).toHaveLength(0);
  expect(store.imports.map((i) => i.state)).toEqual(['failed']);
});

test('the same file chosen twice (under two names) is imported once; the second is listed as skipped', async ({ page }) => {
  const copy = path.join(tempDir(), 'copy_of_users.csv');
  writeFileSync(copy, readFileSync(chinaUsers));
  await importFiles(page, [chinaUsers, copy]);
  await waitForImportDone(page);
  await expect(page.getByRole('status')).toContainText('744 accounts (254 hashed)');
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText('copy_of_users.csv: the same file is selected twice');
  const store = await storeSummary(page);
  expect(store.files).toBe(1);
  expect(store.accounts).toBe(744);
});

test('a right-to-left dataset name keeps to its quotes in the outcome line: the counts after it are drawn after it', async ({ page }) => {
  const rtl = path.join(tempDir(), 'حملة_062020_users_csv_hashed.csv');
  writeFileSync(rtl, readFileSync(chinaUsers));
  await importFiles(page, [rtl]);
  await waitForImportDone(page);
  const line = page.locator('.import-done p.ok');
  await expect(line.locator('bdi')).toHaveText(/^حملة_062020/);
  // Chromium's layout is the judge: the name's box ends left of the counts that follow it in the sentence.
  const order = await line.evaluate((p) => {
    const bdi = p.querySelector('bdi')!.getBoundingClientRect();
    const after = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('744 accounts'))!;
    const r = document.createRange();
    r.setStart(after, after.textContent!.indexOf('744'));
    r.setEnd(after, after.textContent!.indexOf('744') + 3);
    return { nameRight: bdi.right, countLeft: r.getBoundingClientRect().left };
  });
  expect(order.countLeft).toBeGreaterThan(order.nameRight);
});

test('choosing to cancel after a refusal leaves nothing', async ({ page }) => {
  const bad = badFiles(tempDir());
  await importFiles(page, [chinaUsers, bad.binary]);
  await page.getByRole('button', { name: 'Cancel the whole import' }).click();
  await expect(page.getByText('Import cancelled: nothing was added.')).toBeVisible();
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect(store.accounts).toBe(0);
  expect(store.unresolvedLinks).toBe(0);
  expect(store.imports.map((i) => i.state)).toEqual(['cancelled']);
});

test('re-importing the same file adds nothing and says so', async ({ page }) => {
  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  // Dismissed by keyboard, the outcome hands focus back to the file picker, where the next import starts.
  await page.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/Import archive files/)).toBeFocused();
  await importFiles(page, [chinaUsers]);
  const status = await waitForImportDone(page);
  expect(status).toContain('Nothing new was imported.');
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText('already imported into dataset “china_082019_1” (same SHA-256): nothing added');
  // Escape dismisses it too.
  await page.locator('.import-done').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.import-done')).toHaveCount(0);
  await expect(page.getByLabel(/Import archive files/)).toBeFocused();
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.accounts).toBe(744);
  expect(store.files).toBe(1);
});

test('an overlapping second file, added to the dataset, dedupes by tweet id', async ({ page }) => {
  const dir = tempDir();
  const a = writeTweetRows(path.join(dir, 'part1_tweets_csv_hashed.csv'), 3, 2000, 0, 1200);
  const b = writeTweetRows(path.join(dir, 'part2_tweets_csv_hashed.csv'), 3, 2000, 800, 2000);
  await importFiles(page, [a]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'part1');
  expect((await counts(card)).tweets).toBe(1200);
  // Every progress text shown: adding to a dataset first reads its stored tweets, with its own progress.
  await page.evaluate(() => {
    const seen: string[] = ((globalThis as any).progressTexts = []);
    new MutationObserver(() => {
      const t = document.querySelector('.import-progress p')?.textContent;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await importFiles(page, [b], 'part1');
  const done = await waitForImportDone(page);
  expect((await counts(card)).tweets).toBe(2000);
  const texts: string[] = await page.evaluate(() => (globalThis as any).progressTexts);
  expect(texts.filter((t) => t.startsWith('Reading the stored tweets of part1')).at(-1)).toMatch(/^Reading the stored tweets of part1 1,200 of 1,200 tweets, [\d,]+ rows\/s/);
  const phases = texts.map((t) => t.split(' ')[0]);
  expect(phases.lastIndexOf('Reading')).toBeLessThan(phases.indexOf('Importing:'));
  // Once every byte is read there is no time estimate ("0.0 s left" stayed while the last rows were stored);
  // an estimate that rounds to 0.0 s before the last bytes is fine.
  const allRead = (t: string) => { const m = / ([\d.,]+ [KMG]?B) of ([\d.,]+ [KMG]?B),/.exec(t); return m !== null && m[1] === m[2]; };
  expect(texts.filter((t) => allRead(t) && t.includes(' left'))).toEqual([]);
  expect(done).toMatch(/Reading the dataset's stored tweets [\d.]+ (ms|s),/);
  const rows = card.getByRole('table', { name: /Files of/ }).getByRole('row');
  // File, Size, SHA, Format, Read, Stored, Duplicate
  const second = rows.filter({ hasText: 'part2_tweets_csv_hashed.csv' });
  await expect(second.getByRole('cell').nth(4)).toHaveText('1,200');
  await expect(second.getByRole('cell').nth(5)).toHaveText('800');
  await expect(second.getByRole('cell').nth(6)).toHaveText('400');
  const store = await storeSummary(page, true);
  expect(store.datasets).toHaveLength(1);
  expect(store.tweets).toBe(2000);
  expect(new Set(store.tweetIds).size).toBe(2000);
  expect(store.datasets[0]!.committedImports).toHaveLength(2);
  expect(store.unresolvedLinks).toBe(2);
  // Each block's ids record holds its ids and authors, in the same order.
  expect(store.tweetIdBlocks).toBe(store.tweetBlocks);
  expect(store.idRecords).toEqual({ tweetid: store.tweetIds, userid: store.tweetAuthors });
});

test('a dataset whose blocks have no ids records (stored before schema v10) still dedupes the files added to it', async ({ page }) => {
  const dir = tempDir();
  const a = writeTweetRows(path.join(dir, 'old1_tweets_csv_hashed.csv'), 3, 5000, 0, 4500);
  const b = writeTweetRows(path.join(dir, 'old2_tweets_csv_hashed.csv'), 3, 5000, 3000, 5000);
  await importFiles(page, [a]);
  await waitForImportDone(page);
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => {
      const tx = r.result.transaction('tweetIds', 'readwrite');
      tx.objectStore('tweetIds').clear();
      tx.oncomplete = () => (r.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect((await storeSummary(page)).tweetIdBlocks).toBe(0);
  await importFiles(page, [b], 'old1');
  await waitForImportDone(page);
  const store = await storeSummary(page, true);
  expect(store.tweets).toBe(5000);
  expect(new Set(store.tweetIds).size).toBe(5000);
  const second = datasetCard(page, 'old1').getByRole('table', { name: /Files of/ }).getByRole('row').filter({ hasText: 'old2_tweets_csv_hashed.csv' });
  await expect(second.getByRole('cell').nth(6)).toHaveText('1,500'); // duplicates: rows 3000–4499
  // Only the second import's block (500 new tweets) has an ids record.
  expect(store.tweetIdBlocks).toBe(1);
  expect(store.idRecords.tweetid).toEqual(store.tweetIds.slice(4500));
});

test('accounts seen in tweet rows before their users file are the users-file ones, once each; a later import adds only new accounts', async ({ page }) => {
  const dir = tempDir();
  const { file: users, userCount } = await writeDemoUsers(path.join(dir, 'accts_users_csv_hashed.csv'), 8, 1500);
  const tweets = writeTweetRows(path.join(dir, 'accts_tweets_csv_hashed.csv'), 8, 1500, 0, 1000);
  // One zip, the tweets entry first: its accounts are stored from tweet rows before the users entry's.
  // (Separate files are imported users file first: see the next test.)
  const zip = path.join(dir, 'accts.zip');
  writeFileSync(zip, zipSync({ 'accts_tweets_csv_hashed.csv': readFileSync(tweets), 'accts_users_csv_hashed.csv': readFileSync(users) }));
  await importFiles(page, [zip]);
  await waitForImportDone(page);
  const all = { count: userCount, distinct: userCount, fromUsersFile: userCount, sorted: true, datasetCount: userCount };
  expect(await readDatasetAccounts(page)).toEqual(all);
  expect((await counts(datasetCard(page, 'accts'))).accounts).toBe(userCount);

  const more = writeTweetRows(path.join(dir, 'accts2_tweets_csv_hashed.csv'), 8, 1500, 1000, 1500);
  await importFiles(page, [more], 'accts');
  await waitForImportDone(page);
  expect(await readDatasetAccounts(page)).toEqual(all);
  expect((await storeSummary(page)).accounts).toBe(userCount);
});

test('chosen after its tweets file, a users file is imported first', async ({ page }) => {
  const dir = tempDir();
  const { file: users, userCount } = await writeDemoUsers(path.join(dir, 'order_users_csv_hashed.csv'), 8, 1500);
  const tweets = writeTweetRows(path.join(dir, 'order_tweets_csv_hashed.csv'), 8, 1500, 0, 1000);
  await importFiles(page, [tweets, users]);
  await waitForImportDone(page);
  // The Files table lists the receipts by start time.
  const rows = datasetCard(page, 'order').getByRole('table', { name: /Files of/ }).getByRole('row');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('order_users_csv_hashed.csv');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('order_tweets_csv_hashed.csv');
  expect(await readDatasetAccounts(page)).toEqual({ count: userCount, distinct: userCount, fromUsersFile: userCount, sorted: true, datasetCount: userCount });
});

test('a users file added later to a dataset of tweets replaces the accounts taken from its tweet rows', async ({ page }) => {
  const dir = tempDir();
  const { file: users, userCount } = await writeDemoUsers(path.join(dir, 'later_users_csv_hashed.csv'), 8, 1500);
  const tweets = writeTweetRows(path.join(dir, 'later_tweets_csv_hashed.csv'), 8, 1500, 0, 1500);
  await importFiles(page, [tweets]);
  await waitForImportDone(page);
  const before = await readDatasetAccounts(page);
  expect(before.fromUsersFile).toBe(0);
  expect(before.count).toBeGreaterThan(0);
  expect(before.datasetCount).toBe(before.count);

  await importFiles(page, [users], 'later');
  await waitForImportDone(page);
  // Every account is now its users-file record, none counted twice.
  expect(await readDatasetAccounts(page)).toEqual({ count: userCount, distinct: userCount, fromUsersFile: userCount, sorted: true, datasetCount: userCount });
  expect((await counts(datasetCard(page, 'later'))).accounts).toBe(userCount);
});

test('a tweet id read again with other content (in the same file, or a file added to the dataset) is quarantined as a conflicting duplicate, the first kept', async ({ page }) => {
  const dir = tempDir();
  const a = writeTweetRows(path.join(dir, 'conflict1_tweets_csv_hashed.csv'), 3, 2000, 0, 600);
  await importFiles(page, [a]);
  await waitForImportDone(page);
  // Rows 400–799: 400–409 with edited text, 410–414 with another retweet count (a later snapshot: duplicates), the rest as they were or new.
  const b = writeTweetRows(path.join(dir, 'conflict2_tweets_csv_hashed.csv'), 3, 2000, 400, 800, (f, i) => {
    if (i < 410) f.tweet_text = `EDITED: ${f.tweet_text}`;
    else if (i < 415) f.retweet_count = '999999';
  });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [b], 'conflict1');
  await waitForImportDone(page);
  const card = datasetCard(page, 'conflict1');
  expect((await counts(card)).tweets).toBe(800);
  const second = card.getByRole('table', { name: /Files of/ }).getByRole('row').filter({ hasText: 'conflict2_tweets_csv_hashed.csv' });
  // Read, stored, duplicate, rejected: 400, 200, 190, 10.
  await expect(second.getByRole('cell').nth(4)).toHaveText('400');
  await expect(second.getByRole('cell').nth(5)).toHaveText('200');
  await expect(second.getByRole('cell').nth(6)).toHaveText('190');
  await expect(second.getByRole('cell').nth(7)).toContainText('conflicting-duplicate: 10');
  await card.getByRole('button', { name: /Show quarantined rows/ }).click();
  const rows = page.locator('.quarantine tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('was read before with other content (text, time or account); the first is kept');
  await expect(rows.first()).toContainText('EDITED: ');
  // The stored tweets are the first versions.
  const stored = await storeSummary(page, true);
  expect(new Set(stored.tweetIds).size).toBe(800);
});

test('fingerprints stored by an earlier version of the app (another fingerprint) are not compared: a tweet read again is a duplicate', async ({ page }) => {
  const dir = tempDir();
  await importFiles(page, [writeTweetRows(path.join(dir, 'fpold1_tweets_csv_hashed.csv'), 3, 2000, 0, 300)]);
  await waitForImportDone(page);
  // Version 1 ids records carried their fingerprints without a fingerprintVersion.
  const changed = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => {
      const tx = r.result.transaction('tweetIds', 'readwrite');
      let n = 0;
      tx.objectStore('tweetIds').openCursor().onsuccess = (e) => {
        const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        const v = cursor.value as { blocks: { fingerprints?: Int32Array; fingerprintVersion?: number }[] };
        for (const b of v.blocks) if (b.fingerprints && b.fingerprintVersion !== undefined) (delete b.fingerprintVersion, n++);
        cursor.update(v);
        cursor.continue();
      };
      tx.oncomplete = () => (r.result.close(), resolve(n));
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect(changed).toBeGreaterThan(0);
  const b = writeTweetRows(path.join(dir, 'fpold2_tweets_csv_hashed.csv'), 3, 2000, 200, 400, (f, i) => {
    if (i < 210) f.tweet_text = `EDITED: ${f.tweet_text}`;
  });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [b], 'fpold1');
  await waitForImportDone(page);
  const second = datasetCard(page, 'fpold1').getByRole('table', { name: /Files of/ }).getByRole('row').filter({ hasText: 'fpold2_tweets_csv_hashed.csv' });
  // Read, stored, duplicate, rejected: 200, 100, 100 (the edited ten among them), 0.
  await expect(second.getByRole('cell').nth(5)).toHaveText('100');
  await expect(second.getByRole('cell').nth(6)).toHaveText('100');
  await expect(second.getByRole('cell').nth(7)).toHaveText('0');
});

test('a users file added to a dataset: an account stored before is a duplicate, or with other values quarantined naming the first file', async ({ page }) => {
  const dir = tempDir();
  const [header, ...lines] = readFileSync(chinaUsers, 'utf8').trim().split('\n');
  const rows = lines.slice(0, 40);
  const first = path.join(dir, 'usersplit_a.csv');
  writeFileSync(first, [header, ...rows.slice(0, 30)].join('\n') + '\n');
  await importFiles(page, [first]);
  await waitForImportDone(page);
  // The second file: rows 21-30 again (one with another follower count) and rows 31-40, new.
  const changed = rows[24]!.replace(/,"(\d+)","(\d+)","(\d{4}-)/, (_, f, g, d) => `,"${Number(f) + 7}","${g}","${d}`);
  expect(changed).not.toBe(rows[24]);
  const second = path.join(dir, 'usersplit_b.csv');
  writeFileSync(second, [header, ...rows.slice(20, 24), changed, ...rows.slice(25, 40)].join('\n') + '\n');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [second], 'usersplit_a');
  await waitForImportDone(page);
  const card = datasetCard(page, 'usersplit_a');
  const receipt = card.getByRole('table', { name: /Files of/ }).getByRole('row').filter({ hasText: 'usersplit_b.csv' });
  // Read, stored, duplicate, rejected: 20, 10, 9, 1.
  await expect(receipt.getByRole('cell').nth(4)).toHaveText('20');
  await expect(receipt.getByRole('cell').nth(5)).toHaveText('10');
  await expect(receipt.getByRole('cell').nth(6)).toHaveText('9');
  await expect(receipt.getByRole('cell').nth(7)).toContainText('conflicting-duplicate');
  expect((await counts(card)).accounts).toBe(40);
  await card.getByRole('button', { name: /Show quarantined rows/ }).click();
  const quarantined = page.locator('.quarantine tbody tr');
  await expect(quarantined).toHaveCount(1);
  await expect(quarantined).toContainText('was read at row 25 of usersplit_a.csv with other values (differing: follower_count); the first is kept');
  await expect(quarantined).toContainText(changed.slice(0, 40));
});

test('a file damaged in every row: its 1,100 quarantined rows are read back page by page, across block boundaries, in row order', async ({ page }) => {
  const dir = tempDir();
  const file = writeTweetRows(path.join(dir, 'excel_tweets_csv_hashed.csv'), 9, 3000, 0, 3000);
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const whole = (l: string) => /^"\d+",/.test(l) && l.split('"').length % 2 === 1; // a record on one line, quotes balanced
  const damaged = lines.filter(whole).slice(0, 1100).map((l) => l.replace(/^"\d+"/, '"9.06E+17"'));
  expect(damaged).toHaveLength(1100);
  writeFileSync(file, [header, ...damaged].join('\n') + '\n');
  await importFiles(page, [file]);
  await waitForImportDone(page);
  expect((await counts(datasetCard(page, 'excel'))).rejected).toBe(1100);
  expect((await storeSummary(page)).quarantine).toBe(1100);
  await exposeModule(page, path.resolve('renderer/src/store/read/committedRecords.ts'), 'dwDetails');
  await exposeModule(page, path.resolve('renderer/src/store/schema.ts'), 'dwSchema');
  const pages = await page.evaluate(async () => {
    const db = new (globalThis as any).dwSchema.WorkbenchDb();
    const [dataset] = await db.datasets.toArray();
    const { countQuarantine, readQuarantinePage } = (globalThis as any).dwDetails;
    const rowsOf = async (offset: number, limit: number) => ((await readQuarantinePage(db, dataset, offset, limit)) as { row: number }[]).map((r) => r.row);
    const out = { count: await countQuarantine(db, dataset), all: await rowsOf(0, 5000), across: await rowsOf(990, 20), tail: await rowsOf(1090, 50), past: await rowsOf(1100, 50) };
    db.close();
    return out;
  });
  expect(pages.count).toBe(1100);
  expect(pages.all).toHaveLength(1100);
  expect(pages.all.every((r, i) => i === 0 || r > pages.all[i - 1]!)).toBe(true);
  expect(pages.across).toEqual(pages.all.slice(990, 1010));
  expect(pages.tail).toEqual(pages.all.slice(1090));
  expect(pages.past).toEqual([]);
  // The app's own list, last page: rows 1,051–1,100.
  await datasetCard(page, 'excel').getByRole('button', { name: /Show quarantined rows/ }).click();
  const list = page.locator('.quarantine');
  const rowOf = (tr: number) => list.locator('tbody tr').nth(tr).getByRole('cell').nth(1);
  await list.getByRole('button', { name: 'Last page' }).click();
  await expect(list).toContainText('page 22 of 22');
  // Last and Next page disable themselves: the focus goes to Previous page.
  await expect(list.getByRole('button', { name: 'Previous page' })).toBeFocused();
  await expect(list.locator('tbody tr')).toHaveCount(50);
  await expect(list.locator('tbody tr').last().getByRole('cell').nth(1)).toHaveText(pages.all[1099]!.toLocaleString('en-US'));
  // A page by its number (Enter), one out of range goes to the last; First page back to the start.
  const number = list.getByRole('spinbutton', { name: /Page/ });
  await number.fill('11');
  await number.press('Enter');
  await expect(list).toContainText('page 11 of 22');
  await expect(rowOf(0)).toHaveText(pages.all[500]!.toLocaleString('en-US'));
  await number.fill('99');
  await number.press('Enter');
  await expect(list).toContainText('page 22 of 22');
  await expect(number).toHaveValue('22');
  await list.getByRole('button', { name: 'First page' }).click();
  await expect(list).toContainText('page 1 of 22');
  await expect(list.getByRole('button', { name: 'Next page' })).toBeFocused();
  await expect(rowOf(0)).toHaveText(pages.all[0]!.toLocaleString('en-US'));
});

test('tweet rows repeated inside one file are stored once and counted as duplicates in its receipt', async ({ page }) => {
  const dir = tempDir();
  const first = readFileSync(writeTweetRows(path.join(dir, 'a.csv'), 4, 2000, 0, 600), 'utf8');
  const again = readFileSync(writeTweetRows(path.join(dir, 'b.csv'), 4, 2000, 400, 600), 'utf8');
  const file = path.join(dir, 'repeats_tweets_csv_hashed.csv');
  writeFileSync(file, first + again.slice(again.indexOf('\n') + 1)); // rows 400–599 twice
  await importFiles(page, [file]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'repeats');
  expect((await counts(card)).tweets).toBe(600);
  const row = card.getByRole('table', { name: /Files of/ }).getByRole('row').filter({ hasText: 'repeats_tweets_csv_hashed.csv' });
  await expect(row.getByRole('cell').nth(4)).toHaveText('800');
  await expect(row.getByRole('cell').nth(5)).toHaveText('600');
  await expect(row.getByRole('cell').nth(6)).toHaveText('200');
  const store = await storeSummary(page, true);
  expect(new Set(store.tweetIds).size).toBe(600);
  expect(store.tweets).toBe(600);
});

test('cancel during a large import leaves nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const big = await largeTweetsFile(300_000);
  await importFiles(page, [big]);
  // The progress line (its hidden live region repeats it for screen readers, every few seconds).
  await expect(page.locator('.import-progress p')).toContainText('Importing: ', { timeout: 120_000 });
  await expect.poll(async () => Number((await page.locator('[data-progress="rows"]').innerText()).replace(/,/g, '')), { timeout: 60_000 }).toBeGreaterThan(20_000);
  await page.screenshot({ path: 'docs/screenshots/import-progress.png' });
  // Files dropped meanwhile are not queued: said, not ignored.
  const dropped = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['userid\n'], 'late.csv', { type: 'text/csv' }));
    return d;
  });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: dropped });
  await expect(page.getByText('An import is running: the files dropped were not added. Drop them again when it ends.')).toBeVisible();
  // By keyboard: the button keeps the focus while it cancels (aria-disabled), and the outcome takes it.
  await page.getByRole('button', { name: 'Cancel import' }).focus();
  const bodyFocusFrames = await watchBodyFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Import cancelled: nothing was added.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled: nothing was added.' })).toBeFocused();
  expect(await bodyFocusFrames()).toBe(0);
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect(store.tweetBlocks).toBe(0);
  expect(store.tweetIdBlocks).toBe(0);
  expect(store.accounts).toBe(0);
  expect(store.unresolvedLinks).toBe(0);
  expect(store.imports.map((i) => i.state)).toEqual(['cancelled']);
});

test('a Cancel pressed while the import is still starting (its free-space check) stops it: nothing is added', async ({ page }) => {
  // Clicked in the same turn as the button appears, before the check's reading comes back.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel import');
      if (!button) return;
      observer.disconnect();
      (window as unknown as { cancelledWhile: string }).cancelledWhile = document.querySelector('.import-progress')?.textContent ?? '';
      button.click();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await importFiles(page, [chinaUsers]);
  await expect(page.getByText('Import cancelled: nothing was added.')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { cancelledWhile: string }).cancelledWhile)).toContain('Starting');
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect(store.accounts).toBe(0);
  expect(store.imports).toEqual([]);
  // The next import runs as usual.
  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  expect((await storeSummary(page)).datasets).toHaveLength(1);
});

test('an import runs on while the analyst opens other views: the header says so, and it ends as it would have', async ({ page }) => {
  test.setTimeout(240_000);
  const big = await largeTweetsFile(300_000);
  await importFiles(page, [big]);
  await expect.poll(async () => Number((await page.locator('[data-progress="rows"]').innerText()).replace(/,/g, '')), { timeout: 60_000 }).toBeGreaterThan(20_000);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Explore', level: 1 })).toBeVisible();
  const indicator = page.locator('.import-indicator');
  await expect(indicator).toContainText(/^Importing/);
  await expect(indicator).toHaveText('Import finished', { timeout: 120_000 });
  await indicator.click();
  await expect(page.locator('.import-done')).toContainText('Imported into');
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.runningImports).toBe(0);
  expect(store.imports.map((i) => i.state)).toEqual(['committed']);
});

test('a second tab opened mid-import leaves the first tab\'s import running: its start-up sweep skips an import whose lock a live page holds', async ({ page, context }) => {
  test.setTimeout(240_000);
  const big = await largeTweetsFile(300_000);
  await importFiles(page, [big]);
  await expect.poll(async () => (await storeSummary(page)).tweetBlocks, { timeout: 120_000 }).toBeGreaterThan(5);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
  expect(await waitForImportDone(page, 180_000)).toContain('300,000 tweets');
  await second.reload();
  await expect(datasetCard(second, path.basename(big, '.csv'))).toBeVisible();
  await expect(second.getByRole('alert', { name: 'Interrupted imports' })).toHaveCount(0);
  const store = await storeSummary(second);
  expect(store.tweets).toBe(300_000);
  expect(store.imports.map((i) => i.state)).toEqual(['committed']);
});

test('two windows: the same file imported in both at once is kept once (the later commit is refused); a dataset cannot be deleted while an import into it runs', async ({ page, context }) => {
  test.setTimeout(300_000);
  const big = await largeTweetsFile(300_000);
  const second = await context.newPage();
  await second.goto(page.url());
  await importFiles(page, [big]);
  await importFiles(second, [big]);
  const outcomes = [await waitForImportDone(page, 240_000), await waitForImportDone(second, 240_000)];
  expect(outcomes.filter((o) => o.includes('300,000 tweets'))).toHaveLength(1);
  expect(outcomes.filter((o) => o.includes(`The same file was imported in another window meanwhile: ${path.basename(big)}`))).toHaveLength(1);
  let store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.tweets).toBe(300_000);
  expect(store.files).toBe(1);

  // Each window lists the dataset the other committed, without a reload (store/datasetsChanged.ts).
  await expect(datasetCard(page, path.basename(big, '.csv'))).toBeVisible();
  await expect(datasetCard(second, path.basename(big, '.csv'))).toBeVisible();

  // An import into that dataset runs in the first window; the second may not delete the dataset meanwhile.
  await page.reload();
  await importFiles(page, [await largeTweetsFile(200_000, 6)], path.basename(big, '.csv'));
  await expect(page.getByRole('button', { name: 'Cancel import' })).toBeVisible();
  // The import is recorded (and locked) a moment after it starts: a deletion before that sees none running
  // (the commit then refuses: import-delete.spec.ts). Here the deletion comes while it runs.
  await expect.poll(async () => (await storeSummary(second)).runningImports, { timeout: 60_000 }).toBe(1);
  const card = datasetCard(second, path.basename(big, '.csv'));
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(card.getByRole('alert')).toHaveText('An import into this dataset is running (in this or another window): cancel it or let it finish, then delete the dataset.');
  await waitForImportDone(page, 240_000);
  store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.files).toBe(2);
  expect(store.runningImports).toBe(0);
});

/** A committed dataset (the China users file), then a 300,000-tweet import well under way: returns its file. */
async function interruptibleImport(page: Page): Promise<string> {
  await importFiles(page, [chinaUsers]);
  await waitForImportDone(page);
  const big = await largeTweetsFile(300_000);
  await importFiles(page, [big]);
  await expect.poll(async () => (await storeSummary(page)).tweetBlocks, { timeout: 120_000 }).toBeGreaterThan(5);
  return big;
}

test('closing the browser mid-import: on reopen the earlier dataset is intact and no partial dataset exists', async ({ page, reopen, requests }) => {
  test.setTimeout(240_000);
  const big = await interruptibleImport(page);
  expect((await storeSummary(page)).runningImports).toBe(1);
  const again = await reopen();
  await expect(datasetCard(again, 'china_082019_1')).toBeVisible();
  // The start-up sweep removes what the killed import wrote.
  await expect.poll(async () => (await storeSummary(again)).tweetBlocks, { timeout: 30_000 }).toBe(0);
  const store = await storeSummary(again);
  expect(store.tweetIdBlocks).toBe(0);
  expect(store.datasets).toHaveLength(1);
  expect(store.accounts).toBe(744);
  expect(store.runningImports).toBe(0);
  expect(store.imports.map((i) => i.state).sort()).toEqual(['committed', 'failed']);
  await expect(again.getByRole('article')).toHaveCount(1);
  // The analyst is told which files were lost with the page, until they dismiss it.
  const notice = again.getByRole('alert', { name: 'Interrupted imports' });
  await expect(notice).toContainText(`The import of ${path.basename(big)} as a new dataset, started 20`);
  await expect(notice).toContainText('did not finish: the app closed during it. Nothing of it was kept');
  await again.reload();
  await expect(notice).toBeVisible();
  // Another file's import leaves it; importing the lost file again retires it (for good: reloaded below).
  // (waitForImportDone would see the notice, an .import-alert itself: the outcome is awaited by its text.)
  await importFiles(again, [chinaUsers]);
  await expect(again.locator('.import-done')).toContainText('Nothing new was imported.');
  await expect(notice).toBeVisible();
  await importFiles(again, [big]);
  await expect(again.locator('.import-done')).toContainText('Imported into', { timeout: 120_000 });
  await expect(notice).toHaveCount(0);
  await again.reload();
  await expect(datasetCard(again, 'china_082019_1')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(again.getByRole('article')).toHaveCount(2);
  expect(requests.outside()).toEqual([]);
});

test('reloading the page mid-import: the reloaded page removes what the import wrote and says so, once the old page has let go of it', async ({ page }) => {
  test.setTimeout(240_000);
  const big = await interruptibleImport(page);
  await page.reload();
  // The dying page's lock outlives it by a moment, past the reloaded page's first sweep: a second one follows.
  await expect(page.getByRole('alert', { name: 'Interrupted imports' })).toContainText(`The import of ${path.basename(big)} as a new dataset`, { timeout: 30_000 });
  const store = await storeSummary(page);
  expect(store.tweetBlocks).toBe(0);
  expect(store.tweetIdBlocks).toBe(0);
  expect(store.runningImports).toBe(0);
  expect(store.unresolvedLinks).toBe(1); // the earlier import's, not the interrupted one's
  expect(store.datasets).toHaveLength(1);
  expect(store.imports.map((i) => i.state).sort()).toEqual(['committed', 'failed']);
});

test('a large file is read while a second thread hashes it: its rows carry its SHA-256; chosen again, it adds nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const big = await largeTweetsFile(300_000);
  const sha256 = createHash('sha256');
  for await (const chunk of createReadStream(big)) sha256.update(chunk as Buffer);
  const sha = sha256.digest('hex');
  await importFiles(page, [big]);
  const done = await waitForImportDone(page, 180_000);
  expect(done).toMatch(/every file hashed beside it in [\d.]+ (ms|s)/);
  // The file streams through hash-wasm's SHA-256 (the rows got the hash when it came).
  const timings = JSON.parse((await page.locator('[data-timings]').getAttribute('data-timings'))!);
  expect(timings.hashSeconds).toBeGreaterThan(0);
  await expect(page.locator('[data-hasher]')).toHaveAttribute('data-hasher', 'hash-wasm');
  const stored = await storeSummary(page, true);
  expect(stored.tweets).toBe(300_000);
  expect(stored.fileHashes).toEqual([sha]);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [big]);
  expect(await waitForImportDone(page, 180_000)).toContain('Nothing new was imported.');
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText('already imported into dataset');
  const again = await storeSummary(page, true);
  expect(again.tweets).toBe(300_000);
  expect(again.fileHashes).toEqual([sha]);
  expect(again.files).toBe(1);
  // The read begun before the verdict was abandoned like a cancelled import.
  expect(again.imports.map((i) => i.state).sort()).toEqual(['cancelled', 'committed']);
});

test('a truncated .gz read before pass 1 refused it: the import starts again without it, and the other file is imported', async ({ page }) => {
  test.setTimeout(240_000);
  const gz = gzipSync(readFileSync(await largeTweetsFile(300_000)), { level: 1 });
  const truncated = path.join(tempDir(), 'cut_tweets_csv_hashed.csv.gz');
  writeFileSync(truncated, gz.subarray(0, gz.length >> 1));
  await importFiles(page, [truncated, chinaUsers]);
  const decide = page.getByRole('alert');
  await expect(decide).toContainText('Some files were refused', { timeout: 120_000 });
  await expect(decide).toContainText('cut_tweets_csv_hashed.csv.gz: gzip data is corrupt or truncated');
  await decide.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page, 120_000);
  await expect(page.getByRole('status')).toContainText('0 tweets, 744 accounts (254 hashed)');
  const store = await storeSummary(page, true);
  expect(store.tweets).toBe(0);
  expect(store.files).toBe(1);
  expect(store.accounts).toBe(744);
  expect(store.fileHashes).toEqual(['d501db9ada6bca5da1f809ae64fde16b78dff891451779bf421c7b49cff04604']);
  // Its first rows were parsed while it was hashed: that attempt was abandoned, none of it kept.
  expect(store.imports.map((i) => i.state).sort()).toEqual(['cancelled', 'committed']);
});
