import { textMentions } from '../../../shared/domain/mentions';
import { resolvedId } from '../../../shared/domain/ids';
import { caselessName } from '../../../shared/domain/screenNames';
import { urlDomain } from '../../../shared/domain/urlDomain';
import { Coder, packStrings, unpackStrings, type PackedStrings, type StoredTweetColumns } from './tweetBlockCodec';

/**
 * Whom each tweet of a block retweets and mentions, and the domains of the URLs it links: the one
 * rule the import's aggregates (AggregateBuilder) and the Overview's time-filtered panels
 * (rangeFacets, from the search records, which store it) count by. An account is a key as the
 * aggregates count it: a userid, or '@name' for one known only by its screen name, which readers
 * credit to an archived account when one has that name (resolveScreenNames, creditedKey).
 */
export interface TweetTargets {
  /** The block's account keys, each once. */
  accounts: PackedStrings;
  /** Row i's retweeted account, an index into accounts; -1: none (not a retweet, or no account named). */
  retweet: Int32Array;
  /** Row i's mentioned accounts, each once and never its author: mention[mentionStarts[i] .. mentionStarts[i + 1]). */
  mentionStarts: Int32Array;
  mention: Int32Array;
  /** The block's URL domains, each once ('' for a URL without a host). */
  domains: PackedStrings;
  /** Row i's URLs' domains, one per URL (indexes into domains), from urlStarts[i] to urlStarts[i + 1]. */
  urlStarts: Int32Array;
  urlDomain: Int32Array;
}

/** The account a target key counts for: a '@name' credited to the archived account `attribute` names, else the key itself. */
export const creditedKey = (key: string, attribute: (name: string) => string | undefined): string =>
  key.charCodeAt(0) === 0x40 ? attribute(key.slice(1)) ?? key : key;

/** Targets whose codes index another dictionary (the search corpus's, across blocks). */
export type TargetCodes = Omit<TweetTargets, 'accounts' | 'domains'>;

export function tweetTargets(c: StoredTweetColumns): TweetTargets {
  const accounts = new Coder();
  const domains = new Coder();
  const key = (v: string) => (v === '' ? -1 : accounts.code(v));
  const userids = unpackStrings(c.userid.values);
  const ownNames = unpackStrings(c.userScreenName.values);
  // '0' (unresolved) names no account: the retweet's @name is read instead.
  const retweetIds = unpackStrings(c.retweetUserid.values).map((v) => (resolvedId(v) ? accounts.code(v) : -1));
  const retweetNames = unpackStrings(c.retweetScreenName.values).map((n) => key(n && '@' + n));
  // user_mentions items: '0' (unresolved) names no account.
  const listed = unpackStrings(c.userMentions.values).map((m) => (resolvedId(m) ? accounts.code(m) : -1));
  const domainOf = unpackStrings(c.urls.values).map((u) => domains.code(urlDomain(u)));

  const n = c.length;
  const retweet = new Int32Array(n).fill(-1);
  const mentionStarts = new Int32Array(n + 1);
  const mention: number[] = [];
  const text = c.tweetText;
  let nextAt = text.joined.indexOf('@'); // in the block's text, at or after the current row; -1: none left
  for (let i = 0; i < n; i++) {
    const isRetweet = c.isRetweet[i] === 1;
    if (isRetweet) {
      const byId = retweetIds[c.retweetUserid.codes[i]!]!;
      retweet[i] = byId >= 0 ? byId : retweetNames[c.retweetScreenName.codes[i]!]!;
    }
    // Mentioned accounts: the row's user_mentions ids, else the @names in its text (mentionsOf).
    const first = (mentionStarts[i] = mention.length);
    const author = userids[c.userid.codes[i]!]!;
    const add = (m: number) => {
      if (accounts.values[m] !== author && mention.indexOf(m, first) < 0) mention.push(m);
    };
    const from = c.userMentions.starts[i]!;
    const to = c.userMentions.starts[i + 1]!;
    for (let k = from; k < to; k++) {
      const m = listed[c.userMentions.codes[k]!]!;
      if (m >= 0) add(m);
    }
    if (to === from && nextAt >= 0) {
      // Only a row whose text holds an '@' is sliced from the block.
      const start = i ? text.ends[i - 1]! : 0;
      if (nextAt < start) nextAt = text.joined.indexOf('@', start);
      if (nextAt >= 0 && nextAt < text.ends[i]!) {
        // Names differing only in case are one mention, under the first spelling, and the author's own
        // name as the author spells it is none; the readers credit '@name' by ScreenNames.attribute
        // (exact case first), as the mention network does with the same per-tweet rule (interactionNetwork.ts).
        // Another spelling of the author's own name (@newsagency by NewsAgency) is kept as '@name': it
        // is another account's if the dataset has one spelled so exactly, which a later import may add,
        // so the readers decide with every account known, and drop it if it names the author
        // (resolveScreenNames), as the Mention network drops it. An ambiguous spelling (@NEWSAGENCY)
        // goes, as every ambiguous name does, to the lowest id: none if that is the author's.
        const own = ownNames[c.userScreenName.codes[i]!];
        const named = new Set<string>();
        for (const name of textMentions(text.joined.slice(start, text.ends[i]), isRetweet)) {
          const caseless = caselessName(name);
          if (name !== own && !named.has(caseless)) {
            named.add(caseless);
            add(accounts.code('@' + name));
          }
        }
      }
    }
  }
  mentionStarts[n] = mention.length;
  return {
    accounts: packStrings(accounts.values), retweet, mentionStarts, mention: Int32Array.from(mention),
    domains: packStrings(domains.values), urlStarts: c.urls.starts, urlDomain: Int32Array.from(c.urls.codes, (k) => domainOf[k]!),
  };
}
