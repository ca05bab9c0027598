import type Graph from 'graphology';
import { edgeAttributeTypes } from './attributeTypes';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function csvField(v: unknown): string {
  // A lone surrogate has no UTF-8 encoding: write U+FFFD explicitly rather than leave it to the encoder.
  const s = (v === undefined || v === null ? '' : String(v)).replace(LONE_SURROGATE, '\uFFFD');
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/**
 * Edge list: source,target,weight,<other scalar edge attributes>, plus source_label,target_label.
 * Plain RFC 4180 CSV (UTF-8, no BOM, LF): CSV has no place for metadata, so the analysis receipt
 * travels as a sidecar file (the CLI writes PATH.receipt.json).
 */
export function toEdgeListCsv(graph: Graph): string {
  const extra = [...edgeAttributeTypes(graph).keys()].filter((k) => k !== 'weight');
  const rows = [['source', 'target', 'weight', ...extra, 'source_label', 'target_label'].join(',')];
  const label = (n: string): unknown => graph.getNodeAttribute(n, 'label') ?? n;
  graph.forEachEdge((_e, a, s, t) => {
    rows.push([s, t, a.weight ?? 1, ...extra.map((k) => (typeof a[k] === 'object' ? '' : a[k])), label(s), label(t)].map(csvField).join(','));
  });
  return rows.join('\n') + '\n';
}
