/**
 * Search's term rule (renderer/src/search/findTerm.ts) written again for tests and benchmarks to
 * count matches independently of the app's code: a term is a substring of the normalised text, but
 * a one-word `#tag` or `@name` ending in a letter, digit, mark or '_' matches only as a whole
 * hashtag or name: a `#tag` not right after a letter, digit, mark, '_', '&' or '/', an `@name` not
 * after an ASCII letter, digit, '_' or '@'; neither followed by a letter, digit, mark or '_' (#hongkong
 * is not found in #hongkongprotests), except that an ASCII `@name` may be followed by any non-ASCII
 * character (`@reza你好` mentions @reza).
 */
export function termIn(text: string, term: string): boolean {
  if (!/^[#@]\S+$/u.test(term) || !/[\p{L}\p{N}\p{M}_]$/u.test(term)) return text.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = term[0] === '#' ? '(?<![\\p{L}\\p{N}\\p{M}_&/])' : '(?<![A-Za-z0-9_@])';
  const after = /^@[A-Za-z0-9_]+$/.test(term) ? '(?![A-Za-z0-9_])' : '(?![\\p{L}\\p{N}\\p{M}_])';
  return new RegExp(before + escaped + after, 'u').test(text);
}
