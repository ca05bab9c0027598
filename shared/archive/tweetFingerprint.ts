import type { Tweet } from '../domain/tweet';
import { fnv1a, FNV_OFFSET } from './fnv1a';

/** What the fingerprint reads of a tweet row. */
export type TweetContent = Pick<Tweet, 'tweetText' | 'tweetTime' | 'userid'>;

/**
 * Which fingerprint stored ids records hold (TweetIdsRecord): an ids record of another version has
 * its fingerprints ignored, so its tweets read again count as plain duplicates. Version 1 (stored
 * 2026-11-30 to 2026-12-01) also read the counts, linked tweet ids and list lengths.
 */
export const TWEET_FINGERPRINT_VERSION = 2;

const PRIME = 0x01000193;

/**
 * A tweet's content as a non-negative 31-bit FNV-1a hash, so that a tweet id read again with other
 * content (edited text, another time, another author) is a conflicting duplicate, not a plain one.
 * It reads only what every tweet format archives: the text, author id and time. Counts (which grow
 * between snapshots and which FiveThirtyEight's files lack), linked tweet ids (which FiveThirtyEight's
 * files lack) and the lists (read from the text there) are left out, so the same tweet from a
 * FiveThirtyEight file and a Twitter file, or from two snapshots, is one tweet.
 * Computed from the parsed row and from stored columns alike (tweetAt), so the two agree.
 */
export function tweetFingerprint(t: TweetContent): number {
  let h = str(FNV_OFFSET, t.tweetText);
  h = Math.imul(h ^ t.tweetTime, PRIME);
  h = str(h, t.userid); // a tweet id under another account is a conflict
  return h >>> 1;
}

/** A string value, then an end mark: "ab","c" differs from "a","bc". */
const str = (h: number, s: string): number => Math.imul(fnv1a(h, s) ^ 0xffff, PRIME);
