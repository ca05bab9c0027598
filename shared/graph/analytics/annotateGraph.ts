import type Graph from 'graphology';
import type { AlgorithmName } from '../analysisReceipt';
import { louvainCommunities } from './louvain';
import { degrees } from './degree';
import { pagerank } from './pagerank';
import { betweenness } from './betweenness';
import { coreNumbers } from './kCore';
import { connectedComponents } from './components';

export interface AnnotationSummary {
  algorithms: AlgorithmName[];
  communities: number;
  modularity: number;
  components: number;
  betweennessExact: boolean;
  betweennessSamples: number;
}

/**
 * Writes the standard metrics onto the nodes (community, pagerank, degree, weightedDegree,
 * inDegree, outDegree, core, component, betweenness) so every exporter carries them. `onStep`
 * names each algorithm as it starts (none of them can say how far it is).
 */
export function annotateGraph(graph: Graph, seed = 1, onStep?: (step: string) => void): AnnotationSummary {
  onStep?.('Louvain communities');
  const lv = louvainCommunities(graph, seed);
  onStep?.('degrees');
  const deg = degrees(graph);
  onStep?.('PageRank');
  const pr = pagerank(graph);
  onStep?.('betweenness');
  const bc = betweenness(graph, { seed });
  onStep?.('k-core');
  const core = coreNumbers(graph);
  onStep?.('connected components');
  const comps = connectedComponents(graph);
  const componentOf = new Map<string, number>();
  comps.forEach((c, i) => c.forEach((n) => componentOf.set(n, i)));
  graph.forEachNode((n) => {
    const d = deg[n]!;
    graph.mergeNodeAttributes(n, {
      community: lv.communities[n],
      pagerank: pr[n] ?? 0,
      degree: d.degree,
      inDegree: d.inDegree,
      outDegree: d.outDegree,
      weightedDegree: d.weightedDegree,
      core: core[n],
      component: componentOf.get(n),
      betweenness: bc.values[n] ?? 0,
    });
  });
  return {
    algorithms: ['louvain', 'degree', 'pagerank', 'betweenness', 'k-core', 'connected-components'],
    communities: lv.count,
    modularity: lv.modularity,
    components: comps.length,
    betweennessExact: bc.exact,
    betweennessSamples: bc.samples,
  };
}
