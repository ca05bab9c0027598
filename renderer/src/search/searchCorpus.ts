import type { TweetColumns } from '../../../shared/domain/tweet';
import type { SearchFilters } from './searchQuery';

/** What the search worker keeps per block: the normalised text plus the columns filters need. */
export interface CorpusBlock {
  seq: number;
  text: string[];
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

export function corpusBlock(seq: number, text: string[], c: TweetColumns): CorpusBlock {
  return {
    seq, text,
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

/**
 * One linear pass: counts every match and keeps the rows of the requested page. A pass over 1 M
 * short strings with indexOf takes a fraction of a second, and is exact for every script.
 */
export function searchCorpus(blocks: CorpusBlock[], terms: string[], f: SearchFilters, offset: number, limit: number): SearchResult {
  const tag = f.hashtag?.replace(/^#/, '').toLowerCase();
  const hits: SearchHit[] = [];
  let count = 0;
  for (const b of blocks) {
    const n = b.text.length;
    for (let i = 0; i < n; i++) {
      const t = b.tweetTime[i]!;
      if (f.fromMinute !== undefined && t < f.fromMinute) continue;
      if (f.toMinute !== undefined && t >= f.toMinute) continue;
      if (f.language && b.tweetLanguage[i] !== f.language) continue;
      if (f.userid && b.userid[i] !== f.userid) continue;
      if (f.retweet === 'only' && b.isRetweet[i] !== 1) continue;
      if (f.retweet === 'exclude' && b.isRetweet[i] === 1) continue;
      if (f.client && b.tweetClientName[i] !== f.client) continue;
      if (tag && !b.hashtags[i]!.some((h) => h.toLowerCase() === tag)) continue;
      const text = b.text[i]!;
      let ok = true;
      for (const term of terms) {
        if (text.indexOf(term) < 0) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (count >= offset && hits.length < limit) hits.push(hitAt(b, i));
      count++;
    }
  }
  return { count, offset, hits };
}
