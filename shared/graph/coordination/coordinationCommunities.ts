import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../seededRandom';
import type { CoordinationEdge } from './coordinationTypes';

export interface CoordinationCommunity {
  id: number;
  /** userids, sorted. */
  members: string[];
}

/** The undirected weighted graph of the given edges (node keys are userids; posts = the account's posts that carried an object, when given). */
export function coordinationGraph(edges: readonly CoordinationEdge[], postsByAccount?: Readonly<Record<string, number>>): Graph {
  const g = new Graph({ type: 'undirected' });
  const attributes = (u: string) => (postsByAccount ? { posts: postsByAccount[u] ?? 0 } : {});
  for (const e of edges) {
    g.mergeNode(e.source, attributes(e.source));
    g.mergeNode(e.target, attributes(e.target));
    g.addEdge(e.source, e.target, {
      weight: e.weight, expectedWeight: e.expectedWeight, pValue: e.pValue, qValue: e.qValue, pairs: e.pairs.length,
    });
  }
  return g;
}

/**
 * Louvain communities on the significant-edge subgraph, seeded so the same result comes back.
 * Communities are numbered by size (largest first), then by their first member.
 */
export function coordinationCommunities(edges: readonly CoordinationEdge[], seed = 1): CoordinationCommunity[] {
  const g = coordinationGraph(edges.filter((e) => e.significant));
  if (g.order === 0) return [];
  const mapping = louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(seed).next });
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(mapping)) {
    const list = groups.get(c) ?? [];
    list.push(node);
    groups.set(c, list);
  }
  const lists = [...groups.values()].map((m) => m.sort());
  lists.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  return lists.map((members, id) => ({ id, members }));
}
