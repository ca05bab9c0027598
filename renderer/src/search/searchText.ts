import { joinRows } from '../store/joinRows';

export { SEP } from '../store/joinRows';

/**
 * One block's normalised search text, joined with U+0000 so a term is found with one native
 * indexOf over the block instead of one call per tweet. Row i is joined[starts[i] .. starts[i+1]-1).
 * U+0000 never occurs in a term (parseQuery's terms are stripped of it), so a match never spans rows.
 */
export interface TextBlock {
  seq: number;
  joined: string;
  starts: Int32Array;
}

export function textBlock(seq: number, text: string[]): TextBlock {
  return { seq, ...joinRows(text) };
}

export const rowsOf = (b: TextBlock): number => b.starts.length - 1;

/** Index of the row holding position `at` of the joined text, searching rows [lo, n). */
export function rowAt(starts: Int32Array, at: number, lo = 0): number {
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
