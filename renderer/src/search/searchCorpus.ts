import type { Tweet, TweetColumns } from '../../../shared/domain/tweet';
import { tweetAt } from '../../../shared/archive/columns';
import { filterBlock, filterDicts, type FilterBlock, type FilterDicts } from './searchFilterColumns';
import type { SearchFilters } from './searchQuery';
import { compileQuery, scanBlock } from './searchScan';
import { textBlock, type TextBlock } from './searchText';

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
  /** The whole row as archived (no display name: accounts hold it): what a pin quotes. */
  archived: Tweet;
}

export interface SearchResult {
  count: number;
  offset: number;
  hits: SearchHit[];
}

/** A result row as the view shows and pins it, read from its block's columns. */
export function hitAt(seq: number, c: TweetColumns, i: number): SearchHit {
  const a = tweetAt(c, i);
  return {
    seq, row: i, tweetid: a.tweetid, userid: a.userid, userScreenName: a.userScreenName, tweetLanguage: a.tweetLanguage,
    tweetText: a.tweetText, tweetTime: a.tweetTime, tweetClientName: a.tweetClientName, isRetweet: a.isRetweet, hashtags: a.hashtags,
    provenance: a.provenance, archived: a,
  };
}

/** A block with everything in memory: the synchronous form of the worker's search (tests, small sets). */
export interface CorpusBlock {
  text: TextBlock;
  filters: FilterBlock;
  columns: TweetColumns;
  dicts: FilterDicts;
}

/** Blocks built for one corpus must share `dicts` (filter values are dictionary codes). */
export function corpusBlock(seq: number, text: string[], c: TweetColumns, dicts: FilterDicts = sharedDicts): CorpusBlock {
  return { text: textBlock(seq, text), filters: filterBlock(c, dicts), columns: c, dicts };
}
const sharedDicts = filterDicts();

/**
 * Counts every match over the blocks, in order, and returns the requested page. The worker runs the
 * same compileQuery/scanBlock block by block while blocks load (searchWorker.ts).
 */
export function searchCorpus(blocks: CorpusBlock[], terms: string[], f: SearchFilters, offset: number, limit: number): SearchResult {
  const q = compileQuery(terms, f, blocks[0]?.dicts ?? sharedDicts);
  const hits: SearchHit[] = [];
  let count = 0;
  for (const b of blocks) {
    const page: number[] = [];
    count += scanBlock(b.text, b.filters, q, Math.max(0, offset - count), limit - hits.length, page);
    for (const i of page) hits.push(hitAt(b.text.seq, b.columns, i));
  }
  return { count, offset, hits };
}
