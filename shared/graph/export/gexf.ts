import type Graph from 'graphology';
import type { AnalysisReceipt } from '../analysisReceipt';
import { xmlAttr, xmlText } from './xmlText';
import { edgeAttributeTypes, nodeAttributeTypes, type AttrType } from './attributeTypes';

const GEXF_TYPE: Record<AttrType, string> = { boolean: 'boolean', int: 'integer', double: 'double', string: 'string' };

/**
 * GEXF 1.3 (Gephi's own format). Node `label` and edge `weight` use GEXF's built-in fields; other
 * scalar attributes become attvalues. The receipt is the <meta><description> (JSON).
 */
export function toGEXF(graph: Graph, receipt: AnalysisReceipt): string {
  const nodeTypes = nodeAttributeTypes(graph);
  const edgeTypes = edgeAttributeTypes(graph);
  nodeTypes.delete('label');
  edgeTypes.delete('weight');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Disclosure Workbench</creator>',
    `    <keywords>${xmlText(receipt.kind)}</keywords>`,
    `    <description>${xmlText(JSON.stringify(receipt))}</description>`,
    '  </meta>',
    `  <graph mode="static" defaultedgetype="${graph.type === 'undirected' ? 'undirected' : 'directed'}">`,
  ];
  const declare = (cls: string, types: Map<string, AttrType>): Map<string, string> => {
    const ids = new Map<string, string>();
    if (types.size === 0) return ids;
    out.push(`    <attributes class="${cls}">`);
    let i = 0;
    for (const [name, t] of types) {
      ids.set(name, String(i));
      out.push(`      <attribute id="${i++}" title="${xmlAttr(name)}" type="${GEXF_TYPE[t]}"/>`);
    }
    out.push('    </attributes>');
    return ids;
  };
  const nodeIds = declare('node', nodeTypes);
  const edgeIds = declare('edge', edgeTypes);
  const attvalues = (ids: Map<string, string>, a: Record<string, unknown>): string => {
    const vals = [...ids].filter(([name]) => a[name] !== undefined && typeof a[name] !== 'object')
      .map(([name, id]) => `<attvalue for="${id}" value="${xmlAttr(String(a[name]))}"/>`);
    return vals.length ? `<attvalues>${vals.join('')}</attvalues>` : '';
  };
  out.push('    <nodes>');
  graph.forEachNode((n, a) => {
    const label = typeof a.label === 'string' ? a.label : n;
    out.push(`      <node id="${xmlAttr(n)}" label="${xmlAttr(label)}">${attvalues(nodeIds, a)}</node>`);
  });
  out.push('    </nodes>', '    <edges>');
  let i = 0;
  graph.forEachEdge((_e, a, s, t) => {
    const w = typeof a.weight === 'number' ? ` weight="${a.weight}"` : '';
    out.push(`      <edge id="${i++}" source="${xmlAttr(s)}" target="${xmlAttr(t)}"${w}>${attvalues(edgeIds, a)}</edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
