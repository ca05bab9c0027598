/** Serialisation rules of Twitter IO archives (2019+): every field quoted, quotes doubled, LF. */

export const USERS_COLUMNS = [
  'userid', 'user_display_name', 'user_screen_name', 'user_reported_location',
  'user_profile_description', 'user_profile_url', 'follower_count', 'following_count',
  'account_creation_date', 'account_language',
] as const;

/** 31 columns in the 2019+ order (in_reply_to_userid before in_reply_to_tweetid). */
export const TWEETS_COLUMNS = [
  'tweetid', 'userid', 'user_display_name', 'user_screen_name', 'user_reported_location',
  'user_profile_description', 'user_profile_url', 'follower_count', 'following_count',
  'account_creation_date', 'account_language', 'tweet_language', 'tweet_text', 'tweet_time',
  'tweet_client_name', 'in_reply_to_userid', 'in_reply_to_tweetid', 'quoted_tweet_tweetid',
  'is_retweet', 'retweet_userid', 'retweet_tweetid', 'latitude', 'longitude', 'quote_count',
  'reply_count', 'like_count', 'retweet_count', 'hashtags', 'urls', 'user_mentions', 'poll_choices',
] as const;

export function quoteField(value: string): string {
  return '"' + value.replace(/"/g, '""') + '"';
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(quoteField).join(',') + '\n';
}

/** Python repr of a list of strings, as the 2019+ archives print it: ['金鐘', '外國勢力']. */
export function pythonStringList(items: readonly string[]): string {
  return '[' + items.map((s) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'").join(', ') + ']';
}

/** Python repr of a list of numeric ids, unquoted: [443196382, 12]. Ids stay strings here. */
export function pythonIdList(ids: readonly string[]): string {
  return '[' + ids.join(', ') + ']';
}

/** UTC minutes since the epoch -> 'YYYY-MM-DD HH:MM' as archived. */
export function formatMinute(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatDay(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 10);
}

export function parseDayToMinute(day: string): number {
  return Math.floor(Date.parse(day + 'T00:00:00Z') / 60_000);
}

/** UTF-8 byte length without allocating (for provenance byte offsets of in-memory demo rows). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
