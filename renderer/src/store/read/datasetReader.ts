import type { AccountRecord, DatasetRecord, ImportAggregates, TweetBlock, TweetBlockRecord, WorkbenchDb } from '../schema';
import { decodeStrings, decodeTweetColumns, decodeTweetRows, unpackStrings, type CodedStrings, type PackedStrings } from '../tweetBlockCodec';
import { tweetAt } from '../../../../shared/archive/columns';
import type { Tweet } from '../../../../shared/domain/tweet';
import { addCounts, mergeAggregates } from './mergeAggregates';
import { TWEET_FINGERPRINT_VERSION } from '../../../../shared/archive/tweetFingerprint';

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

/**
 * The dataset's URL domain counts (committed imports) alone: summing them skips merging the rest of
 * the aggregates (per-account activity, edges), which a view that needs only domains does not use.
 */
export async function readUrlDomainCounts(db: WorkbenchDb, datasetId: string): Promise<Record<string, number>> {
  const ids = await committed(db, datasetId);
  const out: Record<string, number> = {};
  await db.aggregates.where('datasetId').equals(datasetId).each((a) => {
    if (ids.has(a.importId)) addCounts(out, a.urlDomains);
  });
  return out;
}

/** The dataset's accounts (committed imports), in userid order; an account both in tweet rows and in a users file is the users-file one. */
export async function readAccounts(db: WorkbenchDb, datasetId: string): Promise<AccountRecord[]> {
  const ids = await committed(db, datasetId);
  const byId = new Map<string, AccountRecord>();
  await db.accountBlocks.where('datasetId').equals(datasetId).each((block) => {
    if (!ids.has(block.importId)) return;
    for (const a of block.accounts) {
      const seen = byId.get(a.userid);
      if (!seen || (a.fromUsersFile && !seen.fromUsersFile)) byId.set(a.userid, a);
    }
  });
  return [...byId.values()].sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0)); // userid order, as IndexedDB keys
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

/** Ids records read per IndexedDB request (~1.5 MB each). */
const ID_RECORDS_PER_READ = 5;

/** The ids, authors and content fingerprints (where kept, of this version) of the dataset's tweet blocks, packed as stored, with each block's seq. */
async function* storedTweetIds(db: WorkbenchDb, datasetId: string): AsyncGenerator<{ seq: number; tweetid: PackedStrings; userid: CodedStrings; fingerprints?: Int32Array }> {
  const ids = await committed(db, datasetId);
  const range = [[datasetId, -Infinity], [datasetId, Infinity]] as const;
  const covered = new Set<number>();
  const keys = (await db.tweetIds.where('[datasetId+seq]').between(...range).primaryKeys()) as [string, number][];
  for (let a = 0; a < keys.length; a += ID_RECORDS_PER_READ) {
    const last = keys[Math.min(a + ID_RECORDS_PER_READ, keys.length) - 1]!;
    for (const r of await db.tweetIds.where('[datasetId+seq]').between(keys[a]!, last, true, true).toArray()) {
      for (const b of r.blocks) covered.add(b.seq);
      if (!ids.has(r.importId)) continue;
      // Fingerprints of another version are not comparable: those tweets read again count as duplicates.
      for (const b of r.blocks) {
        const fingerprints = b.fingerprintVersion === TWEET_FINGERPRINT_VERSION ? b.fingerprints : undefined;
        yield { seq: b.seq, tweetid: b.tweetid, userid: b.userid, ...(fingerprints ? { fingerprints } : {}) };
      }
    }
  }
  const blockKeys = (await db.tweetBlocks.where('[datasetId+seq]').between(...range).primaryKeys()) as [string, number][];
  for (const [, seq] of blockKeys) {
    if (covered.has(seq)) continue;
    const b = await db.tweetBlocks.get([datasetId, seq]);
    if (b && ids.has(b.importId)) yield { seq, tweetid: b.columns.tweetid, userid: b.columns.userid };
  }
}

/**
 * The ids, authors and content fingerprints (where kept) of the dataset's tweets, block by block (committed imports): from the ids
 * records (TweetIdsRecord), or from the block itself where none covers it (written before schema
 * v10). What adding files to a dataset reads to skip the tweets it has.
 */
export async function* readTweetIds(db: WorkbenchDb, datasetId: string): AsyncGenerator<{ tweetid: string[]; userid: string[]; fingerprints?: Int32Array }> {
  for await (const b of storedTweetIds(db, datasetId)) {
    yield { tweetid: unpackStrings(b.tweetid), userid: decodeStrings(b.userid), ...(b.fingerprints ? { fingerprints: b.fingerprints } : {}) };
  }
}

/**
 * The dataset's stored tweets of these ids (committed imports), by id; an id the dataset does not
 * hold is left out. The ids records are read (their ids only, as adding files reads them), then only
 * the blocks holding a wanted tweet: what the quarantine list reads to name the tweet kept for a
 * conflicting duplicate.
 */
export async function findTweets(db: WorkbenchDb, datasetId: string, tweetids: Iterable<string>): Promise<Map<string, Tweet>> {
  const wanted = new Set(tweetids);
  const at = new Map<number, Map<number, string>>(); // seq -> row -> tweetid
  if (wanted.size) {
    for await (const b of storedTweetIds(db, datasetId)) {
      const ids = unpackStrings(b.tweetid);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (!wanted.delete(id)) continue; // a dataset holds each tweet id once
        (at.get(b.seq) ?? at.set(b.seq, new Map()).get(b.seq)!).set(i, id);
      }
      if (!wanted.size) break;
    }
  }
  const out = new Map<string, Tweet>();
  const seqs = [...at.keys()];
  const blocks = await db.tweetBlocks.bulkGet(seqs.map((seq) => [datasetId, seq]));
  blocks.forEach((block, b) => {
    if (!block) return;
    const rows = [...at.get(seqs[b]!)!];
    const columns = decodeTweetRows(block.columns, rows.map(([i]) => i));
    rows.forEach(([, id], j) => out.set(id, tweetAt(columns, j)));
  });
  return out;
}
