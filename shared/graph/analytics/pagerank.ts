import type Graph from 'graphology';
import pagerankImpl from 'graphology-metrics/centrality/pagerank';

/** PageRank weighted by `weight` (damping 0.85). */
export function pagerank(graph: Graph, alpha = 0.85): Record<string, number> {
  if (graph.order === 0) return {};
  return pagerankImpl(graph, { getEdgeWeight: 'weight', alpha, maxIterations: 200, tolerance: 1e-9 });
}
