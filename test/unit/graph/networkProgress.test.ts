import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { buildNetwork } from '../../../shared/graph/networks/buildNetwork';
import { NETWORK_KINDS } from '../../../shared/graph/networks/networkTypes';

const { columns } = demoTweetColumns({ seed: 3, tweets: 6000 });

describe('network builders report progress', () => {
  it.each(NETWORK_KINDS)('%s: each phase from 0 to its total, in counters only, a call every few thousand steps', (kind) => {
    const calls: { phase: string; done: number; total: number; unit: string }[] = [];
    const net = buildNetwork(columns, kind, { onProgress: (phase, done, total, unit) => calls.push({ phase, done, total, unit }) });
    const phases = [...new Set(calls.map((c) => c.phase))];
    const coUse = kind === 'cohashtag' || kind === 'courl';
    expect(phases).toEqual(['Scanning tweets', coUse ? 'Pairing accounts' : 'Adding edges to the graph']);
    for (const phase of phases) {
      const of = calls.filter((c) => c.phase === phase);
      expect(of[0]!.done, phase).toBe(0);
      expect(of.at(-1)!.done, phase).toBe(of[0]!.total);
      expect(new Set(of.map((c) => c.total)).size, phase).toBe(1);
      expect(of.every((c, i) => i === 0 || c.done >= of[i - 1]!.done), phase).toBe(true);
    }
    expect(calls.find((c) => c.phase === 'Scanning tweets')!.total).toBe(columns.length);
    // Co-use: every pair of accounts sharing an item, one edge each or added to one's weight.
    const last = calls.at(-1)!;
    if (coUse) expect(last.done).toBeGreaterThanOrEqual(net.graph.size);
    else expect(last).toMatchObject({ done: net.graph.size, unit: 'edges' });
    expect(net.graph.size).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(40);
  });
});
