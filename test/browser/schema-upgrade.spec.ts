import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeTweetRows } from './importTempFiles';
import { exposeModule } from './pageModule';

/** The app's tweet block codec, in the page as globalThis.dwCodec (snapshot and rewrite read blocks through it). */
const codec = (page: import('@playwright/test').Page) => exposeModule(page, path.resolve('renderer/src/store/tweetBlockCodec.ts'), 'dwCodec');

/**
 * A profile written by schema v3 (search text as one string per tweet, aggregate edges as a
 * "source\ttarget" → count record, tweet blocks as plain columns, one record per account and per
 * quarantined row) is converted by the v4 to v9 upgrades on the next start, losing nothing.
 * The v3 database is made from a real import: every store is read, the database is recreated at
 * IndexedDB version 30 (Dexie's v3) with the same stores and indexes, and the records are written
 * back in the v3 shapes.
 */
test('opening a v3 profile converts its search text, edges, tweet blocks, accounts and quarantined rows to v9, losing nothing', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const file = writeTweetRows(path.join(tempDir(), 'upgrade_tweets_csv_hashed.csv'), 6, 3000, 0, 3000);
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const whole = (l: string) => /^"\d+",/.test(l) && l.split('"').length % 2 === 1; // a record on one line, quotes balanced
  const damaged = lines.filter(whole).slice(0, 1100).map((l) => l.replace(/^"\d+"/, '"9.06E+17"'));
  expect(damaged).toHaveLength(1100);
  writeFileSync(file, [header, ...lines, ...damaged].join('\n') + '\n'); // 1,100 spreadsheet-damaged rows: two quarantine blocks
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await codec(page);
  const before = await page.evaluate(snapshot);
  expect(before.searchRows).toBe(3000);
  expect(before.edgeCount).toBeGreaterThan(100);
  expect(before.tweetRows).toBe(3000);
  expect(before.accountCount).toBeGreaterThan(100);
  expect(before.quarantineCount).toBe(1100);

  // Leave the app (for a same-origin 404 page), so nothing holds or reopens the database meanwhile.
  await page.goto(new URL('no-app-here', baseURL).href);
  await codec(page);
  await page.evaluate(rewriteAsV3);
  const v3 = await page.evaluate(() => new Promise<number>((resolve) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => (resolve(r.result.version), r.result.close());
  }));
  expect(v3).toBe(30);

  await page.goto(baseURL!);
  await expect(datasetCard(page, 'upgrade')).toBeVisible();
  await codec(page);
  const after = await page.evaluate(snapshot);
  expect(after.version).toBe(120);
  expect(after.legacyFields).toBe(0);
  expect(after).toEqual({ ...before, version: 120 });
});

/** In the page: what the search text, edges, tweet blocks, accounts and quarantined rows hold, independent of their storage shape. */
async function snapshot() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store: string) =>
    new Promise<any[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const [search, aggregates, blocks] = await Promise.all([all('searchBlocks'), all('aggregates'), all('tweetBlocks')]);
  const legacyAccounts = db.objectStoreNames.contains('accounts');
  const accountRecords = legacyAccounts ? await all('accounts') : (await all('accountBlocks')).flatMap((b) => b.accounts);
  const legacyQuarantine = db.objectStoreNames.contains('quarantine');
  const quarantineRecords = legacyQuarantine ? (await all('quarantine')).map(({ id: _id, ...r }) => r) : (await all('quarantineBlocks')).flatMap((b) => b.rows);
  const version = db.version;
  db.close();
  let legacyFields = 0;
  const rows: string[] = [];
  for (const b of search) {
    if (b.text) legacyFields++;
    for (let i = 0; i + 1 < b.starts.length; i++) rows.push(b.joined.slice(b.starts[i], b.starts[i + 1] - 1));
  }
  const edges: string[] = [];
  for (const a of aggregates) {
    if (!a.edges.accounts) legacyFields++;
    for (const kind of ['retweet', 'mention', 'reply', 'quote']) {
      const c = a.edges[kind];
      for (let i = 0; i < c.weight.length; i++) edges.push(`${kind} ${a.edges.accounts[c.source[i]]} ${a.edges.accounts[c.target[i]]} ${c.weight[i]}`);
    }
  }
  edges.sort();
  const tweets: string[] = [];
  for (const b of blocks) {
    if (Array.isArray(b.columns.tweetid)) legacyFields++;
    const c = (globalThis as any).dwCodec.decodeTweetColumns(b.columns);
    for (let i = 0; i < c.length; i++) tweets.push(JSON.stringify(Object.keys(c).filter((k) => k !== 'length').map((k) => c[k][i])));
  }
  if (legacyAccounts) legacyFields++;
  if (legacyQuarantine) legacyFields++;
  const quarantine = quarantineRecords.map((r) => JSON.stringify(r)); // write order, which the upgrade keeps
  const accounts = accountRecords.map((a) => JSON.stringify(a)).sort();
  return {
    version, legacyFields, accountCount: accounts.length, accounts: accounts.join('\n'), quarantineCount: quarantine.length, quarantine: quarantine.join('\n'), searchRows: rows.length, searchText: rows.join('\n'), edgeCount: edges.length, edges: edges.join('\n'),
    tweetRows: tweets.length, tweets: tweets.join('\n'),
  };
}

/** In the page: recreate the app's database as Dexie v3 (IndexedDB version 30) holding the same data in v3 shapes (accounts and quarantined rows one record each). */
async function rewriteAsV3() {
  const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = version ? indexedDB.open('disclosure-workbench', version) : indexedDB.open('disclosure-workbench');
      if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const db = await open();
  const stores: { name: string; keyPath: string | string[] | null; autoIncrement: boolean; indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[]; records: { key: IDBValidKey; value: any }[] }[] = [];
  for (const name of Array.from(db.objectStoreNames).filter((n) => !n.startsWith('$'))) {
    const store = db.transaction(name).objectStore(name);
    const indexes = Array.from(store.indexNames, (i) => {
      const x = store.index(i);
      return { name: i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
    });
    const records = await new Promise<{ key: IDBValidKey; value: any }[]>((resolve, reject) => {
      const out: { key: IDBValidKey; value: any }[] = [];
      const r = store.openCursor();
      r.onsuccess = () => {
        const c = r.result;
        if (!c) return resolve(out);
        out.push({ key: c.primaryKey, value: c.value });
        c.continue();
      };
      r.onerror = () => reject(r.error);
    });
    if (name === 'accountBlocks') {
      const accounts = records.flatMap((r) => r.value.accounts).map((a: any) => ({ key: [a.datasetId, a.userid], value: a }));
      stores.push({ name: 'accounts', keyPath: ['datasetId', 'userid'], autoIncrement: false, indexes: [{ name: 'importId', keyPath: 'importId', unique: false, multiEntry: false }], records: accounts });
    } else if (name === 'quarantineBlocks') {
      const rows = records.flatMap((r) => r.value.rows).map((row: any, i: number) => ({ key: i + 1, value: { ...row, id: i + 1 } }));
      const index = (n: string, keyPath: string | string[]) => ({ name: n, keyPath, unique: false, multiEntry: false });
      stores.push({ name: 'quarantine', keyPath: 'id', autoIncrement: true, indexes: [index('[datasetId+importId]', ['datasetId', 'importId']), index('importId', 'importId')], records: rows });
    } else stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records });
  }
  db.close();
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase('disclosure-workbench');
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
  const toV3 = (name: string, v: any) => {
    if (name === 'searchBlocks') {
      const text: string[] = [];
      for (let i = 0; i + 1 < v.starts.length; i++) text.push(v.joined.slice(v.starts[i], v.starts[i + 1] - 1));
      const { joined: _j, starts: _s, ...rest } = v;
      return { ...rest, text };
    }
    if (name === 'aggregates') {
      const edges: Record<string, Record<string, number>> = {};
      for (const kind of ['retweet', 'mention', 'reply', 'quote']) {
        const c = v.edges[kind];
        edges[kind] = {};
        for (let i = 0; i < c.weight.length; i++) edges[kind]![v.edges.accounts[c.source[i]] + '\t' + v.edges.accounts[c.target[i]]] = c.weight[i];
      }
      return { ...v, edges };
    }
    if (name === 'tweetBlocks') return { ...v, columns: (globalThis as any).dwCodec.decodeTweetColumns(v.columns) };
    return v;
  };
  const v3 = await open(30, (d) => {
    for (const s of stores) {
      const store = d.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  });
  const tx = v3.transaction(stores.map((s) => s.name), 'readwrite');
  for (const s of stores) for (const r of s.records) tx.objectStore(s.name).put(toV3(s.name, r.value), s.keyPath === null ? r.key : undefined);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  v3.close();
}
