import { describe, expect, it } from 'vitest';
import { communityColour, NO_COMMUNITY_COLOUR } from '../../../renderer/src/network/communityColours';

/** CIE L*a*b* of an sRGB colour '#rrggbb' (D65). */
function lab(hex: string): [number, number, number] {
  const lin = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(1), lin(3), lin(5)];
  const f = (v: number) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

describe('community colours', () => {
  it('the 16 of the legend are told apart: every two differ by a CIE76 ΔE of at least 10 (community 2 and 8 once differed by 3.2)', () => {
    const colours = Array.from({ length: 16 }, (_, i) => communityColour(i));
    expect(new Set(colours).size).toBe(16);
    const close: string[] = [];
    for (let i = 0; i < 16; i++) {
      for (let j = i + 1; j < 16; j++) {
        const [a, b] = [lab(colours[i]!), lab(colours[j]!)];
        const dE = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        if (dE < 10) close.push(`${i} ${colours[i]} ~ ${j} ${colours[j]}: ΔE ${dE.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('no community is grey, and community 16 reuses community 0', () => {
    expect(communityColour(-1)).toBe(NO_COMMUNITY_COLOUR);
    expect(communityColour(16)).toBe(communityColour(0));
  });
});
