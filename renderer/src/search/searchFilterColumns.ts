import type { TweetColumns } from '../../../shared/domain/tweet';
import { Dict } from '../../../shared/archive/dict';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { encodeTweetColumns, unpackStrings, type PackedStrings, type StoredTweetColumns } from '../store/tweetBlockCodec';
import { tweetTargets, type TargetCodes, type TweetTargets } from '../store/tweetTargets';

export interface FilterDicts {
  language: Dict;
  userid: Dict;
  client: Dict;
  /** Hashtags as archived (counted as such, like the import's aggregates)… */
  hashtag: Dict;
  /** …and folded as search words are (normalizeForSearch: case, width, invisible characters, tatweel, Arabic letter forms), which the filter compares: hashtagLowerOf[hashtag code]. */
  hashtagLower: Dict;
  hashtagLowerOf: number[];
  /** Retweeted and mentioned accounts (keys as the aggregates count them) and URL domains (TweetTargets). */
  account: Dict;
  domain: Dict;
}

export const filterDicts = (): FilterDicts => ({
  language: new Dict(), userid: new Dict(), client: new Dict(), hashtag: new Dict(), hashtagLower: new Dict(), hashtagLowerOf: [], account: new Dict(), domain: new Dict(),
});

/** A hashtag's code, its folded form (what the filter compares) coded the first time it is seen. */
function hashtagCode(d: FilterDicts, h: string): number {
  const code = d.hashtag.code(h);
  if (code === d.hashtagLowerOf.length) d.hashtagLowerOf.push(d.hashtagLower.code(normalizeForSearch(h)));
  return code;
}

/**
 * What the search filters read of one block, without per-row objects: times and retweet flags as
 * they are stored, strings as dictionary codes, each row's folded hashtags as a run of codes
 * (row i's are tagCodes[tagStarts[i] .. tagStarts[i+1]), codes of d.hashtag). A whole block record is read once to build
 * this, then dropped.
 */
export interface FilterBlock {
  tweetTime: Int32Array;
  isRetweet: Uint8Array;
  language: Int32Array;
  userid: Int32Array;
  client: Int32Array;
  tagStarts: Int32Array;
  tagCodes: Int32Array;
  /** Whom each row retweets and mentions and the domains it links, in codes of d.account and d.domain: what the Overview's range panels count. */
  targets?: TargetCodes;
}

export function filterBlock(c: TweetColumns, d: FilterDicts): FilterBlock {
  const n = c.length;
  const language = new Int32Array(n);
  const userid = new Int32Array(n);
  const client = new Int32Array(n);
  const tagStarts = new Int32Array(n + 1);
  let tags = 0;
  for (let i = 0; i < n; i++) tags += c.hashtags[i]!.length;
  const tagCodes = new Int32Array(tags);
  let t = 0;
  for (let i = 0; i < n; i++) {
    language[i] = d.language.code(c.tweetLanguage[i]!);
    userid[i] = d.userid.code(c.userid[i]!);
    client[i] = d.client.code(c.tweetClientName[i]!);
    tagStarts[i] = t;
    for (const h of c.hashtags[i]!) tagCodes[t++] = hashtagCode(d, h);
  }
  tagStarts[n] = t;
  // Copies, so the block record's other columns can be collected.
  return { tweetTime: c.tweetTime.slice(0, n), isRetweet: c.isRetweet.slice(0, n), language, userid, client, tagStarts, tagCodes, targets: adoptTargets(tweetTargets(encodeTweetColumns(c)), d) };
}

/**
 * A block's filter columns as the import stores them beside its search text: codes into the block's
 * own small dictionaries (the values), so the search worker gets them with the text, without reading
 * the whole tweet block.
 */
export interface StoredFilterBlock extends FilterBlock {
  // Packed since 2026-11-29 (one string each, not ~2,000: cheaper to store); string[] in older stores.
  languages: PackedStrings | string[];
  userids: PackedStrings | string[];
  clients: PackedStrings | string[];
  hashtags: PackedStrings | string[];
  /** Since 2026-12-03, with codes into its own accounts and domains; older records are read again from their tweet blocks. */
  targets?: TweetTargets;
}

const valuesOf = (v: PackedStrings | string[]): string[] => (Array.isArray(v) ? v : unpackStrings(v));

/** The filter columns of an encoded block: its codes and dictionaries as they are. */
export function storedFilterBlock(c: StoredTweetColumns, targets: TweetTargets = tweetTargets(c)): StoredFilterBlock {
  return {
    targets,
    tweetTime: c.tweetTime, isRetweet: c.isRetweet,
    language: c.tweetLanguage.codes, languages: c.tweetLanguage.values,
    userid: c.userid.codes, userids: c.userid.values,
    client: c.tweetClientName.codes, clients: c.tweetClientName.values,
    tagStarts: c.hashtags.starts, tagCodes: c.hashtags.codes, hashtags: c.hashtags.values,
  };
}

/** A stored block's codes moved into the corpus's dictionaries. */
export function adoptFilterBlock(s: StoredFilterBlock, d: FilterDicts): FilterBlock {
  const into = (values: PackedStrings | string[], dict: Dict) => Int32Array.from(valuesOf(values), (v) => dict.code(v));
  const language = into(s.languages, d.language);
  const userid = into(s.userids, d.userid);
  const client = into(s.clients, d.client);
  const tag = Int32Array.from(valuesOf(s.hashtags), (h) => hashtagCode(d, h));
  // Copies of what the corpus keeps: the stored arrays are views of one buffer per record (intoOneBuffer),
  // which a kept view would hold whole (a search record's filter codes, or a tweet block's every column).
  return {
    tweetTime: s.tweetTime.slice(),
    isRetweet: s.isRetweet.slice(),
    language: s.language.map((c) => language[c]!),
    userid: s.userid.map((c) => userid[c]!),
    client: s.client.map((c) => client[c]!),
    tagStarts: s.tagStarts.slice(),
    tagCodes: s.tagCodes.map((c) => tag[c]!),
    ...(s.targets ? { targets: adoptTargets(s.targets, d) } : {}),
  };
}

/** A block's targets with their codes moved into the corpus's dictionaries (a retweet's -1 stays). */
function adoptTargets(t: TweetTargets, d: FilterDicts): TargetCodes {
  const account = Int32Array.from(unpackStrings(t.accounts), (v) => d.account.code(v));
  const domain = Int32Array.from(unpackStrings(t.domains), (v) => d.domain.code(v));
  return {
    retweet: t.retweet.map((r) => (r < 0 ? r : account[r]!)),
    mentionStarts: t.mentionStarts.slice(), mention: t.mention.map((m) => account[m]!),
    urlStarts: t.urlStarts.slice(), urlDomain: t.urlDomain.map((k) => domain[k]!),
  };
}
