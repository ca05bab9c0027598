import type { WorkbenchDb } from '../schema';

/** Delete every record an import wrote (not the ImportRecord itself), one transaction. */
export async function deleteImportRecords(db: WorkbenchDb, importId: string): Promise<void> {
  const tables = [db.tweetBlocks, db.searchBlocks, db.tweetIds, db.accountBlocks, db.quarantineBlocks, db.indicators, db.redditAccounts, db.aggregates, db.unresolvedLinks, db.files];
  await db.transaction('rw', tables, async () => {
    for (const t of tables) await t.where('importId').equals(importId).delete();
  });
}
