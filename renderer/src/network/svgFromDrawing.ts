import { LABEL_FONT, type NetworkDrawing } from './createNetworkCy';
import { edgeLook } from './drawEdges';
import { loopCircle } from './edgeGeometry';
import { xmlAttr } from '../../../shared/graph/export/xmlText';
import { withCaptionBand } from '../../../shared/report/figureCaption';

/** XML-escaped, characters XML cannot hold (C0 controls in an archived name) as U+FFFD: the SVG stays well-formed. */
const esc = xmlAttr;
const num = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * The drawn graph as SVG (no cytoscape-svg package is installed): the edge layer's edges (straight
 * lines, loops as circles) and circles at the model positions with the same colours, sizes and
 * labels (those drawn on screen: no two overlap), plus a caption saying what it shows (a marked band under the drawing, which the report
 * takes off: its <figcaption> prints the caption as text).
 * Text stays text (UTF-8), so Arabic/Hebrew/CJK names stay searchable and exact.
 */
export function svgFromDrawing({ cy, edges }: NetworkDrawing, caption: string): string {
  const visible = cy.nodes(':visible');
  const bb = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const w = Math.max(100, bb.w + 2 * pad);
  const h = Math.max(100, bb.h + 2 * pad);
  const ox = pad - bb.x1;
  const oy = pad - bb.y1;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="${esc(LABEL_FONT)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g id="edges" stroke-linecap="round">',
  ];
  const d = edges.edges;
  const xy = d.xy;
  const highlight = edges.currentHighlight;
  for (let row = 0; row < d.source.length; row++) {
    const s = d.source[row]!;
    const t = d.target[row]!;
    const look = edgeLook(d, row, highlight);
    const paint = `stroke="${esc(look.colour)}" stroke-width="${num(look.width)}" stroke-opacity="${look.opacity}"`;
    if (s === t) {
      const c = loopCircle(xy[2 * s]!, xy[2 * s + 1]!, d.nodeSize[s]!);
      out.push(`<circle cx="${num(c.cx + ox)}" cy="${num(c.cy + oy)}" r="${num(c.r)}" fill="none" ${paint}/>`);
    } else {
      out.push(`<line x1="${num(xy[2 * s]! + ox)}" y1="${num(xy[2 * s + 1]! + oy)}" x2="${num(xy[2 * t]! + ox)}" y2="${num(xy[2 * t + 1]! + oy)}" ${paint}/>`);
    }
  }
  out.push('</g>', '<g id="nodes">');
  visible.nodes().forEach((n) => {
    const p = n.position();
    const r = Number(n.data('size') ?? 10) / 2;
    out.push(`<circle cx="${num(p.x + ox)}" cy="${num(p.y + oy)}" r="${num(r)}" fill="${esc(String(n.data('color')))}"><title>${esc([n.data('label'), n.id()].filter(Boolean).join(' · '))}</title></circle>`);
  });
  out.push('</g>', '<g id="labels" font-size="11" fill="#222" text-anchor="middle">');
  visible.nodes().forEach((n) => {
    const label = String(n.data('shownLabel') ?? '');
    if (!label) return;
    const p = n.position();
    const r = Number(n.data('size') ?? 10) / 2;
    out.push(`<text x="${num(p.x + ox)}" y="${num(p.y + oy + r + 12)}" unicode-bidi="plaintext">${esc(label)}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return withCaptionBand(out.join('\n') + '\n', caption, LABEL_FONT);
}
