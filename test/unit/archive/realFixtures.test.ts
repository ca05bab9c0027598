import { describe, expect, it } from 'vitest';
import { classifyId } from '../../../shared/domain/ids';
import { parseBytes, parseReal, readReal } from './helpers';

const minutes = (iso: string) => Date.parse(iso + 'Z') / 60000;

/** Every quarantined row / stored record must point at its exact bytes in the file. */
function expectExactBytes(bytes: Uint8Array, items: { byteOffset: number; byteLength: number }[], firstField: (i: number) => string) {
  const dec = new TextDecoder();
  items.forEach((p, i) => {
    const text = dec.decode(bytes.subarray(p.byteOffset, p.byteOffset + p.byteLength));
    expect(text.startsWith(firstField(i))).toBe(true);
    const after = bytes[p.byteOffset + p.byteLength];
    expect(after === undefined || after === 0x0a || after === 0x0d).toBe(true);
  });
}

describe('real fixtures through the shared pipeline', () => {
  it('China 2019 users file: 744 accounts, 254 hashed (b64hash), 490 numeric, 273 of them with 0 followers', async () => {
    const name = 'china_082019_1_users_csv_hashed.csv';
    const { receipts, accounts, quarantined } = await parseReal(name, 997);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({
      format: 'twitter-io-users', rowsRead: 744, rowsStored: 744, rowsRejected: 0, rowsDuplicate: 0, size: 98747,
      sha256: 'd501db9ada6bca5da1f809ae64fde16b78dff891451779bf421c7b49cff04604',
    });
    expect(receipts[0].entrySha256).toBeUndefined();
    expect(quarantined).toEqual([]);
    expect(accounts).toHaveLength(744);
    const hashed = accounts.filter((a) => a.idShape === 'b64hash');
    const numeric = accounts.filter((a) => a.idShape === 'numeric');
    expect(hashed).toHaveLength(254);
    expect(numeric).toHaveLength(490);
    expect(numeric.filter((a) => a.followerCount === 0)).toHaveLength(273);
    // hashed accounts: id = display name = screen name; 1–1,564 followers
    expect(hashed.every((a) => a.userid === a.userDisplayName && a.userid === a.userScreenName)).toBe(true);
    expect(Math.min(...hashed.map((a) => a.followerCount ?? -1))).toBe(1);
    expect(Math.max(...hashed.map((a) => a.followerCount ?? -1))).toBe(1564);
    // ids stay strings; 119 accounts created on 2017-08-30
    expect(accounts.every((a) => typeof a.userid === 'string')).toBe(true);
    expect(accounts.filter((a) => a.accountCreationDate === '2017-08-30')).toHaveLength(119);
    // 4 descriptions keep their newlines exactly
    expect(accounts.filter((a) => a.userProfileDescription.includes('\n'))).toHaveLength(4);
    // zh-cn (569) and zh-CN (13) group together, raw spelling kept
    expect(accounts.filter((a) => a.accountLanguage === 'zh-cn')).toHaveLength(582);
    expect(accounts.filter((a) => a.accountLanguageRaw === 'zh-CN')).toHaveLength(13);
    // provenance: row numbers 1..744, exact bytes, file hash
    expect(accounts.map((a) => a.provenance.row)).toEqual(Array.from({ length: 744 }, (_, i) => i + 1));
    expect(accounts.every((a) => a.provenance.fileSha256 === receipts[0].sha256)).toBe(true);
    expectExactBytes(readReal(name), accounts.map((a) => a.provenance), (i) => `"${accounts[i].userid}"`);
  });

  it('IRA 2018 excerpts: 2018 column order, hex64 ids, lists without inner quotes, true/false', async () => {
    const { receipts, tweets, accounts } = await parseReal('ira_2018_tweets_csv_hashed_excerpt.csv', 61);
    expect(receipts[0]).toMatchObject({ format: 'twitter-io-tweets', formatVersion: '2018', rowsStored: 2, rowsRejected: 0 });
    const [rt, plain] = tweets;
    expect(rt).toMatchObject({
      tweetid: '877919995476496385', isRetweet: true, retweetUserid: '2572896396', retweetTweetid: '877917212119416832',
      retweetScreenName: '', tweetTime: minutes('2017-06-22T16:03'), tweetClientName: 'TweetDeck',
      hashtags: [], urls: ['http://ru-open.livejournal.com/374284.html'], userMentions: ['2572896396'], pollChoices: [],
      quoteCount: 0, inReplyToTweetid: '', inReplyToUserid: '',
    });
    expect(rt.tweetText).toContain('""'.slice(1) + 'Если бы не 27 миллионов русских');
    expect(classifyId(rt.userid)).toBe('hex64');
    expect(plain).toMatchObject({ isRetweet: false, hashtags: [], userMentions: [], tweetClientName: 'generationπ', tweetLanguage: 'ru' });
    expect(accounts.map((a) => a.idShape)).toEqual(['hex64', 'hex64']);
    const users = await parseReal('ira_2018_users_csv_hashed_excerpt.csv');
    expect(users.accounts.map((a) => [a.idShape, a.userReportedLocation])).toEqual([['hex64', 'USA'], ['hex64', users.accounts[1].userReportedLocation]]);
    expect(users.receipts[0].rowsStored).toBe(2);
  });

  it('FiveThirtyEight excerpt: alt_external_id (not the rounded external_author_id), M/D/YYYY dates', async () => {
    const { receipts, tweets, accounts } = await parseReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv');
    expect(receipts[0]).toMatchObject({ format: 'fivethirtyeight-ira-tweets', rowsRead: 11, rowsStored: 11, rowsRejected: 0 });
    expect(tweets[0]).toMatchObject({
      tweetid: '914580356430536707', userid: '905874659358453760', userScreenName: '10_GOP',
      tweetTime: minutes('2017-10-01T19:58'), isRetweet: false, urls: ['https://twitter.com/10_gop/status/914580356430536707/video/1'],
    });
    expect(tweets[0].tweetText.startsWith('"We have a sitting Democrat')).toBe(true);
    expect(tweets.some((t) => t.userid === '906000000000000000')).toBe(false);
    expect(tweets.filter((t) => t.isRetweet)).toHaveLength(3);
    expect(accounts.map((a) => a.userid)).toContain('905874659358453760');
    // No hashtags column: read from the text.
    expect(tweets.flatMap((t) => t.hashtags)).toEqual(['BoycottNFL', 'StandForOurAnthem']);
  });

  it('EXCEL re-saved FiveThirtyEight sample: every row has E-notation ids and is quarantined with its row number', async () => {
    const name = 'fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv';
    const { receipts, tweets, quarantined } = await parseReal(name, 4096);
    expect(receipts[0]).toMatchObject({ rowsRead: 100, rowsStored: 0, rowsRejected: 100, rejectedByReason: { 'spreadsheet-damaged-id': 100 } });
    expect(tweets).toEqual([]);
    expect(quarantined.map((q) => q.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(quarantined[0].detail).toBe("alt_external_id '9.05875E+17' is spreadsheet E-notation");
    expect(quarantined[0].raw.startsWith('9.06E+17,10_GOP,')).toBe(true);
    // CRLF, no final newline: offsets still exact, terminator excluded
    expectExactBytes(readReal(name), quarantined, () => '9.06E+17,');
    expect(quarantined.every((q) => !q.raw.endsWith('\r'))).toBe(true);
  });

  it('Reddit 2018 seed: headerless, CRLF, no final newline, 944 rows (three accounts listed twice, names in any case)', async () => {
    const name = 'reddit_2018_suspiciousaccounts_seed.csv';
    const { receipts, reddit, quarantined } = await parseReal(name, 333);
    // KularimGaviril,0 twice and vudonrismakasa/VudonrisMakasa,306: duplicates; UelitheLandagelv,3496 then
    // uelithelandagelv,3593: one account with two karmas, the second quarantined.
    expect(receipts[0]).toMatchObject({ format: 'reddit-suspicious-accounts', rowsRead: 944, rowsStored: 941, rowsDuplicate: 2, rowsRejected: 1 });
    expect(quarantined).toMatchObject([{ reason: 'conflicting-duplicate', raw: 'uelithelandagelv,3593', detail: expect.stringMatching(/^username 'uelithelandagelv' was read at row \d+ with other values \(differing: karma\); the first is kept$/) }]);
    expect(reddit[0]).toMatchObject({ username: 'BlackToLive', karma: -16 });
    expect(reddit[0].provenance).toMatchObject({ row: 1, byteOffset: 0, byteLength: 'BlackToLive,-16'.length });
    const last = reddit[reddit.length - 1];
    expect(last.username).toBe('rubinjer');
    expect(last.karma).toBe(99493);
    expect(last.provenance.byteOffset + last.provenance.byteLength).toBe(readReal(name).length);
  });

  it('Reddit 2018 seed with rows that are no Reddit names: each quarantined with its row and reason, the others stored', async () => {
    const seed = new TextDecoder().decode(readReal('reddit_2018_suspiciousaccounts_seed.csv'));
    const bytes = new TextEncoder().encode(`${seed}\r\nsome user,5\r\nab,1\r\nname_that_is_far_too_long_x,2\r\nفارسی,3\r\nok_name,4`);
    const { receipts, reddit, quarantined } = await parseBytes('seed.csv', bytes, 333);
    expect(receipts[0]).toMatchObject({ format: 'reddit-suspicious-accounts', rowsRead: 949, rowsStored: 942, rowsRejected: 5 });
    const bad = quarantined.filter((q) => q.reason === 'invalid-value');
    expect(bad.map((q) => [q.row, q.raw])).toEqual([[945, 'some user,5'], [946, 'ab,1'], [947, 'name_that_is_far_too_long_x,2'], [948, 'فارسی,3']]);
    expect(bad[0]!.detail).toBe('username "some user" is not a Reddit name (3 to 20 letters, digits, _ or -)');
    expect(reddit.at(-1)).toMatchObject({ username: 'ok_name', karma: 4 });
  });

  it('Reddit 2018 seed with a row whose karma is empty or not a whole number: quarantined, not stored with no karma', async () => {
    const seed = new TextDecoder().decode(readReal('reddit_2018_suspiciousaccounts_seed.csv'));
    const bytes = new TextEncoder().encode(`${seed}\r\nGoodName,\r\nOther_Name,1.5\r\nok_name,4`);
    const { receipts, reddit, quarantined } = await parseBytes('seed.csv', bytes, 333);
    expect(receipts[0]).toMatchObject({ rowsRead: 947, rowsStored: 942, rowsRejected: 3 });
    expect(quarantined.filter((q) => q.reason === 'invalid-number').map((q) => [q.row, q.detail])).toEqual([
      [945, 'karma is empty: the list gives every account its karma'], [946, "karma '1.5' is not an integer"],
    ]);
    expect(reddit.at(-1)).toMatchObject({ username: 'ok_name', karma: 4 });
  });

  it('Reddit praw harvest: 12 columns, 943 rows, karma kept per column', async () => {
    const { receipts, reddit } = await parseReal('reddit_2018_suspiciousaccounts_users_praw.csv');
    expect(receipts[0]).toMatchObject({ format: 'reddit-praw-users', rowsRead: 943, rowsRejected: 0, rowsStored: 940, rowsDuplicate: 3 });
    expect(reddit[0]).toMatchObject({ username: 'BlackToLive', karma: null });
    expect(reddit[0].extra).toMatchObject({ comment_karma: '-7', link_karma: '1', has_subscribed: 'True', created_utc: '1467681198.0' });
  });

  it('Meta indicators: 350 rows, defanged URLs refanged for matching, ds kept', async () => {
    const { receipts, indicators } = await parseReal('meta_threat_research_2022_09_cib_china_russia_indicators.csv');
    expect(receipts[0]).toMatchObject({ format: 'meta-indicators', rowsStored: 350, rowsRejected: 0 });
    const counts: Record<string, number> = {};
    for (const i of indicators) counts[i.type] = (counts[i.type] ?? 0) + 1;
    expect(counts).toEqual({ domain_name: 313, cib_url: 22, telegram_url: 15 });
    expect(indicators[0]).toMatchObject({
      value: 'https://www.petice[.]com/poadavek_aby_vlada_fiala_kladla_na_prvni_misto_zajmy_svych_oban',
      refanged: 'https://www.petice.com/poadavek_aby_vlada_fiala_kladla_na_prvni_misto_zajmy_svych_oban',
      comment: 'China: CIB Petition', extra: { ds: '2022-09-27' },
    });
    expect(indicators.find((i) => i.value === 'rrn.world')?.refanged).toBe('rrn.world');
  });

  it('Meta kill-chain tables: Note column, CRLF, no final newline, trailing-space header, embedded newline', async () => {
    const q2 = await parseReal('meta_threat_research_Q2_2023_Spamouflage_China_CIB_killchain.csv');
    // A row of empty fields (',,,': a spreadsheet's empty row) holds no indicator: counted with the blank lines.
    expect(q2.receipts[0]).toMatchObject({ format: 'meta-killchain', rowsRead: 528, rowsStored: 528, rowsRejected: 0, blankLines: 1 });
    expect(q2.indicators[0]).toMatchObject({
      type: '0. Acquiring assets', value: '7,704 Facebook accounts', refanged: '', comment: '',
      extra: { Technique: '0.9 Acquiring social media accounts', Procedure: '0.9.1 Acquiring Facebook assets' },
    });
    expect(q2.indicators[4]).toMatchObject({ value: 'https://twitter[.]com/GarciaJasmyn1/', refanged: 'https://twitter.com/GarciaJasmyn1/' });
    // A remark after the indicator does not keep it from matching tweet links.
    expect(q2.indicators.find((i) => i.value.endsWith(' [comment]'))).toMatchObject({ refanged: 'https://www.indiatimes.com/explainers/news/victory-day-in-russia-its-significance-this-may-9-569022.html' });
    expect(q2.indicators.filter((i) => /^(hxxps?|https?):\/\//.test(i.value) && !i.refanged)).toEqual([]);
    const q4 = await parseReal('meta_threat_research_Q4_2024_China_CIB_killchain.csv');
    expect(q4.receipts[0]).toMatchObject({ format: 'meta-killchain', rowsRead: 21, rowsStored: 21, rowsRejected: 0, blankLines: 4 });
    expect(q4.indicators.every((i) => i.type || i.value || i.comment || Object.values(i.extra).some(Boolean))).toBe(true);
    expect(q4.indicators[0].value).toBe('18 accounts '); // trailing space kept as published
    expect(q4.indicators[4]).toMatchObject({ value: 'x[.]com/pemadol99851', refanged: 'x.com/pemadol99851' });
    expect(q4.indicators.filter((i) => i.value.includes('\n'))).toHaveLength(1);
  });
});
