import type { Page } from '@playwright/test';
import path from 'node:path';
import { SEARCH_TEXT_VERSION } from '../../shared/domain/searchFold';
import { expect, test } from './fixtures';
import { searchWords } from './exploreHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';
import { exposeModule } from './pageModule';

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

/**
 * The write-back of text folded again runs after the load, in transactions of its own: a dataset
 * deleted between the load and them gets nothing written back, not even the search record of a
 * block that had none (it would outlive the dataset as an orphan). Driven in the page with the
 * app's DatasetCorpus: the deletion's transaction is opened the moment the load resolves, before
 * the write-back's first (which waits for a task), so IndexedDB runs it first.
 */
test('a dataset deleted while its refolded search text waits to be written back gets none of it', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  const file = writeTweetRows(path.join(tempDir(), 'refold_delete_tweets_csv_hashed.csv'), 4, 4500, 0, 4500);
  await importFiles(page, [file]);
  await waitForImportDone(page);
  const [dataset] = await stored(page, 'datasets');
  expect(await stored(page, 'searchBlocks')).toHaveLength(3);
  await exposeModule(page, 'renderer/src/search/searchDatasetCorpus.ts', 'corpusModule');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  const after = await page.evaluate(
    async ({ datasetId, committed, version }) => {
      const raw = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('disclosure-workbench');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const done = (tx: IDBTransaction) => new Promise<void>((res, rej) => ((tx.oncomplete = () => res()), (tx.onerror = () => rej(tx.error))));
      const blocks = IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity]);
      // As an older version left it: the first block's record missing, the others of the version before.
      const old = raw.transaction('searchBlocks', 'readwrite');
      const s = old.objectStore('searchBlocks');
      s.getAll(blocks).onsuccess = (e) => {
        const [first, ...rest] = (e.target as IDBRequest<{ datasetId: string; seq: number }[]>).result;
        s.delete([first!.datasetId, first!.seq]);
        for (const r of rest) s.put({ ...r, norm: version - 1 });
      };
      await done(old);
      const g = globalThis as unknown as {
        corpusModule: { DatasetCorpus: new (db: unknown, id: string, committed: Set<string>, onProgress: () => void) => { ready: Promise<void>; writtenBack: Promise<void>; tweets: number } };
        database: { db: unknown };
      };
      const corpus = new g.corpusModule.DatasetCorpus(g.database.db, datasetId, new Set(committed), () => {});
      // What deleteDataset's transaction does to these two stores, opened in the same task as the load ends.
      let deleting!: Promise<void>;
      await corpus.ready.then(() => {
        const tx = raw.transaction(['datasets', 'searchBlocks'], 'readwrite');
        tx.objectStore('datasets').delete(datasetId);
        tx.objectStore('searchBlocks').delete(blocks);
        deleting = done(tx);
      });
      await deleting;
      await corpus.writtenBack;
      const check = raw.transaction(['datasets', 'searchBlocks'], 'readwrite');
      const counts = { tweetsLoaded: corpus.tweets, datasets: -1, searchBlocks: -1 };
      check.objectStore('datasets').count(datasetId).onsuccess = (e) => (counts.datasets = (e.target as IDBRequest<number>).result);
      check.objectStore('searchBlocks').count(blocks).onsuccess = (e) => (counts.searchBlocks = (e.target as IDBRequest<number>).result);
      await done(check);
      raw.close();
      return counts;
    },
    { datasetId: dataset!.id as string, committed: dataset!.committedImports as string[], version: SEARCH_TEXT_VERSION },
  );
  // The load folded every block again (4,500 tweets); nothing of it was written after the deletion.
  expect(after).toEqual({ tweetsLoaded: 4500, datasets: 0, searchBlocks: 0 });
  expect(consoleLog.errors).toEqual([]);
});
