import type { ImportPhase, ImportProgress } from './importMessages';

/** Turns counters into at most ~10 progress messages per second, with rows/s and an ETA. */
export class ProgressReporter {
  private last = 0;
  private phaseStart = performance.now();
  private phase: ImportPhase = 'parsing';

  constructor(private readonly post: (p: ImportProgress) => void, private readonly intervalMs = 100) {}

  startPhase(phase: ImportPhase): void {
    this.phase = phase;
    this.phaseStart = performance.now();
    this.last = 0;
  }

  report(fileName: string, bytes: number, totalBytes: number, rows: number, force = false): void {
    const seconds = this.due(force);
    if (seconds === undefined) return;
    this.post({ phase: this.phase, fileName, bytes, totalBytes, rows, rowsPerSecond: Math.round(rows / seconds), etaSeconds: eta(bytes, totalBytes, seconds) });
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

/** No estimate once everything is read: what remains (rows read ahead, the last writes) is not in bytes. */
const eta = (done: number, total: number, seconds: number): number | null =>
  total > 0 && done > 0 && done < total ? (total - done) / (done / seconds) : null;
