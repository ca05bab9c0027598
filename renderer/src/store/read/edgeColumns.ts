import type { EdgeColumns, EdgeKind, ImportEdges } from '../schema';

export const EDGE_KINDS: readonly EdgeKind[] = ['retweet', 'mention', 'reply', 'quote'];

/** Every edge of a kind as [source id, target id, weight]. */
export function* edgeTriples(edges: ImportEdges, kind: EdgeKind): Generator<[string, string, number]> {
  const c = edges[kind];
  for (let i = 0; i < c.weight.length; i++) yield [edges.accounts[c.source[i]!]!, edges.accounts[c.target[i]!]!, c.weight[i]!];
}

/** Columns from "source\ttarget" → weight maps, one per kind, over a fresh account dictionary. */
export function edgesFromPairs(pairs: Record<EdgeKind, Map<string, number>>): ImportEdges {
  const accounts: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = accounts.push(s) - 1));
    return i;
  };
  const out = { accounts } as ImportEdges;
  for (const kind of EDGE_KINDS) {
    const m = pairs[kind];
    const c: EdgeColumns = { source: new Int32Array(m.size), target: new Int32Array(m.size), weight: new Int32Array(m.size) };
    let i = 0;
    for (const [key, n] of m) {
      const tab = key.indexOf('\t');
      c.source[i] = id(key.slice(0, tab));
      c.target[i] = id(key.slice(tab + 1));
      c.weight[i++] = n;
    }
    out[kind] = c;
  }
  return out;
}

/** The edges of several imports summed pair by pair. */
export function mergeEdges(parts: ImportEdges[]): ImportEdges {
  const pairs = { retweet: new Map(), mention: new Map(), reply: new Map(), quote: new Map() } as Record<EdgeKind, Map<string, number>>;
  for (const p of parts) {
    for (const kind of EDGE_KINDS) {
      const m = pairs[kind];
      for (const [s, t, n] of edgeTriples(p, kind)) {
        const key = s + '\t' + t;
        m.set(key, (m.get(key) ?? 0) + n);
      }
    }
  }
  return edgesFromPairs(pairs);
}
