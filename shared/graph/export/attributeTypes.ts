import type Graph from 'graphology';

export type AttrType = 'boolean' | 'int' | 'double' | 'string';

/**
 * Measures that are real numbers even when every value of one graph happens to be whole (exact
 * betweenness of a tree, a PageRank of 0): typed double always, so exports of different networks
 * have the same schema and can be merged or compared.
 */
const REAL_VALUED = new Set(['betweenness', 'pagerank', 'expectedWeight', 'pValue', 'qValue']);

/** Scalar attributes only (objects/arrays are not exported); the widest type seen wins. */
export function attributeTypes(items: Iterable<Record<string, unknown>>): Map<string, AttrType> {
  const types = new Map<string, AttrType>();
  const rank: Record<AttrType, number> = { boolean: 0, int: 1, double: 2, string: 3 };
  for (const attrs of items) {
    for (const [k, v] of Object.entries(attrs)) {
      let t: AttrType | null = null;
      if (typeof v === 'boolean') t = 'boolean';
      else if (typeof v === 'number') t = !REAL_VALUED.has(k) && Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 'int' : 'double';
      else if (typeof v === 'string') t = 'string';
      if (!t) continue;
      const prev = types.get(k);
      if (!prev) types.set(k, t);
      else if (prev !== t) types.set(k, (prev === 'boolean') !== (t === 'boolean') ? 'string' : rank[t] > rank[prev] ? t : prev);
    }
  }
  return types;
}

export function nodeAttributeTypes(graph: Graph): Map<string, AttrType> {
  const all: Record<string, unknown>[] = [];
  graph.forEachNode((_n, a) => void all.push(a));
  return attributeTypes(all);
}

export function edgeAttributeTypes(graph: Graph): Map<string, AttrType> {
  const all: Record<string, unknown>[] = [];
  graph.forEachEdge((_e, a) => void all.push(a));
  return attributeTypes(all);
}
