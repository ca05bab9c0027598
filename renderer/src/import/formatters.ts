/** Display helpers for the import UI. */

export { countOf, formatCount } from '../../../shared/domain/countWords';

/** One decimal below 10, none above, as shown: 9.96 is "10", not "10.0". */
const shown = (v: number): string => v.toFixed(v < 9.95 ? 1 : 0);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  // Compared as rounded for display: 1,048,575 bytes is "1.0 MB", not "1024 KB".
  while (Number(shown(v)) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${shown(v)} ${units[i]}`;
}

/** Seconds in words: "32 ms", "4.2 s", "59 s", "1 min 0 s" (rounded before the minutes are taken: never "1 min 60 s"). */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  // Under a tenth of a second "0.0 s" would read as not timed at all.
  if (s < 0.095) return `${Math.round(s * 1000)} ms`;
  if (s < 9.95) return `${shown(s)} s`;
  const whole = Math.round(s);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** A source file as the Datasets page names it: the file, or for a zip's entry 'file › entry'. */
export const fileLabel = (r: { fileName: string; entryName?: string }): string => (r.entryName ? `${r.fileName} › ${r.entryName}` : r.fileName);
