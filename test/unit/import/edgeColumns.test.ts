import { describe, expect, it } from 'vitest';
import { edgesFromPairs, edgeTriples, mergeEdges } from '../../../renderer/src/store/read/edgeColumns';
import type { EdgeKind } from '../../../renderer/src/store/schema';

const pairs = (retweet: Record<string, number>, mention: Record<string, number> = {}) =>
  ({ retweet: new Map(Object.entries(retweet)), mention: new Map(Object.entries(mention)), reply: new Map(), quote: new Map() }) as Record<EdgeKind, Map<string, number>>;

describe('edge columns', () => {
  it('round-trip "source\\ttarget" pairs through one dictionary', () => {
    const e = edgesFromPairs(pairs({ 'a\tb': 2, 'b\t@c': 1 }, { 'a\tb': 5 }));
    expect(e.accounts).toEqual(['a', 'b', '@c']);
    expect([...edgeTriples(e, 'retweet')]).toEqual([['a', 'b', 2], ['b', '@c', 1]]);
    expect([...edgeTriples(e, 'mention')]).toEqual([['a', 'b', 5]]);
    expect(e.reply.weight).toHaveLength(0);
  });

  it('merge the edges of imports with different dictionaries, summing shared pairs', () => {
    const one = edgesFromPairs(pairs({ 'a\tb': 2, 'c\ta': 1 }));
    const two = edgesFromPairs(pairs({ 'x\ty': 4, 'a\tb': 3 }));
    const merged = mergeEdges([one, two]);
    expect(Object.fromEntries([...edgeTriples(merged, 'retweet')].map(([s, t, n]) => [s + '>' + t, n]))).toEqual({ 'a>b': 5, 'c>a': 1, 'x>y': 4 });
  });
});
