import { TWITTER_TWEET_COLUMNS } from '../../../shared/archive/detectFormat';
import { quoteAll } from './helpers';

export type TweetFields = Partial<Record<(typeof TWITTER_TWEET_COLUMNS)[number], string>>;

/** A faithful 2019+ tweet row (every field quoted), with overrides. */
export function tweetRow(over: TweetFields = {}, columns: readonly string[] = TWITTER_TWEET_COLUMNS): string {
  const base: TweetFields = {
    tweetid: '1148217422006640640', userid: '747292706536226816', user_display_name: '牛小牛', user_screen_name: 'gurevadona88',
    user_reported_location: '', user_profile_description: 'line one\nline two', user_profile_url: '', follower_count: '23949',
    following_count: '52', account_creation_date: '2016-06-27', account_language: 'zh-CN', tweet_language: 'zh',
    tweet_text: '香港 "quoted" text', tweet_time: '2019-06-18 12:06', tweet_client_name: 'Twitter Web Client',
    in_reply_to_userid: '', in_reply_to_tweetid: '', quoted_tweet_tweetid: '', is_retweet: 'False', retweet_userid: '',
    retweet_tweetid: '', latitude: 'absent', longitude: 'absent', quote_count: '0', reply_count: '1', like_count: '2',
    retweet_count: '3', hashtags: "['金鐘', '外國勢力']", urls: "['http://goo.gl/32K38q']", user_mentions: '[443196382, 12]',
    poll_choices: '',
  };
  const v = { ...base, ...over } as Record<string, string>;
  return quoteAll(columns.map((c) => v[c] ?? ''));
}

export const tweetHeader = (columns: readonly string[] = TWITTER_TWEET_COLUMNS): string => quoteAll([...columns]);
