import type { TweetColumns } from '../../../shared/domain/tweet';
import { emptyTweetColumns } from '../../../shared/archive/columns';

/** A hand-written tweet for tests: only what a test needs, the rest empty. */
export interface HandTweet {
  id: string;
  user: string;
  /** 'YYYY-MM-DD HH:MM' UTC. */
  time: string;
  text?: string;
  lang?: string;
  retweetOf?: string;
  retweetUser?: string;
  retweetScreenName?: string;
  replyTo?: string;
  replyToUser?: string;
  quoted?: string;
  hashtags?: string[];
  urls?: string[];
  mentions?: string[];
  screenName?: string;
}

export const minuteOf = (time: string): number => Date.parse(time.replace(' ', 'T') + ':00Z') / 60_000;

export function handColumns(tweets: HandTweet[]): TweetColumns {
  const c = emptyTweetColumns(tweets.length);
  tweets.forEach((t, i) => {
    c.tweetid.push(t.id);
    c.userid.push(t.user);
    c.userScreenName.push(t.screenName ?? 'sn_' + t.user);
    c.tweetLanguage.push(t.lang ?? 'zh');
    c.tweetText.push(t.text ?? (t.retweetOf ? `RT @x: ${t.retweetOf}` : `text ${t.id}`));
    c.tweetTime[i] = minuteOf(t.time);
    c.tweetClientName.push('Twitter Web Client');
    c.inReplyToUserid.push(t.replyToUser ?? '');
    c.inReplyToTweetid.push(t.replyTo ?? '');
    c.quotedTweetTweetid.push(t.quoted ?? '');
    c.isRetweet[i] = t.retweetOf ? 1 : 0;
    c.retweetUserid.push(t.retweetUser ?? '');
    c.retweetTweetid.push(t.retweetOf ?? '');
    c.retweetScreenName.push(t.retweetScreenName ?? '');
    c.latitude.push('absent');
    c.longitude.push('absent');
    c.quoteCount[i] = c.replyCount[i] = c.likeCount[i] = c.retweetCount[i] = -1;
    c.hashtags.push(t.hashtags ?? []);
    c.urls.push(t.urls ?? []);
    c.userMentions.push(t.mentions ?? []);
    c.pollChoices.push([]);
    c.fileSha256.push('f'.repeat(64));
    c.row[i] = i + 1;
    c.byteOffset[i] = 0;
    c.byteLength[i] = 0;
  });
  c.length = tweets.length;
  return c;
}
