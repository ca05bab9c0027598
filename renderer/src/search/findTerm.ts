/**
 * Where a search term occurs. Terms match as substrings (no word splitting, exact for every script),
 * except a `#tag` or `@name` term, which matches whole hashtags and names as Twitter parses them: an
 * occurrence followed by a letter, digit, mark or '_' is part of a longer one (#hongkong inside
 * #hongkongprotests, @reza inside @reza73274), so #HongKong finds the tweets its hashtag row counts.
 * A term without its '#' (hongkong) still finds every text holding it.
 */
export function isWholeTerm(term: string): boolean {
  return /^[#@][^\s]+$/u.test(term) && TOKEN_CHAR.test(term.slice(-1));
}

/** The next occurrence of `term` in `text` at or after `from` (whole when `whole`), or -1. */
export function findTerm(text: string, term: string, from: number, whole: boolean): number {
  let at = text.indexOf(term, from);
  if (whole) while (at >= 0 && continuesToken(text, at + term.length)) at = text.indexOf(term, at + 1);
  return at;
}

const TOKEN_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function continuesToken(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return TOKEN_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}
