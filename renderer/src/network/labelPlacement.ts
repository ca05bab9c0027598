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

const isEmpty = (b: LabelBox) => b.x2 <= b.x1 || b.y2 <= b.y1;
const cross = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Boxes in a grid of cells about one average box in size: a box is checked against those of the cells it touches. */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cw: number;
  private readonly ch: number;

  constructor(sizes: readonly LabelBox[]) {
    let w = 0, h = 0, n = 0;
    for (const b of sizes) {
      if (isEmpty(b)) continue;
      w += b.x2 - b.x1;
      h += b.y2 - b.y1;
      n++;
    }
    this.cw = n ? w / n : 1;
    this.ch = n ? h / n : 1;
  }

  add(i: number, b: LabelBox): void {
    this.touching(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
      return false;
    });
  }

  /** Calls `found` with each box added whose cell `b` touches (a box once per cell) until it returns true; whether it did. */
  some(b: LabelBox, found: (i: number) => boolean): boolean {
    return this.touching(b, (key) => (this.cells.get(key) ?? []).some(found));
  }

  private touching(b: LabelBox, visit: (key: number) => boolean): boolean {
    const cx1 = Math.floor(b.x1 / this.cw), cx2 = Math.floor(b.x2 / this.cw);
    const cy1 = Math.floor(b.y1 / this.ch), cy2 = Math.floor(b.y2 / this.ch);
    for (let cx = cx1; cx <= cx2; cx++) for (let cy = cy1; cy <= cy2; cy++) if (visit(cx * 1_000_003 + cy)) return true;
    return false;
  }
}

/** shown[i] = 1 if box i is drawn; boxes are tried in `order` (indices into boxes). An empty box (no label) is always "shown". */
export function labelsWithoutOverlap(boxes: readonly LabelBox[], order: ArrayLike<number>): Uint8Array {
  const shown = new Uint8Array(boxes.length);
  const grid = new BoxGrid(boxes);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const b = boxes[i]!;
    if (isEmpty(b)) {
      shown[i] = 1;
      continue;
    }
    if (grid.some(b, (j) => cross(b, boxes[j]!))) continue;
    shown[i] = 1;
    grid.add(i, b);
  }
  return shown;
}

/**
 * The order to draw labelled nodes in (indices into `labels` and `discs`, starting from `order`):
 * Cytoscape draws a label with its node, so a disc drawn later covers the labels before it. A node
 * whose disc crosses another's label is drawn before that node; where discs and labels cross in a
 * cycle, the node earliest in `order` goes first.
 */
export function drawOrderOverLabels(labels: readonly LabelBox[], discs: readonly LabelBox[], order: readonly number[]): number[] {
  const k = order.length;
  const grid = new BoxGrid(order.map((i) => labels[i]!));
  order.forEach((i, a) => grid.add(a, labels[i]!));
  // before[b]: how many nodes whose disc crosses label b are not drawn yet; after[a]: the labels a's disc crosses.
  const before = new Int32Array(k);
  const after: number[][] = order.map(() => []);
  const seen = new Int32Array(k).fill(-1);
  order.forEach((i, a) => {
    const disc = discs[i]!;
    grid.some(disc, (b) => {
      if (b !== a && seen[b] !== a && cross(disc, labels[order[b]!]!)) {
        seen[b] = a; // a box in several cells the disc touches is counted once
        after[a]!.push(b);
        before[b]!++;
      }
      return false;
    });
  });
  // Kahn's order: the first ready node in `order`, or one freed by the node just drawn.
  const out: number[] = [];
  const done = new Uint8Array(k);
  const freed: number[] = [];
  let scan = 0;
  let rest = 0;
  while (out.length < k) {
    let next = -1;
    while (freed.length && next < 0) {
      const f = freed.pop()!;
      if (!done[f]) next = f;
    }
    if (next < 0) {
      while (scan < k && (done[scan] || before[scan]! > 0)) scan++;
      if (scan < k) next = scan;
      else {
        while (done[rest]) rest++;
        next = rest; // a cycle
      }
    }
    done[next] = 1;
    out.push(order[next]!);
    for (const b of after[next]!) if (--before[b]! === 0 && !done[b] && b < scan) freed.push(b);
  }
  return out;
}

/**
 * The labels to hide while the `front` labels (a found or a selected node's, drawn whatever the
 * declutter decided) are shown: those of `others` that cross one of them. Indices into `others`.
 */
export function labelsCrossing(front: readonly LabelBox[], others: readonly LabelBox[]): number[] {
  const boxes = front.filter((b) => !isEmpty(b));
  if (!boxes.length) return [];
  const grid = new BoxGrid(boxes);
  boxes.forEach((b, i) => grid.add(i, b));
  const out: number[] = [];
  others.forEach((b, i) => {
    if (!isEmpty(b) && grid.some(b, (j) => cross(b, boxes[j]!))) out.push(i);
  });
  return out;
}
