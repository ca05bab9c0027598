import type { Account } from '../domain/account';
import type { Provenance } from '../domain/provenance';
import type { Tweet } from '../domain/tweet';
import { clip, hashtagsFromText, readCount, readId, readUsMinute, retweetScreenNameFromText, RowRejection } from './fieldValues';
import { columnIndex } from './normalizeUser';
import { FIVETHIRTYEIGHT_COLUMNS } from './detectFormat';
import type { TweetRow } from './normalizeTweet';

/**
 * FiveThirtyEight / Clemson IRA tweets (21 columns). `external_author_id` was rounded upstream
 * (906000000000000000), so the account id is `alt_external_id`. Columns with no Tweet field
 * (region, account_category, ...) are not carried; the source bytes stay quotable via provenance.
 * Hashtags and the retweeted screen name have no column here: they are read from the text.
 */
export function fiveThirtyEightNormalizer(columns: string[]): (fields: string[], provenance: Provenance) => TweetRow {
  const c = columnIndex(columns, FIVETHIRTYEIGHT_COLUMNS);
  return (f, provenance) => {
    const userid = readId('alt_external_id', f[c.alt_external_id], false, false).id;
    const tweetid = readId('tweet_id', f[c.tweet_id], false, false).id;
    const retweet = f[c.retweet];
    if (retweet !== '0' && retweet !== '1') throw new RowRejection('invalid-value', `retweet '${clip(retweet)}' is not 0/1`);
    const urls = [f[c.tco1_step1], f[c.tco2_step1], f[c.tco3_step1]].filter((u) => u !== '');
    const account: Account = {
      userid,
      idShape: 'numeric',
      userDisplayName: f[c.author],
      userScreenName: f[c.author],
      userReportedLocation: '',
      userProfileDescription: '',
      userProfileUrl: '',
      followerCount: readCount('followers', f[c.followers]),
      followingCount: readCount('following', f[c.following]),
      accountCreationDate: '',
      accountLanguage: '',
      accountLanguageRaw: '',
      provenance,
    };
    const tweet: Tweet = {
      tweetid,
      userid,
      userScreenName: f[c.author],
      userDisplayName: f[c.author],
      tweetLanguage: f[c.language],
      tweetText: f[c.content],
      tweetTime: readUsMinute('publish_date', f[c.publish_date]),
      tweetClientName: '',
      inReplyToUserid: '',
      inReplyToTweetid: '',
      quotedTweetTweetid: '',
      isRetweet: retweet === '1',
      retweetUserid: '',
      retweetTweetid: '',
      retweetScreenName: '',
      latitude: '',
      longitude: '',
      quoteCount: null,
      replyCount: null,
      likeCount: null,
      retweetCount: null,
      // No hashtags column in this format: read from the text (like the RT prefix below), so hashtag charts and networks work.
      hashtags: hashtagsFromText(f[c.content]),
      urls,
      userMentions: [],
      pollChoices: [],
      provenance,
    };
    // No retweet_userid column in this format: the RT prefix is the only retweet source.
    if (tweet.isRetweet) tweet.retweetScreenName = retweetScreenNameFromText(tweet.tweetText);
    return { tweet, account };
  };
}
