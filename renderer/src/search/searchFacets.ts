import { creditedKey } from '../store/tweetTargets';
import type { FilterBlock, FilterDicts } from './searchFilterColumns';

/** Whole-dataset aggregates recounted over a time range, from the search worker's filter columns. */
export interface RangeFacets {
  tweets: number;
  retweets: number;
  /** Tweet language as archived → tweets (like ImportAggregates.tweetLanguages). */
  languages: Record<string, number>;
  /** Hashtag as archived → occurrences (like ImportAggregates.hashtags). */
  hashtags: Record<string, number>;
  /** URL domain → URLs linking it, URLs without a host left out (like ImportAggregates.urlDomains). */
  urlDomains: Record<string, number>;
  /** Account → tweets mentioning it, retweets of it: as Explore reads the aggregates (resolveScreenNames). */
  mentioned: Record<string, number>;
  retweeted: Record<string, number>;
}

/**
 * Counts over the rows with fromMinute <= tweetTime < toMinute (either bound optional). `attribute`
 * credits a '@name' (an account the import knew only by name) to the archived account of that name,
 * as resolveScreenNames does for the whole-dataset counts; a mention so credited to its own author is
 * none.
 */
export function rangeFacets(blocks: FilterBlock[], d: FilterDicts, attribute: (name: string) => string | undefined, fromMinute?: number, toMinute?: number): RangeFacets {
  const from = fromMinute ?? -Infinity;
  const to = toMinute ?? Infinity;
  const lang = new Float64Array(d.language.values.length);
  const tags = new Float64Array(d.hashtag.values.length);
  const domains = new Float64Array(d.domain.values.length);
  const mentioned: Record<string, number> = {};
  const retweeted: Record<string, number> = {};
  const account = d.account.values.map((k) => creditedKey(k, attribute));
  let tweets = 0;
  let retweets = 0;
  for (const b of blocks) {
    const t = b.targets;
    if (!t) throw new Error('A block of the search index has no retweet, mention or URL columns.');
    const n = b.tweetTime.length;
    for (let i = 0; i < n; i++) {
      const time = b.tweetTime[i]!;
      if (time < from || time >= to) continue;
      tweets++;
      retweets += b.isRetweet[i]!;
      lang[b.language[i]!]!++;
      for (let k = b.tagStarts[i]!, e = b.tagStarts[i + 1]!; k < e; k++) tags[b.tagCodes[k]!]!++;
      for (let k = t.urlStarts[i]!, e = t.urlStarts[i + 1]!; k < e; k++) domains[t.urlDomain[k]!]!++;
      if (t.retweet[i]! >= 0) {
        const key = account[t.retweet[i]!]!;
        retweeted[key] = (retweeted[key] ?? 0) + 1;
      }
      const author = d.userid.values[b.userid[i]!];
      for (let k = t.mentionStarts[i]!, e = t.mentionStarts[i + 1]!; k < e; k++) {
        const key = account[t.mention[k]!]!;
        if (key !== author) mentioned[key] = (mentioned[key] ?? 0) + 1;
      }
    }
  }
  const record = (counts: Float64Array, values: string[]) => {
    const r: Record<string, number> = {};
    counts.forEach((n, code) => {
      if (n > 0) r[values[code]!] = n;
    });
    return r;
  };
  const urlDomains = record(domains, d.domain.values);
  delete urlDomains['']; // URLs without a host, as the aggregates leave them out
  return { tweets, retweets, languages: record(lang, d.language.values), hashtags: record(tags, d.hashtag.values), urlDomains, mentioned, retweeted };
}
