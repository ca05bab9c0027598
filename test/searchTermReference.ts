/**
 * Search's term rule (renderer/src/search/findTerm.ts) written again for tests and benchmarks to
 * count matches independently of the app's code: a term is a substring of the normalised text, but
 * a one-word `#tag` or `@name` ending in a letter, digit, mark or '_' must not continue with one
 * (#hongkong is not found in #hongkongprotests).
 */
export function termIn(text: string, term: string): boolean {
  if (!/^[#@]\S+$/u.test(term) || !/[\p{L}\p{N}\p{M}_]$/u.test(term)) return text.includes(term);
  return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![\\p{L}\\p{N}\\p{M}_])', 'u').test(text);
}
