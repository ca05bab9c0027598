import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { findTerm, isWholeTerm } from './findTerm';

/**
 * Full-text query semantics (exact, no stemming): the query is normalised like the stored search
 * text (normalizeForSearch) and split into terms on white space; "double quotes" keep a phrase with
 * its spaces. A tweet matches when its normalised text contains every term as a substring (a `#tag`
 * or `@name` term as a whole hashtag or name: findTerm.ts).
 */
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

/**
 * Words of a query that other search tools read as operators (OR, AND, NOT, -word): Search has none,
 * and searches them as words; the page says so rather than show a surprising count.
 */
export function operatorLikeWords(query: string): string[] {
  const outsideQuotes = query.replace(/"[^"]*("|$)/g, ' ');
  return [...new Set(outsideQuotes.split(/\s+/).filter((w) => w === 'OR' || w === 'AND' || w === 'NOT' || /^-[^\s-]/.test(w)))];
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
    const whole = isWholeTerm(term);
    for (let at = findTerm(norm, term, 0, whole); at >= 0; at = findTerm(norm, term, at + Math.max(term.length, 1), whole)) {
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
