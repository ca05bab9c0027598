import type { DrawnEdges } from './drawnEdges';
import { loopCircle, segmentDistanceSq } from './edgeGeometry';

/**
 * The row of the edge whose stroke passes nearest to (x, y), counting only strokes within
 * `tolerance` (model units) of their drawn edge, or -1. A plain scan over the rows: a tap is rare and
 * 100k edges take about a millisecond, while a spatial index would have to be rebuilt whenever a node is dragged.
 */
export function nearestEdge(d: DrawnEdges, x: number, y: number, tolerance: number): number {
  let best = -1;
  let bestGap = Infinity;
  const { xy, source, target, width } = d;
  for (let row = 0; row < source.length; row++) {
    const s = source[row]!;
    const t = target[row]!;
    const half = width[row]! / 2;
    let dist: number;
    if (s === t) {
      const c = loopCircle(xy[2 * s]!, xy[2 * s + 1]!, d.nodeSize[s]!);
      dist = Math.abs(Math.hypot(x - c.cx, y - c.cy) - c.r);
    } else {
      const sq = segmentDistanceSq(x, y, xy[2 * s]!, xy[2 * s + 1]!, xy[2 * t]!, xy[2 * t + 1]!);
      // Cheap reject before the square root: most rows are far away.
      if (sq > (half + tolerance) * (half + tolerance)) continue;
      dist = Math.sqrt(sq);
    }
    const gap = dist - half;
    if (gap <= tolerance && gap < bestGap) {
      bestGap = gap;
      best = row;
    }
  }
  return best;
}
