import type { Tweet } from '../domain/tweet';
import { fnv1a, FNV_OFFSET } from './fnv1a';

/** What the fingerprint reads of a tweet row. */
export type TweetContent = Pick<
  Tweet,
  'tweetText' | 'tweetTime' | 'quoteCount' | 'replyCount' | 'likeCount' | 'retweetCount' | 'retweetTweetid' | 'inReplyToTweetid' | 'quotedTweetTweetid' |
  'userid' | 'hashtags' | 'urls' | 'userMentions'
>;

const PRIME = 0x01000193;

/**
 * A tweet's content as a non-negative 31-bit FNV-1a hash, so that a tweet id read again with other
 * content (edited text, another author, other counts) is a conflicting duplicate, not a plain one.
 * It reads the text, author id, time and counts, the retweeted, replied-to and quoted tweet ids, and
 * how many hashtags, URLs and mentions there are; not the account's other columns (they change
 * between snapshots), language or client. Hashing every string column cost ~5 µs a row, several
 * times more than the rest of the row's parse here.
 * Computed from the parsed row and from stored columns alike (tweetAt), so the two agree.
 */
export function tweetFingerprint(t: TweetContent): number {
  let h = str(FNV_OFFSET, t.tweetText);
  h = Math.imul(h ^ t.tweetTime, PRIME);
  h = Math.imul(h ^ (t.quoteCount ?? -1), PRIME);
  h = Math.imul(h ^ (t.replyCount ?? -1), PRIME);
  h = Math.imul(h ^ (t.likeCount ?? -1), PRIME);
  h = Math.imul(h ^ (t.retweetCount ?? -1), PRIME);
  h = str(h, t.retweetTweetid);
  h = str(h, t.inReplyToTweetid);
  h = str(h, t.quotedTweetTweetid);
  h = str(h, t.userid); // a tweet id under another account is a conflict
  h = Math.imul(h ^ (t.hashtags.length << 8) ^ (t.urls.length << 16) ^ (t.userMentions.length << 24), PRIME);
  return h >>> 1;
}

/** A string value, then an end mark: "ab","c" differs from "a","bc". */
const str = (h: number, s: string): number => Math.imul(fnv1a(h, s) ^ 0xffff, PRIME);
