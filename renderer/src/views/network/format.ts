/** "YYYY-MM-DD" (UTC day) → minutes since the epoch; undefined when empty. */
export function dayToMinute(day: string, plusDays = 0): number | undefined {
  if (!day) return undefined;
  const t = Date.parse(day + 'T00:00:00Z');
  return Number.isNaN(t) ? undefined : t / 60_000 + plusDays * 1440;
}

export function fmt(x: number | undefined, digits = 3): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return x < 0.001 && x > 0 ? x.toExponential(2) : x.toFixed(digits);
}
