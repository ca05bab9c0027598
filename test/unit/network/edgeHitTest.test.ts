import { describe, expect, it } from 'vitest';
import { toDrawnEdges, type EdgeEnd, type EdgeSpec } from '../../../renderer/src/network/drawnEdges';
import { loopCircle, segmentDistanceSq } from '../../../renderer/src/network/edgeGeometry';
import { nearestEdge } from '../../../renderer/src/network/edgeHitTest';

const end = (id: string, x: number, y: number, size = 10): EdgeEnd => ({ id, x, y, size });
const spec = (index: number, source: string, target: string, width = 1, colour = '#6b6b6b'): EdgeSpec => ({ index, source, target, width, colour });

describe('edge geometry', () => {
  it('segmentDistanceSq: perpendicular inside the segment, to the nearer end outside it, a point for zero length', () => {
    expect(segmentDistanceSq(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(segmentDistanceSq(-3, 4, 0, 0, 10, 0)).toBe(25);
    expect(segmentDistanceSq(13, -4, 0, 0, 10, 0)).toBe(25);
    expect(segmentDistanceSq(3, 4, 1, 1, 1, 1)).toBe(4 + 9);
    // Diagonal: (0, 10) is 10/√2 from the line y = x.
    expect(segmentDistanceSq(0, 10, 0, 0, 10, 10)).toBeCloseTo(50, 9);
  });

  it('loopCircle rests on top of its node and overlaps it', () => {
    const c = loopCircle(100, 50, 20);
    expect(c.cx).toBe(100);
    const bottom = c.cy + c.r;
    expect(bottom).toBeGreaterThan(50 - 10); // below the node's top edge: overlaps the node
    expect(bottom).toBeLessThan(50); // but above its centre
    expect(loopCircle(0, 0, 2).r).toBeGreaterThan(2); // visible on a small node
  });
});

describe('toDrawnEdges', () => {
  it('rows over node indexes, edges with a missing end left out, one batch per colour and width', () => {
    const d = toDrawnEdges([end('a', 0, 0), end('b', 10, 0), end('c', 0, 10)], [
      spec(7, 'a', 'b'), spec(3, 'b', 'c', 2), spec(9, 'a', 'gone'), spec(4, 'c', 'a'), spec(5, 'a', 'c', 1, '#c8c8c8'),
    ]);
    expect([...d.index]).toEqual([7, 3, 4, 5]);
    expect([...d.source]).toEqual([0, 1, 2, 0]);
    expect([...d.target]).toEqual([1, 2, 0, 2]);
    expect([...d.xy]).toEqual([0, 0, 10, 0, 0, 10]);
    expect(d.batches.map((b) => [b.colour, b.width, [...b.rows]])).toEqual([
      ['#6b6b6b', 1, [0, 2]], ['#6b6b6b', 2, [1]], ['#c8c8c8', 1, [3]],
    ]);
    // Every row is in exactly one batch.
    expect(d.batches.flatMap((b) => [...b.rows]).sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('nearestEdge', () => {
  // A square with a diagonal, a thick edge and a self-loop on d.
  const nodes = [end('a', 0, 0), end('b', 100, 0), end('c', 100, 100), end('d', 0, 100, 20)];
  const d = toDrawnEdges(nodes, [spec(10, 'a', 'b'), spec(11, 'b', 'c'), spec(12, 'a', 'c'), spec(13, 'c', 'd', 9), spec(14, 'd', 'd')]);
  const hit = (x: number, y: number, tol = 3) => {
    const row = nearestEdge(d, x, y, tol);
    return row < 0 ? null : d.index[row];
  };

  it('finds the edge under the point and the nearest of several within the tolerance', () => {
    expect(hit(50, 0)).toBe(10);
    expect(hit(50, 2)).toBe(10);
    expect(hit(100, 40)).toBe(11);
    expect(hit(30, 31)).toBe(12); // the diagonal, 1/√2 away
    // Near the corner b both a–b and b–c are within reach: the closer one wins.
    expect(hit(98, 1)).toBe(10);
    expect(hit(99, 2)).toBe(11);
  });

  it('counts the tolerance from the stroke, so a thick edge is hit further from its centre line', () => {
    expect(hit(50, 106)).toBe(13); // half width 4.5 + 3
    expect(hit(50, 94)).toBe(13);
    expect(hit(50, 92)).toBeNull();
    expect(hit(50, 5)).toBeNull(); // a 1 px edge: 0.5 + 3
    expect(hit(50, 5, 5)).toBe(10);
  });

  it('hits a self-loop on its circle, not at its centre', () => {
    const c = loopCircle(0, 100, 20);
    expect(hit(c.cx + c.r, c.cy)).toBe(14);
    expect(hit(c.cx, c.cy - c.r - 1)).toBe(14);
    expect(hit(c.cx, c.cy)).toBeNull();
  });

  it('follows moved nodes (positions are read at each hit test)', () => {
    const moved = toDrawnEdges([end('p', 0, 0), end('q', 10, 0)], [spec(1, 'p', 'q')]);
    expect(nearestEdge(moved, 5, 50, 2)).toBe(-1);
    moved.xy[3] = 100; // q to (10, 100)
    expect(nearestEdge(moved, 5, 50, 2)).toBe(0);
  });

  it('is empty-safe', () => {
    expect(nearestEdge(toDrawnEdges([], []), 0, 0, 10)).toBe(-1);
  });
});
