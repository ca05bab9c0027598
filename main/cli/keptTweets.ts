import type { ImportReceipt, QuarantinedRow } from '../../shared/domain/archive';
import type { Tweet } from '../../shared/domain/tweet';
import type { KnownRecords } from '../../shared/archive/knownRecords';
import { parseArchive, tweetIdSet, type ArchiveHashes } from '../../shared/archive/parseArchive';
import { compareWithKept, conflictingTweetId, keptTweetPlace, type TweetPart } from '../../shared/archive/quarantinedTweet';
import { fileSource } from './loadArchiveFiles';

/** The tweet kept in the place of a quarantined conflicting duplicate, as `inspect --json` adds it to the row. */
export type KeptTweet =
  | {
      /** The file it was read from, as given on the command line, and its zip (or .gz) entry. */
      path: string;
      entryName?: string;
      /** Where in that CSV (its provenance): the SHA-256 of the CSV, its row (0 when not counted) and bytes. */
      fileSha256: string;
      row: number;
      byteOffset: number;
      byteLength: number;
      /** Which of text, time and account of the row differ from the kept tweet's; absent when its columns cannot be compared ('unread' says why). */
      differing?: TweetPart[];
      unread?: string;
      /** In words, as the app's quarantine list says it. */
      note: string;
    }
  | { note: string };

/** A file `inspect` read, with the pass-1 hashes it was read with. */
export interface ReadFile {
  path: string;
  hashes: ArchiveHashes;
  receipts: ImportReceipt[];
  quarantined: (QuarantinedRow & { keptTweet?: KeptTweet })[];
}

const label = (path: string, entryName: string | undefined): string => (entryName ? `${path} :: ${entryName}` : path);

/**
 * Adds to each quarantined conflicting duplicate tweet the tweet kept in its place (where it was read)
 * and which of text, time and account differ, as the app's quarantine list names them (the same
 * shared/archive/quarantinedTweet.ts). The import keeps only each tweet id's fingerprint, not where it
 * was read, so when there are such rows the files are read again, in the same order with the same
 * tables, up to the last file holding one, and stop once every kept tweet is found.
 */
export async function addKeptTweets(files: readonly ReadFile[]): Promise<void> {
  const wanted = new Set<string>();
  let last = -1;
  files.forEach((f, i) => {
    for (const q of f.quarantined) {
      const id = q.reason === 'conflicting-duplicate' ? conflictingTweetId(q.detail) : undefined;
      if (id === undefined) continue;
      wanted.add(id);
      last = i;
    }
  });
  if (!wanted.size) return;
  const kept = await readKeptTweets(files.slice(0, last + 1), wanted);
  // Each CSV by its SHA-256 (a zip entry's or a .gz's decompressed CSV, as provenance names it).
  const csvs = new Map(files.flatMap((f) => f.receipts.map((r) => [r.entrySha256 ?? r.sha256, { path: f.path, receipt: r }] as const)));
  for (const f of files) {
    for (const q of f.quarantined) {
      const id = q.reason === 'conflicting-duplicate' ? conflictingTweetId(q.detail) : undefined;
      if (id === undefined) continue;
      const tweet = kept.get(id);
      const keptCsv = tweet && csvs.get(tweet.provenance.fileSha256);
      const rowCsv = csvs.get(q.fileSha256);
      if (!tweet || !keptCsv || !rowCsv) {
        q.keptTweet = { note: `The kept tweet (id ${id}) was not found when the files were read again, so where it was read and what differs cannot be said.` };
        continue;
      }
      const p = tweet.provenance;
      const compared = compareWithKept(tweet, q, rowCsv.receipt, id);
      const where = { path: keptCsv.path, ...(keptCsv.receipt.entryName ? { entryName: keptCsv.receipt.entryName } : {}), fileSha256: p.fileSha256, row: p.row, byteOffset: p.byteOffset, byteLength: p.byteLength };
      q.keptTweet = {
        ...where,
        ...('unread' in compared ? { unread: compared.unread } : { differing: compared.differing }),
        note: `The kept tweet is ${keptTweetPlace(p)} of ${label(keptCsv.path, keptCsv.receipt.entryName)}; ${compared.what}.`,
      };
    }
  }
}

/** The first tweet stored of each id wanted, reading the files as the import read them. */
async function readKeptTweets(files: readonly ReadFile[], wanted: ReadonlySet<string>): Promise<Map<string, Tweet>> {
  const found = new Map<string, Tweet>();
  const stop = new AbortController();
  const tables = { seenTweets: tweetIdSet(), knownAccounts: new Map() as KnownRecords };
  for (const f of files) {
    const onTweets = (tweets: Tweet[]): void => {
      for (const t of tweets) if (wanted.has(t.tweetid) && !found.has(t.tweetid)) found.set(t.tweetid, t);
      if (found.size === wanted.size) stop.abort();
    };
    try {
      await parseArchive(fileSource(f.path), { hashes: f.hashes, ...tables, onTweets, signal: stop.signal });
    } catch (e) {
      if (stop.signal.aborted) break;
      throw e;
    }
  }
  return found;
}
