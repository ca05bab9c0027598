import { countOf } from '../../import/formatters';
import { useState } from 'react';
import type { AnalysisReceipt } from '../../../../shared/graph/analysisReceipt';
import { xmlText } from '../../../../shared/graph/export/xmlText';
import { filterText, omittedText } from '../../../../shared/report/analysisScope';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { saveBytes } from '../../host/saveFile';
import type { NetworkDrawing } from '../../network/createNetworkCy';
import { KIND_LABELS, type NetworkModel } from '../../network/networkModel';
import { addPngText, asciiJson } from '../../network/pngText';
import { pngWithEdges } from '../../network/pngWithEdges';
import { svgFromDrawing } from '../../network/svgFromDrawing';
import { svgWithFonts } from '../../styles/svgWithFonts';
import { APP_FACES } from '../../styles/fontFaces';
import { viewFilterNotes, type ViewGraph, type ViewSettings } from '../../network/viewGraph';
import { PinButton } from '../../pins/PinButton';
import type { EvidenceItemDraft } from '../../pins/pinTypes';

type Format = 'png' | 'svg' | 'graphml' | 'gexf' | 'csv' | 'json';
const FORMATS: { id: Format; label: string; mime: string; ext: string }[] = [
  { id: 'png', label: 'PNG', mime: 'image/png', ext: 'png' },
  { id: 'svg', label: 'SVG', mime: 'image/svg+xml', ext: 'svg' },
  { id: 'graphml', label: 'GraphML', mime: 'application/graphml+xml', ext: 'graphml' },
  { id: 'gexf', label: 'GEXF', mime: 'application/gexf+xml', ext: 'gexf' },
  { id: 'csv', label: 'CSV edge list', mime: 'text/csv', ext: 'csv' },
  { id: 'json', label: 'Cytoscape JSON', mime: 'application/json', ext: 'cyjs' },
];

type ExportFn = (m: { type: 'export'; format: 'graphml' | 'gexf' | 'csv' | 'json'; nodeIds: string[]; edgeIndices: number[]; omitted: Record<string, number>; notes: string[] }) => Promise<{ text: string; receipt: AnalysisReceipt }>;

/** Exports what the view shows, each file with its analysis receipt (CSV: receipt saved beside it). */
export function ExportBar({ model, view, settings, coordination, drawing, datasetName, exportView }: { model: NetworkModel; view: ViewGraph; settings: ViewSettings; coordination: boolean; drawing: NetworkDrawing | null; datasetName: string; exportView: ExportFn }) {
  const [message, setMessage] = useState('');
  const base = safeFileName(`network-${model.request.kind}-${datasetName}`);
  const alpha = model.receipt.parameters.alpha;
  const notes = [...view.notes, ...viewFilterNotes(settings, coordination, typeof alpha === 'number' ? alpha : undefined)];
  const viewReceipt = (): AnalysisReceipt => ({
    ...model.receipt,
    counts: { nodes: view.nodes.length, edges: view.edges.length, omitted: { ...model.receipt.counts.omitted, ...view.omitted } },
    notes: [...model.receipt.notes, ...notes],
  });
  const tweetFilter = filterText(model.receipt.parameters.filter);
  const caption = () => `${KIND_LABELS[model.request.kind]} network · ${datasetName} · ${countOf(view.nodes.length, 'node')}, ${countOf(view.edges.length, 'edge')} shown · ${tweetFilter || 'every tweet of the dataset'}`;
  const hidden = () => [...notes, `left out: ${omittedText(viewReceipt().counts.omitted, model.receipt.kind)}`];
  const filtered = () => [...(tweetFilter ? [tweetFilter] : []), ...hidden()].join('; ');
  // An image's own caption also says what the view hides (its tweet filter is in the caption already;
  // the report prints caption and "Filtered or hidden" apart, and takes the band off).
  const imageCaption = () => `${caption()} · filtered or hidden: ${hidden().join('; ')}`;
  // The view as evidence: its figure (SVG, rendered when pinned) and receipt, with what it leaves out, in words.
  const pinItem = (): EvidenceItemDraft => ({
    kind: 'network', datasetId: model.request.datasetId,
    title: `${KIND_LABELS[model.request.kind]} network view of ${datasetName}: ${countOf(view.nodes.length, 'node')}, ${countOf(view.edges.length, 'edge')}`,
    payload: { title: `${KIND_LABELS[model.request.kind]} network`, caption: caption(), filtered: filtered(), receipt: viewReceipt() as unknown as EvidenceItemDraft['payload'] },
    provenance: [],
  });
  /** What the view shows, as a graph file with its receipt, written by the analysis worker. */
  const exportShown = (format: 'graphml' | 'gexf' | 'csv' | 'json') =>
    exportView({ type: 'export', format, nodeIds: view.nodes.map((n) => n.id), edgeIndices: view.edges.map((e) => e.index), omitted: view.omitted, notes });
  // Stored with its figure and its graph (GraphML, with the receipt), so a recipient can inspect and recompute what it shows.
  const withFigureAndGraph = async (i: EvidenceItemDraft): Promise<EvidenceItemDraft> => {
    const graph = await exportShown('graphml');
    return { ...i, payload: { ...(i.payload as object), ...(drawing ? { svg: svgFromDrawing(drawing, imageCaption()) } : {}), graphml: graph.text } as EvidenceItemDraft['payload'] };
  };
  const save = async (f: (typeof FORMATS)[number]) => {
    setMessage(`Exporting ${f.label}…`);
    try {
      const enc = new TextEncoder();
      let bytes: Uint8Array<ArrayBuffer>;
      if (f.id === 'png' || f.id === 'svg') {
        if (!drawing) throw new Error('The graph is not drawn yet.');
        if (f.id === 'png') {
          const blob = await pngWithEdges(drawing, 4000, imageCaption());
          bytes = addPngText(new Uint8Array(await blob.arrayBuffer()), 'analysis_receipt', asciiJson(viewReceipt()));
        } else {
          const svg = await svgWithFonts(svgFromDrawing(drawing, imageCaption()), APP_FACES);
          bytes = enc.encode(svg.replace('</svg>', `<metadata id="analysis_receipt">${xmlText(JSON.stringify(viewReceipt()))}</metadata>\n</svg>`));
        }
      } else {
        const r = await exportShown(f.id);
        bytes = enc.encode(r.text);
        if (f.id === 'csv') await saveBytes(`${base}.receipt.json`, 'application/json', enc.encode(JSON.stringify(r.receipt, null, 2) + '\n'));
      }
      const done = await saveBytes(`${base}.${f.ext}`, f.mime, bytes);
      setMessage(done ? `Saved ${base}.${f.ext} (${bytes.length.toLocaleString('en-US')} bytes)` : 'Export cancelled.');
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="network-export" role="group" aria-label="Export the view">
      <span>Export:</span>
      {FORMATS.map((f) => <button key={f.id} type="button" onClick={() => void save(f)}>{f.label}</button>)}
      {/* Keyed by what the view shows: another filter is another view (PinButton reads its item when it mounts). */}
      <PinButton key={JSON.stringify([settings, view.nodes.length, view.edges.length])} item={pinItem} stored={withFigureAndGraph} label="this network view" />
      <span role="status" className="muted">{message}</span>
    </div>
  );
}
