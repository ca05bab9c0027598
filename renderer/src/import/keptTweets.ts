import { compareWithKept, conflictingTweetId, keptTweetPlace } from '../../../shared/archive/quarantinedTweet';
import type { DatasetRecord, QuarantineRecord, WorkbenchDb } from '../store/schema';
import { readDatasetFiles } from '../store/read/committedRecords';
import { findTweets } from '../store/read/datasetReader';
import { fileLabel } from './formatters';

/** Whether a quarantined row is a tweet id read again with other content: the list names the tweet kept for it. */
export const isConflictingTweet = (r: QuarantineRecord): boolean => r.reason === 'conflicting-duplicate' && conflictingTweetId(r.detail) !== undefined;

/** Where the kept tweet was read (place 'row 12' or 'byte 3456', of file) and what differs; or, when it cannot be found, why. */
export type KeptTweetNote = { place: string; file: string; what: string } | { text: string };

/**
 * For the quarantined rows shown, each conflicting duplicate tweet's note (by its index in `rows`): where
 * the tweet kept in its place was read (file and row, else byte offset) and which of text, time and
 * account differ from this row's, read from the dataset's store when the row is shown, not at import.
 * No store read when none of the rows is such a tweet.
 */
export async function keptTweetNotes(db: WorkbenchDb, dataset: DatasetRecord, rows: readonly QuarantineRecord[]): Promise<Map<number, KeptTweetNote>> {
  const ids = new Map<number, string>();
  rows.forEach((r, i) => {
    const id = r.reason === 'conflicting-duplicate' ? conflictingTweetId(r.detail) : undefined;
    if (id !== undefined) ids.set(i, id);
  });
  const out = new Map<number, KeptTweetNote>();
  if (!ids.size) return out;
  const [files, kept] = await Promise.all([readDatasetFiles(db, dataset), findTweets(db, dataset.id, ids.values())]);
  const receipts = new Map(files.map((f) => [f.sha256, f.receipt]));
  for (const [i, id] of ids) {
    const tweet = kept.get(id);
    if (!tweet) {
      out.set(i, { text: `The kept tweet (id ${id}) is not in this dataset’s store (the import that read it may have been cancelled), so where it was read and what differs cannot be said.` });
      continue;
    }
    const p = tweet.provenance;
    const keptFile = receipts.get(p.fileSha256);
    const file = keptFile ? fileLabel(keptFile) : `the file with SHA-256 ${p.fileSha256}`;
    const rowFile = receipts.get(rows[i]!.fileSha256);
    const what = rowFile ? compareWithKept(tweet, rows[i]!, rowFile, id).what : 'its file’s receipt is not in the store, so its columns cannot be compared';
    out.set(i, { place: keptTweetPlace(p), file, what });
  }
  return out;
}
