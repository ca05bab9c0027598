import { describe, expect, it } from 'vitest';
import { emptyNetworkReason, type NetworkCounts } from '../../../shared/graph/emptyNetworkReason';
import { buildNetwork } from '../../../shared/graph/networks/buildNetwork';
import type { NetworkKind } from '../../../shared/graph/networks/networkTypes';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import type { CoordinationKind } from '../../../shared/graph/coordination/coordinationTypes';
import type { TweetFilter } from '../../../shared/graph/tweetFilter';
import { handColumns, type HandTweet } from './handColumns';

// Two accounts retweet the same three tweets in the same minute; carol mentions only herself; dave posts plain tweets.
const rows: HandTweet[] = [
  ...['100', '101', '102'].flatMap((rt, k): HandTweet[] => [
    { id: `a${k}`, user: 'a', screenName: 'alice', time: `2019-06-12 10:0${k}`, retweetOf: rt, retweetUser: 'x', text: 'RT @x: hi' },
    { id: `b${k}`, user: 'b', screenName: 'bob', time: `2019-06-12 10:0${k}`, retweetOf: rt, retweetUser: 'x', text: 'RT @x: hi' },
  ]),
  { id: 'c1', user: 'c', screenName: 'carol', time: '2019-06-12 11:00', mentions: ['c'] },
  { id: 'd1', user: 'd', screenName: 'dave', time: '2019-06-12 12:00', text: 'nothing to see' },
  { id: 'd2', user: 'd', screenName: 'dave', time: '2019-06-12 12:01', text: 'still nothing' },
];
const cols = handColumns(rows);

/** The counters as the analysis worker hands them on, for a network kind. */
function networkReason(kind: NetworkKind, filter?: TweetFilter, columns = cols): string {
  const { graph, stats } = buildNetwork(columns, kind, { filter });
  const counts: NetworkCounts = {
    kind, edges: graph.size, tweets: columns.length, tweetsFiltered: stats.tweetsFiltered, tweetsWithObject: stats.tweetsWithObject,
    unresolved: stats.unresolved, prunedItems: stats.prunedItems.length,
  };
  return emptyNetworkReason(counts);
}

function coordinationReason(kind: CoordinationKind, minRepeat: number, windowSeconds = 60, filter?: TweetFilter): { reason: string; heaviest: number } {
  const r = detectCoordination(cols, { kind, minRepeat, windowSeconds, replicates: 0, filter });
  const reason = emptyNetworkReason({
    kind, edges: r.edges.length, tweets: cols.length, tweetsFiltered: r.tweetsFiltered, actions: r.actions, candidatePairs: r.candidatePairs,
    heaviestPairWeight: r.heaviestPairWeight, cappedObjects: r.cappedObjects.length, windowSeconds: r.windowSeconds, minRepeat: r.minRepeat,
  });
  return { reason, heaviest: r.heaviestPairWeight };
}

describe('emptyNetworkReason', () => {
  it('says nothing of a network with edges', () => {
    expect(networkReason('retweet')).toBe('');
    expect(coordinationReason('coretweet', 3).reason).toBe('');
  });

  it('a dataset of accounts only holds no tweets', () => {
    const none = handColumns([]);
    expect(networkReason('retweet', undefined, none)).toBe('The dataset holds no tweets: there is nothing to link.');
  });

  it('a filter that keeps no tweet says so', () => {
    expect(networkReason('mention', { userids: new Set(['nobody']) })).toBe('None of the dataset’s 9 tweets passes the filter (days, language, accounts).');
  });

  it('interaction kinds: tweets read after the filter, none with what the kind links', () => {
    expect(networkReason('mention', { userids: new Set(['d']) })).toBe('2 tweets read (after the filter): none has a mention.');
    expect(networkReason('quote')).toBe('9 tweets read: none quotes a tweet.');
    expect(networkReason('reply')).toBe('9 tweets read: none is a reply.');
    expect(networkReason('retweet', { userids: new Set(['c', 'd']) })).toBe('3 tweets read (after the filter): none is a retweet.');
    expect(networkReason('cohashtag')).toBe('9 tweets read: none has a hashtag.');
  });

  it('mentions only of their authors are no edge, and said so', () => {
    expect(networkReason('mention', { userids: new Set(['c']) })).toBe('1 tweet read (after the filter), 1 of them has a mention, but each mentions only its author.');
  });

  it('coordination: the heaviest pair is named when none reaches the minimum repeats', () => {
    const { reason, heaviest } = coordinationReason('coretweet', 50);
    expect(heaviest).toBe(3);
    expect(reason).toBe('No account pair retweeted 50 different tweets within 60 s (Minimum repeats): of the 1 account pair that retweeted the same tweet, the heaviest retweeted 3.');
  });

  it('coordination: no two accounts acted on the same object within the window', () => {
    expect(coordinationReason('coretweet', 1, 60, { userids: new Set(['a', 'd']) }).reason)
      .toBe('5 tweets read (after the filter), but no two accounts retweeted the same tweet within 60 s.');
  });

  it('coordination: nothing to compare keeps its own explanation', () => {
    expect(coordinationReason('coreply', 1).reason).toMatch(/^No tweet of the filtered dataset names the tweet it replies to/);
  });
});
