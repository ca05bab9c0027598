import { describe, expect, it } from 'vitest';
import { fitSpread } from '../../../renderer/src/views/network/runLayout';

describe('ForceAtlas2 positions scaled for drawing', () => {
  it('puts 90% of the nodes within 20·√n of the middle and draws far stragglers in', () => {
    // 400 nodes on a 20×20 grid 1000 units apart (a huge spread), and one straggler a million units out.
    const n = 401;
    const xy = new Float32Array(2 * n);
    for (let i = 0; i < 400; i++) [xy[2 * i], xy[2 * i + 1]] = [(i % 20) * 1000, Math.floor(i / 20) * 1000];
    [xy[800], xy[801]] = [1e6, 1e6];
    const out = fitSpread(xy);
    const r = Array.from({ length: n }, (_, i) => Math.hypot(out[2 * i]!, out[2 * i + 1]!));
    const sorted = [...r].sort((a, b) => a - b);
    expect(sorted[Math.floor(0.9 * (n - 1))]).toBeCloseTo(20 * Math.sqrt(n), 0);
    // The straggler stays outermost but within a few radii, so it does not shrink the fit.
    expect(r[400]).toBe(sorted[n - 1]);
    expect(r[400]! / (20 * Math.sqrt(n))).toBeLessThan(10);
    // Neighbours keep their order and spacing ratios inside the bulk.
    expect(out[2] - out[0]).toBeCloseTo(out[4] - out[2], 3);
  });
});
