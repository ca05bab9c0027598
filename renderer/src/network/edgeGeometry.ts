/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by); a zero-length segment is a point. */
export function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/**
 * A self-loop (an account replying to or retweeting itself) is a circle resting on top of its node,
 * overlapping it a little; labels sit below nodes, so the top is free. Model units.
 */
export function loopCircle(x: number, y: number, nodeSize: number): { cx: number; cy: number; r: number } {
  const r = Math.max(5, nodeSize * 0.4);
  return { cx: x, cy: y - nodeSize / 2 - r * 0.7, r };
}
