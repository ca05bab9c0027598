import type { AnalysisProgress } from '../network/networkModel';
import { eta } from './import/progressReporter';

/**
 * The analysis worker's progress as counters, never rows: at most one message per interval (~5 a
 * second). A phase's first and last figures always go, so a short phase is still seen to start and end.
 */
export class AnalysisProgressReporter {
  private phase = '';
  private phaseStart = 0;
  private last = 0;

  constructor(private readonly post: (p: AnalysisProgress) => void, private readonly intervalMs = 200) {}

  /**
   * `done` of `total` `unit` in `phase` (a phase not seen last starts now); with the rate and time left
   * when its units cost alike (`even`): the window sweep's last window (1 h) costs many times its first,
   * and an estimate from the first ones stayed at "0.9 s left" for 12 s.
   */
  readonly count = (phase: string, done: number, total: number, unit: string, even = true): void => {
    const now = performance.now();
    const fresh = phase !== this.phase;
    if (fresh) {
      this.phase = phase;
      this.phaseStart = now;
    } else if (done < total && now - this.last < this.intervalMs) return;
    this.last = now;
    const seconds = Math.max((now - this.phaseStart) / 1000, 1e-3);
    this.post({ phase, done, total, unit, perSecond: even ? Math.round(done / seconds) : 0, etaSeconds: even ? eta(done, total, seconds) : null });
  };
}
