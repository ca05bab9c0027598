import type Graph from 'graphology';
import { indexNodes } from './indexNodes';

/**
 * PageRank weighted by `weight` (damping 0.85): graphology-metrics' algorithm and convergence test
 * (the L1 change of an iteration under N x tolerance; dangling rank spread evenly), on out-neighbour
 * arrays built in one pass over the edges. graphology's neighbourhood index, built node by node,
 * took ~25 s for the 5.2 M edges of a 1 M-tweet co-URL network. An undirected edge counts both ways
 * (a self-loop once); a missing or non-numeric weight counts 1.
 */
export function pagerank(graph: Graph, alpha = 0.85, maxIterations = 200, tolerance = 1e-9): Record<string, number> {
  const { nodes, index } = indexNodes(graph);
  const N = nodes.length;
  if (N === 0) return {};
  // Arcs: each directed edge once, each undirected edge in both directions (a loop once).
  const arcs = graph.directedSize + 2 * graph.undirectedSize;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const weight = new Float64Array(arcs);
  let m = 0;
  graph.forEachEdge((_edge, attributes, source, target, _sa, _ta, undirected) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    const w = typeof attributes.weight === 'number' && !Number.isNaN(attributes.weight) ? attributes.weight : 1;
    from[m] = a;
    to[m] = b;
    weight[m++] = w;
    if (undirected && a !== b) {
      from[m] = b;
      to[m] = a;
      weight[m++] = w;
    }
  });
  const outWeight = new Float64Array(N);
  for (let k = 0; k < m; k++) outWeight[from[k]!] += weight[k]!;
  const share = new Float64Array(m); // the part of its source's rank an arc carries
  for (let k = 0; k < m; k++) share[k] = weight[k]! / outWeight[from[k]!]!;
  const dangling: number[] = [];
  for (let i = 0; i < N; i++) if (outWeight[i] === 0) dangling.push(i);
  const p = 1 / N;
  let x = new Float64Array(N).fill(p);
  let next = new Float64Array(N);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i]!;
    const base = alpha * dangleSum * p + (1 - alpha) * p;
    next.fill(base);
    for (let k = 0; k < m; k++) next[to[k]!] += alpha * x[from[k]!]! * share[k]!;
    let error = 0;
    for (let i = 0; i < N; i++) error += Math.abs(next[i]! - x[i]!);
    [x, next] = [next, x];
    if (error < N * tolerance) {
      const out: Record<string, number> = {};
      for (let i = 0; i < N; i++) out[nodes[i]!] = x[i]!;
      return out;
    }
  }
  throw new Error('PageRank did not converge');
}
