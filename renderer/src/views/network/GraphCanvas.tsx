import type cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { createNetworkCy, LABEL_FONT } from '../../network/createNetworkCy';

let fontsReady: Promise<unknown> | null = null;
/**
 * Canvas text does not trigger web-font loading the way DOM text does: load the label fonts first.
 * The fonts are split by unicode-range (Noto Emoji and Noto Sans SC in many files), so the files
 * for the labels' own characters are loaded too, not just one sample per script.
 */
function loadLabelFonts(elements: cytoscape.ElementDefinition[]): Promise<unknown> {
  fontsReady ??= Promise.all(
    [['Noto Sans', 'Abc'], ['Noto Sans SC', '中文'], ['Noto Sans Arabic', 'مريم'], ['Noto Sans Hebrew', 'נועה']].map(([f, sample]) =>
      document.fonts.load(`11px "${f}"`, sample).catch(() => []),
    ),
  );
  const chars = new Set<string>();
  for (const e of elements) if (typeof e.data.label === 'string') for (const c of e.data.label) if (c > '\u007f') chars.add(c);
  if (chars.size === 0) return fontsReady;
  return Promise.all([fontsReady, document.fonts.load(`11px ${LABEL_FONT}`, [...chars].join('')).catch(() => [])]);
}

export interface GraphCanvasProps {
  elements: cytoscape.ElementDefinition[];
  preset: boolean;
  onReady: (cy: cytoscape.Core | null, renderer: string) => void;
  onNode: (id: string | null) => void;
  onEdge: (index: number | null) => void;
  label: string;
}

/** The Cytoscape canvas. Keyboard users reach the same nodes and edges through the tables beside it. */
export function GraphCanvas({ elements, preset, onReady, onNode, onEdge, label }: GraphCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onReady, onNode, onEdge });
  handlers.current = { onReady, onNode, onEdge };
  useEffect(() => {
    let cy: cytoscape.Core | null = null;
    let live = true;
    void loadLabelFonts(elements).then(() => {
      if (!live || !box.current) return;
      const made = createNetworkCy({ container: box.current, elements, preset });
      cy = made.cy;
      cy.on('tap', 'node', (e) => handlers.current.onNode(e.target.id()));
      cy.on('tap', 'edge', (e) => handlers.current.onEdge(Number(String(e.target.id()).slice(1))));
      cy.on('tap', (e) => {
        if (e.target === cy) {
          handlers.current.onNode(null);
          handlers.current.onEdge(null);
        }
      });
      cy.one('render', () => box.current?.setAttribute('data-rendered', 'true'));
      // Browser tests read element positions from here to click real nodes and edges on the canvas.
      (box.current as unknown as { cy?: cytoscape.Core }).cy = cy;
      handlers.current.onReady(cy, made.renderer);
    });
    return () => {
      live = false;
      box.current?.removeAttribute('data-rendered');
      handlers.current.onReady(null, '');
      cy?.destroy();
    };
  }, [elements, preset]);
  return <div ref={box} className="network-canvas" role="img" aria-label={label} data-testid="network-canvas" style={{ fontFamily: LABEL_FONT }} />;
}
