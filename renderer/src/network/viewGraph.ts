import type cytoscape from 'cytoscape';
import { isolateLabel } from '../../../shared/domain/bidiIsolate';
import { countOf, formatCount } from '../../../shared/domain/countWords';
import { compareIds, isHashedId } from '../../../shared/domain/ids';
import { communityColour } from './communityColours';
import type { EdgeSpec } from './drawnEdges';
import { quantizeSize } from './levelOfDetail';
import { edgeAt, edgeCount, metricName, type MetricName, type NetEdge, type NetNode, type NetworkModel } from './networkModel';

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

/** The view's own filters, in words, for export receipts and pinned views: with them the subset shown can be made again. */
export function viewFilterNotes(s: ViewSettings, coordination: boolean, alpha?: number): string[] {
  return [
    ...(coordination && s.significantOnly ? [`view: significant edges only (q ≤ alpha${alpha === undefined ? '' : ` ${alpha}`})`] : []),
    ...(s.minWeight > 0 ? [`view: edges of weight ≥ ${s.minWeight} only`] : []),
    ...(s.community >= 0 ? [`view: community ${s.community} only`] : []),
    ...(s.minMetric > 0 ? [`view: nodes with ${metricName(s.sizeBy)} ≥ ${s.minMetric} only`] : []),
  ];
}

export interface ViewGraph {
  nodes: NetNode[];
  edges: NetEdge[];
  /** Why things are not drawn, with counts: said in the UI and written into export receipts. */
  omitted: Record<string, number>;
  notes: string[];
}

/** What the view and the summary need of a model's edges, found in one pass per model (a co-use network has millions). */
export interface EdgeFacts {
  /** A coordination model (by its kind, or because its edges carry significance). */
  coordination: boolean;
  /** Some edge carries significance: the view may filter on it and hides accounts left without a drawn edge. */
  significance: boolean;
  significant: number;
  stable: number;
  swept: boolean;
  /** Each node's index in model.nodes, by id. */
  nodeIndex: ReadonlyMap<string, number>;
  /** Each edge's ends as indices into model.nodes (-1: not a node of the model), and its weight. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

const factsOfModel = new WeakMap<NetworkModel, EdgeFacts>();

export function edgeFacts(model: NetworkModel): EdgeFacts {
  let f = factsOfModel.get(model);
  if (f) return f;
  const at = new Map<string, number>();
  model.nodes.forEach((n, i) => at.set(n.id, i));
  const m = edgeCount(model);
  const coordination = model.receipt?.kind.startsWith('coordination') ?? false;
  f = { coordination, significance: false, significant: 0, stable: 0, swept: false, nodeIndex: at, source: new Int32Array(m), target: new Int32Array(m), weight: new Float64Array(m) };
  const p = model.packed;
  if (p) {
    // Columns: the ends are indices into p.ids, mapped once to indices into model.nodes.
    const node = Int32Array.from(p.ids, (id) => at.get(id) ?? -1);
    for (let i = 0; i < m; i++) {
      f.source[i] = node[p.source[i]!]!;
      f.target[i] = node[p.target[i]!]!;
    }
    f.weight = p.weight;
  } else {
    for (let i = 0; i < m; i++) {
      const e = model.edges[i]!;
      if (e.significant !== undefined) f.coordination = f.significance = true;
      if (e.significant) f.significant++;
      if (e.stable) f.stable++;
      if (e.windows) f.swept = true;
      f.source[i] = at.get(e.source) ?? -1;
      f.target[i] = at.get(e.target) ?? -1;
      f.weight[i] = e.weight;
    }
  }
  factsOfModel.set(model, f);
  return f;
}

/**
 * Applies the view's filters, then prunes to the caps by the chosen metric, counting everything left
 * out. Runs on the UI thread at every change of the view's settings: the model's edges (5.2 M in a
 * co-URL network of 1 M tweets) are scanned with typed arrays (edgeFacts), and only the edges drawn
 * are sorted.
 */
export function viewGraph(model: NetworkModel, s: ViewSettings): ViewGraph {
  const omitted: Record<string, number> = {};
  const notes: string[] = [];
  const count = (k: string, n: number) => n > 0 && (omitted[k] = (omitted[k] ?? 0) + n);
  const facts = edgeFacts(model);
  const m = edgeCount(model);
  const { weight } = facts;
  // Significance is carried by edge objects only (coordination models are never packed).
  const significance = s.significantOnly && facts.significance;
  // The edges that pass the significance and weight filters, as indices.
  const passing = new Int32Array(m);
  let n = 0;
  let notSignificant = 0;
  for (let i = 0; i < m; i++) {
    if (significance && !model.edges[i]!.significant) notSignificant++;
    else if (weight[i]! >= s.minWeight) passing[n++] = i;
  }
  count('edgesNotSignificant', notSignificant);
  count('edgesBelowMinWeight', m - notSignificant - n);

  let nodes = model.nodes.filter((n) => (s.community < 0 || n.community === s.community) && n[s.sizeBy] >= s.minMetric);
  count('nodesFilteredByCommunityOrMetric', model.nodes.length - nodes.length);
  // In coordination views an account with no drawn edge says nothing: hide it and count it.
  if (facts.significance) {
    const touched = new Uint8Array(model.nodes.length);
    for (let k = 0; k < n; k++) {
      const i = passing[k]!;
      if (facts.source[i]! >= 0) touched[facts.source[i]!] = 1;
      if (facts.target[i]! >= 0) touched[facts.target[i]!] = 1;
    }
    const n1 = nodes.length;
    nodes = nodes.filter((node) => touched[facts.nodeIndex.get(node.id)!] === 1);
    count('nodesWithoutDrawnEdge', n1 - nodes.length);
  }
  // Whole caps of at least 1 (a typed 2.5 is 2).
  const nodeCap = Math.max(1, Math.floor(s.nodeCap));
  const edgeCap = Math.max(1, Math.floor(s.edgeCap));
  if (nodes.length > nodeCap) {
    const sorted = [...nodes].sort((a, b) => b[s.sizeBy] - a[s.sizeBy] || compareIds(a.id, b.id));
    count('nodesPrunedByCap', nodes.length - nodeCap);
    const last = sorted[nodeCap - 1]![s.sizeBy];
    const tied = sorted.filter((node) => node[s.sizeBy] === last).length;
    const keptTied = sorted.slice(0, nodeCap).filter((node) => node[s.sizeBy] === last).length;
    notes.push(`pruned to the top ${countOf(nodeCap, 'node')} by ${metricName(s.sizeBy)}${tieAtCap(tied, keptTied, `${metricName(s.sizeBy)} ${metricText(last)}`, 'accounts', 'the lowest user ids')}`);
    nodes = sorted.slice(0, nodeCap);
  }
  const keep = new Uint8Array(model.nodes.length);
  for (const node of nodes) keep[facts.nodeIndex.get(node.id)!] = 1;
  // An edge is drawn when both its ends are kept (an end outside the model's nodes is never kept).
  let shown = 0;
  for (let k = 0; k < n; k++) {
    const i = passing[k]!;
    const a = facts.source[i]!;
    const b = facts.target[i]!;
    if (a >= 0 && b >= 0 && keep[a] === 1 && keep[b] === 1) passing[shown++] = i;
  }
  count('edgesOfHiddenNodes', n - shown);
  let edges: NetEdge[];
  if (shown > edgeCap) {
    count('edgesPrunedByCap', shown - edgeCap);
    const kept = heaviest(weight, passing.subarray(0, shown), edgeCap);
    notes.push(`pruned to the ${edgeCap === 1 ? 'heaviest edge' : `${formatCount(edgeCap)} heaviest edges`}${tieAtCap(kept.tied, kept.keptTied, `weight ${metricText(kept.cutoff)}`, 'edges', 'the first in the network\'s edge order')}`);
    edges = kept.indices.map((i) => edgeAt(model, i));
  } else {
    edges = new Array<NetEdge>(shown);
    for (let k = 0; k < shown; k++) edges[k] = edgeAt(model, passing[k]!);
  }
  return { nodes, edges, omitted, notes };
}

/**
 * A cap that cuts through a tie says so, and how the tie was broken: which of equally ranked accounts
 * or edges are drawn is otherwise an unstated choice of the app ('' when the cap falls between two values).
 */
export function tieAtCap(tied: number, keptTied: number, value: string, what: string, rule: string): string {
  return tied > keptTied ? `; ${tied} ${what} tie at ${value} for the last ${keptTied} place${keptTied === 1 ? '' : 's'}: kept, ${rule}` : '';
}

/** A metric as the view's notes print it: whole numbers as they are, fractions to 4 significant digits. */
export function metricText(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/**
 * The indices of the `cap` heaviest of the edges at `indices` (ties: earlier in the model first),
 * heaviest first, with the cut-off weight and how many edges share it (`tied`) and are kept
 * (`keptTied`): the cut-off weight is found on a typed copy of the weights, so only the edges kept
 * are sorted.
 */
function heaviest(weight: Float64Array, indices: Int32Array, cap: number): { indices: number[]; cutoff: number; tied: number; keptTied: number } {
  const weights = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) weights[k] = weight[indices[k]!]!;
  weights.sort();
  const cutoff = weights[weights.length - cap]!;
  let above = 0;
  for (let k = weights.length - 1; k >= 0 && weights[k]! > cutoff; k--) above++;
  // Every edge heavier than the cut-off, and the first edges of exactly that weight (indices are in model order).
  const keptTied = cap - above;
  let atCutoff = keptTied;
  let tied = 0;
  for (let k = weights.length - 1 - above; k >= 0 && weights[k] === cutoff; k--) tied++;
  const out: number[] = [];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const w = weight[i]!;
    if (w > cutoff) out.push(i);
    else if (w === cutoff && atCutoff > 0) {
      out.push(i);
      atCutoff--;
    }
  }
  // Heavier first, then in model order.
  return { indices: out.sort((a, b) => weight[b]! - weight[a]! || a - b), cutoff, tied, keptTied };
}

/**
 * "مريم @lily123": the display name isolated so RTL text keeps its order next to the Latin handle
 * (`isolate` = containBidi for text in a DOM element of its own, which lays out RTL by itself).
 */
export function nodeLabel(n: NetNode, isolate: (text: string) => string = isolateLabel): string {
  const d = n.displayName.trim();
  if (!d || d === n.screenName) return isolate(n.screenName);
  return `${isolate(d)} @${isolate(n.screenName)}`;
}

/**
 * A node's label as drawn on the graph: a hashed screen name (the 2019+ releases' 44-character base64,
 * the 2018 ones' 64 hex) by its first 8 characters and '…', as a short commit hash is: in full, such
 * labels overlapped in any cluster and could not be read. The details, tables, Find and the exports
 * (GraphML, GEXF, CSV, JSON) keep every character; Find takes the first characters as typed.
 */
export function drawnNodeLabel(n: NetNode): string {
  if (!isHashedId(n.screenName)) return nodeLabel(n);
  return nodeLabel({ ...n, screenName: `${n.screenName.slice(0, 8)}…`, displayName: n.displayName.trim() === n.screenName ? '' : n.displayName });
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
    data: { id: n.id, label: drawnNodeLabel(n), color: communityColour(n.community), community: n.community, size: quantizeSize(8 + 32 * Math.sqrt(max > 0 ? n[sizeBy] / max : 0)) },
    ...(positions?.get(n.id) ? { position: positions.get(n.id)! } : {}),
  }));
  const edges: EdgeSpec[] = v.edges.map((e) => ({
    index: e.index, source: e.source, target: e.target,
    width: big ? 1 : 1 + 5 * Math.sqrt(e.weight / maxW),
    colour: e.significant === false ? '#c8c8c8' : '#6b6b6b',
  }));
  return { nodes, edges };
}
