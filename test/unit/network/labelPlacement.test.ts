import { describe, expect, it } from 'vitest';
import { labelsWithoutOverlap, type LabelBox } from '../../../renderer/src/network/labelPlacement';

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
