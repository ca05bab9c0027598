/**
 * JSON for people to read: invisible format characters (bidi embeddings, overrides and isolates,
 * zero-width characters, the BOM) written as \uXXXX escapes, which JSON.stringify leaves raw. A
 * right-to-left override in an analyst's note would otherwise display 'gnp.exe' as 'exe.png' in
 * the custody log. The escapes are still valid JSON for the same value.
 */
// Not the zero-width non-joiner and joiner (U+200C, U+200D): they form emoji sequences (👨‍👩‍👧) and
// Persian words (می‌خواهم), move nothing, and escaped would break both apart.
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function visibleJson(value: unknown, space?: number): string {
  return visibleText(JSON.stringify(value, null, space));
}

/** A text with its invisible format characters written as \uXXXX, as visibleJson writes them (for a string shown as itself, not as JSON). */
export function visibleText(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
