import type { AccountActivity, ImportAggregates } from '../schema';
import { mergeEdges } from './edgeColumns';

export function addCounts<K extends string | number>(into: Record<K, number>, from: Record<K, number>): void {
  for (const k in from) into[k] = (into[k] ?? 0) + from[k];
}

function mergeActivity(a: AccountActivity, b: AccountActivity): AccountActivity {
  const clients = { ...a.clients };
  addCounts(clients, b.clients);
  const languages = { ...a.languages };
  addCounts(languages, b.languages);
  const hashtags = { ...a.hashtags };
  addCounts(hashtags, b.hashtags);
  return {
    tweets: a.tweets + b.tweets,
    retweets: a.retweets + b.retweets,
    replies: a.replies + b.replies,
    quotes: a.quotes + b.quotes,
    firstTweetTime: Math.min(a.firstTweetTime, b.firstTweetTime),
    lastTweetTime: Math.max(a.lastTweetTime, b.lastTweetTime),
    clients,
    languages,
    hashtags,
    blocks: [...a.blocks, ...b.blocks],
    ...(a.days && b.days ? { days: unionAscending(a.days, b.days) } : {}),
  };
}

function unionAscending(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/** Sums the aggregates of several committed imports of one dataset (counts are additive). */
export function mergeAggregates(parts: ImportAggregates[]): ImportAggregates {
  if (parts.length === 1) return parts[0]!;
  const out: ImportAggregates = {
    importId: parts.map((p) => p.importId).join('+'),
    datasetId: parts[0]!.datasetId,
    tweets: 0, retweets: 0, replies: 0, quotes: 0,
    tweetLanguages: {}, quarterHourCounts: {}, clientsByDay: {}, hashtags: {}, urlDomains: {}, mentioned: {}, retweeted: {},
    accountActivity: {},
    edges: mergeEdges(parts.map((p) => p.edges)),
  };
  for (const p of parts) {
    out.tweets += p.tweets;
    out.retweets += p.retweets;
    out.replies += p.replies;
    out.quotes += p.quotes;
    addCounts(out.tweetLanguages, p.tweetLanguages);
    addCounts(out.quarterHourCounts, p.quarterHourCounts);
    for (const day in p.clientsByDay) addCounts((out.clientsByDay[day] ??= {}), p.clientsByDay[day]!);
    addCounts(out.hashtags, p.hashtags);
    addCounts(out.urlDomains, p.urlDomains);
    addCounts(out.mentioned, p.mentioned);
    addCounts(out.retweeted, p.retweeted);
    for (const user in p.accountActivity) {
      const prev = out.accountActivity[user];
      out.accountActivity[user] = prev ? mergeActivity(prev, p.accountActivity[user]!) : p.accountActivity[user]!;
    }
  }
  return out;
}
