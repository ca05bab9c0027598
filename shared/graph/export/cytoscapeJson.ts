import type Graph from 'graphology';
import type { AnalysisReceipt } from '../analysisReceipt';

/** Cytoscape.js / Cytoscape desktop JSON; the receipt sits in the network-level `data`. */
export function toCytoscapeJson(graph: Graph, receipt: AnalysisReceipt): string {
  const scalar = (a: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(a).filter(([, v]) => v === null || typeof v !== 'object'));
  const nodes: unknown[] = [];
  graph.forEachNode((n, a) => nodes.push({ data: { ...scalar(a), id: n, label: a.label ?? n } }));
  const edges: unknown[] = [];
  let i = 0;
  graph.forEachEdge((_e, a, s, t, _sa, _ta, undirected) =>
    edges.push({ data: { ...scalar(a), id: `e${i++}`, source: s, target: t, directed: !undirected } }));
  return JSON.stringify({
    format_version: '1.0',
    generated_by: 'Disclosure Workbench',
    target_cytoscapejs_version: '~3.35',
    data: { name: receipt.kind, analysis_receipt: receipt },
    elements: { nodes, edges },
  }, null, 1) + '\n';
}
