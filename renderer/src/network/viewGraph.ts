import type cytoscape from 'cytoscape';
import { isolateLabel } from './bidiLabel';
import { communityColour } from './communityColours';
import type { EdgeSpec } from './drawnEdges';
import { quantizeSize } from './levelOfDetail';
import type { MetricName, NetEdge, NetNode, NetworkModel } from './networkModel';

export interface ViewSettings {
  /** Coordination: draw only edges with q ≤ alpha. */
  significantOnly: boolean;
  minWeight: number;
  /** -1 = all communities. */
  community: number;
  sizeBy: MetricName;
  /** Hide nodes whose sizeBy metric is below this. */
  minMetric: number;
  /** Never draw more nodes than this (top by sizeBy). */
  nodeCap: number;
  edgeCap: number;
}

export interface ViewGraph {
  nodes: NetNode[];
  edges: NetEdge[];
  /** Why things are not drawn, with counts: said in the UI and written into export receipts. */
  omitted: Record<string, number>;
  notes: string[];
}

/** The `omitted` keys (kept as they are in export receipts) in words, for the view. */
export const OMITTED_LABELS: Record<string, string> = {
  edgesNotSignificant: 'edges not significant',
  edgesBelowMinWeight: 'edges under the minimum weight',
  nodesFilteredByCommunityOrMetric: 'accounts outside the community or metric filter',
  nodesWithoutDrawnEdge: 'accounts without a drawn edge',
  nodesPrunedByCap: 'accounts beyond the node cap',
  edgesOfHiddenNodes: 'edges of hidden accounts',
  edgesPrunedByCap: 'edges beyond the edge cap',
};

/** Applies the view's filters, then prunes to the caps by the chosen metric, counting everything left out. */
export function viewGraph(model: NetworkModel, s: ViewSettings): ViewGraph {
  const omitted: Record<string, number> = {};
  const notes: string[] = [];
  const count = (k: string, n: number) => n > 0 && (omitted[k] = (omitted[k] ?? 0) + n);
  let edges = model.edges;
  const before = edges.length;
  if (s.significantOnly && edges.some((e) => e.significant !== undefined)) edges = edges.filter((e) => e.significant);
  count('edgesNotSignificant', before - edges.length);
  let n0 = edges.length;
  edges = edges.filter((e) => e.weight >= s.minWeight);
  count('edgesBelowMinWeight', n0 - edges.length);

  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  let nodes = model.nodes.filter((n) => (s.community < 0 || n.community === s.community) && n[s.sizeBy] >= s.minMetric);
  count('nodesFilteredByCommunityOrMetric', model.nodes.length - nodes.length);
  // In coordination views an account with no drawn edge says nothing: hide it and count it.
  if (model.edges.some((e) => e.significant !== undefined)) {
    const touched = new Set<string>();
    for (const e of edges) touched.add(e.source).add(e.target);
    const n1 = nodes.length;
    nodes = nodes.filter((n) => touched.has(n.id));
    count('nodesWithoutDrawnEdge', n1 - nodes.length);
  }
  if (nodes.length > s.nodeCap) {
    const sorted = [...nodes].sort((a, b) => b[s.sizeBy] - a[s.sizeBy] || (a.id < b.id ? -1 : 1));
    count('nodesPrunedByCap', nodes.length - s.nodeCap);
    notes.push(`pruned to the top ${s.nodeCap} nodes by ${s.sizeBy}`);
    nodes = sorted.slice(0, s.nodeCap);
  }
  const keep = new Set(nodes.map((n) => n.id));
  n0 = edges.length;
  edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target) && byId.has(e.source));
  count('edgesOfHiddenNodes', n0 - edges.length);
  if (edges.length > s.edgeCap) {
    count('edgesPrunedByCap', edges.length - s.edgeCap);
    notes.push(`pruned to the ${s.edgeCap} heaviest edges`);
    edges = [...edges].sort((a, b) => b.weight - a.weight || a.index - b.index).slice(0, s.edgeCap);
  }
  return { nodes, edges, omitted, notes };
}

/** "مريم @lily123": the display name isolated so RTL text keeps its order next to the Latin handle. */
export function nodeLabel(n: NetNode): string {
  const d = n.displayName.trim();
  if (!d || d === n.screenName) return isolateLabel(n.screenName);
  return `${isolateLabel(d)} @${n.screenName}`;
}

/** What the view draws: node definitions for Cytoscape (with positions when laid out) and the edges for the EdgeLayer. */
export function toDrawing(v: ViewGraph, sizeBy: MetricName, positions?: Map<string, { x: number; y: number }>): { nodes: cytoscape.ElementDefinition[]; edges: EdgeSpec[] } {
  let max = 0;
  for (const n of v.nodes) max = Math.max(max, n[sizeBy]);
  let maxW = 1;
  for (const e of v.edges) maxW = Math.max(maxW, e.weight);
  const big = v.edges.length > 5_000;
  const nodes: cytoscape.ElementDefinition[] = v.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: nodeLabel(n), color: communityColour(n.community), size: quantizeSize(8 + 32 * Math.sqrt(max > 0 ? n[sizeBy] / max : 0)) },
    ...(positions?.get(n.id) ? { position: positions.get(n.id)! } : {}),
  }));
  const edges: EdgeSpec[] = v.edges.map((e) => ({
    index: e.index, source: e.source, target: e.target,
    width: big ? 1 : 1 + 5 * Math.sqrt(e.weight / maxW),
    colour: e.significant === false ? '#c8c8c8' : '#6b6b6b',
  }));
  return { nodes, edges };
}
