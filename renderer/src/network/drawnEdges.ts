/** An edge as the view asks for it: the model edge index, its end node ids, width (model px) and colour. */
export interface EdgeSpec {
  index: number;
  source: string;
  target: string;
  width: number;
  colour: string;
}

/** A node as the edge layer needs it: where it is and how big (loops are drawn on its top). */
export interface EdgeEnd {
  id: string;
  x: number;
  y: number;
  size: number;
}

/**
 * The edges as rows over node indexes, in typed arrays so drawing and hit-testing 100k edges make no
 * objects. `xy` is the one mutable part: node positions, updated when a node is dragged.
 */
export interface DrawnEdges {
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** x, y per node. */
  xy: Float64Array;
  nodeSize: Float32Array;
  /** Per row: the model edge index (NetEdge.index), end node indexes, width and colour. */
  index: Int32Array;
  source: Int32Array;
  target: Int32Array;
  width: Float32Array;
  colour: string[];
  /** Rows grouped by colour and width: each group is stroked as one path. */
  batches: { colour: string; width: number; rows: Int32Array }[];
}

/** Rows for the specs whose two ends are among `nodes` (the view draws no edge without both). */
export function toDrawnEdges(nodes: readonly EdgeEnd[], specs: readonly EdgeSpec[]): DrawnEdges {
  const nodeIndex = new Map<string, number>();
  const xy = new Float64Array(2 * nodes.length);
  const nodeSize = new Float32Array(nodes.length);
  nodes.forEach((n, i) => {
    nodeIndex.set(n.id, i);
    xy[2 * i] = n.x;
    xy[2 * i + 1] = n.y;
    nodeSize[i] = n.size;
  });
  const kept = specs.filter((e) => nodeIndex.has(e.source) && nodeIndex.has(e.target));
  const groups = new Map<string, { colour: string; width: number; rows: number[] }>();
  const colour: string[] = new Array(kept.length);
  kept.forEach((e, row) => {
    colour[row] = e.colour;
    const key = `${e.colour} ${e.width}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { colour: e.colour, width: e.width, rows: [] }));
    g.rows.push(row);
  });
  return {
    nodeIds: nodes.map((n) => n.id), nodeIndex, xy, nodeSize,
    index: Int32Array.from(kept, (e) => e.index),
    source: Int32Array.from(kept, (e) => nodeIndex.get(e.source)!),
    target: Int32Array.from(kept, (e) => nodeIndex.get(e.target)!),
    width: Float32Array.from(kept, (e) => e.width),
    colour,
    batches: [...groups.values()].map((g) => ({ colour: g.colour, width: g.width, rows: Int32Array.from(g.rows) })),
  };
}
