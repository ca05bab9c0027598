/**
 * Where a search term occurs. Terms match as substrings (no word splitting, exact for every script),
 * except a `#tag` or `@name` term, which matches whole hashtags and names as the app counts them
 * (`hashtagsFromText`, `textMentions`), so #HongKong finds the tweets its hashtag row counts:
 * - an occurrence right after a letter, digit, mark, '_', '&' or '/' (a `#` of a link's fragment,
 *   `page#HongKong`) is no hashtag, and one after an ASCII letter, digit, '_' or '@' (an e-mail
 *   address, `info@reza.com`) no mention;
 * - an occurrence followed by a letter, digit, mark or '_' is part of a longer one (#hongkong inside
 *   #hongkongprotests, @reza inside @reza73274). Screen names are ASCII, so an ASCII `@name` ends at
 *   the first other character: `@reza你好` mentions @reza.
 * A term without its '#' (hongkong) still finds every text holding it.
 */
/** How a term must stand in the text; 'screen-name' is an ASCII `@name` (as Twitter's are), 'mention' any other. */
export type TermRule = 'substring' | 'hashtag' | 'screen-name' | 'mention';

export function termRule(term: string): TermRule {
  if (!/^[#@][^\s]+$/u.test(term) || !TOKEN_CHAR.test(term.slice(-1))) return 'substring';
  return term[0] === '#' ? 'hashtag' : /^@[A-Za-z0-9_]+$/.test(term) ? 'screen-name' : 'mention';
}

/** The next occurrence of `term` in `text` at or after `from` (whole by `rule`), or -1. */
export function findTerm(text: string, term: string, from: number, rule: TermRule): number {
  let at = text.indexOf(term, from);
  if (rule === 'substring') return at;
  while (at >= 0 && (startsInside(text, at, rule) || continuesToken(text, at + term.length, rule))) at = text.indexOf(term, at + 1);
  return at;
}

const TOKEN_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const BEFORE_HASHTAG = /[\p{L}\p{N}\p{M}_&/]/u;

const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

function startsInside(text: string, at: number, rule: TermRule): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (rule !== 'hashtag') return isAsciiWord(c) || c === 64;
  if (c < 0x80) return isAsciiWord(c) || c === 38 || c === 47;
  // The code point ending before `at` (a low surrogate's pair read whole).
  const start = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return BEFORE_HASHTAG.test(String.fromCodePoint(text.codePointAt(start)!));
}

function continuesToken(text: string, i: number, rule: TermRule): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWord(c);
  return rule !== 'screen-name' && TOKEN_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}
