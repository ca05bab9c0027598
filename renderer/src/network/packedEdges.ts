import type { NetEdge } from './networkModel';

/**
 * Plain edges (interaction and co-use networks: no p-values, no post pairs) as columns, in the move
 * from the analysis worker and in the UI's model: the structured clone of 370,000 edge objects (a
 * 1 M-tweet retweet network) cost the UI thread 1.3 s, and a co-URL network's 5.2 M edges as
 * objects held ~280 MB of the UI's heap. The view reads the columns (viewGraph's edgeFacts) and
 * builds objects only for the edges it draws or shows (packedEdgeAt).
 */
export interface PackedEdges {
  /** Node ids, indexed by source and target. */
  ids: string[];
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  directed: boolean;
}

/** Null when some edge carries more than index, ends, weight and direction (coordination edges). */
export function packEdges(edges: readonly NetEdge[]): PackedEdges | null {
  if (edges.some((e) => e.pValue !== undefined || e.pairs !== undefined || e.significant !== undefined)) return null;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const at = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = ids.push(id) - 1));
    return i;
  };
  const p: PackedEdges = { ids, source: new Int32Array(edges.length), target: new Int32Array(edges.length), weight: new Float64Array(edges.length), directed: edges[0]?.directed ?? true };
  edges.forEach((e, i) => {
    p.source[i] = at(e.source);
    p.target[i] = at(e.target);
    p.weight[i] = e.weight;
  });
  return p;
}

/** Edge i as an object. */
export function packedEdgeAt(p: PackedEdges, i: number): NetEdge {
  return { index: i, source: p.ids[p.source[i]!]!, target: p.ids[p.target[i]!]!, weight: p.weight[i]!, directed: p.directed };
}
