import type Graph from 'graphology';

/**
 * Core number of every node (Batagelj–Zaversnik bucket algorithm), on the undirected simple view
 * of the graph: direction, parallel edges and self-loops are ignored. No graphology package has it.
 */
export function coreNumbers(graph: Graph): Record<string, number> {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const adj: number[][] = nodes.map((n) => {
    const set = new Set<number>();
    graph.forEachNeighbor(n, (m) => {
      if (m !== n) set.add(index.get(m)!);
    });
    return [...set];
  });
  const n = nodes.length;
  const deg = adj.map((a) => a.length);
  const maxDeg = Math.max(0, ...deg);
  const bins = new Array<number>(maxDeg + 1).fill(0);
  for (const d of deg) bins[d]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bins[d]!;
    bins[d] = start;
    start += c;
  }
  const pos = new Array<number>(n);
  const vert = new Array<number>(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bins[deg[v]!]!;
    vert[pos[v]!] = v;
    bins[deg[v]!]!++;
  }
  for (let d = maxDeg; d > 0; d--) bins[d] = bins[d - 1]!;
  bins[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (const u of adj[v]!) {
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
