import type { TweetColumns } from '../domain/tweet';

/** Which tweets an analysis reads. All fields optional; an empty filter keeps everything. */
export interface TweetFilter {
  /** UTC minutes since the epoch, inclusive. */
  fromMinute?: number;
  /** UTC minutes since the epoch, exclusive. */
  toMinute?: number;
  /** Only tweets posted by these accounts. */
  userids?: ReadonlySet<string>;
  /** Only tweets with this tweet_language (compared lower-cased). */
  language?: string;
}

export function tweetPasses(c: TweetColumns, i: number, f: TweetFilter | undefined): boolean {
  if (!f) return true;
  const t = c.tweetTime[i]!;
  if (f.fromMinute !== undefined && t < f.fromMinute) return false;
  if (f.toMinute !== undefined && t >= f.toMinute) return false;
  if (f.userids && !f.userids.has(c.userid[i]!)) return false;
  if (f.language !== undefined && c.tweetLanguage[i]!.toLowerCase() !== f.language.toLowerCase()) return false;
  return true;
}

/** The filter as plain JSON for receipts (sets become sorted arrays). */
export function describeFilter(f: TweetFilter | undefined): Record<string, unknown> {
  if (!f) return {};
  const out: Record<string, unknown> = {};
  if (f.fromMinute !== undefined) out.fromMinute = f.fromMinute;
  if (f.toMinute !== undefined) out.toMinute = f.toMinute;
  if (f.userids) out.userids = [...f.userids].sort();
  if (f.language !== undefined) out.language = f.language;
  return out;
}
