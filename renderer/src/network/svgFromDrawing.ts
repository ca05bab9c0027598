import { LABEL_FONT, type NetworkDrawing } from './createNetworkCy';
import { edgeLook, NO_HIGHLIGHT } from './drawEdges';
import { communityLegend } from './communityLegend';
import { loopCircle } from './edgeGeometry';
import { xmlAttr } from '../../../shared/graph/export/xmlText';
import { withCaptionBand } from '../../../shared/report/figureCaption';

/** XML-escaped, characters XML cannot hold (C0 controls in an archived name) as U+FFFD: the SVG stays well-formed. */
const esc = xmlAttr;
const num = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * The drawn graph as SVG (no cytoscape-svg package is installed): the edge layer's edges (straight
 * lines, loops as circles) and circles at the model positions with the same colours, sizes and
 * labels (those drawn on screen: no two overlap), a legend of the community colours to their right,
 * and a caption saying what it shows (a marked band under the drawing, which the report takes off:
 * its <figcaption> prints the caption as text). The PNG export draws the same (pngWithEdges).
 * The on-screen selection and focus are not drawn: a figure shows the view, not where the analyst clicked.
 * Text stays text (UTF-8), so Arabic/Hebrew/CJK names stay searchable and exact.
 */
export function svgFromDrawing({ cy, edges }: NetworkDrawing, caption: string): string {
  const visible = cy.nodes(':visible');
  const bb = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const legend = legendSvg(visible.map((n) => Number(n.data('community') ?? -1)));
  const drawingW = Math.max(100, bb.w + 2 * pad);
  const w = drawingW + legend.width;
  const h = Math.max(100, bb.h + 2 * pad, legend.height);
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
  for (let row = 0; row < d.source.length; row++) {
    const s = d.source[row]!;
    const t = d.target[row]!;
    const look = edgeLook(d, row, NO_HIGHLIGHT);
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
  out.push('</g>', legend.svg(drawingW));
  out.push('</svg>');
  return withCaptionBand(out.join('\n') + '\n', caption, LABEL_FONT);
}

const LEGEND_ROW = 18;

/** The community legend as an SVG group at x (11 px type, ~6.5 px a character), with the room it takes. */
function legendSvg(communities: number[]): { width: number; height: number; svg: (x: number) => string } {
  const legend = communityLegend(communities);
  if (!legend) return { width: 0, height: 0, svg: () => '' };
  return {
    width: 24 + 6.5 * legend.longest,
    height: 20 + LEGEND_ROW * (legend.rows.length + 1),
    svg: (x) => [
      '<g id="legend" font-size="11" fill="#222">',
      `<text x="${num(x)}" y="24">${esc(legend.title)}</text>`,
      ...legend.rows.map((r, i) => {
        const y = 20 + LEGEND_ROW * (i + 1);
        return `<circle cx="${num(x + 6)}" cy="${y}" r="6" fill="${esc(r.colour)}"/><text x="${num(x + 18)}" y="${y + 4}">${esc(r.text)}</text>`;
      }),
      '</g>',
    ].join(''),
  };
}
