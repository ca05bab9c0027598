import type { Provenance } from './provenance';

/** tweetTime units (UTC minutes) in a UTC day: a tweet's day is floor(tweetTime / MINUTES_PER_DAY). */
export const MINUTES_PER_DAY = 1440;

/**
 * One tweet as normalised from any supported archive format. Ids are strings. Absent values are ''
 * (strings), [] (lists) or null (counts). Nothing is "repaired": a row that cannot be normalised
 * faithfully is quarantined instead (QuarantinedRow, archive.ts).
 */
export interface Tweet {
  tweetid: string;
  userid: string;
  userScreenName: string;
  userDisplayName: string;
  tweetLanguage: string;
  tweetText: string;
  /** UTC minutes since the Unix epoch (archives give minute precision). */
  tweetTime: number;
  tweetClientName: string;
  inReplyToUserid: string;
  inReplyToTweetid: string;
  quotedTweetTweetid: string;
  isRetweet: boolean;
  retweetUserid: string;
  retweetTweetid: string;
  /** Screen name from a leading `RT @name:` when the archive gives no retweet_userid. */
  retweetScreenName: string;
  /** A number as text, or 'absent' / 'present' (withheld), or ''. */
  latitude: string;
  longitude: string;
  quoteCount: number | null;
  replyCount: number | null;
  likeCount: number | null;
  retweetCount: number | null;
  hashtags: string[];
  urls: string[];
  userMentions: string[];
  pollChoices: string[];
  provenance: Provenance;
}

/**
 * Tweets packed as columns: the unit of storage (one IndexedDB record per block of ~2,000 tweets)
 * and of analysis (coordination and graph builders read columns, not objects).
 * Counts use -1 for "empty in the archive".
 */
export interface TweetColumns {
  length: number;
  tweetid: string[];
  userid: string[];
  userScreenName: string[];
  tweetLanguage: string[];
  tweetText: string[];
  tweetTime: Int32Array;
  tweetClientName: string[];
  inReplyToUserid: string[];
  inReplyToTweetid: string[];
  quotedTweetTweetid: string[];
  isRetweet: Uint8Array;
  retweetUserid: string[];
  retweetTweetid: string[];
  retweetScreenName: string[];
  latitude: string[];
  longitude: string[];
  quoteCount: Int32Array;
  replyCount: Int32Array;
  likeCount: Int32Array;
  retweetCount: Int32Array;
  hashtags: string[][];
  urls: string[][];
  userMentions: string[][];
  pollChoices: string[][];
  fileSha256: string[];
  row: Int32Array;
  /** Float64 because files can exceed 4 GB. */
  byteOffset: Float64Array;
  byteLength: Int32Array;
}
