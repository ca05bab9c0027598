import type { Tweet } from '../../../../shared/domain/tweet';
import { unpackStrings, type PackedStrings, type StoredTweetColumns } from '../../store/tweetBlockCodec';
import { ownString } from '../../../../shared/archive/ownString';
import { EDGE_KINDS } from '../../store/read/edgeColumns';
import { Dict } from '../../../../shared/archive/dict';
import { PairCounter } from './pairCounter';
import type { QuotePairs } from './tweetAuthors';
import type { AccountActivity, EdgeColumns, EdgeKind, ImportAggregates, ImportEdges } from '../../store/schema';

/**
 * Builds one import's ImportAggregates in the same pass that packs tweets into blocks, so no view
 * ever rescans tweets for counts, rhythms, top lists or network edges. Counting happens in Maps
 * (objects with 100k+ keys are slow to grow); they become the stored record once, in finish().
 */
export class AggregateBuilder {
  private tweets = 0;
  private retweets = 0;
  private replies = 0;
  private quotes = 0;
  private readonly languages = new Map<string, number>();
  private readonly quarterHours = new Map<number, number>();
  /** UTC day index → client → count. */
  private readonly clientsByDay = new Map<number, Map<string, number>>();
  private readonly hashtags = new Map<string, number>();
  private readonly urlDomains = new Map<string, number>();
  private readonly mentioned = new Map<string, number>();
  private readonly retweeted = new Map<string, number>();
  /** kind → (source author, target author) → count. */
  private readonly edges: Record<EdgeKind, PairCounter> = { retweet: new PairCounter(), mention: new PairCounter(), reply: new PairCounter(), quote: new PairCounter() };
  /** Per author index (see `authors`); undefined for accounts that only receive edges. */
  private readonly activity: (AccountActivity | undefined)[] = [];
  /** Every account id seen. */
  private readonly authors = new Dict();

  constructor(private readonly importId: string, private readonly datasetId: string) {}

  private edge(kind: EdgeKind, source: number, target: string): void {
    this.edges[kind].add(source, this.authors.code(target));
  }

  /**
   * Every row of a stored (encoded) block, read from its codes: each block dictionary value is looked
   * up once, not once per row, and no row's strings are decoded (only a text searched for @names).
   */
  addBlock(c: StoredTweetColumns, seq: number): void {
    const users = this.authorCodes(c.userid.values);
    const languages = unpackStrings(c.tweetLanguage.values);
    const clients = unpackStrings(c.tweetClientName.values);
    const hashtags = unpackStrings(c.hashtags.values);
    const domains = unpackStrings(c.urls.values).map(urlDomain);
    const mentions = unpackStrings(c.userMentions.values);
    const retweetUserids = unpackStrings(c.retweetUserid.values);
    const retweetScreenNames = unpackStrings(c.retweetScreenName.values);
    const replyUserids = unpackStrings(c.inReplyToUserid.values);
    const text = c.tweetText;
    let nextAt = text.joined.indexOf('@'); // in the block's text, at or after the current row; -1: none left
    const rowMentions: string[] = [];
    for (let i = 0; i < c.length; i++) {
      const u = users[c.userid.codes[i]!]!;
      const time = c.tweetTime[i]!;
      this.tweets++;
      let act = this.activity[u];
      if (!act) this.activity[u] = act = newActivity(time);
      act.tweets++;
      if (time < act.firstTweetTime) act.firstTweetTime = time;
      if (time > act.lastTweetTime) act.lastTweetTime = time;
      if (act.blocks[act.blocks.length - 1] !== seq) act.blocks.push(seq);
      const language = languages[c.tweetLanguage.codes[i]!]!;
      inc(this.languages, language);
      incRecord(act.languages, language);
      inc(this.quarterHours, Math.floor(time / 15));
      const day = Math.floor(time / 1440);
      let byClient = this.clientsByDay.get(day);
      if (!byClient) this.clientsByDay.set(day, (byClient = new Map()));
      const client = clients[c.tweetClientName.codes[i]!]!;
      inc(byClient, client);
      incRecord(act.clients, client);
      for (let k = c.hashtags.starts[i]!; k < c.hashtags.starts[i + 1]!; k++) {
        const h = hashtags[c.hashtags.codes[k]!]!;
        inc(this.hashtags, h);
        incRecord(act.hashtags, h);
      }
      for (let k = c.urls.starts[i]!; k < c.urls.starts[i + 1]!; k++) {
        const d = domains[c.urls.codes[k]!]!;
        if (d) inc(this.urlDomains, d);
      }
      const isRetweet = c.isRetweet[i] === 1;
      if (isRetweet) {
        this.retweets++;
        act.retweets++;
        const userid = retweetUserids[c.retweetUserid.codes[i]!]!;
        const screenName = userid ? '' : retweetScreenNames[c.retweetScreenName.codes[i]!]!;
        const target = userid || (screenName ? '@' + screenName : '');
        if (target) {
          inc(this.retweeted, target);
          this.edge('retweet', u, target);
        }
      }
      const replyUserid = replyUserids[c.inReplyToUserid.codes[i]!]!;
      if (replyUserid || !isEmpty(c.inReplyToTweetid, i)) {
        this.replies++;
        act.replies++;
        if (replyUserid) this.edge('reply', u, replyUserid);
      }
      if (!isEmpty(c.quotedTweetTweetid, i)) {
        // The edge comes from the import worker, which knows every tweet's author (addQuotes).
        this.quotes++;
        act.quotes++;
      }
      rowMentions.length = 0;
      for (let k = c.userMentions.starts[i]!; k < c.userMentions.starts[i + 1]!; k++) rowMentions.push(mentions[c.userMentions.codes[k]!]!);
      if (rowMentions.length) this.addMentions(u, mentionsOf({ userMentions: rowMentions, tweetText: '', isRetweet }));
      else if (nextAt >= 0) {
        // Only a row whose text holds an '@' is sliced from the block.
        const from = i ? text.ends[i - 1]! : 0;
        if (nextAt < from) nextAt = text.joined.indexOf('@', from);
        if (nextAt >= 0 && nextAt < text.ends[i]!) this.addMentions(u, mentionsOf({ userMentions: NO_MENTIONS, tweetText: text.joined.slice(from, text.ends[i]), isRetweet }));
      }
    }
  }

  private addMentions(u: number, mentions: readonly string[]): void {
    const user = this.authors.values[u]!;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      if (m === user || mentions.indexOf(m) !== i) continue;
      inc(this.mentioned, m);
      this.edge('mention', u, m);
    }
  }

  /** Import-wide author codes of a block's account dictionary. */
  private authorCodes(values: PackedStrings): Int32Array {
    return Int32Array.from(unpackStrings(values), (v) => this.authors.code(v));
  }

  /** The quote edges, resolved to the quoted tweets' authors by the import worker (TweetAuthors). */
  addQuotes(q: QuotePairs): void {
    for (let i = 0; i < q.pairs.length; i += 2) this.edge('quote', this.authors.code(q.authors[q.pairs[i]!]!), q.authors[q.pairs[i + 1]!]!);
  }

  /** The stored record. */
  finish(): ImportAggregates {
    const clientsByDay: Record<string, Record<string, number>> = {};
    for (const [day, clients] of this.clientsByDay) clientsByDay[new Date(day * 86_400_000).toISOString().slice(0, 10)] = Object.fromEntries(clients);
    // Edge columns index straight into `authors` (the interned ids), so no pair string is ever built.
    const edges = { accounts: this.authors.values } as ImportEdges;
    for (const kind of EDGE_KINDS) {
      const pairs = this.edges[kind];
      const c: EdgeColumns = { source: new Int32Array(pairs.size), target: new Int32Array(pairs.size), weight: new Int32Array(pairs.size) };
      let i = 0;
      pairs.forEach((source, target, w) => {
        c.source[i] = source;
        c.target[i] = target;
        c.weight[i++] = w;
      });
      edges[kind] = c;
    }
    const accountActivity: Record<string, AccountActivity> = {};
    this.activity.forEach((act, u) => {
      if (act) accountActivity[this.authors.values[u]!] = act;
    });
    return {
      importId: this.importId,
      datasetId: this.datasetId,
      tweets: this.tweets,
      retweets: this.retweets,
      replies: this.replies,
      quotes: this.quotes,
      tweetLanguages: Object.fromEntries(this.languages),
      quarterHourCounts: Object.fromEntries(this.quarterHours) as Record<number, number>,
      clientsByDay,
      hashtags: Object.fromEntries(this.hashtags),
      urlDomains: Object.fromEntries(this.urlDomains),
      mentioned: Object.fromEntries(this.mentioned),
      retweeted: Object.fromEntries(this.retweeted),
      accountActivity,
      edges,
    };
  }
}

function newActivity(time: number): AccountActivity {
  return { tweets: 0, retweets: 0, replies: 0, quotes: 0, firstTweetTime: time, lastTweetTime: time, clients: {}, languages: {}, hashtags: {}, blocks: [] };
}

/** New keys are copied (ownString): a counter must not keep a whole CSV record alive. */
function inc<K>(m: Map<K, number>, k: K): void {
  const n = m.get(k);
  if (n === undefined) m.set(typeof k === 'string' ? (ownString(k) as K) : k, 1);
  else m.set(k, n + 1);
}

/** Per-account records stay small (a few clients, languages, hashtags): plain objects are fine. */
function incRecord(r: Record<string, number>, k: string): void {
  const n = r[k];
  if (n === undefined) r[ownString(k)] = 1;
  else r[k] = n + 1;
}

/** Host of a URL, lower-cased, without "www."; '' when it has none. Hand-rolled: URL() per row is slow and throws. */
export function urlDomain(url: string): string {
  const s = url.indexOf('://');
  if (s <= 0) return '';
  let e = s + 3;
  while (e < url.length) {
    const c = url.charCodeAt(e);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 58 /* : */ || c <= 32) break;
    e++;
  }
  const host = url.slice(s + 3, e).toLowerCase();
  const at = host.lastIndexOf('@');
  const h = at >= 0 ? host.slice(at + 1) : host;
  return h.startsWith('www.') ? h.slice(4) : h;
}

/** Whether row i of a packed column is the empty string. */
const isEmpty = (p: PackedStrings, i: number) => p.ends[i] === (i ? p.ends[i - 1] : 0);

const NO_MENTIONS: string[] = [];
// Hashed screen names (2019+: base64 ending '=') first, else the '+' would end a plain @name.
const TEXT_MENTION = /(?:^|[^\w@])@([A-Za-z0-9+]{37,43}=|[A-Za-z0-9_]{1,15}\b)/g;

/**
 * Mentioned accounts (may repeat): the archive's user_mentions ids ('0' = unresolved, skipped);
 * when the list is empty, the @names in the text (without a retweet's "RT @name:"), as '@name'.
 */
export function mentionsOf(t: Pick<Tweet, 'userMentions' | 'tweetText' | 'isRetweet'>): string[] {
  const um = t.userMentions;
  if (um.length) return um.includes('0') || um.includes('') ? um.filter((m) => m && m !== '0') : um;
  if (!t.tweetText.includes('@')) return NO_MENTIONS;
  let text = t.tweetText;
  if (t.isRetweet) text = text.replace(/^RT @[^\s:]+:?/, '');
  if (!text.includes('@')) return NO_MENTIONS;
  return Array.from(text.matchAll(TEXT_MENTION), (m) => '@' + m[1]);
}
