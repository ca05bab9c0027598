/**
 * A CSS `unicode-range` value (`U+0000-00FF, U+0131, U+4??`) as code point intervals, and whether
 * one of them holds a code point: which of a font's @font-face slices draws a character.
 */
export type CodePointRanges = readonly (readonly [number, number])[];

/** The intervals of a unicode-range value; an empty value covers nothing. Throws on a token that is not a range. */
export function parseUnicodeRange(value: string): CodePointRanges {
  const ranges: [number, number][] = [];
  for (const token of value.split(',')) {
    const t = token.trim();
    if (!t) continue;
    const m = /^u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(t);
    if (!m || (m[2] !== undefined && m[1]!.includes('?'))) throw new Error(`not a unicode-range: “${t}”`);
    const lo = parseInt(m[1]!.replaceAll('?', '0'), 16);
    const hi = m[2] !== undefined ? parseInt(m[2], 16) : parseInt(m[1]!.replaceAll('?', 'f'), 16);
    ranges.push([lo, hi]);
  }
  return ranges;
}

export function rangesCover(ranges: CodePointRanges, codePoint: number): boolean {
  return ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}
