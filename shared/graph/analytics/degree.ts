import type Graph from 'graphology';

export interface NodeDegree {
  degree: number;
  inDegree: number;
  outDegree: number;
  weightedDegree: number;
  weightedInDegree: number;
  weightedOutDegree: number;
}

/** Degree and weighted degree (edge attribute `weight`, default 1); in/out equal degree for undirected graphs. */
export function degrees(graph: Graph): Record<string, NodeDegree> {
  const out: Record<string, NodeDegree> = {};
  graph.forEachNode((n) => {
    out[n] = { degree: 0, inDegree: 0, outDegree: 0, weightedDegree: 0, weightedInDegree: 0, weightedOutDegree: 0 };
  });
  graph.forEachEdge((_e, attr, s, t, _sa, _ta, undirected) => {
    const w = typeof attr.weight === 'number' ? attr.weight : 1;
    const a = out[s]!;
    const b = out[t]!;
    a.degree++; b.degree++;
    a.weightedDegree += w; b.weightedDegree += w;
    if (undirected) {
      a.inDegree++; a.outDegree++; b.inDegree++; b.outDegree++;
      a.weightedInDegree += w; a.weightedOutDegree += w; b.weightedInDegree += w; b.weightedOutDegree += w;
    } else {
      a.outDegree++; b.inDegree++;
      a.weightedOutDegree += w; b.weightedInDegree += w;
    }
  });
  return out;
}
