import type cytoscape from 'cytoscape';
import { LABEL_FONT } from './createNetworkCy';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * The drawn graph as SVG (no cytoscape-svg package is installed): straight edges and circles at the
 * model positions with the same colours, sizes and labels, plus a caption saying what it shows.
 * Text stays text (UTF-8), so Arabic/Hebrew/CJK names stay searchable and exact.
 */
/** The edge's drawn opacity (big graphs draw opaque edges in pre-blended colours: see createNetworkCy). */
function edgeOpacity(e: cytoscape.EdgeSingular): string {
  const o = Number(e.style('opacity'));
  return Number.isFinite(o) ? String(o) : '0.55';
}

export function svgFromCy(cy: cytoscape.Core, caption: string): string {
  const visible = cy.elements(':visible');
  const bb = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const captionH = 40;
  const w = Math.max(100, bb.w + 2 * pad);
  const h = Math.max(100, bb.h + 2 * pad);
  const ox = pad - bb.x1;
  const oy = pad - bb.y1;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h + captionH)}" viewBox="0 0 ${num(w)} ${num(h + captionH)}" font-family="${esc(LABEL_FONT)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g id="edges" stroke-linecap="round">',
  ];
  visible.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    out.push(`<line x1="${num(s.x + ox)}" y1="${num(s.y + oy)}" x2="${num(t.x + ox)}" y2="${num(t.y + oy)}" stroke="${esc(e.style('line-color') || String(e.data('color') ?? '#888'))}" stroke-width="${num(Number(e.data('width') ?? 1))}" stroke-opacity="${edgeOpacity(e)}"/>`);
  });
  out.push('</g>', '<g id="nodes">');
  visible.nodes().forEach((n) => {
    const p = n.position();
    const r = Number(n.data('size') ?? 10) / 2;
    out.push(`<circle cx="${num(p.x + ox)}" cy="${num(p.y + oy)}" r="${num(r)}" fill="${esc(String(n.data('color')))}"><title>${esc(n.id())}</title></circle>`);
  });
  out.push('</g>', '<g id="labels" font-size="11" fill="#222" text-anchor="middle">');
  visible.nodes().forEach((n) => {
    const p = n.position();
    const r = Number(n.data('size') ?? 10) / 2;
    out.push(`<text x="${num(p.x + ox)}" y="${num(p.y + oy + r + 12)}" unicode-bidi="plaintext">${esc(String(n.data('label') ?? ''))}</text>`);
  });
  out.push('</g>');
  out.push(`<text x="${pad}" y="${num(h + 24)}" font-size="12" fill="#333">${esc(caption)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
