/** Counts of the spellings that fold to one key (normalizeForSearch for hashtags), as one row. */
export interface FoldedCount {
  /** The most used spelling (ties: the first in code-unit order), shown for the row. */
  value: string;
  /** The sum over its spellings. */
  count: number;
  /** Every spelling with its own count, most used first; one entry when it has no variant. */
  spellings: [string, number][];
}

/**
 * Counts by archived spelling (the aggregates' hashtags) summed by `key` (none: each value its own
 * row), most counted first (ties in the value's locale order, as topEntries). Done where the counts
 * are read, so the stored aggregates keep every exact spelling.
 */
export function foldCounts(counts: Record<string, number>, key: (s: string) => string = (s) => s): FoldedCount[] {
  const groups = new Map<string, [string, number][]>();
  for (const s in counts) {
    const k = key(s);
    const g = groups.get(k);
    if (g) g.push([s, counts[s]!]);
    else groups.set(k, [[s, counts[s]!]]);
  }
  const rows: FoldedCount[] = [];
  for (const spellings of groups.values()) {
    spellings.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let count = 0;
    for (const [, n] of spellings) count += n;
    rows.push({ value: spellings[0]![0], count, spellings });
  }
  return rows.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
