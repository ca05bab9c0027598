import type { Tweet, TweetColumns } from '../domain/tweet';

/** Columnar blocks of tweets (TweetColumns): growable while filling, exact-length when built from an array. */

export function emptyTweetColumns(capacity = 0): TweetColumns {
  return {
    length: 0,
    tweetid: [], userid: [], userScreenName: [], tweetLanguage: [], tweetText: [],
    tweetTime: new Int32Array(capacity),
    tweetClientName: [], inReplyToUserid: [], inReplyToTweetid: [], quotedTweetTweetid: [],
    isRetweet: new Uint8Array(capacity),
    retweetUserid: [], retweetTweetid: [], retweetScreenName: [], latitude: [], longitude: [],
    quoteCount: new Int32Array(capacity), replyCount: new Int32Array(capacity),
    likeCount: new Int32Array(capacity), retweetCount: new Int32Array(capacity),
    hashtags: [], urls: [], userMentions: [], pollChoices: [],
    fileSha256: [],
    row: new Int32Array(capacity),
    byteOffset: new Float64Array(capacity),
    byteLength: new Int32Array(capacity),
  };
}

type TypedKey = 'tweetTime' | 'isRetweet' | 'quoteCount' | 'replyCount' | 'likeCount' | 'retweetCount' | 'row' | 'byteOffset' | 'byteLength';
const TYPED: TypedKey[] = ['tweetTime', 'isRetweet', 'quoteCount', 'replyCount', 'likeCount', 'retweetCount', 'row', 'byteOffset', 'byteLength'];

/** Double the typed arrays when full (amortised O(1) push). */
function ensureCapacity(cols: TweetColumns, needed: number): void {
  if (cols.tweetTime.length >= needed) return;
  const cap = Math.max(needed, cols.tweetTime.length * 2, 64);
  for (const k of TYPED) {
    const old = cols[k];
    const next = new (old.constructor as { new (n: number): typeof old })(cap);
    next.set(old as never);
    (cols as unknown as Record<TypedKey, typeof old>)[k] = next;
  }
}

const count = (n: number | null) => (n === null ? -1 : n);

export function pushTweet(cols: TweetColumns, t: Tweet): void {
  const i = cols.length;
  ensureCapacity(cols, i + 1);
  cols.tweetid.push(t.tweetid);
  cols.userid.push(t.userid);
  cols.userScreenName.push(t.userScreenName);
  cols.tweetLanguage.push(t.tweetLanguage);
  cols.tweetText.push(t.tweetText);
  cols.tweetTime[i] = t.tweetTime;
  cols.tweetClientName.push(t.tweetClientName);
  cols.inReplyToUserid.push(t.inReplyToUserid);
  cols.inReplyToTweetid.push(t.inReplyToTweetid);
  cols.quotedTweetTweetid.push(t.quotedTweetTweetid);
  cols.isRetweet[i] = t.isRetweet ? 1 : 0;
  cols.retweetUserid.push(t.retweetUserid);
  cols.retweetTweetid.push(t.retweetTweetid);
  cols.retweetScreenName.push(t.retweetScreenName);
  cols.latitude.push(t.latitude);
  cols.longitude.push(t.longitude);
  cols.quoteCount[i] = count(t.quoteCount);
  cols.replyCount[i] = count(t.replyCount);
  cols.likeCount[i] = count(t.likeCount);
  cols.retweetCount[i] = count(t.retweetCount);
  cols.hashtags.push(t.hashtags);
  cols.urls.push(t.urls);
  cols.userMentions.push(t.userMentions);
  cols.pollChoices.push(t.pollChoices);
  cols.fileSha256.push(t.provenance.fileSha256);
  cols.row[i] = t.provenance.row;
  cols.byteOffset[i] = t.provenance.byteOffset;
  cols.byteLength[i] = t.provenance.byteLength;
  cols.length = i + 1;
}

/** Row i as a Tweet again (pushTweet's inverse): every archived field, as pinned evidence quotes it. Columns hold no display name: pass the account's. */
export function tweetAt(cols: TweetColumns, i: number, userDisplayName = ''): Tweet {
  const orNull = (n: number) => (n < 0 ? null : n);
  return {
    tweetid: cols.tweetid[i]!, userid: cols.userid[i]!, userScreenName: cols.userScreenName[i]!, userDisplayName,
    tweetLanguage: cols.tweetLanguage[i]!, tweetText: cols.tweetText[i]!, tweetTime: cols.tweetTime[i]!, tweetClientName: cols.tweetClientName[i]!,
    inReplyToUserid: cols.inReplyToUserid[i]!, inReplyToTweetid: cols.inReplyToTweetid[i]!, quotedTweetTweetid: cols.quotedTweetTweetid[i]!,
    isRetweet: cols.isRetweet[i] === 1, retweetUserid: cols.retweetUserid[i]!, retweetTweetid: cols.retweetTweetid[i]!,
    retweetScreenName: cols.retweetScreenName[i]!, latitude: cols.latitude[i]!, longitude: cols.longitude[i]!,
    quoteCount: orNull(cols.quoteCount[i]!), replyCount: orNull(cols.replyCount[i]!), likeCount: orNull(cols.likeCount[i]!), retweetCount: orNull(cols.retweetCount[i]!),
    hashtags: cols.hashtags[i]!, urls: cols.urls[i]!, userMentions: cols.userMentions[i]!, pollChoices: cols.pollChoices[i]!,
    provenance: { fileSha256: cols.fileSha256[i]!, row: cols.row[i]!, byteOffset: cols.byteOffset[i]!, byteLength: cols.byteLength[i]! },
  };
}

/** Trim typed arrays to `length` (after pushing), so a block stores no slack. */
export function trimTweetColumns(cols: TweetColumns): TweetColumns {
  if (cols.tweetTime.length === cols.length) return cols;
  for (const k of TYPED) (cols as unknown as Record<TypedKey, Int32Array>)[k] = cols[k].slice(0, cols.length) as Int32Array;
  return cols;
}

export function tweetColumnsFrom(tweets: Tweet[]): TweetColumns {
  const cols = emptyTweetColumns(tweets.length);
  for (const t of tweets) pushTweet(cols, t);
  return trimTweetColumns(cols);
}
