import { describe, expect, it } from 'vitest';
import { sameItem, type EvidenceItemDraft } from '../../../renderer/src/pins/pinTypes';

const row = { fileSha256: 'a'.repeat(64), row: 7, byteOffset: 1951, byteLength: 310 };
const tweet = (extra: Record<string, unknown>, title = 'Tweet 1190000000000000002 by @maryam_ali'): EvidenceItemDraft =>
  ({ kind: 'tweet', datasetId: 'd1', title, payload: { tweetid: '1190000000000000002', ...extra }, provenance: [row] }) as EvidenceItemDraft;

describe('the same evidence item', () => {
  it('a tweet is its archived row: pinned from a search (with the query) and from the account page, it is one item', () => {
    expect(sameItem(tweet({ matchedQuery: 'للعنف' }), tweet({}, 'Tweet 1190000000000000002 by @maryam_ali (account page)'))).toBe(true);
    expect(sameItem(tweet({}), { ...tweet({}), provenance: [{ ...row, byteOffset: 1 }] })).toBe(false);
    expect(sameItem(tweet({}), { ...tweet({}), datasetId: 'd2' })).toBe(false);
  });

  it('a search or a chart must also match in title and content', () => {
    const search = (query: string): EvidenceItemDraft => ({ kind: 'search', datasetId: 'd1', title: `Search for “${query}”`, payload: { query }, provenance: [row] }) as EvidenceItemDraft;
    expect(sameItem(search('a'), search('a'))).toBe(true);
    expect(sameItem(search('a'), search('b'))).toBe(false);
  });
});
