import type Graph from 'graphology';
import { simpleAdjacency } from './simpleAdjacency';

/**
 * Core number of every node (Batagelj–Zaversnik bucket algorithm), on the undirected simple view
 * of the graph: direction, parallel edges and self-loops are ignored. No graphology package has it.
 */
export function coreNumbers(graph: Graph): Record<string, number> {
  const { nodes, starts, neighbours } = simpleAdjacency(graph);
  const n = nodes.length;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) maxDeg = Math.max(maxDeg, (deg[v] = starts[v + 1]! - starts[v]!));
  const bins = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bins[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bins[d]!;
    bins[d] = start;
    start += c;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bins[deg[v]!]!;
    vert[pos[v]!] = v;
    bins[deg[v]!]!++;
  }
  for (let d = maxDeg; d > 0; d--) bins[d] = bins[d - 1]!;
  bins[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let k = starts[v]!; k < starts[v + 1]!; k++) {
      const u = neighbours[k]!;
      if (deg[u]! > deg[v]!) {
        const du = deg[u]!;
        const pu = pos[u]!;
        const pw = bins[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw; vert[pu] = w;
          pos[w] = pu; vert[pw] = u;
        }
        bins[du]!++;
        deg[u]!--;
      }
    }
  }
  const out: Record<string, number> = {};
  nodes.forEach((node, i) => (out[node] = deg[i]!));
  return out;
}
