import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../../renderer/src/workers/import/importMessages';
import { ProgressReporter } from '../../../renderer/src/workers/import/progressReporter';
import { performanceReads } from '../performanceClock';

describe('ProgressReporter', () => {
  afterEach(() => vi.restoreAllMocks());
  const clock = performanceReads;

  it('reports bytes with rows/s and the ETA from bytes, at most once per interval unless forced', () => {
    const posted: ImportProgress[] = [];
    clock([0, 0, 4000, 4050, 4060]); // construction, startPhase, then the reports
    const r = new ProgressReporter((p) => posted.push(p), 100);
    r.startPhase('parsing'); // t = 0
    r.report('a.csv', 400, 1000, 10_000); // t = 4 s: 100 B/s, 600 B left
    r.report('a.csv', 500, 1000, 12_000); // 50 ms later: dropped
    r.report('a.csv', 500, 1000, 12_000, true); // forced
    expect(posted).toHaveLength(2);
    expect(posted[0]).toEqual({ phase: 'parsing', fileName: 'a.csv', bytes: 400, totalBytes: 1000, rows: 10_000, rowsPerSecond: 2500, etaSeconds: 6 });
    expect(posted[1]!.rows).toBe(12_000);
  });

  it('reports rows of a known total (reading a dataset) with the ETA from rows and no bytes', () => {
    const posted: ImportProgress[] = [];
    clock([0, 0, 4000]);
    const r = new ProgressReporter((p) => posted.push(p), 100);
    r.startPhase('reading');
    r.reportRows('big dataset', 250_000, 1_000_000); // 62,500 rows/s: 12 s left
    expect(posted).toEqual([{ phase: 'reading', fileName: 'big dataset', bytes: 0, totalBytes: 0, rows: 250_000, totalRows: 1_000_000, rowsPerSecond: 62_500, etaSeconds: 12 }]);
  });

  it('gives no estimate once every byte is read (rows read ahead and the last writes remain, not bytes)', () => {
    const posted: ImportProgress[] = [];
    clock([0, 0, 2000]);
    const r = new ProgressReporter((p) => posted.push(p), 100);
    r.startPhase('parsing');
    r.report('a.csv.gz', 1000, 1000, 70_000);
    expect(posted[0]!.etaSeconds).toBeNull();
  });

  it('gives no estimate in the first 3 s or the first 2% (the start is slower than the rest), and says which file of several is read', () => {
    const posted: ImportProgress[] = [];
    clock([0, 0, 2900, 5000, 6000]);
    const r = new ProgressReporter((p) => posted.push(p), 100);
    r.startPhase('parsing');
    r.atFile(1, 2);
    r.report('tweets.csv', 500, 1000, 1); // 2.9 s
    r.report('tweets.csv', 10, 1000, 1); // 1% of the bytes
    r.report('tweets.csv', 500, 1000, 1); // 6 s, half: 6 s left
    expect(posted.map((p) => p.etaSeconds)).toEqual([null, null, 6]);
    expect(posted[0]!.file).toEqual({ number: 2, of: 2 });
    r.atFile(0, 1);
    r.report('one.csv', 1, 2, 1, true);
    expect(posted[3]!.file).toBeUndefined();
  });
});
