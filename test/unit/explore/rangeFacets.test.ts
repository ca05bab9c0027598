import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { tweetAt, tweetColumnsFrom } from '../../../shared/archive/columns';
import { ScreenNames } from '../../../shared/domain/screenNames';
import type { Tweet, TweetColumns } from '../../../shared/domain/tweet';
import { encodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';
import { intoOneBuffer } from '../../../renderer/src/store/oneBuffer';
import { adoptFilterBlock, filterDicts, storedFilterBlock } from '../../../renderer/src/search/searchFilterColumns';
import { rangeFacets } from '../../../renderer/src/search/searchFacets';
import { compileQuery } from '../../../renderer/src/search/searchScan';
import type { SearchFilters } from '../../../renderer/src/search/searchQuery';
import { AggregateBuilder } from '../../../renderer/src/workers/import/aggregateBuilder';
import { resolveScreenNames } from '../../../renderer/src/store/read/resolveScreenNames';

/**
 * The demo's tweets, some of them as the 2018 and FiveThirtyEight files have them: every 7th without
 * user_mentions, naming accounts in its text (@n1 twice in two cases, every 14th also its author in
 * another case: a mention of itself once credited), every 5th retweet without retweet_userid (known
 * by its "RT @name:" only).
 */
function tweets(): Tweet[] {
  const { columns } = demoTweetColumns({ tweets: 6000, seed: 5 });
  return Array.from({ length: columns.length }, (_, i) => {
    const t = tweetAt(columns, i);
    if (i % 7 === 0) t.userMentions = [], t.tweetText += ` cc @n1 @N1 @rt2${i % 14 ? '' : ` @${t.userScreenName.toUpperCase()}`}`;
    if (t.isRetweet && i % 5 === 0) t.retweetUserid = '', t.retweetScreenName = `rt${i % 3}`;
    return t;
  });
}

/** Blocks of 2,000 tweets, encoded as the import stores them. */
const blocksOf = (all: Tweet[]) => Array.from({ length: Math.ceil(all.length / 2000) }, (_, k) => encodeTweetColumns(tweetColumnsFrom(all.slice(k * 2000, (k + 1) * 2000))));

/** The whole-dataset counts of these tweets as Explore reads them: aggregated at import, '@names' credited on reading. */
function aggregatesOf(all: Tweet[], names: ScreenNames) {
  const a = new AggregateBuilder('imp', 'ds');
  blocksOf(all).forEach((b, seq) => a.addBlock(b, seq));
  return resolveScreenNames(a.finish(), names);
}

describe('rangeFacets: the Overview panels over a time range', () => {
  const all = tweets();
  // The dataset's accounts, with accounts named n1 and rt1 (so those '@names' are credited to them), and one named as an author in upper case.
  const names = new ScreenNames([...all.map((t) => ({ userid: t.userid, userScreenName: t.userScreenName })), { userid: '900', userScreenName: 'n1' }, { userid: '901', userScreenName: 'rt1' }]);
  // As the search worker has them: stored with the search text (one buffer, structured-cloned out of IndexedDB), adopted into one corpus.
  const dicts = filterDicts();
  const corpus = blocksOf(all).map((b) => adoptFilterBlock(structuredClone(intoOneBuffer(storedFilterBlock(intoOneBuffer(b)))), dicts));
  const facets = (from?: number, to?: number) => rangeFacets(corpus, dicts, (n) => names.attribute(n), from, to);

  it('over every day: the whole-dataset hashtags, languages, URL domains, mentioned and retweeted accounts', () => {
    const ag = aggregatesOf(all, names);
    const f = facets();
    expect(f.tweets).toBe(ag.tweets);
    expect(f.retweets).toBe(ag.retweets);
    expect(f.languages).toEqual(ag.tweetLanguages);
    expect(f.hashtags).toEqual(ag.hashtags);
    expect(f.urlDomains).toEqual(ag.urlDomains);
    expect(f.mentioned).toEqual(ag.mentioned);
    expect(f.retweeted).toEqual(ag.retweeted);
    // What the rows above exercise: '@names' credited to an account (n1, rt1), kept as names (rt0, rt2), a self-mention dropped.
    expect(f.mentioned['900']).toBeGreaterThan(0);
    expect(f.retweeted['901']).toBeGreaterThan(0);
    expect(f.retweeted['@rt0']).toBeGreaterThan(0);
    expect(f.mentioned['@rt2']).toBeGreaterThan(0);
    expect(Object.keys(f.urlDomains).length).toBeGreaterThan(1);
  });

  it('over a range: what the aggregates of only the tweets in it say', () => {
    const times = all.map((t) => t.tweetTime).sort((x, y) => x - y);
    const from = times[1500]!;
    const to = times[4000]!;
    const inRange = all.filter((t) => t.tweetTime >= from && t.tweetTime < to);
    const ag = aggregatesOf(inRange, names);
    const f = facets(from, to);
    expect(f.tweets).toBe(inRange.length);
    expect({ ...f, languages: undefined }).toEqual({
      tweets: ag.tweets, retweets: ag.retweets, languages: undefined, hashtags: ag.hashtags, urlDomains: ag.urlDomains, mentioned: ag.mentioned, retweeted: ag.retweeted,
    });
    expect(f.languages).toEqual(ag.tweetLanguages);
    expect(Object.keys(f.mentioned).length).toBeGreaterThan(0);
    expect(f.mentioned).not.toEqual(facets().mentioned);
  });

  it("Search's mentioned and retweeted account filters find exactly the tweets these counts count", () => {
    const times = all.map((t) => t.tweetTime).sort((x, y) => x - y);
    for (const [from, to] of [[undefined, undefined], [times[1000]!, times[3000]!]] as const) {
      const f = facets(from, to);
      const matching = (filters: SearchFilters) => {
        const q = compileQuery([], { ...filters, fromMinute: from, toMinute: to }, dicts, (n) => names.attribute(n));
        return corpus.reduce((n, b) => n + Array.from(b.tweetTime, (_, i) => i).filter((i) => q.keep!(b, i)).length, 0);
      };
      const top = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 25);
      for (const [key, n] of top(f.mentioned)) expect([key, matching({ mentions: key })]).toEqual([key, n]);
      for (const [key, n] of top(f.retweeted)) expect([key, matching({ retweets: key })]).toEqual([key, n]);
      // The accounts credited by name, and one kept as a name, among them.
      for (const key of ['900', '@rt2']) expect(matching({ mentions: key })).toBe(f.mentioned[key] ?? 0);
      for (const key of ['901', '@rt0']) expect(matching({ retweets: key })).toBe(f.retweeted[key] ?? 0);
      // Authors whose tweets name themselves in another case: those tweets are no mention of them.
      const selfNamers = [...new Set(all.filter((t, i) => i % 14 === 0 && /^\w{1,15}$/.test(t.userScreenName)).map((t) => t.userid))].slice(0, 8);
      expect(selfNamers.length).toBe(8);
      for (const key of selfNamers) expect([key, matching({ mentions: key })]).toEqual([key, f.mentioned[key] ?? 0]);
    }
  });

  it('refuses blocks without the targets rather than count them as none', () => {
    const c: TweetColumns = tweetColumnsFrom(all.slice(0, 10));
    const { targets: _, ...old } = storedFilterBlock(encodeTweetColumns(c));
    const d = filterDicts();
    expect(() => rangeFacets([adoptFilterBlock(old, d)], d, () => undefined)).toThrow(/no retweet, mention or URL columns/);
  });
});
