import type { TweetColumns } from '../../../shared/domain/tweet';
import type { SearchFilters } from './searchQuery';

/** What the search worker keeps per block: the normalised text plus the columns filters need. */
export interface CorpusBlock {
  seq: number;
  /** The block's normalised texts joined with U+0000; row i is joined[starts[i] .. starts[i+1]-1). */
  joined: string;
  starts: Int32Array;
  tweetid: string[];
  userid: string[];
  userScreenName: string[];
  tweetLanguage: string[];
  tweetText: string[];
  tweetTime: Int32Array;
  tweetClientName: string[];
  isRetweet: Uint8Array;
  hashtags: string[][];
  fileSha256: string[];
  row: Int32Array;
  byteOffset: Float64Array;
  byteLength: Int32Array;
}

const SEP = '\u0000';

export function corpusBlock(seq: number, text: string[], c: TweetColumns): CorpusBlock {
  const starts = new Int32Array(text.length + 1);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    starts[i] = at;
    at += text[i]!.length + 1;
  }
  starts[text.length] = at;
  return {
    seq, joined: text.join(SEP), starts,
    tweetid: c.tweetid, userid: c.userid, userScreenName: c.userScreenName, tweetLanguage: c.tweetLanguage,
    tweetText: c.tweetText, tweetTime: c.tweetTime, tweetClientName: c.tweetClientName, isRetweet: c.isRetweet,
    hashtags: c.hashtags, fileSha256: c.fileSha256, row: c.row, byteOffset: c.byteOffset, byteLength: c.byteLength,
  };
}

export interface SearchHit {
  seq: number;
  row: number;
  tweetid: string;
  userid: string;
  userScreenName: string;
  tweetLanguage: string;
  tweetText: string;
  tweetTime: number;
  tweetClientName: string;
  isRetweet: boolean;
  hashtags: string[];
  provenance: { fileSha256: string; row: number; byteOffset: number; byteLength: number };
}

export interface SearchResult {
  count: number;
  offset: number;
  hits: SearchHit[];
}

function hitAt(b: CorpusBlock, i: number): SearchHit {
  return {
    seq: b.seq, row: i, tweetid: b.tweetid[i]!, userid: b.userid[i]!, userScreenName: b.userScreenName[i]!,
    tweetLanguage: b.tweetLanguage[i]!, tweetText: b.tweetText[i]!, tweetTime: b.tweetTime[i]!,
    tweetClientName: b.tweetClientName[i]!, isRetweet: b.isRetweet[i] === 1, hashtags: b.hashtags[i]!,
    provenance: { fileSha256: b.fileSha256[i]!, row: b.row[i]!, byteOffset: b.byteOffset[i]!, byteLength: b.byteLength[i]! },
  };
}

/** Index of the row holding position `at` of the joined text (binary search over starts). */
function rowAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * One pass per block: the longest term is found with indexOf over the block's joined text (one
 * native scan per block instead of one call per tweet), each hit's row is checked against the
 * filters and the other terms, then the scan resumes after that row. Without terms, every row is
 * checked against the filters. Counts every match and keeps the rows of the requested page; exact
 * for every script (plain substring search).
 */
export function searchCorpus(blocks: CorpusBlock[], terms: string[], f: SearchFilters, offset: number, limit: number): SearchResult {
  const tag = f.hashtag?.replace(/^#/, '').toLowerCase();
  const clean = terms.map((t) => t.replaceAll(SEP, '')).filter(Boolean);
  const first = clean.reduce((a, t) => (t.length > a.length ? t : a), '');
  const others = clean.filter((t) => t !== first);
  const hits: SearchHit[] = [];
  let count = 0;
  const keep = (b: CorpusBlock, i: number): boolean => {
    const t = b.tweetTime[i]!;
    if (f.fromMinute !== undefined && t < f.fromMinute) return false;
    if (f.toMinute !== undefined && t >= f.toMinute) return false;
    if (f.language && b.tweetLanguage[i] !== f.language) return false;
    if (f.userid && b.userid[i] !== f.userid) return false;
    if (f.retweet === 'only' && b.isRetweet[i] !== 1) return false;
    if (f.retweet === 'exclude' && b.isRetweet[i] === 1) return false;
    if (f.client && b.tweetClientName[i] !== f.client) return false;
    if (tag && !b.hashtags[i]!.some((h) => h.toLowerCase() === tag)) return false;
    if (others.length) {
      const text = b.joined.slice(b.starts[i]!, b.starts[i + 1]! - 1);
      for (const term of others) if (text.indexOf(term) < 0) return false;
    }
    return true;
  };
  const take = (b: CorpusBlock, i: number) => {
    if (count >= offset && hits.length < limit) hits.push(hitAt(b, i));
    count++;
  };
  for (const b of blocks) {
    const n = b.starts.length - 1;
    if (!first) {
      for (let i = 0; i < n; i++) if (keep(b, i)) take(b, i);
      continue;
    }
    for (let at = b.joined.indexOf(first); at >= 0; ) {
      const i = rowAt(b.starts, at);
      if (keep(b, i)) take(b, i);
      at = i + 1 < n ? b.joined.indexOf(first, b.starts[i + 1]!) : -1;
    }
  }
  return { count, offset, hits };
}
