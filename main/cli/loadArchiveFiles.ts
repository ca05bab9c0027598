import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Account } from '../../shared/domain/account';
import type { ImportReceipt, QuarantinedRow } from '../../shared/domain/archive';
import type { Indicator, RedditAccount } from '../../shared/domain/indicator';
import type { TweetColumns } from '../../shared/domain/tweet';
import { emptyTweetColumns, pushTweet, trimTweetColumns } from '../../shared/archive/columns';
import { ArchiveFormatError } from '../../shared/archive/detectFormat';
import type { KnownRecords } from '../../shared/archive/knownRecords';
import { hashArchive, parseArchive, tweetIdSet, type ArchiveSource, type CreateHasher, type ParseArchiveOptions } from '../../shared/archive/parseArchive';
import { SelectionJudge, type Verdict } from '../../shared/archive/selectionVerdicts';
import { terminalText } from './terminalText';
import { UnreadablePathError } from './cliArgs';

export interface LoadedArchives {
  tweets: TweetColumns;
  accounts: Account[];
  indicators: Indicator[];
  redditAccounts: RedditAccount[];
  receipts: ImportReceipt[];
  quarantined: QuarantinedRow[];
  /** Files not read, as the app skips them (the same file twice, a CSV another file of the run holds). */
  skipped: { path: string; reason: string }[];
}

/** node:crypto SHA-256 (several times faster than hash-wasm in Node). */
export const nodeSha256: CreateHasher = async () => createHash('sha256');

/**
 * Why `filePath` cannot be read as an archive, in words to follow the path (null: it can be opened): Node's own
 * `EISDIR: illegal operation on a directory, read` says neither which path nor what to give instead.
 */
export function unreadablePath(filePath: string): string | null {
  try {
    if (!statSync(filePath).isDirectory()) {
      // Checked for reading, as the parse will open it: a file without read permission fails here, in words.
      accessSync(filePath, constants.R_OK);
      return null;
    }
    return `it is a folder: give the archive files in it (.csv, .csv.gz, .zip), for example ${path.join(filePath, '*.csv')}`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  }
}

/** A file on disk as an ArchiveSource (Node stream → web ReadableStream). */
export function fileSource(filePath: string): ArchiveSource {
  return {
    name: path.basename(filePath),
    open: () => Readable.toWeb(createReadStream(filePath, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>,
  };
}

/** Pass 1 on a file, as the app's (hashWorker.ts): its hashes, judged against the files before it in this run. */
export async function judgeArchiveFile(filePath: string, judge: SelectionJudge): Promise<Verdict> {
  const hashes = await hashArchive(fileSource(filePath), undefined, nodeSha256).catch((e: unknown) => {
    if (e instanceof ArchiveFormatError) return e;
    throw e;
  });
  return judge.judge(path.basename(filePath), hashes);
}

/** A message about a file, after its path as given: the shared code names only the file (`x.csv: …`), which two folders may share. */
export const aboutPath = (filePath: string, message: string): string => {
  const name = `${path.basename(filePath)}: `;
  return `${filePath}: ${message.startsWith(name) ? message.slice(name.length) : message}`;
};

/**
 * Load archive files into memory through the shared pipeline. Tweets are deduplicated by tweetid
 * across files (first file wins; a later copy counts in its own entry's receipt as duplicate, or with
 * other content is quarantined), accounts by userid (first seen wins; a users-file account repeated by a later file is a
 * duplicate, or quarantined with other values, as in the app). Each file is judged first as the app's
 * import judges it (SelectionJudge): a file chosen twice, or a CSV another file holds, is skipped; a zip
 * holding one CSV twice, or old and new CSVs, is refused. Throws on the first refused file, or zip entry.
 */
export async function loadArchiveFiles(
  paths: string[],
  options: Pick<ParseArchiveOptions, 'signal' | 'onProgress'> = {},
): Promise<LoadedArchives> {
  const tweets = emptyTweetColumns();
  const accounts = new Map<string, Account>();
  const indicators: Indicator[] = [];
  const redditAccounts: RedditAccount[] = [];
  const receipts: ImportReceipt[] = [];
  const quarantined: QuarantinedRow[] = [];
  const seenTweets = tweetIdSet();
  const knownAccounts: KnownRecords = new Map();
  const judge = new SelectionJudge();
  const skipped: LoadedArchives['skipped'] = [];
  for (const p of paths) {
    const unreadable = unreadablePath(p);
    if (unreadable) throw new UnreadablePathError(`${p}: ${unreadable}`);
    const verdict = await judgeArchiveFile(p, judge);
    if (verdict.kind === 'refuse') throw new ArchiveFormatError(aboutPath(p, verdict.refused.message));
    if (verdict.kind === 'skip') {
      skipped.push({ path: p, reason: verdict.skipped.reason });
      continue;
    }
    const fileReceipts = await parseArchive(fileSource(p), {
      ...options,
      hashes: verdict.hashes,
      seenTweets,
      knownAccounts,
      onTweets: (batch) => {
        for (const t of batch) pushTweet(tweets, t);
      },
      onAccounts: (batch) => {
        for (const a of batch) if (!accounts.has(a.userid)) accounts.set(a.userid, a);
      },
      onIndicators: (batch) => void indicators.push(...batch),
      onRedditAccounts: (batch) => void redditAccounts.push(...batch),
      onQuarantine: (batch) => void quarantined.push(...batch),
    }).catch((e: unknown) => {
      throw e instanceof ArchiveFormatError ? new ArchiveFormatError(aboutPath(p, e.message)) : e;
    });
    // A zip of which some entries were refused would be analysed in part, and its receipts say so only in a field.
    const refused = fileReceipts[0]?.refusedEntries ?? [];
    if (refused.length) {
      throw new ArchiveFormatError(`${p}: ${refused.length} of its CSV entries could not be read, so nothing was analysed (see \`inspect\`): ${refused.map((r) => r.message).join(' ')}`);
    }
    receipts.push(...fileReceipts);
  }
  return { tweets: trimTweetColumns(tweets), accounts: [...accounts.values()], indicators, redditAccounts, receipts, quarantined, skipped };
}

/**
 * Says on stderr which files were not read (as the app skips them), and when the files hold no tweet to
 * analyse (a users file, indicators, every row quarantined): an empty result is not silent.
 */
export function noteLoaded(loaded: LoadedArchives): void {
  for (const s of loaded.skipped) process.stderr.write(terminalText(`note: ${s.path}: not read: ${s.reason}`) + '\n');
  if (loaded.tweets.length === 0) {
    process.stderr.write(terminalText(`warning: the files hold no tweets to analyse (${loaded.receipts.map((r) => `${r.fileName}: ${r.format}, ${r.rowsStored} stored, ${r.rowsRejected} quarantined`).join('; ')}): the result is empty`) + '\n');
  }
}
