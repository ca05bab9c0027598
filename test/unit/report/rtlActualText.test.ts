import { describe, expect, it } from 'vitest';
import { reversedRtlCluster } from '../../../shared/report/rtlActualText';

describe('the text of right-to-left glyphs in the report PDF (pdftotext reverses it)', () => {
  it('reverses a glyph text of several Arabic or Hebrew characters, keeping its BOM; leaves the rest', () => {
    expect(reversedRtlCluster('\uFEFFلا')).toBe('\uFEFFال');
    expect(reversedRtlCluster('\uFEFFالله')).toBe('\uFEFFهللا');
    expect(reversedRtlCluster('שׁ')).toBe('\u05C1ש'); // a letter and its point
    expect(reversedRtlCluster('\uFEFFل')).toBeNull(); // one character: nothing to do
    expect(reversedRtlCluster('\uFEFFfi')).toBeNull(); // Latin ligatures keep their order
    expect(reversedRtlCluster('ل1')).toBeNull(); // mixed: left alone
  });
});
