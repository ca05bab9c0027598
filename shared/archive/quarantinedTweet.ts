import type { ArchiveFormat, QuarantinedRow } from '../domain/archive';
import type { Provenance } from '../domain/provenance';
import type { Tweet } from '../domain/tweet';
import { splitFields } from './csvRecords';
import { FIVETHIRTYEIGHT_COLUMNS, tweetsColumnsOf } from './detectFormat';
import { fiveThirtyEightNormalizer } from './normalizeFiveThirtyEight';
import { tweetNormalizer } from './normalizeTweet';
import type { TweetContent } from './tweetFingerprint';

/**
 * A tweet row quarantined as a conflicting duplicate, read again where it is shown (never at import:
 * the import keeps only each tweet id's fingerprint, not where it was read), so the list can name the
 * tweet that was kept and what differs.
 */

/** The detail of a tweet row whose id was read before with other content (parseArchive). */
export const conflictingTweetDetail = (tweetid: string): string =>
  `tweetid '${tweetid}' was read before with other content (text, time or account); the first is kept`;

const CONFLICTING_TWEET = /^tweetid '([^']+)' was read before with other content/;

/** The tweet id a conflicting duplicate's detail names; none for another detail (an account's, a Reddit name's). */
export const conflictingTweetId = (detail: string): string | undefined => CONFLICTING_TWEET.exec(detail)?.[1];

/** What the fingerprint compares (tweetFingerprint), as the list names it. */
export type TweetPart = 'text' | 'time' | 'account';

/** Which of text, time and account differ between the kept tweet and a quarantined one. */
export function tweetDifferences(kept: TweetContent, other: TweetContent): TweetPart[] {
  const out: TweetPart[] = [];
  if (kept.tweetText !== other.tweetText) out.push('text');
  if (kept.tweetTime !== other.tweetTime) out.push('time');
  if (kept.userid !== other.userid) out.push('account');
  return out;
}

/** Where a kept tweet was read in its file: 'row 12', or 'byte 3456' for a row not counted. */
export const keptTweetPlace = (p: Pick<Provenance, 'row' | 'byteOffset'>): string => (p.row > 0 ? `row ${p.row}` : `byte ${p.byteOffset}`);

/** How a conflicting duplicate compares with the tweet kept for it, as the app's quarantine list and the CLI say it. */
export type KeptTweetComparison = { differing: TweetPart[]; what: string } | { unread: string; what: string };

/** Which of text, time and account of the quarantined row differ from the kept tweet's, or why its columns cannot be compared. */
export function compareWithKept(kept: TweetContent, row: Pick<QuarantinedRow, 'raw' | 'byteLength'>, file: RowFile, tweetid: string): KeptTweetComparison {
  const read = readQuarantinedTweet(row, file, tweetid);
  if ('unread' in read) return { unread: read.unread, what: read.unread };
  const differing = tweetDifferences(kept, read.tweet);
  return { differing, what: differing.length ? `differing: ${differing.join(', ')}` : 'its text, time and account read the same as this row’s' };
}

/** The file a quarantined row came from, as its receipt describes it. */
export interface RowFile {
  format: ArchiveFormat;
  formatVersion: string;
}

const NO_PROVENANCE = { fileSha256: '', row: 0, byteOffset: 0, byteLength: 0 };

/**
 * The quarantined row's raw text read as a tweet, with the splitter's field rule and the import's
 * normaliser for its file's columns (the column order of a tweets file's release, or FiveThirtyEight's
 * as published), or why it cannot be: its raw text stored cut short, or its file's columns in an order
 * of their own (which the receipt does not keep). `tweetid`: the id the row must read as.
 */
export function readQuarantinedTweet(row: Pick<QuarantinedRow, 'raw' | 'byteLength'>, file: RowFile, tweetid: string): { tweet: Tweet } | { unread: string } {
  if (new TextEncoder().encode(row.raw).length !== row.byteLength) {
    return { unread: `its raw text is kept only in part (its first ${row.raw.length.toLocaleString('en-US')} characters), so its columns cannot be compared` };
  }
  const fields = splitFields(row.raw);
  let columns: string[] | undefined;
  let normalizer = tweetNormalizer;
  if (file.format === 'twitter-io-tweets') {
    columns = tweetsColumnsOf(file.formatVersion, fields.length === 31);
    if (!columns) return { unread: 'its file’s columns are in an order of their own, which is not kept, so its columns cannot be compared' };
  } else if (file.format === 'fivethirtyeight-ira-tweets') {
    columns = [...FIVETHIRTYEIGHT_COLUMNS];
    normalizer = fiveThirtyEightNormalizer;
  }
  const unread = { unread: 'its raw text does not read as a tweet row of its file’s columns, so its columns cannot be compared' };
  if (!columns || columns.length !== fields.length) return unread;
  try {
    const { tweet } = normalizer(columns)(fields, NO_PROVENANCE);
    return tweet.tweetid === tweetid ? { tweet } : unread;
  } catch {
    return unread;
  }
}
