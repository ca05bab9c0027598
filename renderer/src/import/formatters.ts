/** Display helpers for the import UI. */

export { countOf, formatCount } from '../../../shared/domain/countWords';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** A source file as the Datasets page names it: the file, or for a zip's entry 'file › entry'. */
export const fileLabel = (r: { fileName: string; entryName?: string }): string => (r.entryName ? `${r.fileName} › ${r.entryName}` : r.fileName);
