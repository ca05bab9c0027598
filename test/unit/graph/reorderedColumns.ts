import type { TweetColumns } from '../../../shared/domain/tweet';

/** The same tweet columns with their rows in `order` (row `order[k]` becomes row k): for the row-order tests. */
export function reordered(c: TweetColumns, order: number[]): TweetColumns {
  const out: Record<string, unknown> = { length: c.length };
  for (const [key, value] of Object.entries(c)) {
    if (key === 'length') continue;
    const v = value as ArrayLike<unknown> & { constructor: new (n: number) => { [i: number]: unknown } };
    const copy = Array.isArray(v) ? new Array<unknown>(order.length) : new v.constructor(order.length);
    order.forEach((from, to) => (copy[to] = v[from]));
    out[key] = copy;
  }
  return out as unknown as TweetColumns;
}
