import type { NetworkDrawing } from './createNetworkCy';

/**
 * PNG of the whole graph on white: Cytoscape's full-graph image of the nodes laid over the edge
 * layer's drawing at the same scale. `cy.png({ full: true, maxWidth, maxHeight })` draws the elements'
 * bounding box (w, h rounded up) scaled by min(maxWidth / w, maxHeight / h); the edges are drawn with
 * that transform, so they meet the node centres.
 */
export async function pngWithEdges({ cy, edges }: NetworkDrawing, maxSide: number): Promise<Blob> {
  const bb = cy.elements().boundingBox();
  const scale = Math.min(maxSide / Math.ceil(bb.w), maxSide / Math.ceil(bb.h));
  const nodes = await createImageBitmap(await (cy.png({ output: 'blob-promise', full: true, maxWidth: maxSide, maxHeight: maxSide }) as unknown as Promise<Blob>));
  const canvas = document.createElement('canvas');
  canvas.width = nodes.width;
  canvas.height = nodes.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -bb.x1 * scale, -bb.y1 * scale);
  edges.drawOnto(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(nodes, 0, 0);
  nodes.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
