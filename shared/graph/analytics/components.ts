import type Graph from 'graphology';
import { connectedComponents as cc } from 'graphology-components';

/** Weakly connected components, largest first (ties by first node key). */
export function connectedComponents(graph: Graph): string[][] {
  return cc(graph)
    .map((c) => c.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}
