import { announceCaseChanged, recordDatasetDeleted } from '../../cases/caseStore';
import type { WorkbenchDb } from '../schema';
import { importsRunningNow } from './importLock';

/** The refusal while an import into the dataset runs: its rows, written under its own import, would outlive the dataset. */
export const IMPORT_RUNNING = 'An import into this dataset is running (in this or another window): cancel it or let it finish, then delete the dataset.';

/**
 * Delete a dataset and everything of it, in one transaction (it disappears whole or not at all). The
 * cases citing it keep their items, and their custody logs say it was deleted (by `actor`).
 */
export async function deleteDataset(db: WorkbenchDb, datasetId: string, actor: string): Promise<void> {
  const running = await importsRunningNow();
  const imports = await db.imports.where('datasetId').equals(datasetId).toArray();
  if (imports.some((i) => i.state === 'running' && running.has(i.id))) throw new Error(IMPORT_RUNNING);
  const cases = await db.transaction('rw', [db.datasets, db.imports, db.files, db.accountBlocks, db.tweetBlocks, db.searchBlocks, db.tweetIds, db.quarantineBlocks, db.indicators, db.redditAccounts, db.aggregates, db.unresolvedLinks, db.custody, db.pins], async () => {
    const importIds = (await db.imports.where('datasetId').equals(datasetId).primaryKeys()) as string[];
    const cited = await recordDatasetDeleted(db, datasetId, (await db.datasets.get(datasetId))?.name ?? datasetId, actor);
    await db.datasets.delete(datasetId);
    await db.tweetBlocks.where('[datasetId+seq]').between([datasetId, -Infinity], [datasetId, Infinity]).delete();
    await db.searchBlocks.where('[datasetId+seq]').between([datasetId, -Infinity], [datasetId, Infinity]).delete();
    await db.tweetIds.where('[datasetId+seq]').between([datasetId, -Infinity], [datasetId, Infinity]).delete();
    await db.accountBlocks.where('datasetId').equals(datasetId).delete();
    for (const id of importIds) await db.quarantineBlocks.where('[importId+seq]').between([id, -Infinity], [id, Infinity]).delete();
    await db.indicators.where('datasetId').equals(datasetId).delete();
    await db.redditAccounts.where('datasetId').equals(datasetId).delete();
    await db.aggregates.where('datasetId').equals(datasetId).delete();
    await db.unresolvedLinks.where('datasetId').equals(datasetId).delete();
    await db.files.where('datasetId').equals(datasetId).delete();
    await db.imports.where('datasetId').equals(datasetId).delete();
    return cited;
  });
  for (const caseId of cases) announceCaseChanged(caseId);
}
