/**
 * Every match of a search, kept as (block, row, tweet time) to page through them by time: the scan
 * finds them in file order, so ties keep file order.
 */
export class TimeOrderedMatches {
  private blocks: number[] = [];
  private rows: number[] = [];
  private times: number[] = [];

  /** Block k's matching rows, in order, with the block's time column. */
  add(k: number, rows: readonly number[], tweetTime: ArrayLike<number>): void {
    for (const i of rows) {
      this.blocks.push(k);
      this.rows.push(i);
      this.times.push(tweetTime[i]!);
    }
  }

  /** Matches [offset, offset + limit) oldest or newest first. */
  page(order: 'oldest' | 'newest', offset: number, limit: number): { k: number; i: number }[] {
    const t = this.times;
    const sign = order === 'oldest' ? 1 : -1;
    const idx = Array.from(t, (_, j) => j).sort((a, b) => sign * (t[a]! - t[b]!) || a - b);
    return idx.slice(offset, offset + limit).map((j) => ({ k: this.blocks[j]!, i: this.rows[j]! }));
  }
}
