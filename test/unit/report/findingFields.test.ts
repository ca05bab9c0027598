import { describe, expect, it } from 'vitest';
import { findingFields } from '../../../shared/report/findingFields';
import { analysisScope } from '../../../shared/report/analysisScope';

describe('findingFields', () => {
  it('flattens a pinned post pair to dotted fields, user text kept exactly (line breaks, RTL)', () => {
    const text = 'قروب الترند\nسطر ثان';
    expect(findingFields({ kind: 'coretweet', edge: { source: 'a', target: 'b' }, pair: { tweetA: '1', textA: text, deltaSeconds: 0, empty: '' }, ids: ['1', '2'], none: null })).toEqual([
      ['kind', 'coretweet'], ['edge.source', 'a'], ['edge.target', 'b'], ['pair.tweetA', '1'], ['pair.textA', text], ['pair.deltaSeconds', '0'], ['ids', '1, 2'],
    ]);
  });

  it('says how many fields it left out', () => {
    const f = findingFields({ pairs: Array.from({ length: 30 }, (_, i) => ({ a: i, b: i })) }, 10);
    expect(f).toHaveLength(11);
    expect(f[10]).toEqual(['…', "50 more fields in the bundle's data/derived/pinned-items.json"]);
  });
});

describe('analysisScope', () => {
  it("says in words what an analysis read and left out, its dates in UTC with the end day's last minute", () => {
    const from = Date.UTC(2019, 5, 1) / 60_000;
    const to = Date.UTC(2019, 7, 1) / 60_000; // exclusive: 2019-07-31 is the last day read
    const receipt = {
      dataset: { files: [], tweets: 20_000, tweetsAnalysed: 2_879 },
      parameters: { kind: 'coretweet', filter: { fromMinute: from, toMinute: to, language: 'zh' } },
      counts: { nodes: 3, edges: 2, omitted: { tweetsFiltered: 17_121, cappedObjects: 0, edgesPrunedByCap: 5, somethingNew: 2 } },
    };
    expect(analysisScope(receipt as never)).toEqual([
      ['tweets analysed', "2,879 of the dataset's 20,000"],
      ['left out', '17,121 tweets outside the filter; 5 edges beyond the edge cap (not drawn); 2 somethingNew'],
      ['tweets from', '2019-06-01 00:00 UTC to 2019-07-31 23:59 UTC'],
      ['tweet language', 'zh'],
    ]);
    expect(analysisScope({ dataset: { files: [], tweets: 5, tweetsAnalysed: 5 }, counts: { nodes: 0, edges: 0, omitted: {} }, parameters: {} } as never)).toEqual([
      ['tweets analysed', "5 of the dataset's 5"], ['left out', 'nothing'],
    ]);
    expect(analysisScope(undefined)).toEqual([]);
  });

  it('names a filter on the tweets with no language “(empty)”, as the Network form offers it (an empty language is a filter, not none)', () => {
    const scope = (filter: object) => analysisScope({ dataset: { files: [], tweets: 3, tweetsAnalysed: 2 }, counts: { nodes: 2, edges: 1, omitted: {} }, parameters: { filter } } as never);
    expect(scope({ language: '' })).toContainEqual(['tweet language', '(empty)']);
    expect(scope({}).map(([k]) => k)).not.toContain('tweet language');
  });

  it("counts a coordination run's account pairs under the minimum repeats (co-acted, not drawn), as the CLI's receipt does", () => {
    const scope = (n: number) => analysisScope({ dataset: { files: [], tweets: 9, tweetsAnalysed: 9 }, counts: { nodes: 2, edges: 1, omitted: { candidatePairsBelowMinRepeat: n } }, parameters: {} } as never);
    expect(scope(1_234)).toContainEqual(['left out', '1,234 pairs of accounts that co-acted fewer times than the minimum repeats']);
    expect(scope(1)).toContainEqual(['left out', '1 pair of accounts that co-acted fewer times than the minimum repeats']);
  });
});
