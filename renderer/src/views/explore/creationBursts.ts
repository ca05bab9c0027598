/**
 * Account-creation bursts. Rule (shown in the UI): over the days on which at least one account was
 * created, a day is a burst when its count > median + K·max(MAD, 1), K = 5. Using only days with a
 * creation keeps the empty days of a decade-long range from collapsing median and MAD to 0; the
 * floor of 1 keeps a flat series of 1-per-day from flagging every day with 2.
 */
export const BURST_K = 5;
export const BURST_RULE = `a day is a burst when accounts created > median + ${BURST_K} × max(MAD, 1), over days with ≥ 1 account created`;

export interface CreationDay {
  day: string;
  count: number;
  burst: boolean;
}

export interface CreationHistogram {
  days: CreationDay[];
  median: number;
  mad: number;
  threshold: number;
  /** Accounts with no (or an unreadable) creation date. */
  undated: number;
}

export function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

export function creationHistogram(creationDates: Iterable<string>): CreationHistogram {
  const byDay = new Map<string, number>();
  let undated = 0;
  for (const d of creationDates) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(d)?.[0];
    if (!day) undated++;
    else byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const counts = [...byDay.values()].sort((a, b) => a - b);
  const med = median(counts);
  const mad = median(counts.map((c) => Math.abs(c - med)).sort((a, b) => a - b));
  const threshold = med + BURST_K * Math.max(mad, 1);
  const days = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => ({ day, count, burst: count > threshold }));
  return { days, median: med, mad, threshold, undated };
}
