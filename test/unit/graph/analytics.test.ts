import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { louvainCommunities } from '../../../shared/graph/analytics/louvain';
import { degrees } from '../../../shared/graph/analytics/degree';
import { pagerank } from '../../../shared/graph/analytics/pagerank';
import { betweenness, defaultBetweennessSamples } from '../../../shared/graph/analytics/betweenness';
import { coreNumbers } from '../../../shared/graph/analytics/kCore';
import { connectedComponents } from '../../../shared/graph/analytics/components';
import { annotateGraph } from '../../../shared/graph/analytics/annotateGraph';
import { connectedComponents as graphologyComponents } from 'graphology-components';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';

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

/** k-core as first written (graphology neighbourhoods, arrays of numbers): the reference. */
function referenceCoreNumbers(graph: Graph): Record<string, number> {
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

describe('k-core, components and PageRank against their references', () => {
  it('give the same results on random graphs: directed, undirected, mixed, with self-loops, parallel edges, isolated nodes and missing weights', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 300; round++) {
      const g = new Graph({ type: (['directed', 'undirected', 'mixed'] as const)[rand(3)], multi: rand(2) === 1 });
      const n = rand(40);
      for (let i = 0; i < n; i++) g.addNode(`v${rand(1000)}-${i}`);
      const nodes = g.nodes();
      for (let e = rand(120); n > 0 && e > 0; e--) {
        const a = nodes[rand(n)]!;
        const b = nodes[rand(n)]!;
        if (!g.multi && g.hasEdge(a, b)) continue;
        // No undirected self-loops: graphology's PageRank index leaves a slot unset for each (NaN, "failed to converge"); no network here has one.
        if (a === b && g.type === 'undirected') continue;
        if (g.type === 'mixed' ? rand(2) === 1 && a !== b : g.type === 'undirected') g.addUndirectedEdge(a, b);
        else g.addDirectedEdge(a, b);
      }
      expect(coreNumbers(g), `round ${round}`).toEqual(referenceCoreNumbers(g));
      g.forEachEdge((e) => { if (rand(4) > 0) g.setEdgeAttribute(e, 'weight', 1 + rand(5)); }); // some edges without a weight (counted 1)
      if (n > 0) {
        const want = graphologyPagerank(g, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 200, tolerance: 1e-9 });
        const got = pagerank(g);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        for (const v of g.nodes()) expect(got[v], `round ${round} ${v}`).toBeCloseTo(want[v]!, 12);
      }
      const want = graphologyComponents(g).map((c) => c.sort()).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
      expect(connectedComponents(g), `round ${round}`).toEqual(want);
    }
  });
});
