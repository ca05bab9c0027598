import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { louvainCommunities } from '../../../shared/graph/analytics/louvain';
import { degrees } from '../../../shared/graph/analytics/degree';
import { pagerank } from '../../../shared/graph/analytics/pagerank';
import { betweenness, defaultBetweennessSamples } from '../../../shared/graph/analytics/betweenness';
import { coreNumbers } from '../../../shared/graph/analytics/kCore';
import { connectedComponents } from '../../../shared/graph/analytics/components';
import { annotateGraph } from '../../../shared/graph/analytics/annotateGraph';

/** Two 4-cliques joined by one bridge (d–e), plus a pendant f on e and an isolated node z. */
function twoCliques(type: 'undirected' | 'directed' = 'undirected'): Graph {
  const g = new Graph({ type });
  const add = (s: string, t: string, w = 1) => g.mergeEdge(s, t, { weight: w });
  for (const c of [['a', 'b', 'c', 'd'], ['e', 'g', 'h', 'i']]) {
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) add(c[i]!, c[j]!, 2);
  }
  add('d', 'e', 1);
  add('e', 'f', 5);
  g.addNode('z');
  return g;
}

describe('analytics', () => {
  it('degree and weighted degree', () => {
    const d = degrees(twoCliques());
    expect(d.e).toEqual({ degree: 5, inDegree: 5, outDegree: 5, weightedDegree: 12, weightedInDegree: 12, weightedOutDegree: 12 });
    expect(d.z!.degree).toBe(0);
    const dd = degrees(twoCliques('directed'));
    expect([dd.e!.inDegree, dd.e!.outDegree, dd.e!.weightedOutDegree]).toEqual([1, 4, 11]);
  });

  it('Louvain finds the two cliques and is seeded', () => {
    const g = twoCliques();
    const r = louvainCommunities(g, 3);
    const c = r.communities;
    expect(new Set(['a', 'b', 'c', 'd'].map((n) => c[n])).size).toBe(1);
    expect(new Set(['e', 'g', 'h', 'i'].map((n) => c[n])).size).toBe(1);
    expect(c.a).not.toBe(c.e);
    expect(r.modularity).toBeGreaterThan(0.3);
    expect(louvainCommunities(twoCliques(), 3)).toEqual(r);
  });

  it('k-core: cliques are 3-cores, the pendant is a 1-core, the isolated node 0', () => {
    expect(coreNumbers(twoCliques())).toEqual({ a: 3, b: 3, c: 3, d: 3, e: 3, g: 3, h: 3, i: 3, f: 1, z: 0 });
  });

  it('connected components, largest first', () => {
    expect(connectedComponents(twoCliques())).toEqual([['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], ['z']]);
  });

  it('betweenness: the bridge nodes carry the shortest paths; sampling all sources equals exact', () => {
    const g = twoCliques();
    const exact = betweenness(g);
    expect(exact.exact).toBe(true);
    // d and e lie on every path between {a,b,c} and {e...} / {g,h,i,f}
    const top = Object.entries(exact.values).sort((x, y) => y[1] - x[1]).slice(0, 2).map((x) => x[0]).sort();
    expect(top).toEqual(['d', 'e']);
    const sampledAll = betweenness(g, { maxExactNodes: 0, samples: g.order });
    expect(sampledAll.exact).toBe(false);
    for (const n of g.nodes()) expect(sampledAll.values[n]).toBeCloseTo(exact.values[n]!, 9);
    const dg = twoCliques('directed');
    const dExact = betweenness(dg);
    const dSampled = betweenness(dg, { maxExactNodes: 0, samples: dg.order });
    for (const n of dg.nodes()) expect(dSampled.values[n]).toBeCloseTo(dExact.values[n]!, 9);
    // The default sample: 500 sources, fewer (never under 32) as the edges grow past 500,000.
    expect([10, 500_000, 1_000_000, 5_239_492, 1e9].map(defaultBetweennessSamples)).toEqual([500, 500, 250, 47, 32]);
    const half = betweenness(g, { maxExactNodes: 0, samples: 5, seed: 9 });
    expect(half.samples).toBe(5);
    expect(betweenness(g, { maxExactNodes: 0, samples: 5, seed: 9 })).toEqual(half);
  });

  it('PageRank sums to 1 and favours the hub', () => {
    const g = new Graph({ type: 'directed' });
    for (const s of ['a', 'b', 'c', 'd']) g.mergeEdge(s, 'hub', { weight: 1 });
    g.mergeEdge('hub', 'a', { weight: 1 });
    const pr = pagerank(g);
    expect(Object.values(pr).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(Math.max(...Object.values(pr))).toBe(pr.hub);
  });

  it('annotateGraph writes every metric on every node', () => {
    const g = twoCliques();
    const s = annotateGraph(g, 1);
    expect(s.communities).toBe(3);
    expect(s.components).toBe(2);
    expect(Object.keys(g.getNodeAttributes('e')).sort()).toEqual(
      ['betweenness', 'community', 'component', 'core', 'degree', 'inDegree', 'outDegree', 'pagerank', 'weightedDegree'],
    );
  });
});
