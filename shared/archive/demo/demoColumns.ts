import type { TweetColumns } from '../../domain/tweet';
import { emptyTweetColumns, pushTweet } from '../columns';
import { resolveDemoOptions, type DemoArchiveOptions } from './demoOptions';
import { createDemoArchive, demoTweetFields, type DemoGroundTruth } from './demoArchive';
import { demoTweetRows } from './demoTweets';
import { TWEETS_COLUMNS, csvRecord, utf8Length } from './csvFormat';

/**
 * The demo archive's tweets as TweetColumns, built directly (no CSV parse) for unit tests and
 * benchmarks. Provenance row numbers and byte offsets match the CSV the generator writes.
 */
export function demoTweetColumns(options: DemoArchiveOptions): { columns: TweetColumns; groundTruth: DemoGroundTruth } {
  const o = resolveDemoOptions(options);
  const archive = createDemoArchive(o);
  const c = emptyTweetColumns(o.tweets);
  let offset = utf8Length(csvRecord(TWEETS_COLUMNS));
  for (const r of demoTweetRows(o, archive.plan)) {
    const byteLength = utf8Length(csvRecord(demoTweetFields(r))) - 1; // without the LF
    const rt = r.isRetweet && r.retweetUserid === '' ? /^RT @([^:\s]+):/.exec(r.text) : null;
    pushTweet(c, {
      tweetid: r.tweetid,
      userid: r.account.userid,
      userScreenName: r.account.screenName,
      userDisplayName: r.account.displayName,
      tweetLanguage: r.lang,
      tweetText: r.text,
      tweetTime: r.minute,
      tweetClientName: r.client,
      inReplyToUserid: r.inReplyToUserid,
      inReplyToTweetid: r.inReplyToTweetid,
      quotedTweetTweetid: r.quotedTweetTweetid,
      isRetweet: r.isRetweet,
      retweetUserid: r.retweetUserid,
      retweetTweetid: r.retweetTweetid,
      retweetScreenName: rt ? rt[1]! : '',
      latitude: r.latitude,
      longitude: r.longitude,
      quoteCount: r.quoteCount ?? null,
      replyCount: r.replyCount ?? null,
      likeCount: r.likeCount ?? null,
      retweetCount: r.retweetCount ?? null,
      hashtags: r.hashtags,
      urls: r.urls,
      userMentions: r.userMentions,
      pollChoices: r.pollChoices,
      provenance: { fileSha256: '', row: c.length + 1, byteOffset: offset, byteLength },
    });
    offset += byteLength + 1;
  }
  return { columns: c, groundTruth: archive.groundTruth };
}
