import { describe, expect, it } from 'vitest';
import { quantizeSize, SIZE_STEP } from '../../../renderer/src/network/levelOfDetail';
import { ringLayout } from '../../../renderer/src/network/ringLayout';
import { toDrawing } from '../../../renderer/src/network/viewGraph';
import type { NetNode } from '../../../renderer/src/network/networkModel';

const node = (id: string, degree: number, community = 0): NetNode => ({
  id, label: id, screenName: id, displayName: '', external: false, posts: 1, community, degree, weightedDegree: degree, pagerank: 0, betweenness: 0, core: 1,
});

describe('level of detail for big drawings', () => {
  it('node sizes fall on a grid of SIZE_STEP px (shared node textures), idempotently', () => {
    expect(quantizeSize(6.9)).toBe(6);
    expect(quantizeSize(7.1)).toBe(8);
    expect(quantizeSize(0.2)).toBe(SIZE_STEP);
    for (let x = 0; x < 50; x += 0.37) expect(quantizeSize(quantizeSize(x))).toBe(quantizeSize(x));
    const nodes = Array.from({ length: 500 }, (_, i) => node('n' + i, i));
    const sizes = new Set(toDrawing({ nodes, edges: [], omitted: {}, notes: [] }, 'degree').nodes.map((e) => e.data.size as number));
    for (const s of sizes) expect(s % SIZE_STEP).toBe(0);
    expect(sizes.size).toBeLessThanOrEqual(1 + 32 / SIZE_STEP); // 8 … 40 px
  });

  it('ringLayout (cancelled layout) places every node at a distinct point, communities apart', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => node('n' + i, 1, i % 7 === 0 ? -1 : i % 5));
    const pos = ringLayout({ nodes });
    expect(pos.size).toBe(1000);
    expect(new Set([...pos.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(1000);
    for (const p of pos.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // Community centres are further apart than a community's own radius.
    const centre = (c: number) => {
      const ps = nodes.filter((n) => n.community === c).map((n) => pos.get(n.id)!);
      return { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length };
    };
    const a = centre(0);
    const b = centre(1);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(100);
    expect(ringLayout({ nodes: [node('solo', 1)] }).get('solo')).toEqual({ x: 0, y: 0 });
  });
});
