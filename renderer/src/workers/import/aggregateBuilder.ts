import type { Tweet } from '../../../../shared/domain/tweet';
import type { AccountActivity, ImportAggregates } from '../../store/schema';

/**
 * Builds one import's ImportAggregates in the same pass that packs tweets into blocks, so no view
 * ever rescans tweets for counts, rhythms, top lists or network edges.
 */
export class AggregateBuilder {
  readonly agg: ImportAggregates;
  /** tweetid → index into `authors`, for dedupe and to resolve quote edges to the quoted account. */
  private readonly tweetAuthor = new Map<string, number>();
  private readonly authors: string[] = [];
  private readonly authorIndex = new Map<string, number>();
  private readonly dayKey = new Map<number, string>();
  /** Quotes whose quoted tweet was not yet seen: resolved at the end against the whole import. */
  private readonly pendingQuotes: [string, string][] = [];

  constructor(importId: string, datasetId: string) {
    this.agg = {
      importId, datasetId, tweets: 0, retweets: 0, replies: 0, quotes: 0,
      tweetLanguages: {}, quarterHourCounts: {}, clientsByDay: {}, hashtags: {}, urlDomains: {},
      mentioned: {}, retweeted: {}, accountActivity: {},
      edges: { retweet: {}, mention: {}, reply: {}, quote: {} },
    };
  }

  /** Known tweet ids (of this import and of the dataset's committed imports). */
  has(tweetid: string): boolean {
    return this.tweetAuthor.has(tweetid);
  }

  /** Remember a tweet already stored in the dataset (dedupe + quote resolution only, not counted). */
  remember(tweetid: string, userid: string): void {
    this.tweetAuthor.set(tweetid, this.author(userid));
  }

  private author(userid: string): number {
    let i = this.authorIndex.get(userid);
    if (i === undefined) {
      i = this.authors.length;
      this.authors.push(userid);
      this.authorIndex.set(userid, i);
    }
    return i;
  }

  private day(tweetTime: number): string {
    const d = Math.floor(tweetTime / 1440);
    let key = this.dayKey.get(d);
    if (key === undefined) {
      key = new Date(d * 86_400_000).toISOString().slice(0, 10);
      this.dayKey.set(d, key);
    }
    return key;
  }

  add(t: Tweet, seq: number): void {
    const a = this.agg;
    const user = t.userid;
    this.tweetAuthor.set(t.tweetid, this.author(user));
    a.tweets++;
    const act = (a.accountActivity[user] ??= newActivity(t.tweetTime));
    act.tweets++;
    if (t.tweetTime < act.firstTweetTime) act.firstTweetTime = t.tweetTime;
    if (t.tweetTime > act.lastTweetTime) act.lastTweetTime = t.tweetTime;
    if (act.blocks[act.blocks.length - 1] !== seq) act.blocks.push(seq);
    inc(a.tweetLanguages, t.tweetLanguage);
    inc(act.languages, t.tweetLanguage);
    inc(a.quarterHourCounts, Math.floor(t.tweetTime / 15));
    inc((a.clientsByDay[this.day(t.tweetTime)] ??= {}), t.tweetClientName);
    inc(act.clients, t.tweetClientName);
    for (const h of t.hashtags) {
      inc(a.hashtags, h);
      inc(act.hashtags, h);
    }
    for (const u of t.urls) {
      const d = urlDomain(u);
      if (d) inc(a.urlDomains, d);
    }
    if (t.isRetweet) {
      a.retweets++;
      act.retweets++;
      const target = t.retweetUserid || (t.retweetScreenName ? '@' + t.retweetScreenName : '');
      if (target) {
        inc(a.retweeted, target);
        inc(a.edges.retweet, user + '\t' + target);
      }
    }
    if (t.inReplyToTweetid || t.inReplyToUserid) {
      a.replies++;
      act.replies++;
      if (t.inReplyToUserid) inc(a.edges.reply, user + '\t' + t.inReplyToUserid);
    }
    if (t.quotedTweetTweetid) {
      a.quotes++;
      act.quotes++;
      const q = this.tweetAuthor.get(t.quotedTweetTweetid);
      if (q !== undefined) inc(a.edges.quote, user + '\t' + this.authors[q]);
      else this.pendingQuotes.push([user, t.quotedTweetTweetid]);
    }
    for (const m of mentionsOf(t)) {
      if (m === user) continue;
      inc(a.mentioned, m);
      inc(a.edges.mention, user + '\t' + m);
    }
  }

  /** Quote edges whose quoted tweet came later in the import; quotes of tweets outside the dataset stay unresolved. */
  finish(): ImportAggregates {
    for (const [user, quoted] of this.pendingQuotes) {
      const q = this.tweetAuthor.get(quoted);
      if (q !== undefined) inc(this.agg.edges.quote, user + '\t' + this.authors[q]);
    }
    this.pendingQuotes.length = 0;
    return this.agg;
  }
}

function newActivity(time: number): AccountActivity {
  return { tweets: 0, retweets: 0, replies: 0, quotes: 0, firstTweetTime: time, lastTweetTime: time, clients: {}, languages: {}, hashtags: {}, blocks: [] };
}

function inc<K extends string | number>(r: Record<K, number>, k: K): void {
  r[k] = (r[k] ?? 0) + 1;
}

/** Host of a URL, lower-cased, without "www."; '' when it has none. Hand-rolled: URL() per row is slow and throws. */
export function urlDomain(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@\s]+)/i.exec(url.trim());
  if (!m) return '';
  const host = m[1]!.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * Mentioned accounts: the archive's user_mentions ids ('0' = unresolved, skipped); when the list
 * is empty, the @names in the text (without the retweeted "RT @name:"), as '@name'.
 */
export function mentionsOf(t: Tweet): string[] {
  const ids = t.userMentions.filter((m) => m && m !== '0');
  if (ids.length || t.userMentions.length) return [...new Set(ids)];
  if (!t.tweetText.includes('@')) return [];
  let text = t.tweetText;
  if (t.isRetweet) text = text.replace(/^RT @[^\s:]+:?/, '');
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^\w@])@([A-Za-z0-9_]{1,15}\b|[A-Za-z0-9+]{37,43}=)/g)) out.add('@' + m[1]);
  return [...out];
}
