import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisProgress } from '../../../renderer/src/network/networkModel';
import { AnalysisProgressReporter } from '../../../renderer/src/workers/analysisProgressReporter';
import { progressText } from '../../../renderer/src/views/network/progressText';
import { performanceReads } from '../performanceClock';

describe('AnalysisProgressReporter', () => {
  afterEach(() => vi.restoreAllMocks());
  const clock = performanceReads;

  it('posts a phase’s first and last figures always, between them at most one per interval, with the rate and time left', () => {
    const posted: AnalysisProgress[] = [];
    clock([0, 100, 4000, 4100, 4300, 4310]);
    const r = new AnalysisProgressReporter((p) => posted.push(p), 200);
    r.count('Scanning tweets', 0, 1_000_000, 'tweets'); // t = 0: a new phase
    r.count('Scanning tweets', 10_000, 1_000_000, 'tweets'); // 100 ms later: dropped
    r.count('Scanning tweets', 400_000, 1_000_000, 'tweets'); // t = 4 s: 100,000 tweets/s, 6 s left
    r.count('Scanning tweets', 410_000, 1_000_000, 'tweets'); // 100 ms later: dropped
    r.count('Scanning tweets', 1_000_000, 1_000_000, 'tweets'); // the end: posted however soon
    r.count('Communities and metrics', 0, 0, ''); // a new phase: posted at once
    expect(posted).toEqual([
      { phase: 'Scanning tweets', done: 0, total: 1_000_000, unit: 'tweets', perSecond: 0, etaSeconds: null },
      { phase: 'Scanning tweets', done: 400_000, total: 1_000_000, unit: 'tweets', perSecond: 100_000, etaSeconds: 6 },
      { phase: 'Scanning tweets', done: 1_000_000, total: 1_000_000, unit: 'tweets', perSecond: 232_558, etaSeconds: null },
      { phase: 'Communities and metrics', done: 0, total: 0, unit: '', perSecond: 0, etaSeconds: null },
    ]);
  });

  it('gives no rate or time left for units of uneven cost (the window sweep: its last window costs many times its first)', () => {
    const posted: AnalysisProgress[] = [];
    clock([0, 4000]);
    const r = new AnalysisProgressReporter((p) => posted.push(p), 200);
    r.count('Window sweep with significance', 0, 7, 'windows', false);
    r.count('Window sweep with significance', 5, 7, 'windows', false);
    expect(posted.map((p) => [p.done, p.perSecond, p.etaSeconds])).toEqual([[0, 0, null], [5, 0, null]]);
    expect(progressText(posted[1]!)).toBe('Window sweep with significance: 5 of 7 windows');
  });
});

describe('progressText', () => {
  it('says the count with the rate and the time left, or a phase that counts nothing by its name', () => {
    expect(progressText({ phase: 'Pairing accounts', done: 120_000, total: 1_004_718, unit: 'account pairs', perSecond: 40_000, etaSeconds: 22.1 }))
      .toBe('Pairing accounts: 120,000 of 1,004,718 account pairs, 40,000 account pairs/s, about 22 s left');
    expect(progressText({ phase: 'Scanning tweets', done: 0, total: 20_000, unit: 'tweets', perSecond: 0, etaSeconds: null })).toBe('Scanning tweets: 0 of 20,000 tweets');
    expect(progressText({ phase: 'Scanning tweets', done: 20_000, total: 20_000, unit: 'tweets', perSecond: 90_000, etaSeconds: null })).toBe('Scanning tweets: 20,000 of 20,000 tweets');
    expect(progressText({ phase: 'Communities and metrics: PageRank', done: 0, total: 0, unit: '', perSecond: 0, etaSeconds: null })).toBe('Communities and metrics: PageRank…');
  });
});
