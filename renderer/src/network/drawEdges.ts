import type { DrawnEdges } from './drawnEdges';
import { loopCircle } from './edgeGeometry';

export const EDGE_OPACITY = 0.55;
/** Edges away from the focused node (neighbourhood focus). */
export const FADED_OPACITY = 0.08;
const SELECTED = { colour: '#000000', width: 4, opacity: 1 };

/** What is emphasised: the focused node's edges (node index, -1: none) and the selected edge (row, -1: none). */
export interface EdgeHighlight {
  focusNode: number;
  selectedRow: number;
}

export const NO_HIGHLIGHT: EdgeHighlight = { focusNode: -1, selectedRow: -1 };

const isFaded = (d: DrawnEdges, row: number, h: EdgeHighlight): boolean =>
  h.focusNode >= 0 && row !== h.selectedRow && d.source[row] !== h.focusNode && d.target[row] !== h.focusNode;

/** How one row is drawn (the SVG export writes the same). */
export function edgeLook(d: DrawnEdges, row: number, h: EdgeHighlight): { colour: string; width: number; opacity: number } {
  if (row === h.selectedRow) return SELECTED;
  return { colour: d.colour[row]!, width: d.width[row]!, opacity: isFaded(d, row, h) ? FADED_OPACITY : EDGE_OPACITY };
}

function trace(ctx: CanvasRenderingContext2D, d: DrawnEdges, row: number): void {
  const s = d.source[row]!;
  const t = d.target[row]!;
  const xy = d.xy;
  if (s === t) {
    const c = loopCircle(xy[2 * s]!, xy[2 * s + 1]!, d.nodeSize[s]!);
    ctx.moveTo(c.cx + c.r, c.cy);
    ctx.arc(c.cx, c.cy, c.r, 0, 2 * Math.PI);
  } else {
    ctx.moveTo(xy[2 * s]!, xy[2 * s + 1]!);
    ctx.lineTo(xy[2 * t]!, xy[2 * t + 1]!);
  }
}

/**
 * Draws every edge onto `ctx`, whose transform maps model coordinates to pixels. Each batch (one
 * colour and width) is one path stroked once, at the edge opacity: 20k edges cost a few strokes
 * instead of 20k, and where edges of one batch cross the crossing is not darker.
 * Faded edges first, then the others, then the selected edge on top.
 */
export function drawEdges(ctx: CanvasRenderingContext2D, d: DrawnEdges, h: EdgeHighlight): void {
  ctx.save();
  ctx.lineCap = 'butt';
  const passes: [boolean, number][] = h.focusNode >= 0 ? [[true, FADED_OPACITY], [false, EDGE_OPACITY]] : [[false, EDGE_OPACITY]];
  for (const [faded, opacity] of passes) {
    ctx.globalAlpha = opacity;
    for (const b of d.batches) {
      ctx.beginPath();
      let any = false;
      for (const row of b.rows) {
        if (row === h.selectedRow || isFaded(d, row, h) !== faded) continue;
        trace(ctx, d, row);
        any = true;
      }
      if (!any) continue;
      ctx.strokeStyle = b.colour;
      ctx.lineWidth = b.width;
      ctx.stroke();
    }
  }
  if (h.selectedRow >= 0 && h.selectedRow < d.source.length) {
    ctx.globalAlpha = SELECTED.opacity;
    ctx.strokeStyle = SELECTED.colour;
    ctx.lineWidth = SELECTED.width;
    ctx.beginPath();
    trace(ctx, d, h.selectedRow);
    ctx.stroke();
  }
  ctx.restore();
}
