import { countOf } from '../../import/formatters';
import type cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { createNetworkCy, LABEL_FONT, type NetworkDrawing } from '../../network/createNetworkCy';
import type { EdgeSpec } from '../../network/drawnEdges';
import { charactersOf, fontsPendingFor } from '../../styles/canvasFonts';

/** The labels' faces (canvasFonts.ts): canvas text neither waits for a web font nor is drawn again when it arrives. */
function labelFontsPending(nodes: cytoscape.ElementDefinition[]): Promise<void> | null {
  return fontsPendingFor(charactersOf(nodes.map((e) => e.data.label as unknown)), LABEL_FONT, ['']);
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
    const draw = () => {
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
    };
    void (labelFontsPending(nodes) ?? Promise.resolve()).then(draw);
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
