import type { ImportPhase, ImportProgress } from './importMessages';

/** Turns counters into at most ~10 progress messages per second, with rows/s and an ETA. */
export class ProgressReporter {
  private last = 0;
  private phaseStart = performance.now();
  private phase: ImportPhase = 'parsing';
  private file: ImportProgress['file'];

  constructor(private readonly post: (p: ImportProgress) => void, private readonly intervalMs = 100) {}

  /** The file being read now, of how many (said with the progress when more than one). */
  atFile(index: number, count: number): void {
    this.file = count > 1 ? { number: index + 1, of: count } : undefined;
  }

  startPhase(phase: ImportPhase): void {
    this.phase = phase;
    this.phaseStart = performance.now();
    this.last = 0;
  }

  report(fileName: string, bytes: number, totalBytes: number, rows: number, force = false): void {
    const seconds = this.due(force);
    if (seconds === undefined) return;
    this.post({
      phase: this.phase, fileName, bytes, totalBytes, rows, rowsPerSecond: Math.round(rows / seconds), etaSeconds: eta(bytes, totalBytes, seconds),
      ...(this.file && this.phase === 'parsing' ? { file: this.file } : {}),
    });
  }

  /** Progress counted in rows of a known total (no bytes). */
  reportRows(label: string, rows: number, totalRows: number, force = false): void {
    const seconds = this.due(force);
    if (seconds === undefined) return;
    this.post({ phase: this.phase, fileName: label, bytes: 0, totalBytes: 0, rows, totalRows, rowsPerSecond: Math.round(rows / seconds), etaSeconds: eta(rows, totalRows, seconds) });
  }

  /** Seconds since the phase started, or undefined when the last report is too recent. */
  private due(force: boolean): number | undefined {
    const now = performance.now();
    if (!force && now - this.last < this.intervalMs) return undefined;
    this.last = now;
    return Math.max((now - this.phaseStart) / 1000, 1e-3);
  }
}

/**
 * No estimate in the first seconds (the users file and the start of the pipeline are slower than the
 * rest: an estimate from them was 4x too long), nor once everything is read (what remains, rows read
 * ahead and the last writes, is not in bytes).
 */
export const eta = (done: number, total: number, seconds: number): number | null =>
  total > 0 && done < total && seconds >= 3 && done >= total * 0.02 ? (total - done) / (done / seconds) : null;
