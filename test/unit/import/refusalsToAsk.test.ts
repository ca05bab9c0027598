import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../renderer/src/workers/import/hashMessages';
import { refusalsToAsk } from '../../../renderer/src/workers/import/refusalsToAsk';

const parse = { kind: 'parse', hashes: {} } as Verdict;
const refuse = (fileName: string, message = 'cut short'): Verdict => ({ kind: 'refuse', refused: { fileName, message } });

describe('refusalsToAsk', () => {
  it('names each refusal once, those found while reading first, and none the analyst already answered', () => {
    const cutA = { fileName: 'cutA.csv', message: 'cut short' };
    const cutB = { fileName: 'cutB.csv', message: 'cut short' };
    const gz = { fileName: 'x.csv.gz', message: 'truncated gzip' };
    // cutA found in the parse and marked refused in the verdicts too; x.csv.gz refused by pass 1.
    expect(refusalsToAsk([cutA, cutB], [refuse('cutA.csv'), parse, refuse('x.csv.gz', 'truncated gzip')], new Set())).toEqual([cutA, cutB, gz]);
    // cutA answered in an earlier attempt: asked about the new ones only.
    expect(refusalsToAsk([cutA], [refuse('cutA.csv'), refuse('x.csv.gz', 'truncated gzip')], new Set([`cutA.csv\ncut short`]))).toEqual([gz]);
    expect(refusalsToAsk([cutA], [], new Set([`cutA.csv\ncut short`]))).toEqual([]);
  });
});
