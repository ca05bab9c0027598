import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../seededRandom';

export interface LouvainResult {
  communities: Record<string, number>;
  count: number;
  modularity: number;
}

/** Louvain communities (weighted by `weight`), seeded: the same graph and seed give the same partition. */
export function louvainCommunities(graph: Graph, seed = 1, resolution = 1): LouvainResult {
  if (graph.size === 0) {
    const communities: Record<string, number> = {};
    let k = 0;
    graph.forEachNode((n) => (communities[n] = k++));
    return { communities, count: graph.order, modularity: 0 };
  }
  const d = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed).next });
  return { communities: d.communities, count: d.count, modularity: d.modularity };
}
