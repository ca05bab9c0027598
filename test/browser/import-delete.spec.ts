import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { exposeModule } from './pageModule';
import { storeRecords } from './exploreHelpers';
import { largeTweetsFile } from './importTempFiles';

test('deleting a dataset asks first, then removes it and all its records; the other dataset stays', async ({ page }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]);
  await waitForImportDone(page);
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, /EXCEL_RESAVED/);
  const deleteButton = card.getByRole('button', { name: 'Delete dataset…' });
  await deleteButton.click();
  // The confirmation takes focus on "Keep" (Enter twice must not delete); Keep and Escape back out, to the button.
  await expect(card.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(deleteButton).toBeFocused();
  expect((await storeSummary(page)).datasets).toHaveLength(2);
  // Explore shows the dataset about to be deleted (it remembers it across visits).
  await page.goto('#/explore');
  const excelOption = await page.getByLabel('Dataset').locator('option', { hasText: 'EXCEL_RESAVED' }).getAttribute('value');
  await page.getByLabel('Dataset').selectOption(excelOption!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('EXCEL_RESAVED');
  await page.goto('#/datasets');
  // A case item pinned from it (written as the Cases view would, without its UI): the question says what deleting costs.
  const excelSha = createHash('sha256').update(readFileSync(realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv'))).digest('hex');
  await page.evaluate(async (fileSha256) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const datasets = await new Promise<{ id: string; name: string }[]>((res) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => res(r.result);
    });
    const id = datasets.find((d) => d.name.includes('EXCEL_RESAVED'))!.id;
    await new Promise((res) => {
      const tx = db.transaction(['pins', 'cases'], 'readwrite');
      tx.objectStore('pins').put({ id: 'pin-1', kind: 'search', datasetId: id, title: 'a search', payload: {}, provenance: [{ fileSha256, row: 1, byteOffset: 0, byteLength: 1 }], pinnedAt: new Date().toISOString(), caseId: 'case-1' });
      tx.objectStore('cases').put({ id: 'case-1', name: 'Cites a deleted dataset', createdAt: new Date().toISOString(), createdBy: 'qa@example.org', archived: false, itemNotes: {} });
      tx.oncomplete = res;
    });
    db.close();
  }, excelSha);
  await deleteButton.click();
  await expect(card.getByTestId('delete-cited')).toHaveText('1 case item cites it: their cases keep the items, and their custody logs record the deletion. The one that quotes its source rows keeps its case from being exported as evidence bundles (the records of its source files go with it).');
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  // Focus goes to the page's heading, not the body, and the page says what was deleted.
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeFocused();
  await expect(page.getByTestId('dataset-deleted')).toHaveText('Deleted “fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED” and all its records.');
  await expect(page.getByTestId('dataset-deleted')).toHaveAttribute('aria-live', 'polite');
  await expect(datasetCard(page, 'ira_2018')).toBeVisible();
  const store = await storeSummary(page);
  expect(store.datasets.map((d) => d.name)).toEqual(['ira_2018']);
  expect(store.quarantine).toBe(0);
  expect(store.tweets).toBe(2);
  expect(store.tweetIdBlocks).toBe(1); // the deleted dataset's ids records went with it
  expect(store.files).toBe(2);
  // Explore says the dataset it showed is gone, and which one it shows instead.
  await page.goto('#/explore');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore: ira_2018');
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toHaveText(
    /^“fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED”, the dataset you explored last, is no longer in this workbench \(deleted\)\. Showing the newest dataset, “ira_2018”\.$/,
  );
  // The case that cites it says at once that it cannot be exported, not first when the export is tried.
  await page.goto('#/cases/case-1');
  await expect(page.getByTestId('export-missing-source')).toHaveText(`This case cannot be exported as it is: source ${excelSha} cited by this case is not in the store any more (was its dataset deleted?).`);
  // Its custody log records the deletion, naming the dataset and the item that stays.
  const custody = await storeRecords<{ caseId: string; entry: { action: string; detail: unknown } }>(page, 'custody');
  expect(custody.filter((r) => r.caseId === 'case-1').map((r) => [r.entry.action, r.entry.detail])).toEqual([
    ['dataset-deleted', { datasetId: expect.any(String), dataset: 'fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED', items: ['pin-1'] }],
  ]);
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact/);
});

test('a case citing a dataset deleted and imported again keeps the first import as the sources\' acquisition time', async ({ page }) => {
  const tweetsFile = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
  const sha = createHash('sha256').update(readFileSync(tweetsFile)).digest('hex');
  await importFiles(page, [tweetsFile]);
  await waitForImportDone(page);
  await exposeModule(page, 'renderer/src/cases/caseStore.ts', 'caseStore');
  await exposeModule(page, 'renderer/src/cases/exportCaseBundle.ts', 'exportCaseBundle');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  type Modules = { caseStore: typeof import('../../renderer/src/cases/caseStore'); exportCaseBundle: typeof import('../../renderer/src/cases/exportCaseBundle'); database: typeof import('../../renderer/src/store/database') };
  // A case cites the file's first row (pinned, then attached: the custody log records the import).
  const first = await page.evaluate(async (fileSha256) => {
    const { caseStore, database } = globalThis as unknown as Modules;
    const db = database.db;
    const [ds] = await db.datasets.toArray();
    const c = await caseStore.createCase(db, 'Re-imported source', 'qa@example.org');
    await db.pins.put({ id: 'pin-1', kind: 'tweet', datasetId: ds!.id, title: 'first row', payload: {}, provenance: [{ fileSha256, row: 1, byteOffset: 0, byteLength: 1 }], pinnedAt: new Date().toISOString() });
    await caseStore.attachPin(db, c.id, 'pin-1', 'qa@example.org');
    return { caseId: c.id, importedAt: (await db.files.get(fileSha256))!.receipt.startedAt };
  }, sha);
  const card = datasetCard(page, 'ira_2018');
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  // Until then the case cannot be exported, and says which file to import again (its log named it at import).
  await page.goto(`#/cases/${first.caseId}`);
  await expect(page.getByTestId('export-missing-source')).toHaveText(
    `This case cannot be exported as it is: source ira_2018_tweets_csv_hashed_excerpt.csv (SHA-256 ${sha}) cited by this case is not in the store any more (was its dataset deleted?): import that file again to export this case.`,
  );
  await page.goto('#/datasets');
  await importFiles(page, [tweetsFile]);
  await waitForImportDone(page);
  const again = await page.evaluate(async ({ fileSha256, caseId }) => {
    const { caseStore, exportCaseBundle, database } = globalThis as unknown as Modules;
    const db = database.db;
    const [source] = await exportCaseBundle.citedSources(db, await caseStore.caseItems(db, caseId));
    return { reimportedAt: (await db.files.get(fileSha256))!.receipt.startedAt, citedAt: source!.importedAt };
  }, { fileSha256: sha, caseId: first.caseId });
  expect(again.reimportedAt > first.importedAt).toBe(true);
  expect(again.citedAt).toBe(first.importedAt);
});

test('an import into a dataset deleted before the import was recorded (so the deletion saw none running) is not committed as that dataset made anew', async ({ page }) => {
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  await exposeModule(page, 'renderer/src/store/write/importLifecycle.ts', 'importLifecycle');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  type Modules = { importLifecycle: typeof import('../../renderer/src/store/write/importLifecycle'); database: typeof import('../../renderer/src/store/database') };
  const outcome = await page.evaluate(async () => {
    const { importLifecycle, database } = globalThis as unknown as Modules;
    const db = database.db;
    const [ds] = await db.datasets.toArray();
    // The import read the dataset; another window deleted it; then the import recorded itself and ran.
    await db.datasets.delete(ds!.id);
    await importLifecycle.beginImport(db, { id: 'late-import', datasetId: ds!.id, fileNames: ['x.csv'] });
    const added = { ...ds!.counts };
    const commit = { importId: 'late-import', datasetId: ds!.id, datasetName: ds!.name, files: [], added };
    const refused = await importLifecycle.commitImport(db, { ...commit, addsToExisting: true }).then(() => null, (e: Error) => e.message);
    return { refused, datasets: await db.datasets.count(), state: (await db.imports.get('late-import'))!.state };
  });
  expect(outcome).toEqual({ refused: 'The dataset was deleted (in another window) while the import ran: nothing of it was kept.', datasets: 0, state: 'running' });
});

test('a deletion asked before an import began cannot go through while it runs ("Delete dataset…" is disabled then): the import into the dataset ends as it would have', async ({ page }) => {
  test.setTimeout(180_000);
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, 'ira_2018');
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  // The question stays open while the analyst starts an import into that very dataset.
  await importFiles(page, [await largeTweetsFile(200_000, 6)], 'ira_2018');
  const confirm = card.getByRole('button', { name: 'Delete permanently' });
  // Before the fix this deleted the dataset under the import ("The dataset to add to no longer exists.").
  await confirm.click({ force: true });
  await confirm.press('Enter');
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription('An import is running: delete the dataset when it ends.');
  expect(await waitForImportDone(page, 150_000)).toContain('Imported into “ira_2018”: 200,000 tweets');
  await expect(card.getByRole('alert')).toHaveCount(0);
  const store = await storeSummary(page);
  expect(store.datasets.map((d) => d.counts.tweets)).toEqual([200_000]);
  // Once it has ended, the dataset can be deleted.
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(card).toHaveCount(0);
  expect((await storeSummary(page)).datasets).toHaveLength(0);
});
