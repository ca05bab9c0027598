import { ArchiveFormatError } from '../../../../shared/archive/detectFormat';
import { hashArchive, parseArchive, sha256Implementation, type ArchiveHashes } from '../../../../shared/archive/parseArchive';
import type { Account } from '../../../../shared/domain/account';
import type { ArchiveFormat, ImportReceipt } from '../../../../shared/domain/archive';
import { isHashedId } from '../../../../shared/domain/ids';
import type { AccountRecord, DatasetRecord, SourceFileRecord, WorkbenchDb } from '../../store/schema';
import { readAccounts, readTweetIds } from '../../store/read/datasetReader';
import { ImportBatchWriter } from '../../store/write/importBatchWriter';
import { abandonImport, beginImport, commitImport } from '../../store/write/importLifecycle';
import { TweetBlockPacker } from '../../store/write/tweetBlockPacker';
import { BlockWriter } from './blockWriter';
import { TweetAuthors } from './tweetAuthors';
import { countingSource, datasetNameFor, type SizedSource } from './archiveSources';
import type { ImportProgress, ImportResult, RefusedFile, SkippedFile } from './importMessages';
import { ownString } from '../../../../shared/archive/ownString';
import { ProgressReporter } from './progressReporter';
import { collectGarbage } from '../collectGarbage';

export interface RunImportOptions {
  db: WorkbenchDb;
  sources: SizedSource[];
  /** Add to this existing dataset; a new dataset otherwise. */
  datasetId?: string;
  signal: AbortSignal;
  appVersion: string;
  onProgress: (p: ImportProgress) => void;
  /** Some files were refused: commit the rest (true) or cancel (false)? */
  decide: (refused: RefusedFile[]) => Promise<boolean>;
}

const newId = (): string => crypto.randomUUID();

/**
 * One import: hash every file (pass 1), skip files already stored, parse the rest (pass 2) into
 * blocks, accounts, quarantine, indicators and aggregates under a fresh importId, then commit in
 * one transaction. Anything short of the commit leaves nothing visible (and is deleted here, or by
 * the start-up sweep when the page dies).
 */
export async function runImport(o: RunImportOptions): Promise<ImportResult> {
  const { db, signal } = o;
  const t0 = performance.now();
  const progress = new ProgressReporter(o.onProgress);
  const refused: RefusedFile[] = [];
  const skipped: SkippedFile[] = [];
  const added: DatasetRecord['counts'] = { accounts: 0, tweets: 0, rejected: 0, indicators: 0, hashedAccounts: 0, redditAccounts: 0 };
  const timings = { hashSeconds: 0, datasetReadSeconds: 0, parseSeconds: 0, commitSeconds: 0, aggregateSeconds: 0, collectSeconds: 0, packSeconds: 0, writeWaitSeconds: 0 };
  const lap = (since: number) => (performance.now() - since) / 1000;
  const result = (extra: Partial<ImportResult>): ImportResult => ({
    datasetId: null, importId: null, dataset: null, receipts: [], skipped, refused, added, seconds: lap(t0), timings, hasher: sha256Implementation(), ...extra,
  });

  // Pass 1: hashes (and container integrity: corrupt gzip/zip is refused here).
  progress.startPhase('hashing');
  const totalKnown = o.sources.reduce((n, s) => n + s.knownSize, 0);
  let hashedBytes = 0;
  const toParse: { source: SizedSource; hashes: ArchiveHashes }[] = [];
  const seenHashes = new Set<string>();
  for (const s of o.sources) {
    signal.throwIfAborted();
    let hashes: ArchiveHashes;
    try {
      hashes = await hashArchive(countingSource(s, (n) => { hashedBytes += n; progress.report(s.name, hashedBytes, totalKnown, 0); }), signal);
    } catch (e) {
      if (e instanceof ArchiveFormatError) {
        refused.push({ fileName: s.name, message: e.message });
        continue;
      }
      throw e;
    }
    const known = await knownFile(db, hashes);
    if (known) skipped.push({ fileName: s.name, sha256: hashes.sha256, reason: known });
    else if (seenHashes.has(hashes.sha256)) skipped.push({ fileName: s.name, sha256: hashes.sha256, reason: 'the same file is selected twice' });
    else {
      toParse.push({ source: s, hashes });
      // Said, not silently dropped: what of a zip is not imported.
      for (const name of hashes.skippedEntries) skipped.push({ fileName: `${s.name} › ${name}`, sha256: hashes.sha256, reason: 'not a .csv entry of the zip, not imported' });
    }
    seenHashes.add(hashes.sha256);
  }
  timings.hashSeconds = lap(t0);
  // Users files first, whatever the order chosen (tweets files usually sort first by name): the
  // tweets' accounts are then known from the users file instead of being stored from tweet rows and
  // replaced (a 5 M-tweet import peaked ~250-300 MB higher with the tweets file first).
  toParse.sort((a, b) => Number(!onlyUsers(a.hashes)) - Number(!onlyUsers(b.hashes)));
  if (toParse.length === 0) {
    if (refused.length && !skipped.length) throw new RefusedError(refused);
    return result({});
  }

  // The dataset: new, or an existing one whose tweets and accounts this import must not repeat.
  const existing = o.datasetId ? await db.datasets.get(o.datasetId) : undefined;
  if (o.datasetId && !existing) throw new Error('The dataset to add to no longer exists.');
  const datasetId = existing?.id ?? newId();
  const importId = newId();
  /** Tweet ids stored or parsed so far (a tweet whose id is here is a duplicate), with their authors. */
  const seen = new TweetAuthors();
  /** userid → came from a users file (users-file records win over the user columns of tweet rows). */
  const accountsHere = new Map<string, boolean>();
  let firstSeq = 0;
  if (existing) {
    const tRead = performance.now();
    firstSeq = await readWhatTheDatasetHas(db, existing, seen, accountsHere, progress, signal);
    timings.datasetReadSeconds = lap(tRead);
  }
  const datasetName = existing?.name ?? datasetNameFor(toParse.map((p) => p.source.name));
  await beginImport(db, { id: importId, datasetId, fileNames: toParse.map((p) => p.source.name) });

  // Tweet blocks go to a second thread, which aggregates and stores them (blockWriterWorker.ts).
  const blockWriter = new BlockWriter();
  try {
    await blockWriter.begin(importId, datasetId);
    const packer = new TweetBlockPacker(datasetId, importId, firstSeq);
    const writer = new ImportBatchWriter(datasetId, importId, blockWriter);
    const receipts: ImportReceipt[] = [];
    const files: SourceFileRecord[] = [];
    const totalBytes = toParse.reduce((n, p) => n + p.hashes.size, 0);
    let bytesBefore = 0;
    let rowsBefore = 0;
    progress.startPhase('parsing');
    const tParse = performance.now();

    for (const { source, hashes } of toParse) {
      let format: ArchiveFormat | undefined;
      let delivered = 0;
      const crossDuplicates: number[] = [];
      let fileRows = 0;
      const toRecord = (a: Account, fromUsersFile: boolean): AccountRecord => ({ ...a, datasetId, importId, fromUsersFile });
      try {
        const fileReceipts = await parseArchive(source, {
          hashes, signal, batchSize: 2000, appVersion: o.appVersion, dedupeTweets: false,
          onFormat: (f) => {
            format = f.format;
            crossDuplicates.push(0);
          },
          onTweets: async (tweets) => {
            signal.throwIfAborted();
            delivered += tweets.length;
            let t = performance.now();
            for (const tw of tweets) {
              if (!seen.add(tw.tweetid, tw.userid)) {
                crossDuplicates[crossDuplicates.length - 1]!++;
                continue;
              }
              if (tw.quotedTweetTweetid) seen.addQuote(tw.userid, tw.quotedTweetTweetid);
              packer.push(tw);
              added.tweets++;
            }
            writer.addBlocks(packer.take());
            timings.packSeconds += lap(t);
            t = performance.now();
            await writer.maybeWrite();
            timings.writeWaitSeconds += lap(t);
          },
          onAccounts: async (accounts) => {
            delivered += accounts.length;
            const fromUsersFile = format === 'twitter-io-users';
            const out: AccountRecord[] = [];
            for (const a of accounts) {
              const prev = accountsHere.get(a.userid);
              if (prev === true || (prev === false && !fromUsersFile)) continue;
              if (prev === undefined) {
                added.accounts++;
                if (isHashedId(a.userid)) added.hashedAccounts!++;
              }
              accountsHere.set(ownString(a.userid), fromUsersFile);
              out.push(toRecord(a, fromUsersFile));
            }
            writer.addAccounts(out);
            await writer.maybeWrite();
          },
          onQuarantine: async (rows) => {
            delivered += rows.length;
            added.rejected += rows.length;
            writer.addQuarantine(rows, source.name);
            await writer.maybeWrite();
          },
          onIndicators: async (rows) => {
            delivered += rows.length;
            added.indicators += rows.length;
            writer.addIndicators(rows.map((r) => ({ ...r, datasetId, importId })));
            await writer.maybeWrite();
          },
          onRedditAccounts: async (rows) => {
            delivered += rows.length;
            added.redditAccounts! += rows.length;
            writer.addReddit(rows.map((r) => ({ ...r, datasetId, importId })));
            await writer.maybeWrite();
          },
          onProgress: (p) => {
            fileRows = p.rows;
            progress.report(source.name, bytesBefore + p.bytes, totalBytes, rowsBefore + p.rows);
          },
        });
        fileReceipts.forEach((r, i) => {
          // Tweets already stored by an earlier file of this import or of the dataset.
          const d = crossDuplicates[i] ?? 0;
          const receipt: ImportReceipt = { ...r, rowsStored: r.rowsStored - d, rowsDuplicate: r.rowsDuplicate + d };
          receipts.push(receipt);
          files.push({
            sha256: r.entrySha256 ?? r.sha256, datasetId, importId, receipt,
            ...(r.entrySha256 && r.entrySha256 !== r.sha256 ? { containerSha256: r.sha256 } : {}),
          });
        });
      } catch (e) {
        // A file refused before it delivered anything is left out; one that fails half-way fails the import.
        if (e instanceof ArchiveFormatError && delivered === 0) refused.push({ fileName: source.name, message: e.message });
        else throw e;
      }
      bytesBefore += hashes.size;
      rowsBefore += fileRows;
    }
    packer.close();
    writer.addBlocks(packer.take());
    await writer.finish();
    const quotes = seen.quotePairs();
    // The tweet id table (~32 bytes a tweet) is freed before the block writer's last memory peak.
    seen.release();
    const releaseSeconds = collectGarbage();
    const { aggregateSeconds, collectSeconds } = await blockWriter.finish(quotes);
    Object.assign(timings, { aggregateSeconds, collectSeconds: collectSeconds + releaseSeconds });
    blockWriter.terminate();
    progress.report('', bytesBefore, totalBytes, rowsBefore, true);

    timings.parseSeconds = lap(tParse);
    if (files.length === 0) throw new RefusedError(refused);
    if (refused.length && !(await o.decide(refused))) throw new DOMException('The import was cancelled.', 'AbortError');
    signal.throwIfAborted();

    progress.startPhase('committing');
    progress.report('', 0, 0, rowsBefore, true);
    const tCommit = performance.now();
    const dataset = await commitImport(db, { importId, datasetId, datasetName, files, added });
    timings.commitSeconds = lap(tCommit);
    return result({ datasetId, importId, dataset, receipts });
  } catch (e) {
    const cancelled = signal.aborted || (e instanceof DOMException && e.name === 'AbortError');
    blockWriter.terminate(); // before deleting: no batch may land after
    await abandonImport(db, importId, cancelled ? 'cancelled' : 'failed', cancelled ? undefined : messageOf(e));
    throw e;
  }
}

/**
 * Adding to a dataset: the ids and authors of its tweets into `seen` and its accounts into
 * `accountsHere` (committed imports only), with progress and cancel: every stored tweet id is read
 * (~1.2 s a million from the ids records). Returns the seq of the dataset's next block.
 */
async function readWhatTheDatasetHas(
  db: WorkbenchDb, dataset: DatasetRecord, seen: TweetAuthors, accountsHere: Map<string, boolean>, progress: ProgressReporter, signal: AbortSignal,
): Promise<number> {
  progress.startPhase('reading');
  const total = dataset.counts.tweets;
  let read = 0;
  progress.reportRows(dataset.name, 0, total, true);
  for await (const block of readTweetIds(db, dataset.id)) {
    signal.throwIfAborted();
    for (let i = 0; i < block.tweetid.length; i++) seen.add(block.tweetid[i]!, block.userid[i]!);
    read += block.tweetid.length;
    progress.reportRows(dataset.name, read, total);
  }
  progress.reportRows(dataset.name, read, total, true);
  // An account known only from tweet rows is replaced by its users-file record when one comes.
  for (const a of await readAccounts(db, dataset.id)) accountsHere.set(a.userid, a.fromUsersFile);
  const last = await db.tweetBlocks.where('[datasetId+seq]').between([dataset.id, -Infinity], [dataset.id, Infinity]).last();
  return last ? last.seq + 1 : 0;
}

const onlyUsers = (h: ArchiveHashes): boolean => h.entries.length > 0 && h.entries.every((e) => e.headerFormat === 'twitter-io-users');

/** All files refused: the import fails with their messages. */
export class RefusedError extends Error {
  constructor(readonly refused: RefusedFile[]) {
    super(refused.length === 1 ? `The file was refused: ${refused[0]!.message}` : `All ${refused.length} files were refused.`);
    this.name = 'RefusedError';
  }
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Why a file is already stored (every CSV entry known), or undefined. */
async function knownFile(db: WorkbenchDb, hashes: ArchiveHashes): Promise<string | undefined> {
  for (const entry of hashes.entries) {
    const f = await db.files.get(entry.sha256);
    if (!f) continue;
    const imp = await db.imports.get(f.importId);
    if (imp?.state !== 'committed') continue;
    const ds = await db.datasets.get(f.datasetId);
    return `already imported into dataset "${ds?.name ?? f.datasetId}" (same SHA-256): nothing added`;
  }
  return undefined;
}
