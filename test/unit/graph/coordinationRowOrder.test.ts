import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import type { TweetColumns } from '../../../shared/domain/tweet';
import { reordered } from './reorderedColumns';
import { coordinationCommunities } from '../../../shared/graph/coordination/coordinationCommunities';
import { COORDINATION_KINDS } from '../../../shared/graph/coordination/coordinationTypes';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { windowStability } from '../../../shared/graph/coordination/windowStability';

// The same tweets in another row order: the archive's tweets file split in two, its even rows in one
// part and its odd rows in the other, read part after part (as `coord part1.csv part2.csv` reads them,
// or a dataset built by two imports stores them). Nothing about the tweets changes, so neither may the
// result: the null model's random offsets once followed the order in which accounts first posted.
const { columns } = demoTweetColumns({ seed: 11, tweets: 6_000 });
const rows = Array.from({ length: columns.length }, (_, i) => i);
const split = [...rows.filter((i) => i % 2 === 0), ...rows.filter((i) => i % 2 === 1)];

const summary = (c: TweetColumns, kind: (typeof COORDINATION_KINDS)[number]) => {
  const r = detectCoordination(c, { kind, windowSeconds: 60, minRepeat: 3, replicates: 99, seed: 1 });
  return {
    edges: r.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight, expectedWeight: e.expectedWeight, pValue: e.pValue, qValue: e.qValue, significant: e.significant })),
    communities: coordinationCommunities(r.edges, 1).map((x) => [...x.members].sort()).sort(),
  };
};

describe('coordination does not depend on the order of the rows', () => {
  for (const kind of COORDINATION_KINDS) {
    it(`${kind}: the same edges, weights, expected weights, p and q values and communities`, () => {
      const whole = summary(columns, kind);
      expect(whole.edges.length).toBeGreaterThan(10);
      expect(summary(reordered(columns, split), kind)).toEqual(whole);
      expect(summary(reordered(columns, [...rows].reverse()), kind)).toEqual(whole);
    });
  }

  it('the window sweep says the same edges are stable', () => {
    const stable = (c: TweetColumns) => windowStability(c, { kind: 'coretweet', minRepeat: 3, replicates: 99, seed: 1 }).edges.filter((e) => e.stable).map((e) => `${e.source} ${e.target}`).sort();
    const whole = stable(columns);
    expect(whole.length).toBeGreaterThan(0);
    expect(stable(reordered(columns, split))).toEqual(whole);
  });
});
