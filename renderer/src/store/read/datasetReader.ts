import type { AccountRecord, DatasetRecord, ImportAggregates, TweetBlock, TweetBlockRecord, WorkbenchDb } from '../schema';
import { decodeTweetColumns } from '../tweetBlockCodec';
import { mergeAggregates } from './mergeAggregates';

/**
 * Reads that respect import atomicity: only records of committed imports are ever returned.
 * Every view reads the store through these functions.
 */

export async function listDatasets(db: WorkbenchDb): Promise<DatasetRecord[]> {
  const all = await db.datasets.toArray();
  return all.filter((d) => d.committedImports.length > 0).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function getDataset(db: WorkbenchDb, datasetId: string): Promise<DatasetRecord | undefined> {
  const d = await db.datasets.get(datasetId);
  return d && d.committedImports.length > 0 ? d : undefined;
}

async function committed(db: WorkbenchDb, datasetId: string): Promise<Set<string>> {
  return new Set((await db.datasets.get(datasetId))?.committedImports ?? []);
}

export async function readAggregates(db: WorkbenchDb, datasetId: string): Promise<ImportAggregates | undefined> {
  const ids = await committed(db, datasetId);
  const parts = (await db.aggregates.where('datasetId').equals(datasetId).toArray()).filter((a) => ids.has(a.importId));
  return parts.length ? mergeAggregates(parts) : undefined;
}

export async function readAccounts(db: WorkbenchDb, datasetId: string): Promise<AccountRecord[]> {
  const ids = await committed(db, datasetId);
  return (await db.accounts.where('[datasetId+userid]').between([datasetId, ''], [datasetId, '\uffff']).toArray()).filter((a) => ids.has(a.importId));
}

export async function readAccount(db: WorkbenchDb, datasetId: string, userid: string): Promise<AccountRecord | undefined> {
  const ids = await committed(db, datasetId);
  const a = await db.accounts.get([datasetId, userid]);
  return a && ids.has(a.importId) ? a : undefined;
}

export const decodeTweetBlock = (r: TweetBlockRecord): TweetBlock => ({ ...r, columns: decodeTweetColumns(r.columns) });

/** Tweet blocks of the dataset in seq order, optionally only the given seqs; one at a time. */
export async function* readTweetBlocks(db: WorkbenchDb, datasetId: string, seqs?: number[]): AsyncGenerator<TweetBlock> {
  const ids = await committed(db, datasetId);
  const wanted = seqs ? [...new Set(seqs)].sort((a, b) => a - b) : undefined;
  if (wanted) {
    for (const seq of wanted) {
      const block = await db.tweetBlocks.get([datasetId, seq]);
      if (block && ids.has(block.importId)) yield decodeTweetBlock(block);
    }
    return;
  }
  const keys = await db.tweetBlocks.where('[datasetId+seq]').between([datasetId, -Infinity], [datasetId, Infinity]).primaryKeys();
  for (const key of keys) {
    const block = await db.tweetBlocks.get(key);
    if (block && ids.has(block.importId)) yield decodeTweetBlock(block);
  }
}
