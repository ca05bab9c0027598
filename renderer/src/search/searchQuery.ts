import { foldCase } from '../../../shared/domain/foldCase';
import { foldChineseVariants } from '../../../shared/domain/foldChineseVariants';

/**
 * Full-text query semantics (exact, no stemming): the query is normalised like the stored search
 * text (NFKC, lower case) and split into terms on white space; "double quotes" keep a phrase with
 * its spaces. A tweet matches when its normalised text contains every term as a substring. Substring
 * matching needs no word segmentation, so CJK (no spaces), Arabic and Hebrew match exactly as typed;
 * `#tag` and `@name` are plain terms.
 */
export function normalizeForSearch(s: string): string {
  // Case and width as the hashtag lists fold them (foldCase); then, for search only:
  // Chinese in Traditional or Simplified characters (香港獨立, 香港独立) is one text (foldChineseVariants).
  let n = foldChineseVariants(foldCase(s));
  // Greek written in capitals drops its accents (ΑΘΗΝΑ is Αθήνα): Greek letters are searched without them.
  if (GREEK.test(n)) n = n.normalize('NFD').replace(GREEK_MARKS, '$1').normalize('NFC');
  // Persian writers put the zero-width non-joiner (می‌خواهم) or leave it out (میخواهم), and Arabic
  // script stretches words with tatweel (كـتاب): neither changes the word, so neither is searched.
  // An apostrophe is typed ' on a keyboard and written ’ by phones' smart punctuation (can’t, it’s):
  // one character for search, so "can't" finds both. Likewise “ ” „ ‟ are the double quote ": a phrase
  // typed on a phone (“clinging to life”) is a phrase, and finds the text whichever quotes it has.
  // One for one, so highlights map back unchanged.
  return n.replace(INVISIBLE_IN_WORDS, '').replace(APOSTROPHES, "'").replace(DOUBLE_QUOTES, '"');
}

const INVISIBLE_IN_WORDS = /[\u200c\u0640]/g;
/** Right and left single quotation marks and the modifier-letter apostrophe (ʼ), all used as apostrophes. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Curly and low double quotation marks (“ ” „ ‟), written for " by phones' smart punctuation and in German or Polish text. */
const DOUBLE_QUOTES = /[\u201c-\u201f]/g;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
/** A Greek letter and the accents, breathings and diaeresis on it (after NFD: tonos, dialytika, polytonic marks). */
const GREEK_MARKS = /(\p{Script=Greek})\p{M}+/gu;
/**
 * The version of normalizeForSearch that search blocks were written with (SearchBlockRecord.norm):
 * a block of another version is normalised again from its tweets when it is searched.
 * 2: ZWNJ and tatweel dropped (2026-11-30). 3: final ς as σ, ß as ss (foldCase, 2026-12-01).
 * 4: Traditional Chinese characters as Simplified (foldChineseVariants), Greek letters without accents (2026-12-02).
 * 5: ’ ‘ ʼ as the apostrophe ' (2026-12-02). 6: “ ” „ ‟ as the double quote " (2026-12-02).
 */
export const SEARCH_TEXT_VERSION = 6;

export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  // A quote left open runs to the end of the query (a phrase), rather than searching for the '"'.
  const re = /"([^"]*)(?:"|$)|(\S+)/g;
  const q = normalizeForSearch(query);
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

export interface SearchFilters {
  /** UTC minutes, [from, to). */
  fromMinute?: number;
  toMinute?: number;
  language?: string;
  userid?: string;
  retweet?: 'only' | 'exclude';
  /** Hashtag without '#', compared case-insensitively with the tweet's hashtags column. */
  hashtag?: string;
  client?: string;
  /** A URL domain the tweet links to (its urls column), compared as the Overview's Top URL domains fold it (domainKey: case, Unicode or Punycode). */
  domain?: string;
  /**
   * An account the tweet mentions, or retweets, as the Overview's lists count them (tweetTargets):
   * a user id, or '@name' for an account the archive does not hold; a '@name' the archive holds is
   * its account (ScreenNames.attribute), and a tweet never mentions its own author.
   */
  mentions?: string;
  retweets?: string;
  /** Results by tweet time (ties in file order); unset: in file order. */
  order?: 'oldest' | 'newest';
}

export function describeFilters(f: SearchFilters, fmtMinute: (m: number) => string): string {
  const parts: string[] = [];
  if (f.fromMinute !== undefined) parts.push(`from ${fmtMinute(f.fromMinute)}`);
  if (f.toMinute !== undefined) parts.push(`before ${fmtMinute(f.toMinute)}`);
  if (f.language !== undefined) parts.push(`language ${f.language || '(none)'}`);
  if (f.userid) parts.push(`account ${f.userid}`);
  if (f.retweet) parts.push(f.retweet === 'only' ? 'retweets only' : 'no retweets');
  if (f.hashtag) parts.push(`#${f.hashtag}`);
  if (f.client !== undefined) parts.push(`client ${f.client || '(none)'}`);
  if (f.domain) parts.push(`linking ${f.domain}`);
  if (f.mentions) parts.push(`mentioning ${f.mentions}`);
  if (f.retweets) parts.push(`retweeting ${f.retweets}`);
  if (f.order) parts.push(f.order === 'oldest' ? 'oldest first' : 'newest first');
  return parts.join(', ');
}

/**
 * Highlight ranges [start, end) in the ORIGINAL text for the given normalised terms: the original is
 * normalised piece by piece, remembering where each normalised unit came from. A piece is a
 * user-perceived character where the text has any non-ASCII (an accent stored as its own code point,
 * e + U+0301, composes with its letter as the search's whole-text normalisation composes it), else a
 * code point.
 */
export function highlightRanges(original: string, terms: string[]): [number, number][] {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  const pieces = /[^\u0000-\u007f]/.test(original)
    ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(original), (g) => g.segment)
    : original;
  let i = 0;
  for (const piece of pieces) {
    const n = normalizeForSearch(piece);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + piece.length);
    }
    norm += n;
    i += piece.length;
  }
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + Math.max(term.length, 1))) {
      ranges.push([from[at]!, to[at + term.length - 1]!]);
    }
  }
  // Ranges fall on whole user-perceived characters: a <mark> never cuts 👍🏽 or a ZWJ sequence in two.
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
