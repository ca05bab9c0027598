import type { Account } from '../domain/account';
import type { Provenance } from '../domain/provenance';
import type { Tweet } from '../domain/tweet';
import {
  readBoolean, readCoordinate, readCount, readId, readIdList, readIsoMinute, readList, readPollChoices, retweetScreenNameFromText,
} from './fieldValues';
import { columnIndex, readAccount, USER_KEYS } from './normalizeUser';

const TWEET_KEYS = [
  ...USER_KEYS, 'tweetid', 'tweet_language', 'tweet_text', 'tweet_time', 'tweet_client_name', 'in_reply_to_userid',
  'in_reply_to_tweetid', 'quoted_tweet_tweetid', 'is_retweet', 'retweet_userid', 'retweet_tweetid', 'latitude',
  'longitude', 'quote_count', 'reply_count', 'like_count', 'retweet_count', 'hashtags', 'urls', 'user_mentions',
  'poll_choices',
] as const;

export interface TweetRow {
  tweet: Tweet;
  /** The account as described by the user columns of this row. */
  account: Account;
}

/**
 * Normaliser for a Twitter IO tweets file (31 or 30 columns, 2018 or 2019+ order): columns are
 * looked up by name once per file. Throws RowRejection for a row that cannot be read faithfully.
 */
export function tweetNormalizer(columns: string[]): (fields: string[], provenance: Provenance) => TweetRow {
  const c = columnIndex(columns, TWEET_KEYS);
  const opt = (f: string[], i: number) => (i >= 0 ? f[i] : '');
  return (f, provenance) => {
    const account = readAccount(f, c, provenance);
    const text = f[c.tweet_text];
    const isRetweet = readBoolean('is_retweet', f[c.is_retweet]);
    const retweetUserid = readId('retweet_userid', f[c.retweet_userid], true).id;
    const tweet: Tweet = {
      tweetid: readId('tweetid', f[c.tweetid], false, false).id,
      userid: account.userid,
      userScreenName: account.userScreenName,
      userDisplayName: account.userDisplayName,
      tweetLanguage: f[c.tweet_language],
      tweetText: text,
      tweetTime: readIsoMinute('tweet_time', f[c.tweet_time]),
      tweetClientName: opt(f, c.tweet_client_name),
      inReplyToUserid: readId('in_reply_to_userid', opt(f, c.in_reply_to_userid), true).id,
      inReplyToTweetid: readId('in_reply_to_tweetid', opt(f, c.in_reply_to_tweetid), true).id,
      quotedTweetTweetid: readId('quoted_tweet_tweetid', opt(f, c.quoted_tweet_tweetid), true).id,
      isRetweet,
      retweetUserid,
      retweetTweetid: readId('retweet_tweetid', f[c.retweet_tweetid], true).id,
      retweetScreenName: isRetweet && retweetUserid === '' ? retweetScreenNameFromText(text) : '',
      latitude: readCoordinate('latitude', opt(f, c.latitude)),
      longitude: readCoordinate('longitude', opt(f, c.longitude)),
      quoteCount: readCount('quote_count', opt(f, c.quote_count)),
      replyCount: readCount('reply_count', opt(f, c.reply_count)),
      likeCount: readCount('like_count', opt(f, c.like_count)),
      retweetCount: readCount('retweet_count', opt(f, c.retweet_count)),
      hashtags: readList('hashtags', opt(f, c.hashtags)),
      urls: readList('urls', opt(f, c.urls)),
      userMentions: readIdList('user_mentions', opt(f, c.user_mentions)),
      pollChoices: readPollChoices(opt(f, c.poll_choices)),
      provenance,
    };
    return { tweet, account };
  };
}
