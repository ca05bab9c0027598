import { describe, expect, it } from 'vitest';
import { findingFields } from '../../../shared/report/findingFields';

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
