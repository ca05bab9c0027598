import Dexie, { type Table, type Transaction } from 'dexie';
import { chunks } from './chunks';
import type { Account } from '../../../shared/domain/account';
import type { ImportReceipt, QuarantinedRow } from '../../../shared/domain/archive';
import type { Indicator, RedditAccount } from '../../../shared/domain/indicator';
import type { TweetColumns } from '../../../shared/domain/tweet';
import type { CaseRecord, CustodyRecord } from '../cases/caseTypes';
import type { StoredKeyRecord } from '../keys/keyTypes';
import type { PinRecord } from '../pins/pinTypes';
import { oneWaitingPinPerItem, REPAIR_ACTOR } from '../pins/oneWaitingPin';
import { appendCustody } from '../../../shared/evidence/custodyLog';
import type { StoredFilterBlock } from '../search/searchFilterColumns';
import { joinRows } from './joinRows';
import { encodeTweetColumns, type CodedStrings, type PackedStrings, type StoredTweetColumns } from './tweetBlockCodec';
import { EDGE_KINDS, edgesFromPairs } from './read/edgeColumns';

/**
 * The app's IndexedDB schema. Cost is per record and per index (PERFORMANCE.md), so:
 * - per-row records only for what is looked up one at a time (datasets, files, cases, pins…);
 * - tweets are stored as column blocks of ~2,000 (TweetColumns, encoded by tweetBlockCodec), text
 *   again in search blocks; accounts and quarantined rows in blocks too;
 * - every aggregate a view needs is built during the import pass and stored per import.
 *
 * Atomicity: every record written by an import carries its `importId`. Readers see only imports
 * listed in `DatasetRecord.committedImports`; the single commit transaction appends the import id
 * there. A cancelled, failed or killed import is invisible and is swept at start-up
 * (`ImportRecord.state !== 'committed'`).
 */

export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: string;
  /** Import ids whose records are visible, in commit order. A dataset with none is not listed. */
  committedImports: string[];
  /** Totals after the last commit (sum over committed imports, after dedupe). */
  counts: { accounts: number; tweets: number; rejected: number; indicators: number; hashedAccounts?: number; redditAccounts?: number };
}

export interface ImportRecord {
  id: string;
  datasetId: string;
  state: 'running' | 'committed' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt?: string;
  error?: string;
  fileNames: string[];
  /** An interrupted import is announced on the Datasets page until the analyst dismisses it. */
  noticeDismissed?: boolean;
}

/** One imported source file (or CSV entry of a zip). Primary key: SHA-256 of the CSV bytes. */
export interface SourceFileRecord {
  sha256: string;
  datasetId: string;
  importId: string;
  receipt: ImportReceipt;
  /** SHA-256 of the container (.zip/.gz) when different from the CSV entry's. */
  containerSha256?: string;
}

export interface AccountRecord extends Account {
  datasetId: string;
  importId: string;
  /** True when the account came from a users file; false when only seen in tweet rows. */
  fromUsersFile: boolean;
}

/**
 * Up to 20,000 accounts of one import in one record (key [importId+seq]). Accounts are always read a dataset at a time,
 * and one IndexedDB record per account cost this Chromium ~0.4 ms of its browser process each (a
 * 125,000-account users file: ~50 CPU-s). An account seen in tweet rows and then in a users file
 * of the same import is in two blocks; `readAccounts` keeps the users-file one.
 */
export interface AccountBlockRecord {
  datasetId: string;
  importId: string;
  seq: number;
  accounts: AccountRecord[];
}

export interface TweetBlockRecord {
  datasetId: string;
  importId: string;
  /** Block sequence number, unique within the dataset. */
  seq: number;
  minTime: number;
  maxTime: number;
  columns: StoredTweetColumns;
  /** Each row's content fingerprint (tweetFingerprint), on its way to the ids record: not stored with the block. */
  fingerprints?: Int32Array;
}

/**
 * The ids and authors of the tweet blocks of one write (up to 10 blocks, 20,000 tweets): each block's
 * `tweetid` and `userid` columns as stored, written with them. Adding files to a dataset reads these to
 * skip the tweets it has; reading the whole blocks for that took ~5 s per million tweets, nearly all
 * of it IndexedDB deserialising their text. One record per write, not per block: Chromium keeps each
 * large value as a file of its own, and 500 more files per million tweets cost ~4.5 CPU-s of its
 * browser process. Blocks written before schema v10 have none (`readTweetIds` reads the block then).
 */
export interface TweetIdsRecord {
  datasetId: string;
  importId: string;
  /** The first block's seq. */
  seq: number;
  /**
   * fingerprints: each tweet's content fingerprint (tweetFingerprint), in records written since they
   * were kept; fingerprintVersion: which (TWEET_FINGERPRINT_VERSION; none: version 1).
   */
  blocks: { seq: number; tweetid: PackedStrings; userid: CodedStrings; fingerprints?: Int32Array; fingerprintVersion?: number }[];
}

/** A tweet block as readers get it (datasetReader.readTweetBlocks): columns decoded. */
export type TweetBlock = Omit<TweetBlockRecord, 'columns'> & { columns: TweetColumns };

/** Normalised text for search (NFKC, lower case), parallel to a TweetBlockRecord's rows. */
/**
 * A tweet block's normalised search text (NFKC, lower case), one string for the whole block: rows
 * joined with U+0000, row i = joined[starts[i], starts[i+1] - 1). One string per record is stored
 * and read far faster than 2,000 (and is the form the search worker scans with indexOf).
 */
export interface SearchBlockRecord {
  datasetId: string;
  importId: string;
  seq: number;
  joined: string;
  starts: Int32Array;
  /** The columns the search filters read, coded per block (absent in records written before it existed). */
  filters?: StoredFilterBlock;
  /** normalizeForSearch's version the text was written with (SEARCH_TEXT_VERSION; absent: 1). */
  norm?: number;
}

export interface QuarantineRecord extends QuarantinedRow {
  datasetId: string;
  importId: string;
  fileName: string;
}

/**
 * An import's quarantined rows in write order, QUARANTINE_PER_BLOCK to a record: rows
 * [seq × QUARANTINE_PER_BLOCK, …) of the import; only its last block holds fewer. One record per
 * row cost Chromium's browser process ~0.4 ms each: a spreadsheet-damaged 100,000-row file took 39 s.
 */
export interface QuarantineBlockRecord {
  datasetId: string;
  importId: string;
  seq: number;
  rows: QuarantineRecord[];
}

export interface IndicatorRecord extends Indicator {
  id?: number;
  datasetId: string;
  importId: string;
}

export interface RedditAccountRecord extends RedditAccount {
  id?: number;
  datasetId: string;
  importId: string;
}

/** Per-account activity, built during import (merged over committed imports when read). */
export interface AccountActivity {
  tweets: number;
  retweets: number;
  replies: number;
  quotes: number;
  firstTweetTime: number;
  lastTweetTime: number;
  clients: Record<string, number>;
  languages: Record<string, number>;
  hashtags: Record<string, number>;
  /** Block seqs holding this account's tweets, so an account page reads only those. */
  blocks: number[];
  /**
   * The UTC days (tweetTime / 1440, floored) on which it tweeted, ascending: Explore's Active from / to.
   * Absent from imports committed before it was recorded (2026-12-03): readers fall back to first-to-last.
   */
  days?: number[];
}

/**
 * Everything the Explore and Network views need without rescanning tweets, built in the import
 * pass, one record per import (readers merge the committed ones).
 */
export interface ImportAggregates {
  importId: string;
  datasetId: string;
  tweets: number;
  retweets: number;
  replies: number;
  quotes: number;
  tweetLanguages: Record<string, number>;
  /** Tweets per 15-minute UTC bucket: key = floor(tweetTime / 15). Exact for every IANA zone. */
  quarterHourCounts: Record<number, number>;
  /** Tweets per UTC day (YYYY-MM-DD) per client. */
  clientsByDay: Record<string, Record<string, number>>;
  hashtags: Record<string, number>;
  urlDomains: Record<string, number>;
  /** Mentioned account (userid where known, else @screen_name) → count. */
  mentioned: Record<string, number>;
  /** Retweeted account (retweet_userid, else @name from "RT @name:") → count. */
  retweeted: Record<string, number>;
  accountActivity: Record<string, AccountActivity>;
  /** Directed weighted edges per kind, as columns over one account dictionary (millions of edges stay compact). */
  edges: ImportEdges;
}

export type EdgeKind = 'retweet' | 'mention' | 'reply' | 'quote';

/**
 * Links by tweet id (quotes, replies naming only the replied-to tweet) whose tweet is in neither the
 * dataset nor the import: link i is of kind LINK_KINDS[kinds[i]] (tweetAuthors.ts; that order is
 * stored), from account authors[sources[i]] to tweet i of `tweetids`.
 */
export interface UnresolvedLinks {
  kinds: Uint8Array;
  sources: Int32Array;
  authors: string[];
  tweetids: PackedStrings;
}

/**
 * One import's links whose tweet was not in the dataset when it was committed (~37,000 quotes a
 * million tweets). A later import into the dataset that brings such a tweet adds the link's edge to
 * its own aggregates (TweetAuthors.carry); this record is never rewritten.
 */
export interface UnresolvedLinksRecord extends UnresolvedLinks {
  importId: string;
  datasetId: string;
}

/** Edge i of a kind: accounts[source[i]] → accounts[target[i]], weight[i] times. */
export interface EdgeColumns {
  source: Int32Array;
  target: Int32Array;
  weight: Int32Array;
}
export type ImportEdges = { accounts: string[] } & Record<EdgeKind, EdgeColumns>;

/** Quarantined rows per QuarantineBlockRecord (all but an import's last block hold exactly this many). */
export const QUARANTINE_PER_BLOCK = 1000;

/** Accounts per AccountBlockRecord at most. */
export const ACCOUNTS_PER_BLOCK = 20_000;

/** Schema upgrade: the one-per-row records of `from` become blocks of `size` in `to`, per import, in key (write) order. */
async function rowsIntoBlocks(tx: Transaction, from: 'accounts' | 'quarantine', to: 'accountBlocks' | 'quarantineBlocks', size: number): Promise<void> {
  const byImport = new Map<string, (AccountRecord | QuarantineRecord)[]>();
  await tx.table(from).each(({ id: _id, ...row }: (AccountRecord | QuarantineRecord) & { id?: number }) => {
    const rows = byImport.get(row.importId) ?? byImport.set(row.importId, []).get(row.importId)!;
    rows.push(row);
  });
  for (const [importId, rows] of byImport) {
    const field = to === 'accountBlocks' ? 'accounts' : 'rows';
    for (const [seq, block] of chunks(rows, size).entries()) await tx.table(to).add({ datasetId: rows[0]!.datasetId, importId, seq, [field]: block });
  }
}

export class WorkbenchDb extends Dexie {
  datasets!: Table<DatasetRecord, string>;
  imports!: Table<ImportRecord, string>;
  files!: Table<SourceFileRecord, string>;
  accountBlocks!: Table<AccountBlockRecord, [string, number]>;
  tweetBlocks!: Table<TweetBlockRecord, [string, number]>;
  tweetIds!: Table<TweetIdsRecord, [string, number]>;
  searchBlocks!: Table<SearchBlockRecord, [string, number]>;
  quarantineBlocks!: Table<QuarantineBlockRecord, [string, number]>;
  indicators!: Table<IndicatorRecord, number>;
  redditAccounts!: Table<RedditAccountRecord, number>;
  aggregates!: Table<ImportAggregates, string>;
  unresolvedLinks!: Table<UnresolvedLinksRecord, string>;
  /** Evidence pinned from Explore/Network (renderer/src/pins), attached to cases later. */
  pins!: Table<PinRecord, string>;
  /** Cases (renderer/src/cases); their items are the pins with that caseId. */
  cases!: Table<CaseRecord, string>;
  /** Hash-chained custody entries per case. */
  custody!: Table<CustodyRecord, [string, number]>;
  /** The browser host's passphrase-sealed analyst keys (renderer/src/keys). */
  keys!: Table<StoredKeyRecord, string>;

  constructor(name = 'disclosure-workbench') {
    super(name);
    this.version(1).stores({
      datasets: 'id',
      imports: 'id, datasetId, state',
      files: 'sha256, datasetId, importId',
      accounts: '[datasetId+userid], importId',
      tweetBlocks: '[datasetId+seq], importId',
      searchBlocks: '[datasetId+seq], importId',
      quarantine: '++id, [datasetId+importId], importId',
      indicators: '++id, datasetId, importId',
      redditAccounts: '++id, datasetId, importId',
      aggregates: 'importId, datasetId',
    });
    // v2 (additive): pinned evidence items.
    this.version(2).stores({ pins: 'id, datasetId, caseId, pinnedAt' });
    // v3 (additive): cases, their custody logs, browser-host analyst keys.
    this.version(3).stores({ cases: 'id, createdAt', custody: '[caseId+seq]', keys: 'id' });
    // v4: search text stored joined (SearchBlockRecord; was `text: string[]`), aggregate edges as
    // columns (ImportEdges; was "source\ttarget" → count records).
    this.version(4).upgrade(async (tx) => {
      await tx.table('searchBlocks').toCollection().modify((r: SearchBlockRecord & { text?: string[] }) => {
        if (!r.text) return;
        Object.assign(r, joinRows(r.text));
        delete r.text;
      });
      await tx.table('aggregates').toCollection().modify((r: ImportAggregates) => {
        const e = r.edges as unknown as Record<EdgeKind, Record<string, number>> & { accounts?: string[] };
        if (e.accounts) return;
        r.edges = edgesFromPairs(Object.fromEntries(EDGE_KINDS.map((k) => [k, new Map(Object.entries(e[k]))])) as Record<EdgeKind, Map<string, number>>);
      });
    });
    // v5: tweet block columns encoded (tweetBlockCodec; were plain TweetColumns).
    this.version(5).upgrade(async (tx) => {
      await tx.table('tweetBlocks').toCollection().modify((r: { columns: TweetColumns | StoredTweetColumns }) => {
        if (Array.isArray(r.columns.tweetid)) r.columns = encodeTweetColumns(r.columns as TweetColumns);
      });
    });
    // v6: accounts in blocks (AccountBlockRecord; were one record each), moved here; v7 drops the old table.
    this.version(6).stores({ accountBlocks: '[importId+seq], importId, datasetId' }).upgrade((tx) => rowsIntoBlocks(tx, 'accounts', 'accountBlocks', ACCOUNTS_PER_BLOCK));
    this.version(7).stores({ accounts: null });
    // v8: quarantined rows in blocks (QuarantineBlockRecord; were one record each), moved here; v9 drops the old table.
    this.version(8).stores({ quarantineBlocks: '[importId+seq], importId, datasetId' }).upgrade((tx) => rowsIntoBlocks(tx, 'quarantine', 'quarantineBlocks', QUARANTINE_PER_BLOCK));
    this.version(9).stores({ quarantine: null });
    // v10 (additive): the tweet ids and authors of each write's blocks, beside them (none for older blocks).
    this.version(10).stores({ tweetIds: '[datasetId+seq], importId' });
    // v11 (additive): each import's links to tweets not (yet) in its dataset (none for older imports).
    this.version(11).stores({ unresolvedLinks: 'importId, datasetId' });
    // v12: one waiting pin per item, as detachPin keeps it since 2026-12-05 (profiles of before can hold two or more).
    // A note or tags a case now keeps for the kept pin is logged in that case's custody log, as the case store logs them.
    this.version(12).upgrade(async (tx) => {
      const { drop, cases, logged } = oneWaitingPinPerItem(await tx.table('pins').toArray(), await tx.table('cases').toArray());
      await tx.table('pins').bulkDelete(drop);
      await tx.table('cases').bulkPut(cases);
      const at = new Date();
      for (const { caseId, action, detail } of logged) {
        const last = (await tx.table('custody').where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).last()) as CustodyRecord | undefined;
        const entry = appendCustody(last ? [last.entry] : [], { at, actor: REPAIR_ACTOR, action, detail }).at(-1)!;
        await tx.table('custody').add({ caseId, seq: entry.seq, entry });
      }
    });
  }
}
