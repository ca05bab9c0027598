import type Graph from 'graphology';
import { indexNodes } from './indexNodes';

/**
 * Weakly connected components, largest first (ties by first node key), each sorted. Union–find over
 * one pass of the edges: graphology-components' walk of every neighbourhood took ~6 s for the 5.2 M
 * edges of a 1 M-tweet co-URL network.
 */
export function connectedComponents(graph: Graph): string[][] {
  const { nodes, index } = indexNodes(graph);
  const parent = new Int32Array(nodes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const a = root(index.get(source)!);
    const b = root(index.get(target)!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  const byRoot = new Map<number, string[]>();
  nodes.forEach((node, i) => {
    const r = root(i);
    const c = byRoot.get(r);
    if (c) c.push(node);
    else byRoot.set(r, [node]);
  });
  return [...byRoot.values()]
    .map((c) => c.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}
