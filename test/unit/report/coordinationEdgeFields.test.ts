import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../shared/report/reportHtml';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { caseReportModel } from '../../../renderer/src/report/caseReportModel';

const at = '2026-12-03T10:00:00.000Z';
const caseRecord: CaseRecord = { id: 'c1', name: 'co-tweets', createdAt: at, createdBy: 'analyst@example.org', archived: false, itemNotes: {} };
// Two archived texts differing only in a double space (what a co-tweet key folds away), and one right to left.
const TEXT_A = '法治是香港的核心價值  暴徒衝擊立法會 https://t.co/a';
const TEXT_B = '法治是香港的核心價值 暴徒衝擊立法會 https://t.co/b';
const TEXT_C = 'شلوغی در هنگ کنگ';
/** As EdgeDetails pins a coordination edge (payload fields as it writes them). */
const edgePin = (pairs: Record<string, unknown>[]): PinRecord => ({
  id: 'e1', caseId: 'c1', pinnedAt: at, kind: 'coordination-edge', datasetId: 'd1', title: 'Co-tweet (coordination) edge @a — @b', provenance: [],
  payload: {
    kind: 'cotweet', source: 'u1', target: 'u2', weight: 2, expectedWeight: 0.0312, pValue: 3.2684595656933756e-11, qValue: 0.0049, significant: true, stable: true,
    windows: [{ windowSeconds: 10, present: true, weight: 2, qValue: 0.01, significant: true }, { windowSeconds: 3600, present: false, weight: 0, qValue: null, significant: false }],
    parameters: { kind: 'cotweet', windowSeconds: 60, minRepeat: 2, alpha: 0.05, replicates: 199, nullModel: { name: 'account-day-shift', description: 'long text', replicates: 199, seed: 1, shiftMaxMinutes: 720 } },
    pairs,
  },
});
const report = (pin: PinRecord) => caseReportModel({ caseRecord, items: [pin], custody: [], sources: [], author: 'analyst@example.org', software: { name: 'x', version: '1' }, analystTimeZone: 'UTC', createdAt: new Date(at) });

describe('a pinned coordination edge in the report', () => {
  it('prints its facts in words and each post pair with both posts’ exact texts', () => {
    const m = report(edgePin([
      { tweetA: '1150232432516337937', tweetB: '1150232432516337999', timeA: '2019-07-14 03:00 UTC', timeB: '2019-07-14 03:01 UTC', deltaSeconds: 60, object: '法治是香港的核心價值 暴徒衝擊立法會 <url>', textA: TEXT_A, textB: TEXT_B },
      { tweetA: '11', tweetB: '12', timeA: '2019-07-15 00:00', timeB: '2019-07-15 00:00', deltaSeconds: 0, object: 'شلوغی در هنگ کنگ', textA: TEXT_C, textB: TEXT_C },
    ]));
    const item = m.items[0]!;
    expect(item.kind === 'finding' && item.findingKind).toBe('coordination-edge');
    const fields = new Map(item.kind === 'finding' ? item.fields : []);
    expect(fields.get('accounts')).toBe('u1 and u2');
    expect(fields.get('weight')).toBe('2 shared objects (2 post pairs); expected under the null model 0.03');
    expect(fields.get('significance')).toBe('p 3.27e-11, q 0.00490 (Benjamini–Hochberg); significant at alpha 0.05: yes');
    expect(fields.get('detection')).toBe('window Δt 60 s; at least 2 co-actions; 199 null-model replicates (account-day-shift, seed 1)');
    expect(fields.get('window sweep')).toBe('10 s: weight 2, q 0.0100, significant; 3600 s: absent');
    // Times as EdgeDetails pins them (formatMinute's, zone included) or bare: the zone said once.
    expect(fields.get('pair 1')).toBe('post 1150232432516337937 at 2019-07-14 03:00 UTC and post 1150232432516337999 at 2019-07-14 03:01 UTC, Δt 60 s');
    expect(fields.get('pair 2')).toBe('post 11 at 2019-07-15 00:00 UTC and post 12 at 2019-07-15 00:00 UTC, Δt 0 s');
    // The texts exactly as archived, double space kept; not the key they were compared by.
    expect(fields.get('pair 1 post 1150232432516337937')).toBe(TEXT_A);
    expect(fields.get('pair 1 post 1150232432516337999')).toBe(TEXT_B);
    expect(fields.get('pair 2 post 11')).toBe(TEXT_C);
    // No raw JSON paths or the null model's long description.
    expect([...fields.keys()].some((k) => /\[|\./.test(k))).toBe(false);
    const html = buildReportHtml(m, { stylesheets: [], pageSize: 'A4' });
    expect(html).toContain('法治是香港的核心價值  暴徒衝擊立法會');
    // A right-to-left text is printed in its own direction.
    expect(html).toMatch(/<span class="user-text finding-value" dir="rtl">[^<]*شلوغی/);
  });

  it('puts the analysis behind it in the Analysis parameters table, in words', () => {
    const pin = edgePin([]);
    const receipt = {
      receiptVersion: 1, kind: 'coordination:cotweet', seed: 7, dataset: { files: [], tweets: 10, tweetsAnalysed: 8 },
      parameters: { ...(pin.payload as { parameters: object }).parameters, filter: { fromMinute: Date.parse('2019-07-01T00:00:00Z') / 60_000, language: 'zh' }, windowSweep: [10, 60, 3600] },
      algorithms: [{ name: 'louvain', implementation: 'graphology-communities-louvain', version: '2.0.2' }], counts: { nodes: 2, edges: 1, omitted: {} }, notes: [],
    };
    const m = report({ ...pin, payload: { ...(pin.payload as object), receipt } });
    expect(m.method.parameters.find((r) => r.name === pin.title)?.value).toBe(
      'coordination:cotweet; tweets from 2019-07-01 00:00 UTC to the last; tweet language zh; window Δt 60 s; at least 2 co-actions a pair; alpha 0.05 (Benjamini–Hochberg); ' +
        '199 null-model replicates (account-day-shift, seed 1); window sweep 10, 60, 3600 s; seed 7; algorithms: louvain (graphology-communities-louvain 2.0.2)',
    );
    // A pin with no analysis adds no row.
    expect(report(pin).method.parameters.map((r) => r.name)).toEqual(['Items', 'Figures', 'Analyst time zone']);
  });

  it('an edge pinned before texts were kept says where the exact rows are', () => {
    const m = report(edgePin([{ tweetA: '1', tweetB: '2', timeA: '2019-07-14 03:00', timeB: '2019-07-14 03:00', deltaSeconds: 0, object: 'x' }]));
    const fields = new Map(m.items[0]!.kind === 'finding' ? m.items[0]!.fields : []);
    expect(fields.get('pair 1 texts')).toMatch(/^not in this pin .*data\/source excerpts$/);
  });
});
