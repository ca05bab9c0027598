import { describe, expect, it } from 'vitest';
import { edgesFromPairs, edgeTriples, mergeEdges } from '../../../renderer/src/store/read/edgeColumns';
import { ScreenNames } from '../../../shared/domain/screenNames';
import { resolveScreenNames } from '../../../renderer/src/store/read/resolveScreenNames';
import type { EdgeKind, ImportAggregates, ImportEdges } from '../../../renderer/src/store/schema';

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

describe('resolving @names read back with the accounts', () => {
  const stored = (edges: ImportEdges): ImportAggregates =>
    ({ mentioned: { b: 2, '@B': 3, '@out': 1 }, retweeted: { '@b': 4 }, edges }) as unknown as ImportAggregates;

  it('moves an archived screen name’s counts and edges onto its account id, summing pairs that meet', () => {
    const ag = resolveScreenNames(stored(edgesFromPairs(pairs({ 'a\tb': 2, 'a\t@B': 1, 'c\t@b': 3 }, { 'a\t@out': 1 }))), new ScreenNames([{ userid: 'b', userScreenName: 'b' }]));
    expect(ag.mentioned).toEqual({ b: 5, '@out': 1 });
    expect(ag.retweeted).toEqual({ b: 4 });
    expect(Object.fromEntries([...edgeTriples(ag.edges, 'retweet')].map(([s, t, n]) => [s + '>' + t, n]))).toEqual({ 'a>b': 3, 'c>b': 3 });
    expect([...edgeTriples(ag.edges, 'mention')]).toEqual([['a', '@out', 1]]);
  });

  it('leaves the aggregates as they are when no @name is an archived account', () => {
    const ag = stored(edgesFromPairs(pairs({ 'a\t@x': 2 })));
    expect(resolveScreenNames(ag, new ScreenNames([{ userid: 'b', userScreenName: 'b' }]))).toBe(ag);
  });

  it('credits a name two accounts share ignoring case by the shared rule: exact case first, else the lowest id', () => {
    const names = new ScreenNames([{ userid: '1111111114', userScreenName: 'NewsAgency' }, { userid: '1111111111', userScreenName: 'newsagency' }]);
    const ag = resolveScreenNames(stored(edgesFromPairs(pairs({}, { 'a\t@newsagency': 1, 'b\t@NewsAgency': 2, 'c\t@NEWSAGENCY': 4 }))), names);
    expect(Object.fromEntries([...edgeTriples(ag.edges, 'mention')].map(([s, t, n]) => [s + '>' + t, n]))).toEqual({ 'a>1111111111': 1, 'b>1111111114': 2, 'c>1111111111': 4 });
  });
});
