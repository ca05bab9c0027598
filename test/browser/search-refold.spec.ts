import type { Page } from '@playwright/test';
import path from 'node:path';
import { SEARCH_TEXT_VERSION } from '../../shared/domain/searchFold';
import { expect, test } from './fixtures';
import { searchWords } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';

/** Every record of a raw IndexedDB store, typed arrays as [type, ...values], in key order: what is stored, no app code involved. */
async function stored(page: Page, store: string): Promise<Record<string, unknown>[]> {
  const json = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<unknown[]>((res, rej) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return all.map((v) => JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? [x.constructor.name, ...Array.from(x as unknown as ArrayLike<number>)] : x)));
  }, store);
  return json.map((r) => JSON.parse(r) as Record<string, unknown>);
}

/**
 * A dataset whose search text an older normalizeForSearch wrote (no version, or an older one), or
 * whose search record of a block is missing, is folded again from its tweets at its first load and
 * stored so: afterwards its search records are those the import writes today (filters kept), and
 * its tweet blocks are untouched.
 */
test('search text folded again from the tweets is stored, so the next load reads it as the import writes it', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  // 4,500 tweets: three blocks, a Persian word written with and without its zero-width non-joiner in the first two.
  const file = writeTweetRows(path.join(tempDir(), 'refold_tweets_csv_hashed.csv'), 4, 4500, 0, 4500, (f, i) => {
    if (i === 3) f.tweet_text = 'من می\u200cخواهم بروم';
    if (i === 2500) f.tweet_text = 'من میخواهم بمانم';
  });
  await importFiles(page, [file]);
  await waitForImportDone(page);
  const imported = await stored(page, 'searchBlocks');
  const tweets = await stored(page, 'tweetBlocks');
  expect(imported).toHaveLength(3);
  expect(imported.every((r) => r.norm === SEARCH_TEXT_VERSION)).toBe(true);

  // As older versions left it: the first record without a version, the second of the version before,
  // their text not matching the word as stored; the third block's record missing.
  await page.evaluate(async (version) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction('searchBlocks', 'readwrite');
      let n = 0;
      tx.objectStore('searchBlocks').openCursor().onsuccess = (e) => {
        const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!c) return;
        if (n === 2) c.delete();
        else {
          const v = { ...c.value, joined: String(c.value.joined).replaceAll('میخواهم', 'xxxxxxx'), norm: version - 1 };
          if (n === 0) delete v.norm;
          c.update(v);
        }
        n++;
        c.continue();
      };
      tx.oncomplete = res;
    });
    db.close();
  }, SEARCH_TEXT_VERSION);
  expect((await stored(page, 'searchBlocks')).map((r) => r.norm)).toEqual([undefined, SEARCH_TEXT_VERSION - 1]);

  // One load: the search finds both spellings (folded from the tweets), and the records are stored again as the import wrote them.
  await page.reload();
  await page.goto('#/explore/search');
  await searchWords(page, 'میخواهم');
  await expect(page.getByTestId('search-status')).toContainText('2 tweets match “میخواهم”');
  await expect.poll(async () => (await stored(page, 'searchBlocks')).map((r) => r.norm), { timeout: 30_000 }).toEqual([SEARCH_TEXT_VERSION, SEARCH_TEXT_VERSION, SEARCH_TEXT_VERSION]);
  expect(await stored(page, 'searchBlocks')).toEqual(imported);
  expect(await stored(page, 'tweetBlocks')).toEqual(tweets);

  // The next load reads them: the same matches.
  await page.reload();
  await page.goto('#/explore/search');
  await searchWords(page, 'میخواهم');
  await expect(page.getByTestId('search-status')).toContainText('2 tweets match “میخواهم”');
  await expect(page.locator('.results mark')).toHaveText(['می\u200cخواهم', 'میخواهم']);
  expect(consoleLog.errors).toEqual([]);
});
