import { failureMessage } from '../../../../shared/domain/storageFull';
import { ArchiveFormatError } from '../../../../shared/archive/detectFormat';
import { csvScanImplementation } from '../../../../shared/archive/csvScanWasm';
import { parseArchive, sha256Implementation, type ArchiveHashes, type ParseArchiveOptions } from '../../../../shared/archive/parseArchive';
import { firstHeaderFormat } from '../../../../shared/archive/headerFormat';
import type { Account } from '../../../../shared/domain/account';
import type { ArchiveFormat, ImportReceipt } from '../../../../shared/domain/archive';
import { isHashedId } from '../../../../shared/domain/ids';
import { accountValues, type KnownRecords } from '../../../../shared/archive/knownRecords';
import { NO_TAG } from '../../../../shared/archive/tweetIdIndex';
import type { AccountRecord, DatasetRecord, SourceFileRecord, WorkbenchDb } from '../../store/schema';
import { readAccounts, readTweetIds } from '../../store/read/datasetReader';
import { readCommittedRows, readDatasetFiles } from '../../store/read/committedRecords';
import { ImportBatchWriter } from '../../store/write/importBatchWriter';
import { abandonImport, beginImport, commitImport } from '../../store/write/importLifecycle';
import { holdImportLock } from '../../store/write/importLock';
import { TweetBlockPacker } from '../../store/write/tweetBlockPacker';
import { BlockWriter } from './blockWriter';
import { TweetAuthors } from './tweetAuthors';
import { datasetNameFor, type SizedSource } from './archiveSources';
import { HashPlaceholders } from './hashPlaceholders';
import { HashThread } from './hashThread';
import type { ImportProgress, ImportResult, RefusedFile, SkippedFile } from './importMessages';
import type { Verdict } from './hashMessages';
import { ownString } from '../../../../shared/archive/ownString';
import { ProgressReporter } from './progressReporter';
import { MessageTurns } from './messageTurns';
import { untilAborted } from './untilAborted';
import { collectGarbage } from '../collectGarbage';
import { anyFileToImport, fileOfFiles } from './filesToRead';
import { refusalKey, refusalsToAsk } from './refusalsToAsk';

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
 * One import. Every file is hashed (pass 1) on a second thread (FileVerdicts) while this one parses
 * them (pass 2) into blocks, accounts, quarantine, indicators and aggregates under a fresh importId;
 * then one transaction commits. A file parsed before its hashes are known gives its rows
 * placeholders, and its records wait (HashPlaceholders). Should pass 1 then say the file must not be
 * imported (already stored, chosen twice, or refused), the attempt is abandoned and the import
 * starts again with every verdict known. So too when the parse refuses a file at its end (a CSV cut
 * short) among others: the files after it are only checked (read, nothing kept) for more refusals,
 * the analyst is asked once about them all (`decide`), and the others are read again without them.
 * Anything short of the commit leaves nothing visible (and is deleted here, or by the start-up sweep
 * when the page dies).
 */
export async function runImport(o: RunImportOptions): Promise<ImportResult> {
  const t0 = performance.now();
  const progress = new ProgressReporter(o.onProgress);
  const hashing = new HashThread();
  // The time the analyst takes to answer a refusal question is not the import's: its seconds leave it out.
  let answering = 0;
  const timed: RunImportOptions = {
    ...o,
    decide: async (refused) => {
      const t = performance.now();
      try {
        return await o.decide(refused);
      } finally {
        answering += (performance.now() - t) / 1000;
      }
    },
  };
  try {
    const pass1 = new FileVerdicts(await usersFilesFirst(o.sources, o.signal), hashing, t0);
    /** Refusals the analyst has already answered "import the other files" to (attempt adds them): not asked again. */
    const answered = new Set<string>();
    let speculate = true;
    for (;;) {
      const leftOut = pass1.leftOut();
      const outcome = await attempt(timed, pass1, speculate, answered, progress, t0);
      if (!(outcome instanceof RestartImport)) return { ...outcome, seconds: outcome.seconds - answering };
      // Each later attempt must leave out one more file (refused at its end), or it would only repeat.
      if (!speculate && pass1.leftOut() === leftOut) throw new Error('The import could not settle which files to import.');
      if (speculate) await Promise.all(pass1.verdicts); // a file pass 1 could not read fails the import here
      speculate = false;
    }
  } finally {
    hashing.terminate();
  }
}

/** One try at the import; with `speculate`, files whose pass 1 is still running are parsed meanwhile. */
async function attempt(o: RunImportOptions, pass1: FileVerdicts, speculate: boolean, answered: Set<string>, progress: ProgressReporter, t0: number): Promise<ImportResult | RestartImport> {
  const { db } = o;
  const refused: RefusedFile[] = [];
  const skipped: SkippedFile[] = [];
  const added: DatasetRecord['counts'] = { accounts: 0, tweets: 0, rejected: 0, indicators: 0, hashedAccounts: 0, redditAccounts: 0 };
  const timings = { hashSeconds: 0, datasetReadSeconds: 0, parseSeconds: 0, commitSeconds: 0, aggregateSeconds: 0, collectSeconds: 0, packSeconds: 0, writeWaitSeconds: 0 };
  const lap = (since: number) => (performance.now() - since) / 1000;
  const result = (extra: Partial<ImportResult>): ImportResult => ({
    datasetId: null, importId: null, dataset: null, receipts: [], skipped, refused, added, seconds: lap(t0),
    timings: { ...timings, hashSeconds: pass1.hashSeconds }, hasher: pass1.hasher, csvScan: csvScanImplementation(), ...extra,
  });
  /** A verdict not to parse, said in the result. */
  const note = (v: Verdict | undefined) => {
    if (v?.kind === 'skip') skipped.push(v.skipped);
    else if (v?.kind === 'refuse') refused.push(v.refused);
  };
  const { sources } = pass1;
  if (!speculate && sources.every((_, i) => pass1.settled[i]?.kind !== 'parse')) {
    pass1.settled.forEach(note);
    if (refused.length && !skipped.length) throw new RefusedError(refused);
    return result({});
  }
  // Stops this attempt: the user's cancel, a restart (RestartImport) or pass 1 failing.
  const stop = new AbortController();
  const signal = AbortSignal.any([o.signal, stop.signal]);

  // The dataset: new, or an existing one whose tweets and accounts this import must not repeat.
  const existing = o.datasetId ? await db.datasets.get(o.datasetId) : undefined;
  if (o.datasetId && !existing) throw new Error('The dataset to add to no longer exists.');
  const datasetId = existing?.id ?? newId();
  const importId = newId();
  /** Tweet ids stored or parsed so far (a tweet whose id is here is a duplicate), with their authors. */
  const seen = new TweetAuthors();
  /** userid → came from a users file (users-file records win over the user columns of tweet rows). */
  const accountsHere = new Map<string, boolean>();
  /** Users-file accounts of the dataset and of the files parsed so far: a conflicting repeat is quarantined. */
  const knownAccounts: KnownRecords = new Map();
  /** Reddit usernames of the dataset, lower-cased (Reddit's names are): the list and a harvest of it are one set of accounts. */
  const redditNames = new Set<string>();
  // Recorded as running (and locked) before the dataset is read: a deletion of the dataset meanwhile is refused.
  const releaseLock = await holdImportLock(importId);
  await beginImport(db, { id: importId, datasetId, fileNames: sources.map((s) => s.name) }).catch((e: unknown) => {
    releaseLock(); // nothing recorded: nothing for the lock to guard
    throw e;
  });

  // Tweet blocks go to a second thread, which aggregates and stores them (blockWriterWorker.ts).
  const blockWriter = new BlockWriter();
  try {
    let firstSeq = 0;
    if (existing) {
      const tRead = performance.now();
      firstSeq = await readWhatTheDatasetHas(db, existing, { seen, accountsHere, knownAccounts, redditNames }, progress, signal);
      timings.datasetReadSeconds = lap(tRead);
    }
    await blockWriter.begin(importId, datasetId);
    const packer = new TweetBlockPacker(datasetId, importId, firstSeq);
    const placeholders = new HashPlaceholders(blockWriter, signal);
    const writer = new ImportBatchWriter(datasetId, importId, placeholders);
    const turns = new MessageTurns();
    const receipts: ImportReceipt[] = [];
    const files: SourceFileRecord[] = [];
    const parsedNames: string[] = [];
    /** Pass-1 verdicts this attempt parsed ahead of: each must be 'parse'. */
    const awaited: Promise<unknown>[] = [];
    let bytesBefore = 0;
    let rowsBefore = 0;
    /**
     * Bytes to read in all: a file's hashed size once known, else its size as chosen; 0 (unknown: no
     * total, no ETA) while a file of unknown size (the generated demo) is not yet hashed.
     */
    const totalBytes = () => {
      let n = 0;
      for (const [i, s] of sources.entries()) {
        const v = pass1.settled[i];
        if (v) n += v.kind === 'parse' ? v.hashes.size : 0;
        else if (s.knownSize > 0) n += s.knownSize;
        else return 0;
      }
      return n;
    };
    progress.startPhase('parsing');
    const tParse = performance.now();

    /** The file the parse refused at its end, after rows of it were written: this attempt is abandoned. */
    let refusedAtEnd: number | undefined;
    for (const [fileIndex, source] of sources.entries()) {
      signal.throwIfAborted();
      const verdict = pass1.settled[fileIndex];
      let hashOption: Pick<ParseArchiveOptions, 'hashes' | 'pendingHashes'>;
      note(verdict);
      if (verdict && verdict.kind !== 'parse') continue;
      const at = fileOfFiles(pass1.settled, sources.length, fileIndex);
      progress.atFile(at.index, at.count);
      const noteSkippedEntries = (h: ArchiveHashes) => {
        // Said, not silently dropped: what of a zip is not imported.
        for (const name of h.skippedEntries) skipped.push({ fileName: `${source.name} › ${name}`, sha256: h.sha256, reason: 'not a .csv entry of the zip, not imported' });
      };
      if (verdict) {
        noteSkippedEntries(verdict.hashes);
        hashOption = { hashes: verdict.hashes };
      } else {
        const placeholder = placeholders.placeholdersFor(fileIndex);
        const hashes = pass1.verdicts[fileIndex]!.then((v) => {
          if (v.kind !== 'parse') throw restartBecause(stop);
          placeholders.hashed(fileIndex, v.hashes);
          noteSkippedEntries(v.hashes);
          return v.hashes;
        });
        hashes.catch((e: unknown) => stop.abort(e));
        awaited.push(hashes);
        hashOption = { pendingHashes: { hashes, placeholder } };
      }
      let format: ArchiveFormat | undefined;
      /** The file, or for a zip the entry being read ('file › entry'): named with its quarantined rows. */
      let entryLabel = source.name;
      let delivered = 0;
      let fileRows = 0;
      let fileBytes = 0;
      const toRecord = (a: Account, fromUsersFile: boolean): AccountRecord => ({ ...a, datasetId, importId, fromUsersFile });
      try {
        const fileReceipts = await parseArchive(source, {
          // Tweets are compared with every tweet of the dataset and of this import (seen), duplicates counted in their receipts.
          ...hashOption, signal, batchSize: 2000, appVersion: o.appVersion, seenTweets: seen, knownAccounts,
          onFormat: (f, entryName) => {
            format = f.format;
            entryLabel = entryName ? `${source.name} › ${entryName}` : source.name;
          },
          onTweets: async (tweets, fingerprints) => {
            await turns.take(); // Cancel is heard here
            signal.throwIfAborted();
            delivered += tweets.length;
            let t = performance.now();
            tweets.forEach((tw, i) => {
              seen.addLinks(tw);
              packer.push(tw, fingerprints[i]!);
            });
            added.tweets += tweets.length;
            writer.addBlocks(packer.take());
            timings.packSeconds += lap(t);
            t = performance.now();
            await untilAborted(writer.maybeWrite(), signal);
            timings.writeWaitSeconds += lap(t);
          },
          onAccounts: async (accounts) => {
            await turns.take();
            signal.throwIfAborted();
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
            await untilAborted(writer.maybeWrite(), signal);
          },
          onQuarantine: async (rows) => {
            await turns.take();
            signal.throwIfAborted();
            delivered += rows.length;
            added.rejected += rows.length;
            writer.addQuarantine(rows, entryLabel);
            await untilAborted(writer.maybeWrite(), signal);
          },
          onIndicators: async (rows) => {
            delivered += rows.length;
            added.indicators += rows.length;
            writer.addIndicators(rows.map((r) => ({ ...r, datasetId, importId })));
            await untilAborted(writer.maybeWrite(), signal);
          },
          onRedditAccounts: async (rows) => {
            delivered += rows.length;
            for (const r of rows) {
              const name = r.username.toLowerCase();
              if (redditNames.has(name)) continue;
              redditNames.add(name);
              added.redditAccounts!++;
            }
            writer.addReddit(rows.map((r) => ({ ...r, datasetId, importId })));
            await untilAborted(writer.maybeWrite(), signal);
          },
          onProgress: (p) => {
            fileRows = p.rows;
            fileBytes = p.bytes;
            progress.report(source.name, bytesBefore + p.bytes, totalBytes(), rowsBefore + p.rows);
          },
        });
        for (const r of fileReceipts) {
          receipts.push(r);
          files.push({
            sha256: r.entrySha256 ?? r.sha256, datasetId, importId, receipt: r,
            ...(r.entrySha256 && r.entrySha256 !== r.sha256 ? { containerSha256: r.sha256 } : {}),
          });
        }
        // A zip's entries refused on their own: the analyst chooses, as for refused files (decide below).
        refused.push(...refusedEntries(source.name, fileReceipts));
        parsedNames.push(source.name);
        // The file's last figures, never lost to the throttle: after the last file, "every byte read".
        progress.report(source.name, bytesBefore + fileBytes, totalBytes(), rowsBefore + fileRows, true);
      } catch (e) {
        // Pass 1 may judge a file parsed ahead of it otherwise (refused, known): that verdict wins (not
        // waited for once the import is cancelled: hashing the rest of the file took up to seconds).
        if (!verdict && !signal.aborted) await pass1.verdicts[fileIndex]!.catch(() => undefined);
        signal.throwIfAborted();
        if (!(e instanceof ArchiveFormatError)) throw e;
        const refusal = { fileName: source.name, message: e.message };
        refused.push(refusal);
        pass1.refuse(fileIndex, refusal);
        // Refused before it delivered anything, it is just left out. Refused at its end (a CSV cut
        // short…) after its first rows were written (in the blocks, aggregates and tweet id table):
        // this attempt is abandoned (below).
        if (delivered > 0) {
          rowsBefore += fileRows; // its bytes no longer count: the total (totalBytes) leaves it out now
          refusedAtEnd = fileIndex;
          break;
        }
      }
      bytesBefore += fileBytes;
      rowsBefore += fileRows;
    }
    if (refusedAtEnd !== undefined) {
      // The files after it are checked for refusals too (read, nothing kept), and every verdict awaited:
      // one question names every refused file, and none is asked when no file is left to import.
      const check = await checkForRefusals(pass1, refusedAtEnd + 1, signal, (i, p) => {
        const at = fileOfFiles(pass1.settled, sources.length, i);
        progress.atFile(at.index, at.count);
        progress.report(sources[i]!.name, bytesBefore + p.bytes, totalBytes(), rowsBefore + p.rows);
      });
      refused.push(...check);
      await Promise.all(pass1.verdicts); // a file pass 1 could not read fails the import here
      signal.throwIfAborted();
      // Nothing left to import: the next attempt, with every verdict known, refuses the import naming them all.
      if (!anyFileToImport(pass1.settled, sources.length)) throw restartBecause(stop);
      // Asked while this attempt is still running: a page closed now is an import that did not finish.
      const ask = refusalsToAsk(refused, pass1.settled, answered);
      if (ask.length && !(await o.decide(ask))) throw new DOMException('The import was cancelled.', 'AbortError');
      for (const r of ask) answered.add(refusalKey(r));
      signal.throwIfAborted();
      throw restartBecause(stop);
    }
    await Promise.all(awaited);
    signal.throwIfAborted();
    packer.close();
    writer.addBlocks(packer.take());
    await writer.finish();
    await placeholders.drain();
    const links = seen.linkPairs();
    // The tweet id table (~32 bytes a tweet) is freed before the block writer's last memory peak.
    seen.release();
    const releaseSeconds = collectGarbage();
    const { aggregateSeconds, collectSeconds } = await blockWriter.finish(links);
    Object.assign(timings, { aggregateSeconds, collectSeconds: collectSeconds + releaseSeconds });
    blockWriter.terminate();
    // Every file read: the last line names them all, not a file among them.
    progress.atFile(0, 1);
    progress.report(parsedNames.length > 1 ? `all ${parsedNames.length} files` : (parsedNames[0] ?? sources[0]?.name ?? ''), bytesBefore, bytesBefore, rowsBefore, true);

    timings.parseSeconds = lap(tParse);
    // Nothing parsed: the next attempt, with every verdict known, says why as the import always has.
    if (files.length === 0) throw speculate ? restartBecause(stop) : new RefusedError(refused);
    const ask = refusalsToAsk(refused, [], answered);
    if (ask.length && !(await o.decide(ask))) throw new DOMException('The import was cancelled.', 'AbortError');
    signal.throwIfAborted();

    progress.startPhase('committing');
    progress.report('', 0, 0, rowsBefore, true);
    const tCommit = performance.now();
    const datasetName = existing?.name ?? datasetNameFor(parsedNames);
    const dataset = await commitImport(db, { importId, datasetId, datasetName, files, added, addsToExisting: existing !== undefined });
    timings.commitSeconds = lap(tCommit);
    return result({ datasetId, importId, dataset, receipts });
  } catch (e) {
    const restart = !o.signal.aborted && stop.signal.reason instanceof RestartImport;
    const cancelled = o.signal.aborted || (!restart && e instanceof DOMException && e.name === 'AbortError');
    blockWriter.terminate(); // before deleting: no batch may land after
    await abandonImport(db, importId, cancelled || restart ? 'cancelled' : 'failed', cancelled ? undefined : restart ? 'restarted without the files left out' : messageOf(e));
    if (restart) return stop.signal.reason as RestartImport;
    throw e;
  } finally {
    releaseLock();
  }
}

/**
 * A file parsed ahead of its verdict must not be imported (pass 1 said so), or was refused at its end
 * after rows of it were written: this attempt stops, the next knows.
 */
class RestartImport extends Error {
  constructor() {
    super('The import starts again without a file left out.');
    this.name = 'RestartImport';
  }
}

function restartBecause(stop: AbortController): RestartImport {
  const r = new RestartImport();
  stop.abort(r);
  return r;
}

/** A zip's entries refused on their own (named "file › entry"), as its receipts list them. */
const refusedEntries = (fileName: string, receipts: readonly ImportReceipt[]): RefusedFile[] =>
  (receipts[0]?.refusedEntries ?? []).map((x) => ({ fileName: `${fileName} › ${x.entryName}`, message: x.message }));

/**
 * An abandoned attempt's files from `from` on, read to their end for refusals only (nothing kept, no
 * tweet compared with another): the refusals found, each file refused also marked so in `pass1`.
 * Costs one more read of those files, the one a further file refused at its end would have cost.
 */
async function checkForRefusals(pass1: FileVerdicts, from: number, signal: AbortSignal, onProgress: (file: number, p: { bytes: number; rows: number }) => void): Promise<RefusedFile[]> {
  const found: RefusedFile[] = [];
  for (let i = from; i < pass1.sources.length; i++) {
    const source = pass1.sources[i]!;
    const verdict = await pass1.verdicts[i]!;
    signal.throwIfAborted();
    if (verdict.kind !== 'parse' || pass1.settled[i]?.kind !== 'parse') continue;
    try {
      const receipts = await parseArchive(source, { hashes: verdict.hashes, signal, dedupeTweets: false, onProgress: (p) => onProgress(i, p) });
      found.push(...refusedEntries(source.name, receipts));
    } catch (e) {
      signal.throwIfAborted();
      if (!(e instanceof ArchiveFormatError)) throw e;
      const refusal = { fileName: source.name, message: e.message };
      pass1.refuse(i, refusal);
      found.push(refusal);
    }
  }
  return found;
}

/**
 * Pass 1 of every file, on its own thread, in import order: each file's verdict as a promise, with
 * `settled` telling which are known now.
 */
class FileVerdicts {
  readonly verdicts: Promise<Verdict>[];
  readonly settled: (Verdict | undefined)[] = [];
  hasher: string = sha256Implementation();
  /** Seconds from the import's start to the last verdict. */
  hashSeconds = 0;

  constructor(readonly sources: SizedSource[], thread: HashThread, t0: number) {
    this.verdicts = sources.map((s, i) => {
      const verdict = thread.judge(s).then(({ verdict, hasher }) => {
        this.settled[i] ??= verdict;
        this.hasher = hasher;
        this.hashSeconds = (performance.now() - t0) / 1000;
        return verdict;
      });
      verdict.catch(() => {}); // failures reach the import where it awaits the verdict
      return verdict;
    });
  }

  /** The parse refused a file pass 1 let through (a CSV cut short inside a quoted field): refused from now on. */
  refuse(i: number, refused: RefusedFile): void {
    this.settled[i] = { kind: 'refuse', refused };
  }

  /** How many files are known not to be imported (skipped or refused). */
  leftOut(): number {
    return this.settled.filter((v) => v && v.kind !== 'parse').length;
  }
}

/**
 * Users files first, whatever the order chosen (tweets files usually sort first by name): the tweets'
 * accounts are then known from the users file instead of being stored from tweet rows and replaced
 * (a 5 M-tweet import peaked ~250-300 MB higher with the tweets file first). Read from each file's
 * first bytes: the header of its first CSV entry.
 */
async function usersFilesFirst(sources: SizedSource[], signal: AbortSignal): Promise<SizedSource[]> {
  const users: boolean[] = [];
  for (const s of sources) users.push((await firstHeaderFormat(s.name, s.open(), signal)) === 'twitter-io-users');
  return sources.map((s, i) => ({ s, first: users[i]! })).sort((a, b) => Number(!a.first) - Number(!b.first)).map((x) => x.s);
}

/**
 * Adding to a dataset: the ids, authors and fingerprints of its tweets into `seen`, then its imports'
 * unresolved links (TweetAuthors.carry), its accounts into
 * `accountsHere`, its users-file accounts into `knownAccounts` and its Reddit names into
 * `redditNames` (committed imports only), with progress and cancel: every stored tweet id is read
 * (~1.2 s a million from the ids records). Returns the seq of the dataset's next block.
 */
async function readWhatTheDatasetHas(
  db: WorkbenchDb, dataset: DatasetRecord,
  { seen, accountsHere, knownAccounts, redditNames }: { seen: TweetAuthors; accountsHere: Map<string, boolean>; knownAccounts: KnownRecords; redditNames: Set<string> },
  progress: ProgressReporter, signal: AbortSignal,
): Promise<number> {
  progress.startPhase('reading');
  const total = dataset.counts.tweets;
  let read = 0;
  progress.reportRows(dataset.name, 0, total, true);
  for await (const block of readTweetIds(db, dataset.id)) {
    signal.throwIfAborted();
    for (let i = 0; i < block.tweetid.length; i++) seen.add(block.tweetid[i]!, block.userid[i]!, block.fingerprints?.[i] ?? NO_TAG);
    read += block.tweetid.length;
    progress.reportRows(dataset.name, read, total);
  }
  progress.reportRows(dataset.name, read, total, true);
  // Earlier imports' quotes and replies of tweets the dataset did not have: this import may bring them.
  for (const links of await readCommittedRows(db.unresolvedLinks, dataset)) seen.carry(links);
  // An account known only from tweet rows is replaced by its users-file record when one comes.
  const fileNames = new Map((await readDatasetFiles(db, dataset)).map((f) => [f.sha256, f.receipt.fileName]));
  for (const a of await readAccounts(db, dataset.id)) {
    accountsHere.set(a.userid, a.fromUsersFile);
    const file = fileNames.get(a.provenance.fileSha256) ?? 'an earlier import';
    if (a.fromUsersFile) knownAccounts.set(a.userid, { file, row: a.provenance.row, values: accountValues(a) });
  }
  for (const r of await readCommittedRows(db.redditAccounts, dataset)) redditNames.add(r.username.toLowerCase());
  const last = await db.tweetBlocks.where('[datasetId+seq]').between([dataset.id, -Infinity], [dataset.id, Infinity]).last();
  return last ? last.seq + 1 : 0;
}

/** All files refused: the import fails with their messages. */
export class RefusedError extends Error {
  constructor(readonly refused: RefusedFile[]) {
    super(refused.length === 1 ? `The file was refused: ${refused[0]!.message}` : `All ${refused.length} files were refused.`);
    this.name = 'RefusedError';
  }
}

/** The error's message; a full disk in words (the page adds the free space it reads). */
export const messageOf = (e: unknown): string => failureMessage(e, 'the import', null);
