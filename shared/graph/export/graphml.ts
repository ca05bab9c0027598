import type Graph from 'graphology';
import type { AnalysisReceipt } from '../analysisReceipt';
import { xmlAttr, xmlText } from './xmlText';
import { edgeAttributeTypes, nodeAttributeTypes, type AttrType } from './attributeTypes';

const GRAPHML_TYPE: Record<AttrType, string> = { boolean: 'boolean', int: 'int', double: 'double', string: 'string' };

/**
 * GraphML (opens in Gephi, Cytoscape, yEd, networkx). The analysis receipt is in the graph's
 * <desc> and as a graph-level data key `analysis_receipt` (JSON).
 */
export function toGraphML(graph: Graph, receipt: AnalysisReceipt): string {
  const nodeTypes = nodeAttributeTypes(graph);
  const edgeTypes = edgeAttributeTypes(graph);
  const nodeKey = new Map<string, string>();
  const edgeKey = new Map<string, string>();
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g0" for="graph" attr.name="analysis_receipt" attr.type="string"/>',
  ];
  let k = 0;
  for (const [name, t] of nodeTypes) {
    const id = `n${k++}`;
    nodeKey.set(name, id);
    out.push(`  <key id="${id}" for="node" attr.name="${xmlAttr(name)}" attr.type="${GRAPHML_TYPE[t]}"/>`);
  }
  k = 0;
  for (const [name, t] of edgeTypes) {
    const id = `e${k++}`;
    edgeKey.set(name, id);
    out.push(`  <key id="${id}" for="edge" attr.name="${xmlAttr(name)}" attr.type="${GRAPHML_TYPE[t]}"/>`);
  }
  const directed = graph.type !== 'undirected';
  out.push(`  <graph id="G" edgedefault="${directed ? 'directed' : 'undirected'}">`);
  out.push(`    <desc>${xmlText(JSON.stringify(receipt))}</desc>`);
  out.push(`    <data key="g0">${xmlText(JSON.stringify(receipt))}</data>`);
  const data = (keys: Map<string, string>, attrs: Record<string, unknown>): string =>
    [...keys].filter(([name]) => attrs[name] !== undefined && typeof attrs[name] !== 'object')
      .map(([name, id]) => `<data key="${id}">${xmlText(String(attrs[name]))}</data>`).join('');
  graph.forEachNode((n, a) => out.push(`    <node id="${xmlAttr(n)}">${data(nodeKey, a)}</node>`));
  let i = 0;
  graph.forEachEdge((_e, a, s, t, _sa, _ta, undirected) => {
    const dir = undirected === !directed ? '' : ` directed="${!undirected}"`;
    out.push(`    <edge id="e${i++}" source="${xmlAttr(s)}" target="${xmlAttr(t)}"${dir}>${data(edgeKey, a)}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
