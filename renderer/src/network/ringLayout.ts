import type { ViewGraph } from './viewGraph';

/**
 * Instant positions without a force layout (when the analyst cancels ForceAtlas2): one disc per
 * community, communities on a ring, accounts on a sunflower spiral inside their disc, biggest first.
 */
export function ringLayout(v: Pick<ViewGraph, 'nodes'>): Map<string, { x: number; y: number }> {
  const groups = new Map<number, string[]>();
  for (const n of v.nodes) {
    const g = groups.get(n.community);
    if (g) g.push(n.id);
    else groups.set(n.community, [n.id]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const step = 12; // px between neighbours on a spiral
  const radius = (k: number) => step * Math.sqrt(k) + step;
  const ring = ordered.length > 1 ? ordered.reduce((s, g) => s + 2 * radius(g.length), 0) / (2 * Math.PI) : 0;
  const out = new Map<string, { x: number; y: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  let arc = 0;
  for (const g of ordered) {
    const r = radius(g.length);
    const a = ring > 0 ? (arc + r) / ring : 0;
    arc += 2 * r;
    const cx = Math.cos(a) * ring;
    const cy = Math.sin(a) * ring;
    g.forEach((id, i) => {
      const d = step * Math.sqrt(i);
      out.set(id, { x: cx + Math.cos(i * golden) * d, y: cy + Math.sin(i * golden) * d });
    });
  }
  return out;
}
