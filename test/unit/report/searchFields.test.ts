import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../shared/report/reportHtml';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { caseReportModel } from '../../../renderer/src/report/caseReportModel';

const at = '2026-12-03T10:00:00.000Z';
const caseRecord: CaseRecord = { id: 'c1', name: 'searches', createdAt: at, createdBy: 'analyst@example.org', archived: false, itemNotes: {} };
const minute = (iso: string) => Date.parse(iso) / 60_000;
/** As SearchView pins a page of results (payload fields as it writes them); without citedTweets, as pins before 2026-12-03. */
const searchPin = (withTexts: boolean): PinRecord => ({
  id: 's1', caseId: 'c1', pinnedAt: at, kind: 'search', datasetId: 'd1', title: 'Search: 1,234 tweets, results 51–52 cited, for “香港 暴徒”', provenance: [],
  payload: {
    query: '香港 暴徒', terms: ['香港', '暴徒'], filters: { fromMinute: minute('2019-07-01T00:00:00Z'), language: 'zh', retweet: 'exclude', hashtag: 'HongKong', order: 'newest' },
    count: 1234, citedResults: { from: 51, to: 52 }, citedTweetIds: ['1150232432516337937', '1150232432516337999'],
    ...(withTexts ? { citedTweets: [
      { tweetid: '1150232432516337937', userid: 'u1', userScreenName: 'newsagency', time: '2019-07-14 03:00 UTC', text: '香港  暴徒 #HongKong' },
      { tweetid: '1150232432516337999', userid: 'u2', userScreenName: 'شلوغی', time: '2019-07-15 00:00 UTC', text: 'شلوغی در هنگ کنگ 香港 暴徒' },
    ] } : {}),
  },
});
const report = (pin: PinRecord) => caseReportModel({ caseRecord, items: [pin], custody: [], sources: [], author: 'analyst@example.org', software: { name: 'x', version: '1' }, analystTimeZone: 'UTC', createdAt: new Date(at) });
const fieldsOf = (pin: PinRecord) => {
  const item = report(pin).items[0]!;
  return new Map(item.kind === 'finding' ? item.fields : []);
};

describe('a pinned search in the report', () => {
  it('says the query, its filters in words, the matches, the results cited and each cited post with its exact text', () => {
    const fields = fieldsOf(searchPin(true));
    expect(fields.get('query')).toBe('香港 暴徒');
    expect(fields.get('terms (each must match)')).toBe('香港 · 暴徒');
    expect(fields.get('filters')).toBe('from 2019-07-01 00:00 UTC, language zh, no retweets, #HongKong, newest first');
    expect(fields.get('matches')).toBe('1,234 tweets');
    expect(fields.get('results cited')).toBe('51 to 52, in the order the search listed them');
    expect(fields.get('result 51')).toBe('post 1150232432516337937 by @newsagency (account u1) at 2019-07-14 03:00 UTC');
    expect(fields.get('result 51 text')).toBe('香港  暴徒 #HongKong');
    expect(fields.get('result 52 text')).toBe('شلوغی در هنگ کنگ 香港 暴徒');
    expect([...fields.keys()].some((k) => /\[|\./.test(k))).toBe(false); // no raw JSON paths, no epoch minutes
    const html = buildReportHtml(report(searchPin(true)), { stylesheets: [], pageSize: 'A4' });
    expect(html).toMatch(/dir="rtl">شلوغی در هنگ کنگ 香港 暴徒</);
  });

  it('a search pinned before texts were kept lists its posts by id and says where their rows are', () => {
    const fields = fieldsOf(searchPin(false));
    expect(fields.get('cited posts')).toBe('1150232432516337937, 1150232432516337999');
    expect(fields.get('cited posts\' texts')).toMatch(/^not in this pin .*data\/source excerpts$/);
  });
});
