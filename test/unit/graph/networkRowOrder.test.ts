import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import type { TweetColumns } from '../../../shared/domain/tweet';
import { annotateGraph } from '../../../shared/graph/analytics/annotateGraph';
import { buildNetwork } from '../../../shared/graph/networks/buildNetwork';
import { NETWORK_KINDS, type NetworkKind } from '../../../shared/graph/networks/networkTypes';
import { reordered } from './reorderedColumns';

// The same tweets in another row order (the tweets file split in two, its even rows in one part and its
// odd rows in the other, read part after part, as a dataset built by two imports stores them; or read
// backwards): the graph is built in the same order, so Louvain's communities, the sampled betweenness
// and the edges an edge cap keeps among equal weights are the same. They once followed the order in
// which the rows named accounts (11 Mention communities from one file, 12 from its two halves).
const { columns } = demoTweetColumns({ seed: 11, tweets: 6_000 });
const rows = Array.from({ length: columns.length }, (_, i) => i);
const split = [...rows.filter((i) => i % 2 === 0), ...rows.filter((i) => i % 2 === 1)];

const built = (c: TweetColumns, kind: NetworkKind) => {
  const { graph } = buildNetwork(c, kind);
  const summary = annotateGraph(graph, 1);
  return {
    communities: summary.communities,
    nodes: graph.mapNodes((n) => [n, graph.getNodeAttribute(n, 'community' as never), graph.getNodeAttribute(n, 'betweenness' as never)]),
    edges: graph.mapEdges((_, a, s, t) => [s, t, a.weight]),
  };
};

describe('networks do not depend on the order of the rows', () => {
  for (const kind of NETWORK_KINDS) {
    it(`${kind}: nodes and edges in the same order, the same communities and betweenness`, () => {
      const whole = built(columns, kind);
      expect(whole.edges.length).toBeGreaterThan(10);
      expect(built(reordered(columns, split), kind)).toEqual(whole);
      expect(built(reordered(columns, [...rows].reverse()), kind)).toEqual(whole);
    });
  }
});
