/**
 * Which node labels to draw so that no two drawn labels overlap: greedily, the most important node
 * first (the caller's order: the biggest node, by the view's size metric). Cytoscape scales labels
 * with the graph, so whether two labels overlap does not depend on the zoom: this runs once per
 * drawing, on model coordinates. A hidden label is still the node's: a selected or found node shows
 * it, and the node's details and the tables name it.
 */
export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** shown[i] = 1 if box i is drawn; boxes are tried in `order` (indices into boxes). An empty box (no label) is always "shown". */
export function labelsWithoutOverlap(boxes: readonly LabelBox[], order: ArrayLike<number>): Uint8Array {
  const shown = new Uint8Array(boxes.length);
  let w = 0, h = 0, n = 0;
  for (const b of boxes) {
    if (b.x2 <= b.x1 || b.y2 <= b.y1) continue;
    w += b.x2 - b.x1;
    h += b.y2 - b.y1;
    n++;
  }
  // A grid of cells about one average label in size: a box is checked against the drawn boxes of the cells it touches.
  const cw = n ? w / n : 1;
  const ch = n ? h / n : 1;
  const cells = new Map<number, number[]>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const b = boxes[i]!;
    if (b.x2 <= b.x1 || b.y2 <= b.y1) {
      shown[i] = 1;
      continue;
    }
    const cx1 = Math.floor(b.x1 / cw), cx2 = Math.floor(b.x2 / cw);
    const cy1 = Math.floor(b.y1 / ch), cy2 = Math.floor(b.y2 / ch);
    let free = true;
    search: for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        for (const j of cells.get(key(cx, cy)) ?? []) {
          const o = boxes[j]!;
          if (b.x1 < o.x2 && o.x1 < b.x2 && b.y1 < o.y2 && o.y1 < b.y2) {
            free = false;
            break search;
          }
        }
      }
    }
    if (!free) continue;
    shown[i] = 1;
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        const at = key(cx, cy);
        const list = cells.get(at);
        if (list) list.push(i);
        else cells.set(at, [i]);
      }
    }
  }
  return shown;
}
