import { unpackStrings, type PackedStrings, type StoredTweetColumns } from '../../store/tweetBlockCodec';
import { EDGE_KINDS } from '../../store/read/edgeColumns';
import { Dict } from '../../../../shared/archive/dict';
import { AuthorActivity } from './authorActivity';
import { PairCounter } from './pairCounter';
import { LINK_KINDS, type LinkPairs } from './tweetAuthors';
import type { AccountActivity, EdgeColumns, EdgeKind, ImportAggregates, ImportEdges } from '../../store/schema';
import { tweetTargets, type TweetTargets } from '../../store/tweetTargets';

/**
 * Builds one import's ImportAggregates in the same pass that packs tweets into blocks, so no view
 * ever rescans tweets for counts, rhythms, top lists or network edges. Strings are counted by code
 * (tallies, and typed-array pair counters off the GC heap); they become the stored record's objects
 * once, in finish().
 */
export class AggregateBuilder {
  private tweets = 0;
  private retweets = 0;
  private replies = 0;
  private quotes = 0;
  private readonly languages = new Tally();
  private readonly clients = new Tally();
  private readonly hashtags = new Tally();
  private readonly urlDomains = new Tally();
  private readonly quarterHours = new Map<number, number>();
  /** (UTC day index, client code) → count. */
  private readonly clientsByDay = new PairCounter();
  /** Per author code: how often mentioned, retweeted. */
  private readonly mentioned: number[] = [];
  private readonly retweeted: number[] = [];
  /** kind → (source author, target author) → count. */
  private readonly edges: Record<EdgeKind, PairCounter> = { retweet: new PairCounter(), mention: new PairCounter(), reply: new PairCounter(), quote: new PairCounter() };
  /** (author, code) → count, per account: its languages, clients and hashtags (typed arrays, off the GC heap, which the writer collects often). */
  private readonly accountLanguages = new PairCounter();
  private readonly accountClients = new PairCounter();
  private readonly accountHashtags = new PairCounter();
  /** Per author code (accounts that only receive edges have none). */
  private readonly activity = new AuthorActivity();
  /** Every account id seen: the codes above and in the edges. */
  private readonly authors = new Dict();

  constructor(private readonly importId: string, private readonly datasetId: string) {}

  /**
   * Every row of a stored (encoded) block, read from its codes: each block dictionary value is looked
   * up once, not once per row, and no row's strings are decoded. Retweeted and mentioned accounts and
   * URL domains come from the block's targets (tweetTargets: the rule the search records store too).
   */
  addBlock(c: StoredTweetColumns, seq: number, targets: TweetTargets = tweetTargets(c)): void {
    // Import-wide codes of each block dictionary value; -1 for none.
    const authorCode = (v: string) => (v === '' ? -1 : this.authors.code(v));
    const users = codesOf(c.userid.values, (v) => this.authors.code(v));
    const languages = codesOf(c.tweetLanguage.values, (v) => this.languages.code(v));
    const clients = codesOf(c.tweetClientName.values, (v) => this.clients.code(v));
    const hashtags = codesOf(c.hashtags.values, (v) => this.hashtags.code(v));
    const accounts = codesOf(targets.accounts, (v) => this.authors.code(v));
    const domains = codesOf(targets.domains, (d) => this.urlDomains.code(d));
    const replyUsers = codesOf(c.inReplyToUserid.values, authorCode);
    for (let i = 0; i < c.length; i++) {
      const u = users[c.userid.codes[i]!]!;
      const time = c.tweetTime[i]!;
      this.tweets++;
      this.activity.tweet(u, time, seq);
      const language = languages[c.tweetLanguage.codes[i]!]!;
      this.languages.counts[language]!++;
      this.accountLanguages.add(u, language);
      const quarter = Math.floor(time / 15);
      this.quarterHours.set(quarter, (this.quarterHours.get(quarter) ?? 0) + 1);
      const client = clients[c.tweetClientName.codes[i]!]!;
      this.clients.counts[client]!++;
      this.clientsByDay.add(Math.floor(time / 1440), client);
      this.accountClients.add(u, client);
      for (let k = c.hashtags.starts[i]!; k < c.hashtags.starts[i + 1]!; k++) {
        const h = hashtags[c.hashtags.codes[k]!]!;
        this.hashtags.counts[h]!++;
        this.accountHashtags.add(u, h);
      }
      for (let k = targets.urlStarts[i]!; k < targets.urlStarts[i + 1]!; k++) this.urlDomains.counts[domains[targets.urlDomain[k]!]!]!++;
      if (c.isRetweet[i] === 1) {
        this.retweets++;
        this.activity.retweet(u);
        const r = targets.retweet[i]!;
        if (r >= 0) {
          const target = accounts[r]!;
          bump(this.retweeted, target);
          this.edges.retweet.add(u, target);
        }
      }
      const replyUser = replyUsers[c.inReplyToUserid.codes[i]!]!;
      if (replyUser >= 0 || !isEmpty(c.inReplyToTweetid, i)) {
        this.replies++;
        this.activity.reply(u);
        // A reply naming only the replied-to tweet: its edge comes from the import worker (addLinks), as a quote's.
        if (replyUser >= 0) this.edges.reply.add(u, replyUser);
      }
      if (!isEmpty(c.quotedTweetTweetid, i)) {
        // The edge comes from the import worker, which knows every tweet's author (addLinks).
        this.quotes++;
        this.activity.quote(u);
      }
      for (let k = targets.mentionStarts[i]!; k < targets.mentionStarts[i + 1]!; k++) {
        const m = accounts[targets.mention[k]!]!;
        bump(this.mentioned, m);
        this.edges.mention.add(u, m);
      }
    }
  }

  /** The quote edges, and those of replies naming only the replied-to tweet: resolved to the linked tweets' authors by the import worker (TweetAuthors). */
  addLinks(l: LinkPairs): void {
    for (const kind of LINK_KINDS) {
      const p = l.pairs[kind];
      for (let i = 0; i < p.length; i += 2) this.edges[kind].add(this.authors.code(l.authors[p[i]!]!), this.authors.code(l.authors[p[i + 1]!]!));
    }
  }

  /** The stored record. */
  finish(): ImportAggregates {
    const clientsByDay: Record<string, Record<string, number>> = {};
    this.clientsByDay.forEach((day, client, n) => {
      (clientsByDay[new Date(day * 86_400_000).toISOString().slice(0, 10)] ??= {})[this.clients.dict.values[client]!] = n;
    });
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
    const perAccount: AccountActivity[] = [];
    this.activity.forEach((u, act) => {
      accountActivity[this.authors.values[u]!] = perAccount[u] = { ...act, clients: {}, languages: {}, hashtags: {} };
    });
    this.accountLanguages.forEach((u, code, n) => (perAccount[u]!.languages[this.languages.dict.values[code]!] = n));
    this.accountClients.forEach((u, code, n) => (perAccount[u]!.clients[this.clients.dict.values[code]!] = n));
    this.accountHashtags.forEach((u, code, n) => (perAccount[u]!.hashtags[this.hashtags.dict.values[code]!] = n));
    const domains = this.urlDomains.record();
    delete domains['']; // URLs without a host
    return {
      importId: this.importId,
      datasetId: this.datasetId,
      tweets: this.tweets,
      retweets: this.retweets,
      replies: this.replies,
      quotes: this.quotes,
      tweetLanguages: this.languages.record(),
      quarterHourCounts: Object.fromEntries(this.quarterHours) as Record<number, number>,
      clientsByDay,
      hashtags: this.hashtags.record(),
      urlDomains: domains,
      mentioned: countsRecord(this.mentioned, this.authors.values),
      retweeted: countsRecord(this.retweeted, this.authors.values),
      accountActivity,
      edges,
    };
  }
}

/** Counts of strings by dictionary code. */
class Tally {
  readonly dict = new Dict();
  readonly counts: number[] = [];

  code(value: string): number {
    const c = this.dict.code(value);
    if (c === this.counts.length) this.counts.push(0);
    return c;
  }

  record(): Record<string, number> {
    return countsRecord(this.counts, this.dict.values);
  }
}

/** value → count for the non-zero counts, indexed by code into `values`. */
function countsRecord(counts: readonly number[], values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  counts.forEach((n, code) => {
    if (n) out[values[code]!] = n;
  });
  return out;
}

/** A block dictionary's values, each mapped to a code by `code`. */
const codesOf = (values: PackedStrings, code: (value: string) => number): Int32Array => Int32Array.from(unpackStrings(values), code);

function bump(counts: number[], i: number): void {
  while (counts.length <= i) counts.push(0);
  counts[i]!++;
}

/** Whether row i of a packed column is the empty string. */
const isEmpty = (p: PackedStrings, i: number) => p.ends[i] === (i ? p.ends[i - 1] : 0);

