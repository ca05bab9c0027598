import { describe, expect, it } from 'vitest';
import type { TweetColumns } from '../../../shared/domain/tweet';
import { corpusBlock, searchCorpus } from '../../../renderer/src/search/searchCorpus';
import { adoptFilterBlock, filterDicts, storedFilterBlock } from '../../../renderer/src/search/searchFilterColumns';
import { encodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';
import { rangeFacets } from '../../../renderer/src/search/searchFacets';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { highlightRanges, parseQuery } from '../../../renderer/src/search/searchQuery';
import { mentionPairings } from '../../../renderer/src/views/explore/mentionFindings';
import { ScreenNames } from '../../../shared/domain/screenNames';
import { ACCOUNT_COLUMNS, cellText, rowsToCsv } from '../../../renderer/src/views/explore/accountColumns';
import { accountFilter, describeAccountFilters, invertedRanges, NO_FILTERS } from '../../../renderer/src/views/explore/accountFilters';
import type { AccountRow } from '../../../renderer/src/views/explore/exploreData';
import { EMPTY_OPTION } from '../../../renderer/src/views/explore/emptyOption';
import { TimeOrderedMatches } from '../../../renderer/src/search/timeOrderedMatches';
import { searchRows, searchText } from '../../../renderer/src/import/searchRows';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { readReal } from '../archive/helpers';
import { termIn } from '../../searchTermReference';
import { hashtagsFromText } from '../../../shared/archive/fieldValues';
import { textMentions } from '../../../shared/domain/mentions';

function columns(rows: { id: string; user: string; text: string; time: number; lang: string; rt?: boolean; tags?: string[]; client?: string; urls?: string[] }[]): TweetColumns {
  const s = (f: (r: (typeof rows)[number]) => string) => rows.map(f);
  return {
    length: rows.length, tweetid: s((r) => r.id), userid: s((r) => r.user), userScreenName: s((r) => r.user), tweetLanguage: s((r) => r.lang),
    tweetText: s((r) => r.text), tweetTime: Int32Array.from(rows.map((r) => r.time)), tweetClientName: s((r) => r.client ?? 'web'),
    inReplyToUserid: s(() => ''), inReplyToTweetid: s(() => ''), quotedTweetTweetid: s(() => ''), isRetweet: Uint8Array.from(rows.map((r) => (r.rt ? 1 : 0))),
    retweetUserid: s(() => ''), retweetTweetid: s(() => ''), retweetScreenName: s(() => ''), latitude: s(() => ''), longitude: s(() => ''),
    quoteCount: new Int32Array(rows.length), replyCount: new Int32Array(rows.length), likeCount: new Int32Array(rows.length), retweetCount: new Int32Array(rows.length),
    hashtags: rows.map((r) => r.tags ?? []), urls: rows.map((r) => r.urls ?? []), userMentions: rows.map(() => []), pollChoices: rows.map(() => []),
    fileSha256: s(() => 'f'), row: Int32Array.from(rows.map((_, i) => i + 1)), byteOffset: new Float64Array(rows.length), byteLength: new Int32Array(rows.length),
  };
}

describe('searchCorpus', () => {
  const c = columns([
    { id: '1100000000000000001', user: 'a', text: '香港是中國的香港 #香港', time: 100, lang: 'zh', tags: ['香港'] },
    { id: '1100000000000000002', user: 'b', text: 'RT @x: Hong Kong needs PEACE', time: 200, lang: 'en', rt: true },
    { id: '1100000000000000003', user: 'a', text: 'السلام في هونغ كونغ', time: 300, lang: 'ar', client: 'Twitter for Android', tags: ['نیم\u200cفاصله', 'Café'] },
    { id: '1100000000000000004', user: 'c', text: 'Ｈｏｎｇ ｋｏｎｇ peace', time: 400, lang: 'en' },
  ]);
  const blocks = [corpusBlock(0, c.tweetText.map(normalizeForSearch), c)];
  const ids = (q: string, f = {}) => searchCorpus(blocks, parseQuery(q), f, 0, 10).hits.map((h) => h.tweetid);
  it('matches CJK, Arabic, full-width and phrases exactly, ids as strings', () => {
    expect(ids('香港')).toEqual(['1100000000000000001']);
    expect(ids('هونغ')).toEqual(['1100000000000000003']);
    expect(ids('"hong kong" peace')).toEqual(['1100000000000000002', '1100000000000000004']);
    expect(ids('kong zzz')).toEqual([]);
    // An unpaired quote is ignored (its words are searched apart: searchQuery.test.ts); an empty phrase is no term.
    expect(parseQuery('"hong kong')).toEqual(['hong', 'kong']);
    expect(ids('peace "hong kong')).toEqual(['1100000000000000002', '1100000000000000004']);
    expect(parseQuery('""  ')).toEqual([]);
  });
  it('a #tag or @name term finds whole hashtags and names (as the hashtag rows count them); without # or @ a substring', () => {
    const t = columns([
      { id: '1', user: 'a', text: '#HongKong is free', time: 1, lang: 'en' }, { id: '2', user: 'a', text: 'Support #HongKongProtests', time: 2, lang: 'en' },
      { id: '3', user: 'a', text: 'end #hongkong', time: 3, lang: 'en' }, { id: '4', user: 'a', text: '#HongKong_2019 and #HongKong!', time: 4, lang: 'en' },
      { id: '5', user: 'a', text: '#香港經濟 #香港 新聞', time: 5, lang: 'zh' }, { id: '6', user: 'a', text: '#香港經濟', time: 6, lang: 'zh' },
      { id: '7', user: 'a', text: '@reza73274 hi', time: 7, lang: 'en' }, { id: '8', user: 'a', text: 'hi @reza, #ＨｏｎｇＫｏｎｇ', time: 8, lang: 'en' },
    ]);
    const tb = [corpusBlock(0, t.tweetText.map(normalizeForSearch), t)];
    const found = (q: string) => searchCorpus(tb, parseQuery(q), {}, 0, 10).hits.map((h) => h.tweetid);
    expect(found('#HongKong')).toEqual(['1', '3', '4', '8']);
    expect(found('hongkong')).toEqual(['1', '2', '3', '4', '8']);
    expect(found('#香港')).toEqual(['5']);
    expect(found('@reza')).toEqual(['8']);
    expect(found('@reza hi')).toEqual(['8']);
    expect(found('hi #hongkong')).toEqual(['8']);
    // Highlights mark the same occurrences: not the start of #HongKongProtests or of #HongKong_2019.
    expect(highlightRanges('#HongKong_2019 and #HongKong!', parseQuery('#hongkong'))).toEqual([[19, 28]]);
    expect(highlightRanges('Support #HongKongProtests', parseQuery('#hongkong'))).toEqual([]);
  });
  it('a #tag or @name term starts where a hashtag or a mention can: not a link\'s fragment or an e-mail address; an ASCII @name ends before any other script', () => {
    const rows = [
      { id: '1', user: 'a', text: 'see https://example.com/page#HongKong now', time: 1, lang: 'en' }, { id: '2', user: 'a', text: '#HongKong rally', time: 2, lang: 'en' },
      { id: '3', user: 'a', text: 'AT&T#HongKong and x/#hongkong', time: 3, lang: 'en' }, { id: '4', user: 'a', text: '（#HongKong）', time: 4, lang: 'zh' },
      { id: '5', user: 'a', text: 'write to info@reza.com for details', time: 5, lang: 'en' }, { id: '6', user: 'a', text: '@reza你好，最近怎么样', time: 6, lang: 'zh' },
      { id: '7', user: 'a', text: '@rezaسلام دوست من', time: 7, lang: 'fa' }, { id: '8', user: 'a', text: 'hi @reza how are you', time: 8, lang: 'en' },
      { id: '9', user: 'a', text: '@@reza and @reza_x', time: 9, lang: 'en' }, { id: '10', user: 'a', text: '你@reza', time: 10, lang: 'zh' },
    ];
    const t = columns(rows);
    const tb = [corpusBlock(0, t.tweetText.map(normalizeForSearch), t)];
    const found = (q: string) => searchCorpus(tb, parseQuery(q), {}, 0, 20).hits.map((h) => h.tweetid).sort((a, b) => Number(a) - Number(b));
    // As the app counts them: hashtagsFromText and textMentions (the Overview's rows, the Mentioned account filter).
    const counted = (q: string) => rows.filter((r) => (q[0] === '#' ? hashtagsFromText(r.text).map((h) => '#' + h.toLowerCase()) : textMentions(r.text, false).map((m) => '@' + m.toLowerCase())).includes(q)).map((r) => r.id);
    expect(found('#hongkong')).toEqual(['2', '4']);
    expect(found('#hongkong')).toEqual(counted('#hongkong'));
    expect(found('@reza')).toEqual(['6', '7', '8', '10']);
    expect(found('@reza')).toEqual(counted('@reza'));
    expect(found('hongkong')).toEqual(['1', '2', '3', '4']);
    expect(found('reza')).toEqual(['5', '6', '7', '8', '9', '10']);
    // The tests' own reference rule (searchTermReference.ts) agrees.
    for (const q of ['#hongkong', '@reza', 'reza']) expect(rows.filter((r) => termIn(normalizeForSearch(r.text), q)).map((r) => r.id)).toEqual(found(q));
    expect(highlightRanges('mail info@reza.com or @reza你好', parseQuery('@reza'))).toEqual([[22, 27]]);
  });
  it('folds the Turkish dotted İ, so istanbul finds İSTANBUL and İstanbul', () => {
    const t = columns([
      { id: '1', user: 'a', text: 'İSTANBUL’da', time: 1, lang: 'tr' }, { id: '2', user: 'a', text: 'İstanbul', time: 2, lang: 'tr' }, { id: '3', user: 'a', text: 'istanbul', time: 3, lang: 'tr' },
    ]);
    const tb = [corpusBlock(0, t.tweetText.map(normalizeForSearch), t)];
    for (const q of ['istanbul', 'ISTANBUL', 'İstanbul']) expect(searchCorpus(tb, parseQuery(q), {}, 0, 10).hits.map((h) => h.tweetid)).toEqual(['1', '2', '3']);
  });
  it('finds a Persian word with or without its zero-width non-joiner, and Arabic with or without tatweel', () => {
    const t = columns([
      { id: '1', user: 'a', text: 'من می\u200cخواهم بروم', time: 1, lang: 'fa' }, { id: '2', user: 'a', text: 'من میخواهم', time: 2, lang: 'fa' },
      { id: '3', user: 'a', text: 'كـتاب جديد', time: 3, lang: 'ar' },
    ]);
    const tb = [corpusBlock(0, t.tweetText.map(normalizeForSearch), t)];
    for (const q of ['میخواهم', 'می\u200cخواهم']) expect(searchCorpus(tb, parseQuery(q), {}, 0, 10).hits.map((h) => h.tweetid)).toEqual(['1', '2']);
    expect(searchCorpus(tb, parseQuery('كتاب'), {}, 0, 10).hits.map((h) => h.tweetid)).toEqual(['3']);
    // The highlight covers the word as archived, its ZWNJ included.
    expect(highlightRanges('من می\u200cخواهم بروم', parseQuery('میخواهم'))).toEqual([[3, 11]]);
  });

  it('finds a Persian word ending in heh with its ezafe written ۀ, هٔ or ه‌ٔ, highlighted as archived', () => {
    const texts = ['در خانۀ ما', 'در خانه\u0654 ما', 'در خانه\u200c\u0654 ما', 'در خانه ما', 'در خان ما'];
    const t = columns(texts.map((text, i) => ({ id: String(i + 1), user: 'a', text, time: i, lang: 'fa' })));
    const tb = [corpusBlock(0, t.tweetText.map(normalizeForSearch), t)];
    for (const q of ['خانه', 'خانۀ', 'خانه\u0654']) expect(searchCorpus(tb, parseQuery(q), {}, 0, 10).hits.map((h) => h.tweetid), q).toEqual(['1', '2', '3', '4']);
    // The highlight covers the word as written, its hamza (and non-joiner) included.
    expect(texts.slice(0, 4).map((x) => highlightRanges(x, parseQuery('خانه')))).toEqual([[[3, 7]], [[3, 8]], [[3, 9]], [[3, 7]]]);
  });

  it('applies every filter', () => {
    expect(ids('peace', { retweet: 'exclude' })).toEqual(['1100000000000000004']);
    expect(ids('peace', { retweet: 'only' })).toEqual(['1100000000000000002']);
    expect(ids('', { userid: 'a', fromMinute: 150 })).toEqual(['1100000000000000003']);
    expect(ids('', { toMinute: 200 })).toEqual(['1100000000000000001']);
    expect(ids('', { language: 'en' })).toHaveLength(2);
    expect(ids('', { hashtag: '#香港' })).toEqual(['1100000000000000001']);
    // The hashtag filter folds as search words do: case and width, ZWNJ, NFC/NFD.
    for (const tag of ['نیمفاصله', '#نیم\u200cفاصله', 'CAFÉ', 'Cafe\u0301', 'ｃａｆé']) expect(ids('', { hashtag: tag }), tag).toEqual(['1100000000000000003']);
    expect(ids('', { client: 'Twitter for Android' })).toEqual(['1100000000000000003']);
  });
  it('counts all matches and pages', () => {
    const r = searchCorpus(blocks, [], {}, 1, 2);
    expect(r.count).toBe(4);
    expect(r.hits.map((h) => h.tweetid)).toEqual(['1100000000000000002', '1100000000000000003']);
  });
});

describe('hashed mention pairings', () => {
  const hash = 'uJoq27PnSEeBzGzOrdgRgqea+yILSYSNnhX2auBY8=';
  const prov = (row: number) => ({ fileSha256: 'f', row, byteOffset: 0, byteLength: 1 });
  it('pairs one hashed @mention with the one unexplained numeric user_mentions id', () => {
    const p = mentionPairings(
      [
        { tweetid: '1', text: `RT @${hash}: hi`, userMentions: ['2167057415'], provenance: prov(1) },
        { tweetid: '2', text: `@${hash} @clearname hi`, userMentions: ['99', '2167057415'], provenance: prov(2) },
        { tweetid: '3', text: `@${hash} hi`, userMentions: ['1', '2'], provenance: prov(3) }, // ambiguous: skipped
      ],
      new ScreenNames([{ userid: '99', userScreenName: 'ClearName' }]),
    );
    expect(p).toEqual([{ hash, numericId: '2167057415', tweets: [{ tweetid: '1', provenance: prov(1) }, { tweetid: '2', provenance: prov(2) }] }]);
  });
});

describe('accounts filter and CSV', () => {
  const row = (userid: string, screen: string, followers: number | null, created: string, hashed: boolean): AccountRow => ({
    account: {
      userid, idShape: hashed ? 'b64hash' : 'numeric', userDisplayName: screen, userScreenName: screen, userReportedLocation: '', userProfileDescription: '',
      userProfileUrl: '', followerCount: followers, followingCount: 1, accountCreationDate: created, accountLanguage: 'zh-cn', accountLanguageRaw: 'zh-cn',
      provenance: { fileSha256: 'f', row: 1, byteOffset: 0, byteLength: 1 }, datasetId: 'd', importId: 'i', fromUsersFile: true,
    },
    hashed, randomHandle: false, activity: undefined, mainClient: '',
  });
  const rows = [row('919755217121316864', 'wuming11xia', 0, '2017-10-16', false), row('vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=', 'x', null, '2017-08-30', true)];
  it('filters by id kind, creation date and follower bounds (unknown excluded)', () => {
    expect(rows.filter(accountFilter({ ...NO_FILTERS, hashed: 'hashed' })).map((r) => r.account.userid)).toEqual(['vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=']);
    expect(rows.filter(accountFilter({ ...NO_FILTERS, createdTo: '2017-09-01' }))).toHaveLength(1);
    expect(rows.filter(accountFilter({ ...NO_FILTERS, followersMin: '0' })).map((r) => r.account.userScreenName)).toEqual(['wuming11xia']);
    // A range that cannot match is named (the table says so instead of just showing 0 rows); numbers compare as numbers.
    expect(invertedRanges({ ...NO_FILTERS, followersMin: '20000', followersMax: '100', createdFrom: '2019-01-02', createdTo: '2019-01-01' })).toEqual(['Created', 'Followers']);
    expect(invertedRanges({ ...NO_FILTERS, followersMin: '9', followersMax: '10', tweetsMin: '5' })).toEqual([]);
    expect(rows.filter(accountFilter({ ...NO_FILTERS, text: ' @wuming11xia ' })).map((r) => r.account.userScreenName)).toEqual(['wuming11xia']);
  });
  it('matches names as Search folds text: with or without the Persian joiner, Traditional or Simplified, any case', () => {
    const named = (screen: string, display: string) => ({ ...rows[0]!, account: { ...rows[0]!.account, userScreenName: screen, userDisplayName: display } });
    const persian = named('alireza_hk', 'علی\u200cرضا'), chinese = named('HKvoice', '香港之聲');
    const match = (text: string) => [persian, chinese].filter(accountFilter({ ...NO_FILTERS, text })).map((r) => r.account.userScreenName);
    expect(match('علیرضا')).toEqual(['alireza_hk']);
    expect(match('علی\u200cرضا')).toEqual(['alireza_hk']);
    expect(match('香港之声')).toEqual(['HKvoice']);
    expect(match('@hkVOICE')).toEqual(['HKvoice']);
  });
  it('says the filters in force in words, for an export\'s name and receipt', () => {
    expect(describeAccountFilters(NO_FILTERS)).toBe('');
    expect(describeAccountFilters({
      ...NO_FILTERS, text: ' 香港 ', language: EMPTY_OPTION, hashed: 'clear', random: 'yes', client: 'Twitter for iPhone', followersMin: '10', followingMax: '5',
      tweetsMin: '3', tweetsMax: '40', perDayMin: '2.5', activeFrom: '2019-06-01',
    })).toBe('matching “香港”, language (none), clear ids, random-looking handles, main client Twitter for iPhone, followers at least 10, following at most 5, tweets 3 to 40, at least 2.5 tweets per active day, active at least 2019-06-01');
    expect(describeAccountFilters({ ...NO_FILTERS, language: 'zh-cn', hashed: 'hashed', random: 'no', createdFrom: '2017-01-01', createdTo: '2017-12-31' }))
      .toBe('language zh-cn, hashed ids, no random-looking handles, created 2017-01-01 to 2017-12-31');
  });
  it('takes an account as active in a period when it tweeted on one of its days, not when its first-to-last span merely overlaps it', () => {
    const day = (d: string) => Date.parse(d + 'T00:00:00Z') / 60_000 / 1440;
    const activity = (days: string[] | undefined, first: string, last: string) => ({
      tweets: 2, retweets: 0, replies: 0, quotes: 0, clients: {}, languages: {}, hashtags: {}, blocks: [0],
      firstTweetTime: day(first) * 1440 + 600, lastTweetTime: day(last) * 1440 + 30, ...(days ? { days: days.map(day) } : {}),
    });
    // Tweeted on 2019-06-01 and 2019-08-20 (UTC): quiet through July.
    const gap = { ...rows[0]!, activity: activity(['2019-06-01', '2019-08-20'], '2019-06-01', '2019-08-20') };
    const older = { ...rows[1]!, activity: activity(undefined, '2019-06-01', '2019-08-20') }; // an import before days were recorded
    const active = (activeFrom: string, activeTo: string) => [gap, older].filter(accountFilter({ ...NO_FILTERS, activeFrom, activeTo })).map((r) => r.account.userScreenName);
    expect(active('2019-07-01', '2019-07-31')).toEqual(['x']);
    expect(active('2019-07-01', '2019-08-20')).toEqual(['wuming11xia', 'x']);
    expect(active('2019-06-01', '2019-06-01')).toEqual(['wuming11xia', 'x']);
    expect(active('2019-06-02', '')).toEqual(['wuming11xia', 'x']);
    expect(active('', '2019-05-31')).toEqual([]);
    expect(active('2019-08-21', '')).toEqual([]);
    // Tweets per active day: 2 tweets on 2 days; an older import's account (no days) never matches a bound.
    const perDay = (perDayMin: string) => [gap, older].filter(accountFilter({ ...NO_FILTERS, perDayMin })).map((r) => r.account.userScreenName);
    expect(perDay('1')).toEqual(['wuming11xia']);
    expect(perDay('1.5')).toEqual([]);
    expect(perDay('')).toEqual(['wuming11xia', 'x']);
    // Compared as the table shows it, to one decimal: 19 tweets on 15 days (1.27) shows 1.3 and passes "at least 1.3".
    const shown = { ...gap, activity: { ...gap.activity, tweets: 19, days: Array.from({ length: 15 }, (_, i) => day('2019-06-01') + i) } };
    expect([shown].filter(accountFilter({ ...NO_FILTERS, perDayMin: '1.3' }))).toHaveLength(1);
    expect([shown].filter(accountFilter({ ...NO_FILTERS, perDayMin: '1.31' }))).toHaveLength(0);
    expect(ACCOUNT_COLUMNS.find((c) => c.key === 'perDay')!.text(shown)).toBe('1.3');
    expect(ACCOUNT_COLUMNS.find((c) => c.key === 'perDay')!.text(gap)).toBe('1.0');
  });
  it('exports ids as quoted text, never as numbers', () => {
    const csv = rowsToCsv(rows, ACCOUNT_COLUMNS.filter((c) => c.key === 'userid' || c.key === 'followers'));
    expect(csv).toBe('"User id","Followers"\r\n"919755217121316864","0"\r\n"vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=",""\r\n');
  });
  it('shows counts with thousands separators in the table and bare in the CSV', () => {
    const big = { ...rows[0]!, account: { ...rows[0]!.account, followerCount: 1234567, followingCount: 1000 } };
    const col = (key: string) => ACCOUNT_COLUMNS.find((c) => c.key === key)!;
    expect([cellText(col('followers'), big), cellText(col('following'), big)]).toEqual(['1,234,567', '1,000']);
    expect(rowsToCsv([big], [col('followers'), col('following')])).toBe('"Followers","Following"\r\n"1234567","1000"\r\n');
    expect(cellText(col('followers'), rows[1]!)).toBe(''); // unknown stays blank
  });
  it('says "no" for a handle not random-looking, and why for one that is, in the table and the CSV alike', () => {
    const col = ACCOUNT_COLUMNS.find((c) => c.key === 'random')!;
    const flagged = { ...rows[0]!, account: { ...rows[0]!.account, userScreenName: 'lily37281' }, randomHandle: true };
    expect([rows[0]!, rows[1]!, flagged].map((r) => cellText(col, r))).toEqual(['no', 'no', 'trailing digits']);
    expect(rowsToCsv([rows[0]!, flagged], [col])).toBe('"Random-looking handle"\r\n"no"\r\n"trailing digits"\r\n');
  });
});

describe('searchCorpus agrees with a naive per-tweet check (property)', () => {
  it('for random texts over a small CJK/Arabic/Latin alphabet, random terms and paging', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom('a', 'b', 'A', '香', '港', 'ع', 'ن', ' ', '#', 'ｂ');
    const text = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.array(text, { maxLength: 3 }), fc.nat(5), (blocksText, rawTerms, offset) => {
        const blocks = blocksText.map((texts, seq) =>
          corpusBlock(seq, texts.map(normalizeForSearch), columns(texts.map((t, i) => ({ id: `${seq}-${i}`, user: 'u', text: t, time: i, lang: 'x' })))),
        );
        const terms = parseQuery(rawTerms.join(' '));
        const naive = blocksText.flatMap((texts, seq) => texts.map((t, i) => ({ id: `${seq}-${i}`, n: normalizeForSearch(t) }))).filter((r) => terms.every((t) => termIn(r.n, t)));
        const r = searchCorpus(blocks, terms, {}, offset, 3);
        expect(r.count).toBe(naive.length);
        expect(r.hits.map((h) => h.tweetid)).toEqual(naive.slice(offset, offset + 3).map((x) => x.id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('searchCorpus with filters and several terms agrees with a naive per-tweet check (property)', () => {
  it('for random rows, terms, filters (time, language, account, retweets, client, hashtag) and pages', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom('a', 'b', 'A', '香', '港', 'ع', 'ن', ' ', '#', 'ｂ');
    const text = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
    const row = fc.record({ text, time: fc.nat(9), lang: fc.constantFrom('en', 'zh', 'ar', ''), user: fc.constantFrom('u1', 'u2'), rt: fc.boolean(), client: fc.constantFrom('web', 'Android'), tags: fc.array(fc.constantFrom('HK', 'hk', 'Ｈｋ', '香港', 'x'), { maxLength: 3 }) });
    const filters = fc.record(
      { fromMinute: fc.nat(9), toMinute: fc.nat(10), language: fc.constantFrom('en', 'zh', 'none'), userid: fc.constantFrom('u1', 'u2'), retweet: fc.constantFrom<'only' | 'exclude'>('only', 'exclude'), hashtag: fc.constantFrom('#hk', '香港', 'HK', 'ＨＫ', 'nope'), client: fc.constantFrom('web', 'Android') },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), fc.array(text, { maxLength: 3 }), filters, fc.nat(5), (blockRows, rawTerms, f, offset) => {
        const dicts = filterDicts();
        const blocks = blockRows.map((rows, seq) =>
          corpusBlock(seq, rows.map((r) => normalizeForSearch(r.text)), columns(rows.map((r, i) => ({ id: `${seq}-${i}`, user: r.user, text: r.text, time: r.time, lang: r.lang, rt: r.rt, tags: r.tags, client: r.client }))), dicts),
        );
        const terms = parseQuery(rawTerms.join(' '));
        const tag = f.hashtag === undefined ? undefined : normalizeForSearch(f.hashtag.replace(/^#/, ''));
        const naive = blockRows
          .flatMap((rows, seq) => rows.map((r, i) => ({ ...r, id: `${seq}-${i}` })))
          .filter((r) => terms.every((t) => termIn(normalizeForSearch(r.text), t)))
          .filter((r) => (f.fromMinute === undefined || r.time >= f.fromMinute) && (f.toMinute === undefined || r.time < f.toMinute))
          .filter((r) => (!f.language || r.lang === f.language) && (!f.userid || r.user === f.userid) && (!f.client || r.client === f.client))
          .filter((r) => (f.retweet === 'only' ? r.rt : f.retweet === 'exclude' ? !r.rt : true))
          .filter((r) => !tag || r.tags.some((h) => normalizeForSearch(h) === tag));
        const r = searchCorpus(blocks, terms, f, offset, 4);
        expect(r.count).toBe(naive.length);
        expect(r.hits.map((h) => h.tweetid)).toEqual(naive.slice(offset, offset + 4).map((x) => x.id));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the linked-domain filter', () => {
  it('keeps the tweets linking the domain, as the top domains count it: case, www. and Unicode or Punycode aside, not its subdomains', () => {
    const dicts = filterDicts();
    const rows = [
      { id: '1', user: 'a', text: 'x', time: 1, lang: 'ar', urls: ['https://مثال.شبكة/a'] },
      { id: '2', user: 'a', text: 'x', time: 2, lang: 'ar', urls: ['https://www.XN--MGBH0FB.xn--ngbc5azd/b', 'https://example.org/'] },
      { id: '3', user: 'b', text: 'x', time: 3, lang: 'ar', urls: ['https://news.مثال.شبكة/c'] },
      { id: '4', user: 'b', text: 'x', time: 4, lang: 'en', urls: [] },
    ];
    const blocks = [corpusBlock(0, rows.map((r) => r.text), columns(rows), dicts)];
    const ids = (domain: string) => searchCorpus(blocks, [], { domain }, 0, 10).hits.map((h) => h.tweetid);
    expect(ids('مثال.شبكة')).toEqual(['1', '2']);
    expect(ids('xn--mgbh0fb.xn--ngbc5azd')).toEqual(['1', '2']);
    expect(ids('News.مثال.شبكة')).toEqual(['3']);
    expect(ids('example.org')).toEqual(['2']);
    expect(ids('example.com')).toEqual([]);
  });
});

describe('rangeFacets', () => {
  it('recounts retweets, languages and hashtags (as archived) over [from, to)', () => {
    const dicts = filterDicts();
    const rows = [
      { id: '1', user: 'a', text: 'x', time: 10, lang: 'zh', tags: ['HK', 'hk'] },
      { id: '2', user: 'a', text: 'x', time: 20, lang: 'en', rt: true, tags: ['HK'] },
      { id: '3', user: 'b', text: 'x', time: 30, lang: 'zh', tags: ['香港'] },
    ];
    const blocks = [corpusBlock(0, rows.map((r) => r.text), columns(rows.slice(0, 2)), dicts), corpusBlock(1, ['x'], columns(rows.slice(2)), dicts)];
    // As the search worker reads them: stored by the import with its targets (URLs, mentions, retweets: none here).
    const stored = filterDicts();
    const filters = [columns(rows.slice(0, 2)), columns(rows.slice(2))].map((c) => adoptFilterBlock(storedFilterBlock(encodeTweetColumns(c)), stored));
    const f = rangeFacets(filters, stored, () => undefined, 15, 31);
    expect(f).toEqual({ tweets: 2, retweets: 1, languages: { en: 1, zh: 1 }, hashtags: { HK: 1, 香港: 1 }, urlDomains: {}, mentioned: {}, retweeted: {} });
    expect(rangeFacets(filters, stored, () => undefined).hashtags).toEqual({ HK: 2, hk: 1, 香港: 1 });
    // The hashtag filter stays case-insensitive over the as-archived codes.
    expect(searchCorpus(blocks, [], { hashtag: '#hk' }, 0, 10).hits.map((h) => h.tweetid)).toEqual(['1', '2']);
  });
});

describe('search results by time', () => {
  it('pages the matches oldest or newest first, ties in file order, across blocks', () => {
    const m = new TimeOrderedMatches();
    m.add(0, [1, 3], [50, 10, 50, 30]); // block 0: rows 1 (t10), 3 (t30)
    m.add(4, [0, 2], [30, 99, 5]); // block 4: rows 0 (t30), 2 (t5)
    expect(m.page('oldest', 0, 10)).toEqual([{ k: 4, i: 2 }, { k: 0, i: 1 }, { k: 0, i: 3 }, { k: 4, i: 0 }]);
    expect(m.page('newest', 0, 10)).toEqual([{ k: 0, i: 3 }, { k: 4, i: 0 }, { k: 0, i: 1 }, { k: 4, i: 2 }]);
    expect(m.page('newest', 1, 2)).toEqual([{ k: 4, i: 0 }, { k: 0, i: 1 }]);
    expect(m.page('oldest', 4, 2)).toEqual([]);
  });
});

describe('apostrophes and double quotes: typed \' and " find the ’ and “ ” of phones\' smart punctuation, and the other way round', () => {
  // Real IRA tweets (the FiveThirtyEight spreadsheet re-save) and a real Meta kill-chain row write ’.
  const [header, ...rows] = splitCsvBytes([readReal('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]).map((r) => r.fields as string[]);
  const texts = rows.map((r) => r[header!.indexOf('content')]!);
  const found = (q: string) => texts.filter((t) => parseQuery(q).every((term) => normalizeForSearch(t).includes(term)));

  it('finds the real tweets whatever apostrophe the query or the text has', () => {
    const cant = 'BOOM! Judge Napolitano calls out Hillary for bogus claim she can’t return Weinstein donation. https://t.co/bd8nrMxVWw';
    expect(texts).toContain(cant);
    expect(found("can't return")).toEqual([cant]);
    expect(found('can’t return')).toEqual([cant]);
    expect(found('canʼt return')).toEqual([cant]);
    expect(found("it's like").map((t) => t.slice(0, 38))).toEqual(['Students describe what it’s like being']);
    // The highlight covers the text as archived.
    const [[a, b]] = highlightRanges(cant, parseQuery("can't"));
    expect(cant.slice(a, b)).toBe('can’t');
  });

  it('curly double quotes are the double quote: a phrase typed on a phone is a phrase, found whatever quotes the text has', () => {
    const petty = texts.find((t) => t.includes('“clinging to life”'))!;
    expect(petty).toBeDefined();
    // Before, “clinging and life” were two terms with their quotes; now one phrase, as "…" is.
    expect(parseQuery('“clinging to life”')).toEqual(['clinging to life']);
    expect(parseQuery('„clinging to life‟')).toEqual(['clinging to life']);
    expect(found('“clinging to life”')).toEqual([petty]);
    expect(found('"clinging to life"')).toEqual([petty]);
    // The text's own quotes are searched as ": the phrase with its quotes, typed either way, finds it.
    expect(normalizeForSearch(petty)).toContain('"clinging to life"');
    expect(normalizeForSearch(petty)).toHaveLength(petty.normalize('NFKC').length);
    const [[a, b]] = highlightRanges(petty, parseQuery('"clinging to life"'));
    expect(petty.slice(a, b)).toBe('clinging to life');
    // The phrase's words apart are not the phrase.
    expect(found('"clinging life"')).toEqual([]);
  });

  it('the Datasets page\'s indicator search too (a real Q4 2024 kill-chain row)', () => {
    const [h, ...kill] = splitCsvBytes([readReal('meta_threat_research_Q4_2024_China_CIB_killchain.csv')]).map((r) => r.fields as string[]);
    const indicator = h!.findIndex((c) => c.trim() === 'Indicator');
    const records = kill.filter((r) => r.length > indicator).map((r) => ({ text: searchText(r), indicator: r[indicator]! }));
    expect(searchRows(records, "other people's content").map((r) => r.indicator)).toEqual([
      'The individuals behind this activity used fake accounts  to manage Pages, post and amplify other people’s content.',
    ]);
  });
});
