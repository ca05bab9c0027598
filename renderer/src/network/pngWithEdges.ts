import { LABEL_FONT, type NetworkDrawing } from './createNetworkCy';
import { wrapWords } from '../../../shared/report/figureCaption';
import { communityLegend } from './communityLegend';
import { charactersOf, fontsPendingFor } from '../styles/canvasFonts';

/**
 * PNG of the whole graph on white: Cytoscape's full-graph image of the nodes laid over the edge
 * layer's drawing at the same scale (no edge selected or focused). `cy.png({ full: true, maxWidth, maxHeight })` draws the elements'
 * bounding box (w, h rounded up) scaled by min(maxWidth / w, maxHeight / h); the edges are drawn with
 * that transform, so they meet the node centres. To the right, the community colours' legend, as the
 * SVG has it; under the graph, a band with `caption` (what the image shows and leaves out): the file
 * alone says what it shows.
 */
export async function pngWithEdges({ cy, edges }: NetworkDrawing, maxSide: number, caption: string): Promise<Blob> {
  const bb = cy.elements().boundingBox();
  const scale = Math.min(maxSide / Math.ceil(bb.w), maxSide / Math.ceil(bb.h));
  const nodes = await createImageBitmap(await (cy.png({ output: 'blob-promise', full: true, maxWidth: maxSide, maxHeight: maxSide }) as unknown as Promise<Blob>));
  const legend = legendPanel(cy.nodes(':visible').map((n) => Number(n.data('community') ?? -1)), Math.max(12, Math.round(nodes.width / 100)));
  const width = nodes.width + legend.width;
  const band = captionBand(width, caption);
  // Text only this image draws (the legend, the caption): its faces first (canvasFonts.ts).
  await fontsPendingFor(charactersOf(caption, legend.texts), LABEL_FONT, ['']);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.max(nodes.height, legend.height) + band.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -bb.x1 * scale, -bb.y1 * scale);
  edges.drawOnto(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(nodes, 0, 0);
  legend.draw(ctx, nodes.width);
  band.draw(ctx, canvas.height - band.height);
  nodes.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

/** The community legend in `size` px type (the image is up to 4,000 px wide), with the room it takes. */
function legendPanel(communities: number[], size: number) {
  const legend = communityLegend(communities);
  const line = Math.round(size * 1.6);
  const pad = Math.round(size * 0.8);
  if (!legend) return { width: 0, height: 0, texts: [], draw: () => {} };
  return {
    texts: [legend.title, ...legend.rows.map((r) => r.text)],
    width: 2 * pad + Math.round(size * (1.6 + 0.6 * legend.longest)),
    height: 2 * pad + line * (legend.rows.length + 1),
    draw(ctx: CanvasRenderingContext2D, left: number) {
      ctx.font = `${size}px ${LABEL_FONT}`;
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#222222';
      ctx.fillText(legend.title, left + pad, pad + line / 2);
      legend.rows.forEach((r, i) => {
        const y = pad + line * (i + 1.5);
        ctx.fillStyle = r.colour;
        ctx.beginPath();
        ctx.arc(left + pad + size / 2, y, size / 2, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = '#222222';
        ctx.fillText(r.text, left + pad + size * 1.6, y);
      });
    },
  };
}

/** The caption wrapped to the image's width, in type that scales with it (the graph image is up to 4,000 px wide). */
function captionBand(width: number, caption: string) {
  const size = Math.max(12, Math.round(width / 100));
  const line = Math.round(size * 1.35);
  const pad = Math.round(size * 0.8);
  // Lines wrap at 0.6 em a character (Noto Sans averages ~0.55); a line of wider CJK characters may run longer, and fillText's maxWidth narrows it to fit.
  const lines = caption.trim() ? wrapWords(caption, Math.max(20, Math.floor((width - 2 * pad) / (size * 0.6)))) : [];
  return {
    height: lines.length ? 2 * pad + lines.length * line : 0,
    draw(ctx: CanvasRenderingContext2D, top: number) {
      if (!lines.length) return;
      ctx.fillStyle = '#333333';
      ctx.font = `${size}px ${LABEL_FONT}`;
      ctx.textBaseline = 'top';
      lines.forEach((l, i) => ctx.fillText(l, pad, top + pad + i * line, width - 2 * pad));
    },
  };
}
