import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../shared/report/reportHtml';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { caseReportModel } from '../../../renderer/src/report/caseReportModel';

const at = '2026-12-03T10:00:00.000Z';
const caseRecord: CaseRecord = { id: 'c1', name: 'mentions', createdAt: at, createdBy: 'analyst@example.org', archived: false, itemNotes: {} };
const TEXT_RTL = '@u2 شلوغی در هنگ کنگ';
/** As EdgeDetails pins a mention edge (payload fields as it writes them); `kind` 'network' is how pins before 2026-12-03 were stored. */
const edgePin = (kind: PinRecord['kind'], tweetsTotal: number): PinRecord => ({
  id: 'e1', caseId: 'c1', pinnedAt: at, kind, datasetId: 'd1', title: 'Mention edge @a → @b (3 tweets)', provenance: [],
  payload: {
    kind: 'mention', source: 'u1', target: 'u2', weight: 3, tweetsTotal,
    tweets: [
      { tweetid: '1150232432516337937', userid: 'u1', time: '2019-07-14 03:00 UTC', mentionedUserid: 'u2', text: '香港  @u2 加油' },
      { tweetid: '1150232432516337999', userid: 'u1', time: '2019-07-15 00:00 UTC', mentionedUserid: 'u2', text: TEXT_RTL },
    ],
    parameters: { filter: {} },
  },
});
const report = (pin: PinRecord) => caseReportModel({ caseRecord, items: [pin], custody: [], sources: [], author: 'analyst@example.org', software: { name: 'x', version: '1' }, analystTimeZone: 'UTC', createdAt: new Date(at) });

describe('a pinned interaction edge in the report', () => {
  it('says who did what to whom, how many tweets it lists, and each tweet with its exact text', () => {
    const m = report(edgePin('interaction-edge', 3));
    const item = m.items[0]!;
    expect(item.kind === 'finding' && item.findingKind).toBe('interaction-edge');
    const fields = new Map(item.kind === 'finding' ? item.fields : []);
    expect(fields.get('edge')).toBe('account u1 mentioned account u2');
    expect(fields.get('weight')).toBe('3 (tweets behind the edge)');
    expect(fields.get('tweets listed')).toBe('the first 2 of 3');
    expect(fields.get('tweet 1')).toBe('post 1150232432516337937 by account u1 at 2019-07-14 03:00 UTC; mentioned account: u2');
    expect(fields.get('tweet 1 text')).toBe('香港  @u2 加油'); // exact: the double space kept
    expect(fields.get('tweet 2 text')).toBe(TEXT_RTL);
    expect([...fields.keys()].some((k) => /\[|\./.test(k))).toBe(false); // no raw JSON paths
    const html = buildReportHtml(m, { stylesheets: [], pageSize: 'A4' });
    expect(html).toContain('香港  <bdi>@u2</bdi> 加油'); // a mention isolated, the text's characters as archived
    expect(html).toMatch(/<span class="user-text finding-value" dir="rtl"><bdi>@u2<\/bdi> شلوغی/);
    // Its kind in words, not as the id the stores keep.
    expect(html).toContain('Item 1: interaction edge — <bdi>Mention edge @a → @b (3 tweets)</bdi>');
    expect(html).not.toContain('Item 1: interaction-edge');
  });

  it('reads an edge pinned before interaction edges had their kind (kind network, no figure) the same way', () => {
    const item = report(edgePin('network', 2)).items[0]!;
    expect(item.kind === 'finding' && item.findingKind).toBe('interaction-edge');
    expect(new Map(item.kind === 'finding' ? item.fields : []).get('tweets listed')).toBe('all 2');
  });
});
