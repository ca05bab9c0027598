import { sha256 } from '@noble/hashes/sha2.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../../shared/archive/parseArchive';
import type { Account } from '../../../shared/domain/account';
import type { Tweet } from '../../../shared/domain/tweet';
import { prepareBundle } from '../../../shared/evidence/bundleWriter';
import { appendCustody } from '../../../shared/evidence/custodyLog';
import { seedSigner } from '../../../shared/evidence/signer';
import { buildReportHtml } from '../../../shared/report/reportHtml';
import { buildCaseBundleContent, type SourceInfo } from '../../../renderer/src/cases/caseBundleInput';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import { rangeKey } from '../../../renderer/src/cases/sourceExcerpts';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { caseReportModel } from '../../../renderer/src/report/caseReportModel';
import { realFixture } from '../../fixtures/paths';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

async function load(name: string) {
  const bytes = new Uint8Array(readFileSync(realFixture(name)));
  const tweets: Tweet[] = [];
  const accounts: Account[] = [];
  await parseArchive({ name, open: () => new Blob([bytes]).stream() as ReadableStream<Uint8Array> }, { onTweets: (b) => void tweets.push(...b), onAccounts: (b) => void accounts.push(...b) });
  return { bytes, sha: hex(sha256(bytes)), tweets, accounts };
}

/** The case export's own pieces (pins as the Explore views store them, buildCaseBundleContent, prepareBundle) → the report model. */
describe('caseReportModel: a case of pins → report model', () => {
  it('maps tweet, account, chart and search pins; item hashes are those of the exact excerpts in the signed bundle', async () => {
    const ira = await load('ira_2018_tweets_csv_hashed_excerpt.csv');
    const users = await load('china_082019_1_users_csv_hashed.csv');
    const t = ira.tweets[0]!;
    const a = users.accounts.find((x) => /[\u0600-\u06FF]/.test(x.userProfileDescription))!;
    const at = '2026-11-28T10:00:00.000Z';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const pins: PinRecord[] = [
      // As SearchView and the account page pin a tweet: the whole archived row.
      { id: 'p1', caseId: 'c1', pinnedAt: at, kind: 'tweet', datasetId: 'd1', title: `Tweet ${t.tweetid}`, provenance: [t.provenance], payload: { ...t, matchedQuery: 'x' } },
      // As AccountsTable pins an account.
      { id: 'p2', caseId: 'c1', pinnedAt: at, kind: 'account', datasetId: 'd2', title: `Account @${a.userScreenName}`, provenance: [a.provenance], payload: { account: a, activity: null } },
      { id: 'p3', caseId: 'c1', pinnedAt: at, kind: 'chart', datasetId: 'd1', title: 'Posts per day', provenance: [], payload: { title: 'Posts per day', caption: 'UTC days', option: {}, svg } },
      { id: 'p4', caseId: 'c1', pinnedAt: at, kind: 'search', datasetId: 'd1', title: 'Search “<b>”', provenance: [t.provenance], payload: { query: '<b>', count: 1, citedTweetIds: [t.tweetid] } },
      // As a network edge pins one of its tweets: no names, no counts.
      { id: 'p5', caseId: 'c1', pinnedAt: at, kind: 'tweet', datasetId: 'd1', title: `Tweet ${t.tweetid} (retweet edge)`, provenance: [t.provenance], payload: { kind: 'retweet', tweetid: t.tweetid, userid: t.userid, text: t.tweetText } },
    ];
    const caseRecord: CaseRecord = { id: 'c1', name: 'IRA & HK', createdAt: at, createdBy: 'analyst@example.org', archived: false, itemNotes: { p2: 'ملاحظة' }, itemTags: { p2: ['lockstep', '同日創建'] }, notes: 'Scope: the 2019 Hong Kong set.' };
    const sources: SourceInfo[] = [
      { sha256: ira.sha, fileName: 'ira_2018_tweets_csv_hashed_excerpt.csv', size: ira.bytes.length, format: 'twitter-tweets', importedAt: at, rowsRead: 2 },
      { sha256: users.sha, fileName: 'china_082019_1_users_csv_hashed.csv', size: users.bytes.length, format: 'twitter-users', importedAt: at },
    ];
    const cut = (b: Uint8Array, p: { byteOffset: number; byteLength: number }) => b.slice(p.byteOffset, p.byteOffset + p.byteLength);
    const excerpts = new Map([
      [ira.sha, new Map([[rangeKey(t.provenance), cut(ira.bytes, t.provenance)]])],
      [users.sha, new Map([[rangeKey(a.provenance), cut(users.bytes, a.provenance)]])],
    ]);
    const software = { name: 'Disclosure Workbench', version: '0.1.0' };
    const content = buildCaseBundleContent({ caseRecord, items: pins, excerpts, firstLines: new Map(), sources: new Map(sources.map((s) => [s.sha256, s])), analyst: 'analyst@example.org', software });
    // The chart is a figure file of the bundle, and its item line points to it.
    const chartFile = content.payload.find((f) => f.path === 'derived/figures/p3.svg')!;
    expect(new TextDecoder().decode(chartFile.bytes)).toBe(svg);
    expect(content.items.find((i) => (i as { id: string }).id === 'p3')).toMatchObject({ path: 'data/derived/figures/p3.svg', sha256: hex(sha256(chartFile.bytes!)) });
    const custody = appendCustody([], { at, actor: 'analyst@example.org', action: 'case-created', detail: { caseId: 'c1' } });
    const prepared = await prepareBundle({ caseId: 'c1', createdAt: new Date(at), sourceOrganization: 'x', software, principal: 'analyst@example.org', signer: seedSigner(new Uint8Array(32).fill(3)), payload: content.payload, items: content.items, custody, analysis: content.analysis, egress: { blockedRequests: 0, urls: [] } });

    const m = caseReportModel({ caseRecord, items: pins, custody, sources, prepared, author: 'analyst@example.org', software, analystTimeZone: 'Europe/Berlin', createdAt: new Date(at) });
    expect(m.bundleId).toBe(prepared.bundleId);
    expect(m.signer.fingerprint).toBe(prepared.fingerprint);
    expect(m.items.map((i) => i.kind)).toEqual(['post', 'account', 'finding', 'post']);
    expect(m.sources.map((x) => x.rows)).toEqual([2, null]);
    expect(m.figures).toHaveLength(1);
    expect(m.figures[0]!.imageDataUrl).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);

    const [post, account, finding, edgePost] = m.items;
    // The item's tags, and the case's notes as a paragraph of the summary.
    expect(account).toMatchObject({ note: 'ملاحظة', tags: ['lockstep', '同日創建'] });
    expect(post!.tags).toBeUndefined();
    expect(m.summary.split('\n\n')[1]).toBe('Scope: the 2019 Hong Kong set.');
    expect(m.summary.split('\n\n')[0]).toMatch(/: “IRA & HK”\.$/);
    // A case name with a bidi override is isolated: the report's closing quote and full stop stay after it.
    const overridden = caseReportModel({ caseRecord: { ...caseRecord, name: 'x \u202Eesac' }, items: pins, custody, sources, prepared, author: 'analyst@example.org', software, analystTimeZone: 'Europe/Berlin', createdAt: new Date(at) });
    expect(overridden.summary.split('\n\n')[0]).toMatch(/: “\u2068x \u202Eesac\u2069”\.$/);
    expect(post!.kind === 'post' && post.text).toBe(t.tweetText);
    expect(post!.kind === 'post' && [post.userDisplayName, post.userScreenName, post.engagement]).toEqual([
      t.userDisplayName, t.userScreenName, { replies: t.replyCount, retweets: t.retweetCount, likes: t.likeCount, quotes: t.quoteCount },
    ]);
    expect(t.likeCount).toBe(0);
    expect(edgePost!.kind === 'post' && [edgePost.text, edgePost.userScreenName, edgePost.engagement]).toEqual([t.tweetText, '', null]);
    expect(post!.kind === 'post' && post.tweetid).toBe(t.tweetid);
    expect(post!.sha256).toBe(hex(sha256(cut(ira.bytes, t.provenance))));
    expect(post!.source).toEqual({ fileName: sources[0]!.fileName, ...t.provenance });
    expect(account!.kind === 'account' && account.description).toBe(a.userProfileDescription);
    expect(account!.sha256).toBe(hex(sha256(cut(users.bytes, a.provenance))));
    expect(account!.note).toBe('ملاحظة');
    expect(finding!.kind === 'finding' && finding.detail).toContain('"query": "<b>"');
    // Printed as fields, user text as it is (no JSON escapes).
    expect(finding!.kind === 'finding' && finding.fields).toEqual([
      ['query', '<b>'], ['filters', 'none'], ['matches', '1 tweet'], ['cited posts', t.tweetid],
      ['cited posts\' texts', 'not in this pin (pinned before texts were kept): the exact source rows are in the bundle\'s data/source excerpts'],
    ]);
    // Every item's bundle path is a file the signed manifest covers.
    const inBundle = new Set(prepared.payload.map((p) => p.path));
    for (const it of m.items) expect(inBundle.has(it.bundlePath!)).toBe(true);

    const html = buildReportHtml(m, { stylesheets: [], pageSize: 'A4' });
    expect(html).toContain('Search “&lt;b&gt;”');
    expect(html).not.toContain('<b>');
    expect(html).toContain('replies 0 · retweets 0 · likes 0 · quotes 0');
    expect(html).toContain('Engagement as archived</dt><dd>not recorded in this pin (see the source row)');
    expect(html).toContain('</bdi> · 2 rows read</td>'); // the IRA file's rows, from its receipt
    // A figure names its item, as the item cards do: a reader finds its line in items.jsonl.
    expect(m.figures[0]!.itemId).toBe('p3');
    expect(html).toContain('<span class="figure-item">Item id <code>p3</code></span>');
  });

  it('without a bundle (preview) says so instead of an id', () => {
    const caseRecord: CaseRecord = { id: 'c2', name: 'empty', createdAt: '2026-11-28T10:00:00.000Z', createdBy: 'a@b', archived: false, itemNotes: {} };
    const m = caseReportModel({ caseRecord, items: [], custody: [], sources: [], author: 'a@b', software: { name: 'x', version: '1' }, analystTimeZone: 'UTC', createdAt: new Date() });
    expect(m.bundleId).toMatch(/^PREVIEW/);
    expect(m.signer.fingerprint).toMatch(/^PREVIEW/);
  });
});
