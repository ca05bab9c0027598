import { countOf } from '../../import/formatters';
import type cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { createNetworkCy, LABEL_FONT, type NetworkDrawing } from '../../network/createNetworkCy';
import type { EdgeSpec } from '../../network/drawnEdges';

let fontsReady: Promise<unknown> | null = null;
/**
 * Canvas text does not trigger web-font loading the way DOM text does: load the label fonts first.
 * The fonts are split by unicode-range (Noto Emoji and Noto Sans SC in many files), so the files
 * for the labels' own characters are loaded too, not just one sample per script.
 */
function loadLabelFonts(nodes: cytoscape.ElementDefinition[]): Promise<unknown> {
  fontsReady ??= Promise.all(
    [['Noto Sans', 'Abc'], ['Noto Sans SC', '中文'], ['Noto Sans KR', '한국어'], ['Noto Sans Arabic', 'مريم'], ['Noto Sans Hebrew', 'נועה']].map(([f, sample]) =>
      document.fonts.load(`11px "${f}"`, sample).catch(() => []),
    ),
  );
  const chars = new Set<string>();
  for (const e of nodes) if (typeof e.data.label === 'string') for (const c of e.data.label) if (c > '\u007f') chars.add(c);
  if (chars.size === 0) return fontsReady;
  return Promise.all([fontsReady, document.fonts.load(`11px ${LABEL_FONT}`, [...chars].join('')).catch(() => [])]);
}

export interface GraphCanvasProps {
  nodes: cytoscape.ElementDefinition[];
  edges: EdgeSpec[];
  preset: boolean;
  onReady: (drawing: NetworkDrawing | null) => void;
  onNode: (id: string | null) => void;
  onEdge: (index: number | null) => void;
  label: string;
}

/** The Cytoscape canvas (nodes) over the edge layer. Keyboard users reach the same nodes and edges through the tables beside it. */
export function GraphCanvas({ nodes, edges, preset, onReady, onNode, onEdge, label }: GraphCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onReady, onNode, onEdge });
  handlers.current = { onReady, onNode, onEdge };
  // Cytoscape styles and draws a big graph in one task of a second or two: say so before it starts.
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    let made: NetworkDrawing | null = null;
    let live = true;
    setRendered(false);
    void loadLabelFonts(nodes).then(() => {
      if (!live || !box.current) return;
      made = createNetworkCy({ container: box.current, nodes, edges, preset });
      const { cy, edges: layer } = made;
      cy.on('tap', 'node', (e) => handlers.current.onNode(e.target.id()));
      // Edges are not Cytoscape elements: a tap on the background may be on an edge.
      cy.on('tap', (e) => {
        if (e.target !== cy) return;
        const edge = layer.edgeAt(e.position.x, e.position.y);
        if (edge !== null) return handlers.current.onEdge(edge);
        handlers.current.onNode(null);
        handlers.current.onEdge(null);
      });
      cy.one('render', () => {
        box.current?.setAttribute('data-rendered', 'true');
        if (live) setRendered(true);
      });
      // Browser tests read node positions and the drawn edges from here to click real nodes and edges on the canvas.
      Object.assign(box.current, { cy, edgeLayer: layer });
      handlers.current.onReady(made);
    });
    return () => {
      live = false;
      box.current?.removeAttribute('data-rendered');
      handlers.current.onReady(null);
      made?.edges.destroy();
      made?.cy.destroy();
    };
  }, [nodes, edges, preset]);
  return (
    <>
      {!rendered && <p role="status" className="muted network-drawing">Drawing {countOf(nodes.length, 'node')} and {countOf(edges.length, 'edge')}…</p>}
      {/* tabIndex -1: no tab stop (the tables are the keyboard's way in), but the focus can come back here when details opened from it close. */}
      <div ref={box} className="network-canvas" role="img" aria-label={label} data-testid="network-canvas" tabIndex={-1} style={{ fontFamily: LABEL_FONT }} />
    </>
  );
}
