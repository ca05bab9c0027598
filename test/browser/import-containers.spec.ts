import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { counts, datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { tempDir } from './importTempFiles';
import { exposeModule } from './pageModule';

test('a .zip holding users and tweets CSVs (and a readme) becomes one dataset with a receipt per entry', async ({ page, requests }) => {
  const zip = path.join(tempDir(), 'ira_2018_hashed.zip');
  writeFileSync(zip, zipSync({
    'ira_2018/README.txt': new TextEncoder().encode('not a csv'),
    'ira_2018/ira_users_csv_hashed.csv': readFileSync(realFixture('ira_2018_users_csv_hashed_excerpt.csv')),
    'ira_2018/ira_tweets_csv_hashed.csv': readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')),
  }));
  await importFiles(page, [zip]);
  await waitForImportDone(page);
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(1);
  expect(store.files).toBe(2);
  expect(store.tweets).toBe(2);
  expect(store.accounts).toBe(4);
  const receipts = datasetCard(page, 'ira_2018_hashed').getByRole('table', { name: /Files of/ });
  await expect(receipts).toContainText('ira_2018_hashed.zip › ira_2018/ira_users_csv_hashed.csv');
  await expect(receipts).toContainText('ira_2018_hashed.zip › ira_2018/ira_tweets_csv_hashed.csv');
  // What was not imported is said, not dropped silently.
  await expect(page.getByRole('list', { name: 'Skipped files' })).toHaveText('ira_2018_hashed.zip › ira_2018/README.txt: not a .csv entry of the zip, not imported');
  // ...and stays said with the dataset, in each entry's stored receipt.
  await page.reload();
  await expect(receipts.getByText('also in the zip, not imported: ira_2018/README.txt')).toHaveCount(1); // said once per zip
  // Each entry's row gives its own size, and the zip's.
  await expect(receipts.getByText(/^zip \d/)).toHaveCount(2);
  expect(requests.outside()).toEqual([]);
});

test('a .zip with a binary .csv entry: that entry is refused on its own, the analyst chooses, the rest is imported and the refusal kept in the receipts', async ({ page }) => {
  const zip = path.join(tempDir(), 'with_junk.zip');
  writeFileSync(zip, zipSync({
    'ira_tweets_csv_hashed.csv': readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')),
    'junk.csv': new Uint8Array([0, 1, 2, 3]),
  }));
  await importFiles(page, [zip]);
  const question = page.getByRole('alert').filter({ hasText: 'Some files were refused' });
  // The file is named once, not again by the message.
  await expect(question.getByRole('list', { name: 'Refused files' })).toContainText(/^with_junk\.zip › junk\.csv: binary content/);
  await question.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page);
  const store = await storeSummary(page);
  expect(store.tweets).toBe(2);
  expect(store.files).toBe(1);
  const refusal = datasetCard(page, 'with_junk').getByRole('table', { name: /Files of/ }).locator('details', { hasText: 'refused in the zip: junk.csv' });
  await refusal.locator('summary').click();
  await expect(refusal).toContainText('with_junk.zip (junk.csv): binary content');
});

test('a .zip with a header-only part: that entry is refused on its own (as the CSV is as a file), the analyst chooses, the users and tweets are imported', async ({ page }) => {
  const dir = tempDir();
  const tweets = readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'));
  writeFileSync(path.join(dir, 'users.csv'), readFileSync(realFixture('ira_2018_users_csv_hashed_excerpt.csv')));
  writeFileSync(path.join(dir, 'tweets_1.csv'), tweets);
  writeFileSync(path.join(dir, 'tweets_2.csv'), tweets.subarray(0, tweets.indexOf(0x0a) + 1));
  // Info-ZIP, the empty part last: read after the other entries delivered their rows.
  execFileSync('zip', ['-q', 'release.zip', 'users.csv', 'tweets_1.csv', 'tweets_2.csv'], { cwd: dir });
  await importFiles(page, [path.join(dir, 'release.zip')]);
  const question = page.getByRole('alert').filter({ hasText: 'Some files were refused' });
  await expect(question.getByRole('list', { name: 'Refused files' })).toHaveText('release.zip › tweets_2.csv: a Twitter IO tweets header row and no data rows: nothing to import.');
  await question.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page);
  const store = await storeSummary(page);
  expect([store.files, store.tweets, store.accounts]).toEqual([2, 2, 4]);
  const receipts = datasetCard(page, 'release').getByRole('table', { name: /Files of/ });
  await expect(receipts).toContainText('release.zip › users.csv');
  await expect(receipts).toContainText('release.zip › tweets_1.csv');
  const refusal = receipts.locator('details', { hasText: 'refused in the zip: tweets_2.csv' });
  await expect(refusal).toHaveCount(1); // said once per zip
  await refusal.locator('summary').click();
  await expect(refusal).toContainText('release.zip (tweets_2.csv): a Twitter IO tweets header row and no data rows: nothing to import.');
});

test('a .zip with two empty parts (the same header, the same bytes) is no CSV held twice: both are refused on their own, the rest is imported', async ({ page }) => {
  const dir = tempDir();
  const tweets = readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'));
  const header = tweets.subarray(0, tweets.indexOf(0x0a) + 1);
  writeFileSync(path.join(dir, 'tweets_1.csv'), tweets);
  writeFileSync(path.join(dir, 'tweets_2.csv'), header);
  writeFileSync(path.join(dir, 'tweets_3.csv'), header);
  execFileSync('zip', ['-q', 'parts.zip', 'tweets_1.csv', 'tweets_2.csv', 'tweets_3.csv'], { cwd: dir });
  await importFiles(page, [path.join(dir, 'parts.zip')]);
  const question = page.getByRole('alert').filter({ hasText: 'Some files were refused' });
  const why = 'a Twitter IO tweets header row and no data rows: nothing to import.';
  await expect(question.getByRole('list', { name: 'Refused files' }).getByRole('listitem')).toHaveText([`parts.zip › tweets_2.csv: ${why}`, `parts.zip › tweets_3.csv: ${why}`]);
  await question.getByRole('button', { name: 'Import the other files' }).click();
  await waitForImportDone(page);
  const store = await storeSummary(page);
  expect([store.files, store.tweets]).toEqual([1, 2]);
});

test('a .csv.gz imports like the CSV; the entry SHA-256 is the CSV one', async ({ page }) => {
  const gz = path.join(tempDir(), 'china_082019_1_users_csv_hashed.csv.gz');
  writeFileSync(gz, gzipSync(readFileSync(realFixture('china_082019_1_users_csv_hashed.csv'))));
  await importFiles(page, [gz]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'china_082019_1');
  expect(await counts(card)).toMatchObject({ accounts: 744, hashedAccounts: 254 });
  await expect(card.getByRole('table', { name: /Files of/ }).getByTestId('entry-sha256')).toHaveText('d501db9ada6bca5da1f809ae64fde16b78dff891451779bf421c7b49cff04604');
  // Its size as read, and the compressed file's, named as gzip (not zip), each also in exact bytes.
  await expect(card.getByRole('table', { name: /Files of/ }).getByRole('cell').filter({ hasText: /^\d[\d.]* [KM]?B\s*[\d,]+ bytes\s*gzip \d[\d.]* [KM]?B, [\d,]+ bytes$/ })).toHaveCount(1);
  // The streaming hash of the decompressed entry and the CSV byte scan ran as WebAssembly in the workers: the CSP allows 'wasm-unsafe-eval'.
  await expect(page.locator('[data-hasher]')).toHaveAttribute('data-hasher', 'hash-wasm');
  await expect(page.locator('[data-csv-scan]')).toHaveAttribute('data-csv-scan', 'webassembly');
});

test('a .csv.gz of several gzip members (cat part1.csv.gz part2.csv.gz; bgzip writes many) imports as its CSV does: the same accounts, tweets and source SHA-256', async ({ page }) => {
  const names = ['china_082019_1_users_csv_hashed.csv', 'fivethirtyeight_IRAhandle_tweets_1_excerpt.csv'];
  // The CSVs themselves first: what they hold. Then their dataset is deleted (it would hold the same content).
  await importFiles(page, names.map(realFixture));
  await waitForImportDone(page);
  const plain = await storeSummary(page, true);
  expect([plain.accounts, plain.tweets]).toEqual([745, 11]);
  const card = page.getByRole('article');
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);

  const dir = tempDir();
  const joined = names.map((name, i) => {
    const csv = readFileSync(realFixture(name));
    // The users in two parts cut at a line end (as split -l and cat make them), the tweets in 64-byte parts cut inside lines (as bgzip's blocks are).
    const cuts = i === 0 ? [0, csv.indexOf(0x0a, csv.length >> 1) + 1] : Array.from({ length: Math.ceil(csv.length / 64) }, (_, k) => k * 64);
    const file = path.join(dir, `${name}.gz`);
    writeFileSync(file, Buffer.concat(cuts.map((c, k) => gzipSync(csv.subarray(c, cuts[k + 1] ?? csv.length)))));
    return file;
  });
  await importFiles(page, joined);
  expect(await waitForImportDone(page)).toMatch(/Imported into/);
  const store = await storeSummary(page, true);
  expect(store.datasets).toHaveLength(1);
  for (const key of ['accounts', 'hashedAccounts', 'tweets', 'tweetIds', 'fileHashes', 'quarantine'] as const) expect(store[key], key).toEqual(plain[key]);
  expect(await counts(page.getByRole('article'))).toMatchObject({ accounts: 745, tweets: 11 });
});

test('Chromium reads gzip members one after another however the file is cut into chunks: BGZF blocks (extra field, empty last block), 1f 8b 08 inside stored deflate data, zero padding', async ({ page }) => {
  const csv = readFileSync(realFixture('china_082019_1_users_csv_hashed.csv'));
  /** One gzip member, with BGZF's extra field when given (bgzip writes each block so). */
  const member = (data: Buffer, extra?: Buffer) => {
    const header = Buffer.from([0x1f, 0x8b, 0x08, extra ? 4 : 0, 0, 0, 0, 0, 0, 0xff]);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(data), 0);
    trailer.writeUInt32LE(data.length, 4);
    return Buffer.concat([header, ...(extra ? [Buffer.from([extra.length, 0]), extra] : []), deflateRawSync(data), trailer]);
  };
  const blocks = Array.from({ length: Math.ceil(csv.length / 4000) }, (_, i) => csv.subarray(i * 4000, (i + 1) * 4000));
  // Stored (level 0) deflate data holds the text as it is: every 1f 8b 08 in it looks like a member's start.
  const lookalike = Buffer.from('abc\x1f\x8b\x08def'.repeat(2000) + '\x1f\x8b\x08', 'latin1');
  const cases: [string, Buffer, Buffer][] = [
    ['bgzf', Buffer.concat([...blocks.map((b) => member(b, Buffer.from([0x42, 0x43, 2, 0, 0, 0]))), member(Buffer.alloc(0), Buffer.from([0x42, 0x43, 2, 0, 0x1b, 0]))]), csv],
    ['lookalike', Buffer.concat([gzipSync(lookalike, { level: 0 }), gzipSync(lookalike, { level: 0 }), gzipSync(csv)]), Buffer.concat([lookalike, lookalike, csv])],
    ['padded', Buffer.concat([...blocks.map((b) => gzipSync(b)), Buffer.alloc(100)]), csv],
  ];
  await exposeModule(page, path.resolve('shared/archive/gunzipMembers.ts'), 'dwGunzip');
  for (const [name, gz, data] of cases) {
    for (const size of [7, 1000, 1 << 16]) {
      expect(await gunzipInPage(page, name, gz, size), `${name} in chunks of ${size}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  }
});

/** gunzipMembers run in the page (exposed as dwGunzip) on gz read in chunks of size: the SHA-256 of what came out, or its refusal's message. */
async function gunzipInPage(page: Page, name: string, gz: Buffer, size: number): Promise<string> {
  return page.evaluate(async ({ name, b64, size }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const chunks = async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    };
    const parts: Uint8Array[] = [];
    try {
      for await (const c of (globalThis as any).dwGunzip.gunzipMembers(name, chunks())) parts.push(c);
    } catch (e) {
      return (e as Error).message;
    }
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
    return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', all)), (x) => x.toString(16).padStart(2, '0')).join('');
  }, { name, b64: gz.toString('base64'), size });
}

test('Chromium refuses zero bytes between gzip members (gzip -d stops at them) and a damaged member after whole ones, naming the byte where each begins; text after an empty member is appended data', async ({ page }) => {
  const csv = readFileSync(realFixture('china_082019_1_users_csv_hashed.csv'));
  const half = csv.indexOf(0x0a, csv.length >> 1) + 1;
  const [a, b] = [gzipSync(csv.subarray(0, half)), gzipSync(csv.subarray(half))];
  const stops = (n: number, at: number) => `${n} zero bytes at byte ${at} follow the end of a gzip member, and another gzip member starts after them, at byte ${at + n}.`;
  const damaged = (at: number) => new RegExp(`: gzip data is corrupt or truncated \\([^)]+\\) in the gzip member that starts at byte ${at}, after whole ones: `);
  const cases: [string, Buffer, string | RegExp][] = [
    ['zeros_between', Buffer.concat([a, Buffer.alloc(512), b]), stops(512, a.length)],
    ['zero_between', Buffer.concat([a, Buffer.alloc(1), b, Buffer.alloc(100)]), stops(1, a.length)],
    ['bad_member', Buffer.concat([a, b, Buffer.from('\x1f\x8b\x08garbage appended', 'latin1')]), damaged(a.length + b.length)],
    ['cut_member', Buffer.concat([a, b, a.subarray(0, 20)]), damaged(a.length + b.length)],
    ['empty_then_text', Buffer.concat([gzipSync(Buffer.alloc(0)), Buffer.from('garbage appended')]), 'bytes that are not gzip data follow the end of the gzip data'],
  ];
  await exposeModule(page, path.resolve('shared/archive/gunzipMembers.ts'), 'dwGunzip');
  for (const [name, gz, message] of cases) {
    for (const size of [7, 1000, 1 << 16]) {
      expect(await gunzipInPage(page, name, gz, size), `${name} in chunks of ${size}`).toMatch(typeof message === 'string' ? `${name}: ${message}` : message);
    }
  }
});

test('files dropped on the import area are imported', async ({ page }) => {
  const text = readFileSync(realFixture('meta_threat_research_2022_09_cib_china_russia_indicators.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'meta_indicators.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await waitForImportDone(page);
  expect((await storeSummary(page)).indicators).toBe(350);
  expect(await counts(datasetCard(page, 'meta_indicators'))).toMatchObject({ indicators: 350 });
});

test('the same CSV content chosen twice in one import (a .csv and its .gz) is imported once; a zip mixing a stored entry with new ones is refused with the reason', async ({ page }) => {
  const dir = tempDir();
  const users = realFixture('china_082019_1_users_csv_hashed.csv');
  const gz = path.join(dir, 'china_082019_1_users_csv_hashed.csv.gz');
  writeFileSync(gz, gzipSync(readFileSync(users)));
  await importFiles(page, [users, gz]);
  await waitForImportDone(page);
  await expect(page.getByRole('list', { name: 'Skipped files' })).toHaveText(
    'china_082019_1_users_csv_hashed.csv.gz: the same CSV content as china_082019_1_users_csv_hashed.csv, chosen in this import (same SHA-256): imported once',
  );
  const store = await storeSummary(page);
  expect(store.files).toBe(1);
  expect(store.accounts).toBe(744);
  const receipts = datasetCard(page, 'china_082019_1').getByRole('table', { name: /Files of/ }).getByRole('row');
  await expect(receipts).toHaveCount(2);
  await expect(receipts.nth(1).getByRole('cell').nth(5)).toHaveText('744');

  // A zip holding that file (stored now) and a new one: importing it whole would repeat the first.
  const zip = path.join(dir, 'mixed.zip');
  writeFileSync(zip, zipSync({ 'users.csv': readFileSync(users), 'ira_tweets.csv': readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')) }));
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [zip]);
  await expect(page.getByRole('alert')).toContainText(
    'mixed.zip: its entries users.csv are already imported into dataset “china_082019_1” (same SHA-256), and its other entries are new. A zip is imported whole: extract the new entries and import them as files.',
  );
  expect((await storeSummary(page)).files).toBe(1);

  // Its other entry imported into a dataset of its own: the zip's entries are stored in two datasets, each named.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const datasets = (await storeSummary(page)).datasets.map((d) => d.name);
  expect(datasets).toHaveLength(2);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await importFiles(page, [zip]);
  await waitForImportDone(page);
  await expect(page.getByRole('list', { name: 'Skipped files' })).toHaveText(
    `mixed.zip: already imported into datasets “china_082019_1” and “${datasets.find((n) => n !== 'china_082019_1')}” (same SHA-256): nothing added`,
  );
  expect((await storeSummary(page)).files).toBe(2);
});

test('a quarantined row of a zip entry names the entry, and its receipt shows the entry SHA-256 its rows cite', async ({ page }) => {
  const excel = readFileSync(realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv'));
  const zip = path.join(tempDir(), 'resaved.zip');
  writeFileSync(zip, zipSync({ 'parts/excel.csv': excel }));
  await importFiles(page, [zip]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'resaved');
  await expect(card.getByRole('table', { name: /Files of/ }).getByTestId('entry-sha256')).toHaveText(createHash('sha256').update(excel).digest('hex'));
  await card.getByRole('button', { name: /Show quarantined rows/ }).click();
  await expect(page.locator('.quarantine tbody tr').first().getByRole('cell').first()).toHaveText('resaved.zip › parts/excel.csv');
});

test('a zip holding one CSV twice under two names is refused with their names (its receipts would replace each other)', async ({ page }) => {
  const csv = readFileSync(realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'));
  const zip = path.join(tempDir(), 'twice.zip');
  writeFileSync(zip, zipSync({ 'a.csv': csv, 'b.csv': csv }));
  await importFiles(page, [zip]);
  await expect(page.getByRole('alert')).toContainText('twice.zip: b.csv has the same content as a.csv (same SHA-256). Extract the entries and import each content once.');
  expect((await storeSummary(page)).files).toBe(0);
});
