/** Time helpers over the store's UTC minute times and 15-minute buckets. */

import { MINUTES_PER_DAY } from '../../../../shared/domain/tweet';
import { countOf } from '../../import/formatters';

export function dayOfMinute(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 10);
}

export function minuteOfDay(day: string): number {
  return Date.parse(day + 'T00:00:00Z') / 60_000;
}

/** Every UTC day from the first to the last of `days` (sorted 'YYYY-MM-DD'): a day axis spaced as time is, gaps included. */
export function everyDay(days: readonly string[]): string[] {
  if (days.length === 0) return [];
  const out: string[] = [];
  const last = minuteOfDay(days[days.length - 1]!);
  for (let m = minuteOfDay(days[0]!); m <= last; m += MINUTES_PER_DAY) out.push(dayOfMinute(m));
  return out;
}

/** UTC minutes since the epoch → "YYYY-MM-DD HH:MM UTC" (archives give minute precision). */
export function formatMinute(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** A UTC minute range [from, to) selected by the user; null = everything. */
export type MinuteRange = { from: number; to: number } | null;

export function inRange(minute: number, range: MinuteRange): boolean {
  return !range || (minute >= range.from && minute < range.to);
}

/**
 * The positions on a day axis (every day, as tweetsPerDay gives them) of a range's first and last
 * day, clamped to the axis: a range reaching past the dataset's days shows the days it has (a day
 * not on the axis is no position, and was taken for the first day).
 */
export function dayIndexRange(days: readonly string[], range: MinuteRange): [number, number] {
  const last = days.length - 1;
  if (!range || last < 0) return [0, Math.max(0, last)];
  const first = minuteOfDay(days[0]!);
  const at = (minute: number) => Math.min(last, Math.max(0, Math.floor((minute - first) / MINUTES_PER_DAY)));
  return [at(range.from), at(range.to - 1)];
}

/** Tweets per UTC day from the 15-minute buckets, every day between first and last (zeros kept). */
export function tweetsPerDay(quarterHourCounts: Record<number, number>): { days: string[]; counts: number[] } {
  const perDay = new Map<number, number>();
  for (const k in quarterHourCounts) {
    const d = Math.floor((Number(k) * 15) / MINUTES_PER_DAY);
    perDay.set(d, (perDay.get(d) ?? 0) + quarterHourCounts[k]!);
  }
  if (perDay.size === 0) return { days: [], counts: [] };
  const keys = [...perDay.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const days: string[] = [];
  const counts: number[] = [];
  for (let d = first; d <= last; d++) {
    days.push(dayOfMinute(d * MINUTES_PER_DAY));
    counts.push(perDay.get(d) ?? 0);
  }
  return { days, counts };
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Tweets per (weekday, hour) in an IANA time zone: each 15-minute UTC bucket lies in one local hour,
 * placed by the zone's offset at the bucket's first and last minute (looked up once per UTC half hour
 * where the offset is the same at both ends, as nearly always). A clock change inside a bucket (St
 * John's at 03:31 UTC until 2011, Goose Bay at :01) cannot be placed exactly from 15-minute counts: such
 * a bucket goes by its first minute's offset, and `straddled` counts its tweets. Changes on a quarter
 * hour (Eucla at 17:15 UTC) are exact. Result: grid[weekday 0=Mon..6=Sun][hour 0..23].
 */
export function rhythmInZone(quarterHourCounts: Record<number, number>, timeZone: string, range: MinuteRange = null): Rhythm {
  const grid = Object.assign(Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), { straddled: 0 });
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const wdIndex: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  const WEEK = 7 * MINUTES_PER_DAY;
  // 1970-01-01 was a Thursday: UTC minute-of-week with Monday 00:00 = 0.
  const utcOfWeek = (minute: number) => (((minute + 3 * MINUTES_PER_DAY) % WEEK) + WEEK) % WEEK;
  const offsetAt = (m: number): number => {
    const parts = fmt.formatToParts(new Date(m * 60_000));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    const localOfWeek = (wdIndex[get('weekday')] ?? 0) * MINUTES_PER_DAY + (Number(get('hour')) % 24) * 60 + Number(get('minute'));
    // Minute-of-week arithmetic: an offset crossing the week's end wraps; offsets are under ±1 day.
    const d = localOfWeek - utcOfWeek(m);
    return d > MINUTES_PER_DAY ? d - WEEK : d < -MINUTES_PER_DAY ? d + WEEK : d;
  };
  // Per UTC half hour: its offset when the same at both ends, else null (look at each quarter).
  const halves = new Map<number, number | null>();
  for (const k in quarterHourCounts) {
    const minute = Number(k) * 15;
    if (!inRange(minute, range)) continue;
    const half = Math.floor(minute / 30) * 30;
    let offset = halves.get(half);
    if (offset === undefined) {
      const first = offsetAt(half);
      offset = offsetAt(half + 29) === first ? first : null;
      halves.set(half, offset);
    }
    if (offset === null) {
      offset = offsetAt(minute);
      if (offsetAt(minute + 14) !== offset) grid.straddled += quarterHourCounts[k]!;
    }
    const local = (((utcOfWeek(minute) + offset) % WEEK) + WEEK) % WEEK;
    grid[Math.floor(local / MINUTES_PER_DAY)]![Math.floor((local % MINUTES_PER_DAY) / 60)]! += quarterHourCounts[k]!;
  }
  return grid;
}

/** grid[weekday][hour], and how many tweets were in 15-minute buckets with a clock change inside. */
export type Rhythm = number[][] & { straddled: number };

export function topEntries(counts: Record<string, number>, n: number): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

/** A rhythm heatmap in words, for screen readers and the chart's summary: the busiest and the quietest hours. */
export function rhythmSummary(rhythm: number[][], zone: string): string {
  let best = { n: -1, wd: 0, h: 0 };
  const perHour = new Array<number>(24).fill(0);
  rhythm.forEach((row, wd) => row.forEach((n, h) => {
    perHour[h]! += n;
    if (n > best.n) best = { n, wd, h };
  }));
  if (best.n <= 0) return `No tweets to place by hour and weekday in ${zone}.`;
  const quiet = perHour.indexOf(Math.min(...perHour));
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `Tweets per hour and weekday in ${zone}. Busiest: ${WEEKDAYS[best.wd]} ${hh(best.h)}–${hh((best.h + 1) % 24)} (${countOf(best.n, 'tweet')}); quietest hour over the week: ${hh(quiet)} (${countOf(perHour[quiet]!, 'tweet')}).`;
}
