import { realFixture } from '../fixtures/paths';
import { ira2018TweetsWithCaseStore, type CaseStoreModules } from './caseStoreInPage';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * QA: a file imported into a dataset after the case's first item of that dataset was never named in
 * the case's custody log, though items cite it (the log recorded a dataset's files once, with its
 * first item). Now each item added records the files of its dataset the log does not name yet.
 */
test("a file imported into a cited dataset later is recorded in the custody log when an item of the dataset is next added, once", async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  const tweetsSha = await ira2018TweetsWithCaseStore(page);
  const usersFile = realFixture('ira_2018_users_csv_hashed_excerpt.csv');
  const usersSha = createHash('sha256').update(readFileSync(usersFile)).digest('hex');
  const attach = (fileSha256: string, pinId: string, caseId?: string) =>
    page.evaluate(
      async ({ fileSha256, pinId, caseId }) => {
        const { caseStore, database } = globalThis as unknown as CaseStoreModules;
        const db = database.db;
        const [ds] = await db.datasets.toArray();
        const id = caseId ?? (await caseStore.createCase(db, 'Later files', 'qa@example.org')).id;
        await db.pins.put({ id: pinId, kind: 'tweet', datasetId: ds!.id, title: pinId, payload: {}, provenance: [{ fileSha256, row: Number(pinId.slice(4)), byteOffset: 0, byteLength: 1 }], pinnedAt: new Date().toISOString() });
        await caseStore.attachPin(db, id, pinId, 'qa@example.org');
        const files = (await caseStore.readCustody(db, id)).filter((e) => e.action === 'import').map((e) => (e.detail as { files: { sha256: string }[] }).files.map((f) => f.sha256));
        return { caseId: id, files, datasets: (await db.datasets.count()) };
      },
      { fileSha256, pinId, caseId },
    );
  const first = await attach(tweetsSha, 'pin-1');
  expect(first.files).toEqual([[tweetsSha]]);
  // The users file imported into the same dataset, after the case's first item.
  await importFiles(page, [usersFile], 'ira_2018');
  await waitForImportDone(page);
  const second = await attach(usersSha, 'pin-2', first.caseId);
  expect(second.datasets).toBe(1);
  expect(second.files).toEqual([[tweetsSha], [usersSha]]);
  // Named once: another item of the dataset adds no entry.
  const third = await attach(tweetsSha, 'pin-3', first.caseId);
  expect(third.files).toEqual([[tweetsSha], [usersSha]]);
  await page.goto(`#/cases/${first.caseId}`);
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allTextContents();
  expect(actions.filter((a) => a === 'Dataset files recorded')).toHaveLength(2);
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
  expect(consoleLog.errors).toEqual([]);
});
