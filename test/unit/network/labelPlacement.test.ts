import { describe, expect, it } from 'vitest';
import { drawOrderOverLabels, labelsCrossing, labelsWithoutOverlap, type LabelBox } from '../../../renderer/src/network/labelPlacement';

const box = (x: number, y: number, w = 40, h = 14): LabelBox => ({ x1: x, y1: y, x2: x + w, y2: y + h });
const overlap = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('labelsWithoutOverlap', () => {
  it('draws the first of two overlapping labels in the given order, and a label clear of both', () => {
    const boxes = [box(0, 0), box(20, 5), box(100, 0)];
    expect([...labelsWithoutOverlap(boxes, [0, 1, 2])]).toEqual([1, 0, 1]);
    expect([...labelsWithoutOverlap(boxes, [1, 0, 2])]).toEqual([0, 1, 1]);
  });

  it('touching edges are no overlap; an empty box (no label) is always shown and blocks nothing', () => {
    const boxes = [box(0, 0), box(40, 0), box(0, 14), { x1: 10, y1: 5, x2: 10, y2: 5 }];
    expect([...labelsWithoutOverlap(boxes, [0, 1, 2, 3])]).toEqual([1, 1, 1, 1]);
  });

  it('a long label spanning many grid cells is caught by a small one in any of them', () => {
    const boxes = [box(0, 0, 10, 10), box(500, 0, 10, 10), box(-1000, 5, 3000, 2)];
    expect([...labelsWithoutOverlap(boxes, [0, 1, 2])]).toEqual([1, 1, 0]);
    expect([...labelsWithoutOverlap(boxes, [2, 0, 1])]).toEqual([0, 0, 1]);
  });

  it('on 5,000 random labels, no two drawn ones overlap and every hidden one overlaps one drawn before it', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const boxes = Array.from({ length: 5000 }, () => box(rand() * 3000 - 1500, rand() * 2000, 10 + rand() * 90, 14));
    const order = Array.from(boxes.keys()).reverse();
    const shown = labelsWithoutOverlap(boxes, order);
    const drawn = boxes.filter((_, i) => shown[i]);
    expect(drawn.length).toBeGreaterThan(200);
    expect(drawn.length).toBeLessThan(5000);
    const overlapping: number[][] = [];
    for (let a = 0; a < drawn.length; a++) for (let b = a + 1; b < drawn.length; b++) if (overlap(drawn[a]!, drawn[b]!)) overlapping.push([a, b]);
    expect(overlapping).toEqual([]);
    const hiddenForNothing = order.filter((i, k) => !shown[i] && !order.slice(0, k).some((j) => shown[j] && overlap(boxes[i]!, boxes[j]!)));
    expect(hiddenForNothing).toEqual([]);
  });
});

describe('drawOrderOverLabels', () => {
  const box = (x1: number, y1: number, x2: number, y2: number): LabelBox => ({ x1, y1, x2, y2 });
  it('draws a node whose disc crosses another label before that label', () => {
    // Node 0's label runs under node 1's disc; node 1's label crosses nothing.
    const labels = [box(0, 10, 40, 20), box(30, 40, 70, 50)];
    const discs = [box(0, 0, 10, 10), box(30, 12, 40, 22)];
    expect(drawOrderOverLabels(labels, discs, [0, 1])).toEqual([1, 0]);
    // Nothing crossed: the given order.
    expect(drawOrderOverLabels([box(0, 10, 5, 12), box(100, 10, 105, 12)], [box(0, 0, 5, 5), box(100, 0, 105, 5)], [1, 0])).toEqual([1, 0]);
  });

  it('breaks a cycle by the given order and still places every node once', () => {
    // Each disc crosses the other's label.
    const labels = [box(0, 10, 50, 20), box(0, 30, 50, 40)];
    const discs = [box(20, 28, 30, 38), box(20, 8, 30, 18)];
    expect(drawOrderOverLabels(labels, discs, [1, 0])).toEqual([1, 0]);
    const n = 300;
    const rand = (() => { let s = 7; return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32); })();
    const ls: LabelBox[] = [];
    const ds: LabelBox[] = [];
    for (let i = 0; i < n; i++) {
      const x = rand() * 400, y = rand() * 400, r = 3 + rand() * 10;
      ds.push(box(x - r, y - r, x + r, y + r));
      ls.push(box(x - 20, y + r, x + 20, y + r + 15));
    }
    const out = drawOrderOverLabels(ls, ds, Array.from({ length: n }, (_, i) => i));
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    // Fewer labels are covered by a disc drawn after them than in the given order.
    const covered = (o: number[]) => {
      const at = new Map(o.map((v, i) => [v, i]));
      let c = 0;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
        const [l, d] = [ls[a]!, ds[b]!];
        if (a !== b && at.get(b)! > at.get(a)! && l.x1 < d.x2 && d.x1 < l.x2 && l.y1 < d.y2 && d.y1 < l.y2) c++;
      }
      return c;
    };
    expect(covered(out)).toBeLessThan(covered(Array.from({ length: n }, (_, i) => i)) / 2);
  });
});

describe('labels giving way to a found or selected one', () => {
  it('names exactly the labels that cross a front label, empty boxes never', () => {
    const front = [box(0, 0), box(200, 0), { x1: 0, y1: 0, x2: 0, y2: 0 }];
    const others = [box(30, 10), box(100, 0), box(230, -10), { x1: 0, y1: 0, x2: 0, y2: 0 }, box(41, 0), box(-39, 13)];
    expect(labelsCrossing(front, others)).toEqual([0, 2, 5]);
    for (const [i, b] of others.entries()) expect(labelsCrossing(front, others).includes(i)).toBe(front.some((f) => overlap(f, b)));
    expect(labelsCrossing([], others)).toEqual([]);
  });
});
