import type { FilterBlock, FilterDicts } from './searchFilterColumns';

/** Whole-dataset aggregates recounted over a time range, from the search worker's filter columns. */
export interface RangeFacets {
  tweets: number;
  retweets: number;
  /** Tweet language as archived → tweets (like ImportAggregates.tweetLanguages). */
  languages: Record<string, number>;
  /** Hashtag as archived → occurrences (like ImportAggregates.hashtags). */
  hashtags: Record<string, number>;
}

/** Counts over the rows with fromMinute <= tweetTime < toMinute (either bound optional). */
export function rangeFacets(blocks: FilterBlock[], d: FilterDicts, fromMinute?: number, toMinute?: number): RangeFacets {
  const from = fromMinute ?? -Infinity;
  const to = toMinute ?? Infinity;
  const lang = new Float64Array(d.language.values.length);
  const tags = new Float64Array(d.hashtag.values.length);
  let tweets = 0;
  let retweets = 0;
  for (const b of blocks) {
    const n = b.tweetTime.length;
    for (let i = 0; i < n; i++) {
      const t = b.tweetTime[i]!;
      if (t < from || t >= to) continue;
      tweets++;
      retweets += b.isRetweet[i]!;
      lang[b.language[i]!]!++;
      for (let k = b.tagStarts[i]!, e = b.tagStarts[i + 1]!; k < e; k++) tags[b.tagCodes[k]!]!++;
    }
  }
  const record = (counts: Float64Array, values: string[]) => {
    const r: Record<string, number> = {};
    counts.forEach((n, code) => {
      if (n > 0) r[values[code]!] = n;
    });
    return r;
  };
  return { tweets, retweets, languages: record(lang, d.language.values), hashtags: record(tags, d.hashtag.values) };
}
