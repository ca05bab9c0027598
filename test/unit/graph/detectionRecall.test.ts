import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { coordinationCommunities } from '../../../shared/graph/coordination/coordinationCommunities';
import { COORDINATION_KINDS } from '../../../shared/graph/coordination/coordinationTypes';

// A small generated archive: 5 planted groups of 8–15 accounts among ~450 background accounts.
const { columns, groundTruth } = demoTweetColumns({ seed: 11, tweets: 18_000 });
const memberOf = new Map<string, number>();
for (const g of groundTruth.groups) for (const m of g.members) memberOf.set(m, g.id);

describe('planted coordination is recovered (generated archive, 18k tweets)', () => {
  for (const kind of COORDINATION_KINDS) {
    it(`${kind}: each planted group is one community of significant edges; no background edge`, () => {
      const r = detectCoordination(columns, { kind, windowSeconds: 60, minRepeat: 3, replicates: 99, seed: 5 });
      const significant = r.edges.filter((e) => e.significant);
      // No significant edge touches a background account or joins two different groups.
      const bad = significant.filter((e) => memberOf.get(e.source) === undefined || memberOf.get(e.source) !== memberOf.get(e.target));
      expect(bad).toEqual([]);
      const communities = coordinationCommunities(r.edges, 5);
      const planted = groundTruth.groups.filter((g) => g.behaviours.includes(kind));
      expect(planted.length).toBeGreaterThan(0);
      const figures: string[] = [];
      for (const g of planted) {
        const best = communities
          .map((c) => ({ c, hit: c.members.filter((m) => g.members.includes(m)).length }))
          .sort((a, b) => b.hit - a.hit)[0]!;
        const recall = best.hit / g.members.length;
        const precision = best.hit / best.c.members.length;
        figures.push(`g${g.id} recall ${recall.toFixed(2)} precision ${precision.toFixed(2)}`);
        expect(recall).toBeGreaterThanOrEqual(0.9);
        expect(precision).toBe(1);
      }
      expect(communities.length).toBe(planted.length);
      console.log(`${kind}: ${r.edges.length} edges, ${significant.length} significant; ${figures.join('; ')}`);
    });
  }

  it('background accounts co-retweeting popular tweets do co-act, but never reach minRepeat=3', () => {
    const r = detectCoordination(columns, { kind: 'coretweet', minRepeat: 1, replicates: 0 });
    const background = r.edges.filter((e) => !memberOf.has(e.source) && !memberOf.has(e.target));
    expect(background.length).toBeGreaterThan(0);
    expect(Math.max(...background.map((e) => e.weight))).toBeLessThan(3);
  });
});
