import type Graph from 'graphology';
import type { AnalysisReceipt } from '../analysisReceipt';
import { toGraphML } from './graphml';
import { toGEXF } from './gexf';
import { toEdgeListCsv } from './edgeListCsv';
import { toCytoscapeJson } from './cytoscapeJson';

export type GraphFormat = 'graphml' | 'gexf' | 'csv' | 'json';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['graphml', 'gexf', 'csv', 'json'];

/** Serialise a graph; csv cannot hold the receipt, the caller stores it beside the file. */
export function exportGraph(graph: Graph, format: GraphFormat, receipt: AnalysisReceipt): string {
  switch (format) {
    case 'graphml': return toGraphML(graph, receipt);
    case 'gexf': return toGEXF(graph, receipt);
    case 'csv': return toEdgeListCsv(graph);
    case 'json': return toCytoscapeJson(graph, receipt);
  }
}
