import { tweetAt } from '../../../shared/archive/columns';
import { csvLine } from '../../../shared/domain/csvLine';
import { formatMinute as archivedMinute } from '../../../shared/archive/demo/csvFormat';
import type { TweetColumns } from '../../../shared/domain/tweet';

/**
 * A search's matches as CSV, one row a tweet: its archived columns under the archive's names (the
 * lists as JSON arrays, a count the file left empty empty, the time as archived, UTC minutes), the
 * screen name of a retweet known only by its "RT @name:", and where the row is in its source file.
 */
const COLUMNS: [string, (t: ReturnType<typeof tweetAt>) => string][] = [
  ['tweetid', (t) => t.tweetid],
  ['userid', (t) => t.userid],
  ['user_screen_name', (t) => t.userScreenName],
  ['tweet_time', (t) => archivedMinute(t.tweetTime)],
  ['tweet_language', (t) => t.tweetLanguage],
  ['tweet_client_name', (t) => t.tweetClientName],
  ['is_retweet', (t) => String(t.isRetweet)],
  ['retweet_userid', (t) => t.retweetUserid],
  ['retweet_screen_name_from_text', (t) => t.retweetScreenName],
  ['retweet_tweetid', (t) => t.retweetTweetid],
  ['in_reply_to_userid', (t) => t.inReplyToUserid],
  ['in_reply_to_tweetid', (t) => t.inReplyToTweetid],
  ['quoted_tweet_tweetid', (t) => t.quotedTweetTweetid],
  ['latitude', (t) => t.latitude],
  ['longitude', (t) => t.longitude],
  ['quote_count', (t) => count(t.quoteCount)],
  ['reply_count', (t) => count(t.replyCount)],
  ['like_count', (t) => count(t.likeCount)],
  ['retweet_count', (t) => count(t.retweetCount)],
  ['hashtags', (t) => JSON.stringify(t.hashtags)],
  ['urls', (t) => JSON.stringify(t.urls)],
  ['user_mentions', (t) => JSON.stringify(t.userMentions)],
  ['poll_choices', (t) => JSON.stringify(t.pollChoices)],
  ['tweet_text', (t) => t.tweetText],
  ['source_file_sha256', (t) => t.provenance.fileSha256],
  ['source_row', (t) => String(t.provenance.row)],
  ['source_byte_offset', (t) => String(t.provenance.byteOffset)],
  ['source_byte_length', (t) => String(t.provenance.byteLength)],
];

const count = (n: number | null) => (n === null ? '' : String(n));

export const SEARCH_CSV_HEADER = csvLine(COLUMNS.map((c) => c[0]));

/** Row i of a block, as a line of the export. */
export function searchCsvLine(c: TweetColumns, i: number): string {
  const t = tweetAt(c, i);
  return csvLine(COLUMNS.map(([, value]) => value(t)));
}
