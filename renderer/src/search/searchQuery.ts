import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { codePoint, codePointNamed, INVISIBLE_CHAR, INVISIBLE_ONLY, JOINING_SCRIPT } from '../../../shared/domain/visibleText';
import { findTerm, termRule } from './findTerm';

/**
 * Full-text query semantics (exact, no stemming): the query is normalised like the stored search
 * text (normalizeForSearch) and split into terms on white space; "double quotes" keep a phrase with
 * its spaces. A tweet matches when its normalised text contains every term as a substring (a `#tag`
 * or `@name` term as a whole hashtag or name: findTerm.ts).
 *
 * Quotes pair from the left, wherever they stand (`say"hi there"` is `say` and `hi there`). A quote
 * left without a partner (the last of an odd number) is read as a space: `item 1"` and `"item 1` are
 * the words item and 1, never a term holding '"' nor a phrase the user did not close; the page says
 * so (unpairedQuote). A term of invisible characters only (a zero-width space, a word joiner) is no
 * term: no one can see what it would search for; inside a word they are left out, as from the stored
 * text (normalizeForSearch), and the page names them (ignoredNote).
 */
export function parseQuery(query: string): string[] {
  const { parts } = splitQuotes(normalizeForSearch(query).replace(CONTROLS, ' '));
  // Even parts are outside quotes (words), odd ones inside (a phrase each).
  const terms = parts.flatMap((p, i) => (i % 2 ? [p.trim()] : p.split(/\s+/)));
  return terms.filter((t) => t !== '' && !INVISIBLE_ONLY.test(t));
}

/** Whether the query has a double quote without a partner, which the search ignores (parseQuery). */
export function unpairedQuote(query: string): boolean {
  return splitQuotes(normalizeForSearch(query)).unpaired;
}

/**
 * The invisible characters search left out of the query (normalizeForSearch: a zero-width space, word
 * joiner or soft hyphen inside a word, a term of them alone), which the page names so that no one
 * wonders why "hong\u200Bkong" found "hongkong". Not named, as they are part of how the text is written: a
 * variation selector after a character (❤️), and the non-joiner or joiner beside a letter of a script
 * that writes words with them (Persian می‌خواهم, Devanagari क्‍ष), which every Persian query copied from
 * a tweet would otherwise be told about. Each character once, in the order typed.
 */
export function invisiblesIgnored(query: string): string[] {
  const cs = [...query];
  const ignored = new Set<string>();
  cs.forEach((c, i) => {
    if (!INVISIBLE_CHAR.test(c) || /\p{Cc}/u.test(c)) return; // controls part words (CONTROLS)
    const next = cs[i + 1] ?? '';
    if (normalizeForSearch(c + next) !== normalizeForSearch(next)) return; // kept: a joiner in an emoji, a flag's tag
    if (VARIATION_SELECTOR.test(c) && i > 0 && !/\s/u.test(cs[i - 1]!)) return;
    if ((c === '\u200c' || c === '\u200d') && (JOINING_SCRIPT.test(cs[i - 1] ?? '') || JOINING_SCRIPT.test(next))) return;
    ignored.add(c);
  });
  return [...ignored];
}

/** Variation selectors (Mongolian, standard and ideographic ones). */
const VARIATION_SELECTOR = /[\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

/**
 * What search left out of a query it searched, said after it on the page: ` (its unpaired " ignored)`,
 * ` (its invisible character U+200B ZERO WIDTH SPACE ignored)`, both, or nothing.
 */
export function ignoredNote(query: string): string {
  const invisible = invisiblesIgnored(query).map(codePointNamed);
  const parts = [unpairedQuote(query) ? 'unpaired "' : '', invisible.length ? `invisible ${invisible.length === 1 ? 'character' : 'characters'} ${invisible.join(', ')}` : ''].filter(Boolean);
  return parts.length ? ` (its ${parts.join(' and ')} ignored)` : '';
}

/**
 * Why a query that is not blank has nothing to search for: it holds only quotes or invisible
 * characters (named by code point, being invisible). Undefined when it has a term, or is white
 * space only, which is the empty query (every tweet the filters allow).
 */
export function nothingToSearch(query: string): string | undefined {
  if (/^\p{White_Space}*$/u.test(query) || parseQuery(query).length > 0) return undefined;
  // With no term left, every other character is one not seen, or one search leaves out of every text (Arabic tatweel U+0640).
  const others = [...new Set([...query].filter((c) => !/\p{White_Space}/u.test(c) && normalizeForSearch(c) !== '"'))];
  const named = others.map(codePoint).join(', ');
  const quotes = normalizeForSearch(query).split('"').length - 1;
  const held = [
    quotes ? (quotes === 1 ? 'a quote' : 'quotes') : '',
    others.length ? `${others.every((c) => INVISIBLE_CHAR.test(c)) ? 'invisible characters' : 'characters that search ignores'} (${named})` : '',
  ].filter(Boolean).join(' and ');
  return `the search words hold only ${held}, so there is nothing to search for. Type a word, or clear the box to list every tweet the filters allow`;
}

/** The text split on '"' paired from the left (outside, phrase, outside, …); an unpaired last quote is read as a space. */
function splitQuotes(q: string): { parts: string[]; unpaired: boolean } {
  const last = q.lastIndexOf('"');
  const unpaired = (q.split('"').length - 1) % 2 === 1;
  return { parts: (unpaired ? q.slice(0, last) + ' ' + q.slice(last + 1) : q).split('"'), unpaired };
}

/** Control characters other than white space part words: U+0000 joins a block's rows (searchText.ts), so no term may hold it. */
const CONTROLS = /(?!\s)\p{Cc}/gu;

/**
 * Words of a query that other search tools read as operators (OR, AND, NOT, -word): Search has none,
 * and searches them as words; the page says so rather than show a surprising count. Words in a
 * phrase are left out (quotes paired as parseQuery pairs them: an unpaired one makes no phrase).
 */
export function operatorLikeWords(query: string): string[] {
  const outsideQuotes = splitQuotes(query.replace(/[\u201c-\u201f\uff02]/g, '"')).parts.filter((_, i) => i % 2 === 0).join(' ');
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

/**
 * The filters in words. `account` names an account of the account, mentions and retweets filters
 * (a user id, or '@name' for one outside the archive): the page names them by screen name; file
 * names, receipts and the report keep the ids (the default).
 */
export function describeFilters(f: SearchFilters, fmtMinute: (m: number) => string, account: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (f.fromMinute !== undefined) parts.push(`from ${fmtMinute(f.fromMinute)}`);
  if (f.toMinute !== undefined) parts.push(`before ${fmtMinute(f.toMinute)}`);
  if (f.language !== undefined) parts.push(`language ${f.language || '(none)'}`);
  if (f.userid) parts.push(`account ${account(f.userid)}`);
  if (f.retweet) parts.push(f.retweet === 'only' ? 'retweets only' : 'no retweets');
  if (f.hashtag) parts.push(`#${f.hashtag}`);
  if (f.client !== undefined) parts.push(`client ${f.client || '(none)'}`);
  if (f.domain) parts.push(`linking ${f.domain}`);
  if (f.mentions) parts.push(`mentioning ${account(f.mentions)}`);
  if (f.retweets) parts.push(`retweeting ${account(f.retweets)}`);
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
    const rule = termRule(term);
    for (let at = findTerm(norm, term, 0, rule); at >= 0; at = findTerm(norm, term, at + Math.max(term.length, 1), rule)) {
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
