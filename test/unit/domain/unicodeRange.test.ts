import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, rangesCover } from '../../../shared/domain/unicodeRange';

describe('parseUnicodeRange', () => {
  it('reads single code points, intervals and wildcards as the CSS Fonts spec does', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131, u+4??, U+1F1E6-1F1FF')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff], [0x1f1e6, 0x1f1ff]]);
    // As Chromium serialises a rule's range (no leading zeros).
    expect(parseUnicodeRange('U+0-FF, U+E0062-E0063')).toEqual([[0, 0xff], [0xe0062, 0xe0063]]);
    expect(parseUnicodeRange('')).toEqual([]);
  });

  it('refuses what is not a range rather than guess', () => {
    expect(() => parseUnicodeRange('U+4?-50')).toThrow('not a unicode-range: “U+4?-50”');
    expect(() => parseUnicodeRange('0041')).toThrow('not a unicode-range: “0041”');
  });

  it('says whether a code point is in the ranges', () => {
    const r = parseUnicodeRange('U+0600-06FF, U+FB50-FDFF');
    expect(rangesCover(r, 'ی'.codePointAt(0)!)).toBe(true);
    expect(rangesCover(r, 0xfdff)).toBe(true);
    expect(rangesCover(r, 'A'.codePointAt(0)!)).toBe(false);
    expect(rangesCover([], 0x41)).toBe(false);
  });
});
