import type { ImportPhase, ImportProgress } from './importMessages';

/** Turns counters into at most ~10 progress messages per second, with rows/s and an ETA. */
export class ProgressReporter {
  private last = 0;
  private phaseStart = performance.now();
  private phase: ImportPhase = 'hashing';

  constructor(private readonly post: (p: ImportProgress) => void, private readonly intervalMs = 100) {}

  startPhase(phase: ImportPhase): void {
    this.phase = phase;
    this.phaseStart = performance.now();
    this.last = 0;
  }

  report(fileName: string, bytes: number, totalBytes: number, rows: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    const seconds = Math.max((now - this.phaseStart) / 1000, 1e-3);
    const bytesPerSecond = bytes / seconds;
    const etaSeconds = totalBytes > 0 && bytes > 0 && bytes <= totalBytes ? (totalBytes - bytes) / bytesPerSecond : null;
    this.post({ phase: this.phase, fileName, bytes, totalBytes, rows, rowsPerSecond: Math.round(rows / seconds), etaSeconds });
  }
}
