import type { TweetColumns } from '../../domain/tweet';
import { emptyTweetColumns } from '../columns';
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
  let i = 0;
  for (const r of demoTweetRows(o, archive.plan)) {
    const recLen = utf8Length(csvRecord(demoTweetFields(r))) - 1; // without the LF
    c.tweetid.push(r.tweetid);
    c.userid.push(r.account.userid);
    c.userScreenName.push(r.account.screenName);
    c.tweetLanguage.push(r.lang);
    c.tweetText.push(r.text);
    c.tweetTime[i] = r.minute;
    c.tweetClientName.push(r.client);
    c.inReplyToUserid.push(r.inReplyToUserid);
    c.inReplyToTweetid.push(r.inReplyToTweetid);
    c.quotedTweetTweetid.push(r.quotedTweetTweetid);
    c.isRetweet[i] = r.isRetweet ? 1 : 0;
    c.retweetUserid.push(r.retweetUserid);
    c.retweetTweetid.push(r.retweetTweetid);
    const rt = r.isRetweet && r.retweetUserid === '' ? /^RT @([^:\s]+):/.exec(r.text) : null;
    c.retweetScreenName.push(rt ? rt[1]! : '');
    c.latitude.push(r.latitude);
    c.longitude.push(r.longitude);
    c.quoteCount[i] = r.quoteCount ?? -1;
    c.replyCount[i] = r.replyCount ?? -1;
    c.likeCount[i] = r.likeCount ?? -1;
    c.retweetCount[i] = r.retweetCount ?? -1;
    c.hashtags.push(r.hashtags);
    c.urls.push(r.urls);
    c.userMentions.push(r.userMentions);
    c.pollChoices.push(r.pollChoices);
    c.fileSha256.push('');
    c.row[i] = i + 1;
    c.byteOffset[i] = offset;
    c.byteLength[i] = recLen;
    offset += recLen + 1;
    i++;
  }
  c.length = i;
  return { columns: c, groundTruth: archive.groundTruth };
}
