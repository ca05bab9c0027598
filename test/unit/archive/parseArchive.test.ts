import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { downloadZip } from 'client-zip';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TWITTER_TWEET_COLUMNS } from '../../../shared/archive/detectFormat';
import { endsInsideCharacter, hashArchive, parseArchive, tweetIdSet, type ArchiveHashes } from '../../../shared/archive/parseArchive';
import { bytesSource, enc, parseBytes, readReal } from './helpers';
import { splitFields } from '../../../shared/archive/csvRecords';
import { ZipTail } from '../../../shared/archive/zipCentralDirectory';
import { gzipPieces } from '../../../shared/archive/gunzipMembers';
import { realFixture } from '../../fixtures/paths';
import type { KnownRecords } from '../../../shared/archive/knownRecords';
import { tweetHeader, tweetRow } from './synthetic';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (lines: string[], eol = '\n', final = true) => enc.encode(lines.join(eol) + (final ? eol : ''));

describe('tweets (2019+ layout) through parseArchive', () => {
  it('normalises a faithful 31-column row', async () => {
    const { tweets, accounts, receipts } = await parseBytes('t.csv', file([tweetHeader(), tweetRow({ poll_choices: 'Yes|No|Maybe' })]));
    expect(receipts[0]).toMatchObject({ format: 'twitter-io-tweets', formatVersion: '2019+', rowsStored: 1 });
    expect(tweets[0]).toMatchObject({
      tweetid: '1148217422006640640', tweetText: '香港 "quoted" text', tweetTime: Date.UTC(2019, 5, 18, 12, 6) / 60000,
      hashtags: ['金鐘', '外國勢力'], urls: ['http://goo.gl/32K38q'], userMentions: ['443196382', '12'],
      pollChoices: ['Yes', 'No', 'Maybe'], latitude: 'absent', longitude: 'absent', isRetweet: false,
      quoteCount: 0, replyCount: 1, likeCount: 2, retweetCount: 3,
    });
    expect(accounts[0]).toMatchObject({ userProfileDescription: 'line one\nline two', accountLanguage: 'zh-cn', accountLanguageRaw: 'zh-CN' });
  });

  it("stores list items as Python wrote them (its repr's escapes decoded) and quarantines an escape Python never writes", async () => {
    const bytes = file([
      tweetHeader(),
      tweetRow({ tweetid: '1', hashtags: String.raw`['می\u200cخواهم', 'tab\tx', '\U0001f600']`, urls: String.raw`['http://x.y/a\\b']`, user_mentions: '[443196382, 12]' }),
      tweetRow({ tweetid: '2', hashtags: String.raw`['bad\q']` }),
    ]);
    const { tweets, quarantined } = await parseBytes('esc.csv', bytes);
    expect(tweets.map((t) => [t.tweetid, t.hashtags, t.urls, t.userMentions])).toEqual([
      ['1', ['می\u200cخواهم', 'tab\tx', '😀'], ['http://x.y/a\\b'], ['443196382', '12']],
    ]);
    expect(quarantined.map((q) => [q.row, q.reason, q.detail])).toEqual([
      [2, 'invalid-value', String.raw`hashtags '['bad\q']' is not a list: \q in item 1 is not an escape Python writes`],
    ]);
  });

  it('accepts 30 columns (no poll_choices), empty counts as null, present/absent coordinates, RT fallback', async () => {
    const cols = TWITTER_TWEET_COLUMNS.filter((c) => c !== 'poll_choices');
    const bytes = file([
      tweetHeader(cols),
      tweetRow({ is_retweet: 'TRUE', retweet_userid: '', tweet_text: 'RT @some_name: hello', like_count: '', quote_count: '', latitude: 'present', hashtags: '[]', urls: '' }, cols),
      tweetRow({ tweetid: '1', is_retweet: 'true', retweet_userid: '99', tweet_text: 'RT @other: x', latitude: '22.3', longitude: '-114.1' }, cols),
    ]);
    const { tweets } = await parseBytes('t30.csv', bytes);
    expect(tweets[0]).toMatchObject({ isRetweet: true, retweetScreenName: 'some_name', likeCount: null, quoteCount: null, latitude: 'present', hashtags: [], urls: [], pollChoices: [] });
    expect(tweets[1]).toMatchObject({ retweetUserid: '99', retweetScreenName: '', latitude: '22.3', longitude: '-114.1' });
  });

  it('quarantines damaged ids, impossible dates, bad numbers and booleans with stable codes and row numbers', async () => {
    const bytes = file([
      tweetHeader(),
      tweetRow({ tweetid: '9.06E+17' }),
      tweetRow({ tweetid: '2', userid: '906000000000000000' }),
      tweetRow({ tweetid: '3', tweet_time: '2019-02-30 10:00' }),
      tweetRow({ tweetid: '4', tweet_time: '2019-02-03 25:61' }),
      tweetRow({ tweetid: '5', like_count: 'many' }),
      tweetRow({ tweetid: '6', is_retweet: 'yes' }),
      tweetRow({ tweetid: '7', userid: 'not an id' }),
      tweetRow({ tweetid: '8', account_creation_date: '2017-13-01' }),
      tweetRow({ tweetid: '9' }),
      '"too","few"',
      '',
      tweetRow({ tweetid: '9' }), // duplicate tweetid
    ]);
    const { receipts, tweets, quarantined } = await parseBytes('bad.csv', bytes);
    expect(quarantined.map((q) => [q.row, q.reason])).toEqual([
      [1, 'spreadsheet-damaged-id'], [2, 'spreadsheet-damaged-id'], [3, 'impossible-date'], [4, 'impossible-date'],
      [5, 'invalid-number'], [6, 'invalid-value'], [7, 'invalid-id'], [8, 'impossible-date'], [10, 'field-count'],
    ]);
    expect(quarantined[1].detail).toBe("userid '906000000000000000' is rounded by a spreadsheet (trailing zeros)");
    expect(quarantined[8].detail).toBe('expected 31 fields, found 2');
    expect(tweets.map((t) => t.tweetid)).toEqual(['9']);
    expect(receipts[0]).toMatchObject({
      rowsRead: 11, rowsStored: 1, rowsDuplicate: 1, rowsRejected: 9, blankLines: 1,
      rejectedByReason: { 'spreadsheet-damaged-id': 2, 'impossible-date': 3, 'invalid-number': 1, 'invalid-value': 1, 'invalid-id': 1, 'field-count': 1 },
    });
    for (const q of quarantined) {
      expect(new TextDecoder().decode(bytes.subarray(q.byteOffset, q.byteOffset + q.byteLength))).toBe(q.raw);
      expect(q.fileSha256).toBe(sha(bytes));
    }
  });

  it('quarantines spreadsheet-damaged ids inside user_mentions (both list styles), keeps hashes and 0 (unresolved)', async () => {
    const hash = 'Kq3Zl7uN3xq0ZJ8m+Oq1t9cE0kT7kWQ5Yb2xK1aCdEf=';
    const bytes = file([
      tweetHeader(),
      tweetRow({ tweetid: '1', user_mentions: '[9.06E+17, 12]' }),
      tweetRow({ tweetid: '2', user_mentions: "['906000000000000000']" }),
      tweetRow({ tweetid: '3', user_mentions: `[443196382, 0, '${hash}']` }),
    ]);
    const { tweets, quarantined } = await parseBytes('mentions.csv', bytes);
    expect(quarantined.map((q) => [q.row, q.reason, q.detail])).toEqual([
      [1, 'spreadsheet-damaged-id', "user_mentions item 1 '9.06E+17' is spreadsheet E-notation"],
      [2, 'spreadsheet-damaged-id', "user_mentions item 1 '906000000000000000' is rounded by a spreadsheet (trailing zeros)"],
    ]);
    expect(tweets.map((t) => t.userMentions)).toEqual([['443196382', '0', hash]]);
  });

  it('a CR-only line end among LF ones joins two rows into one quarantined row, and its reason says so', async () => {
    const lines = new TextDecoder().decode(readReal('china_082019_1_users_csv_hashed.csv')).split('\n');
    const mixed = [lines[0], lines[1], `${lines[2]}\r${lines[3]}`, lines[4], ''].join('\n');
    const { receipts, quarantined } = await parseBytes('mixed.csv', Buffer.from(mixed));
    expect(receipts[0]!.rowsStored).toBe(2);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.row).toBe(2);
    expect(quarantined[0]!.detail).toMatch(/; it holds a carriage return with no line feed after it: where a file mixes in CR-only line ends, two rows are read as one$/);
  });

  it('a quote left open swallows the next row into a quarantined one, and its reason says the record spans lines and keeps them', async () => {
    const lines = new TextDecoder().decode(readReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')).split('\n');
    const opened = lines[2]!.replace('Marshawn Lynch', '"Marshawn Lynch'); // minimally quoted: this field had no quotes
    const bytes = Buffer.from([...lines.slice(0, 2), opened, ...lines.slice(3)].join('\n'));
    const { receipts, quarantined } = await parseBytes('open-quote.csv', bytes);
    const dataLines = lines.slice(1).filter((l) => l !== '').length;
    expect(receipts[0]).toMatchObject({ rowsRead: dataLines - 1, rowsStored: dataLines - 2, rowsRejected: 1 });
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ row: 2, reason: 'stray-quote' });
    expect(quarantined[0]!.detail).toMatch(/; it spans 2 lines: if a quote in it was left open, the next line \(a row of its own\?\) was read into this one and not imported on its own; this row's bytes keep it$/);
    // the swallowed row is in the quarantined bytes, not lost
    const kept = bytes.subarray(quarantined[0]!.byteOffset, quarantined[0]!.byteOffset + quarantined[0]!.byteLength).toString();
    expect(kept).toBe(`${opened}\n${lines[3]}`);
  });

  it("refuses a file whose ids a spreadsheet rounded to 15 digits (no one id shows it, the file's ids do), and imports the file as published", async () => {
    const lines = new TextDecoder().decode(readReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')).split('\n');
    const col = lines[0]!.split(',').indexOf('tweet_id');
    // As a spreadsheet saves an id column formatted as whole numbers: 15 significant digits, then zeros.
    const round15 = (id: string) => (BigInt(id.slice(0, 15)) + (id[15]! >= '5' ? 1n : 0n)).toString() + '0'.repeat(id.length - 15);
    let rounded = 0;
    const resaved = lines.map((l, i) => {
      if (i === 0 || l === '') return l;
      const fields = splitFields(l); // the tweet id column comes after the quoted text: cut by the CSV's rules
      const id = fields[col]!;
      rounded++;
      return l.replace(`,${id},`, `,${round15(id)},`);
    });
    expect(round15('914580356430536707')).toBe('914580356430537000');
    expect(resaved.join('\n')).not.toBe(lines.join('\n'));
    await expect(parseBytes('resaved.csv', Buffer.from(resaved.join('\n')))).rejects.toThrow(
      `resaved.csv: ${rounded} of its ${rounded} row ids of 16 to 20 digits end in zeros after their 15th digit (914580356430537000 for 914580356430536707), where by chance about 0.01 would (one 18-digit id in a thousand): a spreadsheet saved it, keeping 15 digits`,
    );
    // A part of it re-saved (the first three rows, as one part of a set that went through a spreadsheet): refused too.
    const partly = lines.map((l, i) => (i >= 1 && i <= 3 ? resaved[i]! : l));
    await expect(parseBytes('partly.csv', Buffer.from(partly.join('\n')))).rejects.toThrow(`partly.csv: 3 of its ${rounded} row ids of 16 to 20 digits end in zeros after their 15th digit`);
    await expect(parseBytes('partly.csv', Buffer.from(partly.join('\n')))).rejects.toThrow('a spreadsheet saved it, or a part of it,');
    // As published, and with one real-looking id ending in 000 among them: imported.
    const one = lines.map((l, i) => (i === 1 ? l.replace(`,${splitFields(l)[col]},`, ',914580356430537000,') : l));
    expect((await parseBytes('one.csv', Buffer.from(one.join('\n')))).receipts[0]!.rowsStored).toBe(rounded);
    expect((await parseBytes('published.csv', Buffer.from(lines.join('\n')))).receipts[0]!.rowsStored).toBe(rounded);
  });

  it('a users row repeated byte for byte is a duplicate; repeated with other values it is quarantined, the first kept', async () => {
    const [header, a, b] = new TextDecoder().decode(readReal('ira_2018_users_csv_hashed_excerpt.csv')).trim().split('\n');
    const changed = a!.replace('"1541"', '"9999"');
    const { receipts, accounts, quarantined } = await parseBytes('users.csv', file([header!, a!, b!, a!, changed]));
    expect(receipts[0]).toMatchObject({ rowsRead: 4, rowsStored: 2, rowsDuplicate: 1, rowsRejected: 1, rejectedByReason: { 'conflicting-duplicate': 1 } });
    expect(accounts).toHaveLength(2);
    expect(accounts[0]!.followerCount).toBe(1541);
    expect(quarantined).toMatchObject([{ row: 4, reason: 'conflicting-duplicate', raw: changed, detail: `userid '${a!.slice(1, 65)}' was read at row 1 with other values (differing: follower_count); the first is kept` }]);
  });

  it('a users row again with its description in CRLF line ends (a Windows re-save) is quarantined naming that column', async () => {
    const text = new TextDecoder().decode(readReal('china_082019_1_users_csv_hashed.csv'));
    const [header] = text.split('\n');
    // The first record whose quoted description holds a line break.
    const record = /\n("[^"\n]*",(?:"[^"]*",){3}"[^"]*\n[^"]*",(?:"[^"]*",){4}"[^"]*")\n/.exec(text)![1]!;
    const crlf = record.replace(/\n/g, '\r\n');
    const knownAccounts: KnownRecords = new Map();
    await parseBytes('users_lf.csv', file([header!, record]), undefined, { knownAccounts });
    const again = await parseBytes('users_crlf.csv', file([header!, crlf]), undefined, { knownAccounts });
    expect(again.quarantined).toMatchObject([{ reason: 'conflicting-duplicate', detail: expect.stringContaining('with other values (differing: user_profile_description); the first is kept') }]);
  });

  it('a users row read in an earlier file (one map for the files of an import) is a duplicate, or quarantined naming that file', async () => {
    const [header, ...rows] = new TextDecoder().decode(readReal('china_082019_1_users_csv_hashed.csv')).trim().split('\n');
    // Lines that are whole records (a profile description may hold a line break).
    const [a, b, c, d] = rows.filter((l) => splitFields(l).length === 10) as [string, string, string, string];
    const knownAccounts: KnownRecords = new Map();
    const first = await parseBytes('users_a.csv', file([header!, a, b, c]), undefined, { knownAccounts });
    expect(first.receipts[0]).toMatchObject({ rowsRead: 3, rowsStored: 3, rowsDuplicate: 0, rowsRejected: 0 });
    // The second file: c as it was (reordered quoting does not matter: values are compared), b with another follower count, d new.
    const cUnquoted = c.replace(/^"([^"]*)"/, '$1');
    const bChanged = b.replace(/,"(\d+)","(\d+)",/, (_, f, g) => `,"${Number(f) + 1}","${g}",`);
    expect(bChanged).not.toBe(b);
    const second = await parseBytes('users_b.csv', file([header!, cUnquoted, bChanged, d]), undefined, { knownAccounts });
    expect(second.receipts[0]).toMatchObject({ rowsRead: 3, rowsStored: 1, rowsDuplicate: 1, rowsRejected: 1, rejectedByReason: { 'conflicting-duplicate': 1 } });
    const idOf = (line: string) => splitFields(line)[0];
    expect(second.accounts.map((x) => x.userid)).toEqual([idOf(d)]);
    expect(second.quarantined).toMatchObject([{ row: 2, reason: 'conflicting-duplicate', raw: bChanged, detail: `userid '${idOf(b)}' was read at row 2 of users_a.csv with other values (differing: follower_count); the first is kept` }]);
  });

  it('a row of empty fields (a spreadsheet\'s empty row) counts as a blank line, before the header too', async () => {
    const bytes = file([',,,', tweetHeader(), tweetRow({ tweetid: '1' }), ',,,,,,', tweetRow({ tweetid: '2' })]);
    const { receipts, tweets } = await parseBytes('empty_rows.csv', bytes);
    expect(receipts[0]).toMatchObject({ format: 'twitter-io-tweets', blankLines: 2, rowsRead: 2, rowsStored: 2, rowsRejected: 0 });
    expect(tweets.map((t) => t.provenance.row)).toEqual([1, 3]);
  });

  it('counts blank lines apart (not rows, not quarantined), before the header, inside and at the end', async () => {
    const bytes = file(['', tweetHeader(), tweetRow({ tweetid: '1' }), '', tweetRow({ tweetid: '2' }), '', ''], '\r\n');
    const { receipts, tweets, quarantined } = await parseBytes('blank.csv', bytes);
    expect(receipts[0]).toMatchObject({ blankLines: 4, rowsRead: 2, rowsStored: 2, rowsRejected: 0 });
    expect(quarantined).toEqual([]);
    // Rows are numbered from the header, blank lines included.
    expect(tweets.map((t) => [t.tweetid, t.provenance.row])).toEqual([['1', 1], ['2', 3]]);
  });

  it('recognises a repeated header that carries its part\'s BOM, quoted or not', async () => {
    const bom = '\uFEFF';
    const quoted = TWITTER_TWEET_COLUMNS.map((c) => `"${c}"`).join(',');
    const bytes = file([tweetHeader(), tweetRow({ tweetid: '1' }), bom + tweetHeader(), tweetRow({ tweetid: '2' }), bom + quoted, tweetRow({ tweetid: '3' })]);
    const { receipts, quarantined } = await parseBytes('bom-parts.csv', bytes);
    expect(quarantined).toEqual([]);
    expect(receipts[0]).toMatchObject({ repeatedHeaderRows: 2, rowsRead: 3, rowsStored: 3 });
  });

  it('skips and counts repeated header rows of concatenated parts (not quarantined)', async () => {
    const bytes = file([tweetHeader(), tweetRow({ tweetid: '1' }), tweetHeader(), tweetRow({ tweetid: '2' }), tweetHeader(), tweetRow({ tweetid: '3' })]);
    const { receipts, tweets, quarantined } = await parseBytes('parts.csv', bytes);
    expect(receipts[0]).toMatchObject({ repeatedHeaderRows: 2, rowsRead: 3, rowsStored: 3, rowsRejected: 0 });
    expect(quarantined).toEqual([]);
    expect(tweets.map((t) => [t.tweetid, t.provenance.row])).toEqual([['1', 1], ['2', 3], ['3', 5]]);
  });

  it('a part with another layout joined after the first (2018 order, 30 columns) is read by its own header, not the first one', async () => {
    const c2018 = TWITTER_TWEET_COLUMNS.map((c) => (c === 'in_reply_to_userid' ? 'in_reply_to_tweetid' : c === 'in_reply_to_tweetid' ? 'in_reply_to_userid' : c));
    const c30 = TWITTER_TWEET_COLUMNS.filter((c) => c !== 'poll_choices');
    const reply = { in_reply_to_userid: '111', in_reply_to_tweetid: '222' };
    const bytes = file([
      tweetHeader(), tweetRow({ tweetid: '1', ...reply }),
      tweetHeader(c2018), tweetRow({ tweetid: '2', ...reply }, c2018),
      tweetHeader(c30), tweetRow({ tweetid: '3', ...reply }, c30),
      tweetHeader(), tweetRow({ tweetid: '4', ...reply, poll_choices: 'a|b' }),
    ]);
    const { receipts, tweets, quarantined } = await parseBytes('mixed-parts.csv', bytes);
    expect(quarantined).toEqual([]);
    expect(receipts[0]).toMatchObject({ repeatedHeaderRows: 3, rowsRead: 4, rowsStored: 4, rowsRejected: 0 });
    expect(tweets.map((t) => [t.tweetid, t.inReplyToUserid, t.inReplyToTweetid, t.provenance.row])).toEqual([
      ['1', '111', '222', 1], ['2', '111', '222', 3], ['3', '111', '222', 5], ['4', '111', '222', 7],
    ]);
    expect(tweets[3]!.pollChoices).toEqual(['a', 'b']);
  });

  it('a kill-chain part whose header differs only by spaces is a repeated header, not an indicator', async () => {
    const bytes = file(['Tactic ,Technique,Procedure,Indicator', 'T1,Te1,P1,a[.]com', 'Tactic,Technique,Procedure,Indicator', 'T2,Te2,P2,b[.]com']);
    const { receipts, indicators, quarantined } = await parseBytes('kc.csv', bytes);
    expect(quarantined).toEqual([]);
    expect(indicators.map((i) => i.value)).toEqual(['a[.]com', 'b[.]com']);
    expect(receipts[0]).toMatchObject({ repeatedHeaderRows: 1, rowsRead: 2, rowsStored: 2 });
  });

  it('a header row of another kind of file in mid-file (a users file joined after a tweets file) is quarantined saying so', async () => {
    const users = new TextDecoder().decode(readReal('ira_2018_users_csv_hashed_excerpt.csv')).trim().split('\n');
    const { receipts, quarantined } = await parseBytes('joined.csv', file([tweetHeader(), tweetRow({ tweetid: '1' }), ...users]));
    expect(receipts[0]).toMatchObject({ rowsStored: 1, rowsRejected: 3 });
    expect(quarantined.map((q) => [q.row, q.reason])).toEqual([[2, 'field-count'], [3, 'field-count'], [4, 'field-count']]);
    expect(quarantined[0]!.detail).toBe('expected 31 fields, found 10: this row is a Twitter IO users header, so a file of another kind was joined here; its rows are not Twitter IO tweets rows');
    expect(quarantined[1]!.detail).toBe('expected 31 fields, found 10');
  });

  it('tolerates BOM + CRLF + no final newline; offsets count the BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...file([tweetHeader(), tweetRow({ tweetid: '1' }), tweetRow({ tweetid: '2' })], '\r\n', false)]);
    const { tweets } = await parseBytes('bom.csv', bytes, 5);
    expect(tweets.map((t) => t.tweetid)).toEqual(['1', '2']);
    const p = tweets[1].provenance;
    expect(p.byteOffset + p.byteLength).toBe(bytes.length);
    expect(new TextDecoder().decode(bytes.subarray(p.byteOffset, p.byteOffset + p.byteLength))).toBe(tweetRow({ tweetid: '2' }));
  });

  it('quarantines invalid UTF-8 rows', async () => {
    const good = enc.encode(tweetHeader() + '\n' + tweetRow({ tweetid: '1' }) + '\n');
    const bad = enc.encode(tweetRow({ tweetid: '2', tweet_text: 'XX' }) + '\n');
    const at = Buffer.from(bad).indexOf('XX'); // a byte index (the row has multi-byte text before it)
    bad[at] = 0xc3; // lone lead byte
    bad[at + 1] = 0x28;
    const { receipts, quarantined } = await parseBytes('u.csv', new Uint8Array([...good, ...bad, ...good.subarray(tweetHeader().length + 1)]));
    expect(quarantined.map((q) => [q.row, q.reason])).toEqual([[2, 'invalid-utf8']]);
    expect(receipts[0]).toMatchObject({ rowsStored: 1, rowsDuplicate: 1 });
  });

  it('refuses a file that ends inside a quoted field (cut short), naming the row and the byte its record begins at, in .csv, .gz and .zip', async () => {
    const head = enc.encode(tweetHeader() + '\n' + tweetRow({ tweetid: '1' }) + '\n' + tweetRow({ tweetid: '2' }) + '\n');
    const inText = (id: string) => tweetRow({ tweetid: id }).split('quoted')[0]!; // ends inside tweet_text's quotes: "香港 ""
    const cut = enc.encode(inText('3'));
    const bytes = new Uint8Array([...head, ...cut]);
    const why = (row: number, at: string, what: string) =>
      `ends inside a quoted field: row ${row}, which begins at byte ${at}, opens a quote that never closes. The ${what} looks cut short (an interrupted download or copy): it was not imported. Fetch or copy it again.`;
    for (const chunk of [7, 4096, undefined]) {
      await expect(parseBytes('cut.csv', bytes, chunk), String(chunk)).rejects.toThrow(`cut.csv: the file ${why(3, String(head.length), 'file')}`);
    }
    // The header and one row cut inside its text (QA's truncated.csv): refused, not a dataset of 0 rows.
    const one = enc.encode(tweetHeader() + '\n' + inText('1'));
    await expect(parseBytes('truncated.csv', one)).rejects.toThrow(`truncated.csv: the file ${why(1, String(tweetHeader().length + 1), 'file')}`);
    // CRLF line ends: the offset is still the record's first byte.
    const crlf = enc.encode(tweetHeader() + '\r\n' + tweetRow({ tweetid: '1' }).replace(/\n/g, '\r\n') + '\r\n' + inText('2'));
    const crlfStart = enc.encode(tweetHeader() + '\r\n' + tweetRow({ tweetid: '1' }).replace(/\n/g, '\r\n') + '\r\n').length;
    await expect(parseBytes('crlf.csv', crlf)).rejects.toThrow(`crlf.csv: the file ${why(2, String(crlfStart), 'file')}`);
    // Whole gzip or zip data holding a CSV that was cut short before it was packed.
    await expect(parseBytes('cut.csv.gz', new Uint8Array(gzipSync(bytes)))).rejects.toThrow(`cut.csv.gz: its CSV ${why(3, `${head.length} of the CSV`, 'CSV')}`);
    await expect(parseBytes('cut.zip', zipSync({ 'a.csv': bytes }))).rejects.toThrow(`cut.zip (a.csv): its CSV ${why(3, `${head.length} of the CSV`, 'CSV')}`);
  });

  it('refuses a file cut between two fields of its last row (no line break after it), and keeps a last row that is whole or one field short in mid-file', async () => {
    const head = enc.encode(tweetHeader() + '\n' + tweetRow({ tweetid: '1' }) + '\n' + tweetRow({ tweetid: '2' }) + '\n');
    const row3 = tweetRow({ tweetid: '3' });
    // Cut right after the 25th field's comma (QA's cut_between_fields.csv): 25 fields and the empty one the comma begins, no line break.
    let at = 0;
    for (let commas = 0; commas < 25; at++) if (row3[at] === ',' && row3[at - 1] === '"') commas++;
    const cut = new Uint8Array([...head, ...enc.encode(row3.slice(0, at))]);
    const why = (what: string, where: string) =>
      `ends inside row 3, which begins at byte ${where}: it has 26 of its 31 fields and no line break after them. The ${what} looks cut short (an interrupted download or copy): it was not imported. Fetch or copy it again.`;
    for (const chunk of [7, 4096, undefined]) await expect(parseBytes('cut.csv', cut, chunk), String(chunk)).rejects.toThrow(`cut.csv: the file ${why('file', String(head.length))}`);
    await expect(parseBytes('cut.csv.gz', new Uint8Array(gzipSync(cut)))).rejects.toThrow(`cut.csv.gz: its CSV ${why('CSV', `${head.length} of the CSV`)}`);
    // A whole last row without a final line break is imported; a short row with its line break is quarantined, as in mid-file.
    expect((await parseBytes('whole.csv', new Uint8Array([...head, ...enc.encode(row3)]))).tweets.map((t) => t.tweetid)).toEqual(['1', '2', '3']);
    const shortWithBreak = await parseBytes('short.csv', new Uint8Array([...cut, ...enc.encode('\n')]));
    expect(shortWithBreak.quarantined.map((q) => [q.row, q.reason])).toEqual([[3, 'field-count']]);
  });

  it('refuses a file cut in the middle of a character of its last row (unquoted field), not quarantining it as another encoding', async () => {
    const head = enc.encode(tweetHeader() + '\n' + tweetRow({ tweetid: '1' }) + '\n');
    // An unquoted field of the last row holds 推 (three bytes): cut after its first one, and after its second.
    const row2 = enc.encode(tweetRow({ tweetid: '2', tweet_text: '推文' }).replace(',"推文",', ',推文,'));
    const at = row2.indexOf(0xe6); // 推 begins E6 8E A8
    expect(at).toBeGreaterThan(0);
    for (const bytesOfIt of [1, 2]) {
      const cut = new Uint8Array([...head, ...row2.subarray(0, at + bytesOfIt)]);
      for (const chunk of [5, undefined]) {
        await expect(parseBytes('cut.csv', cut, chunk)).rejects.toThrow(
          `cut.csv: the file ends inside row 2, which begins at byte ${head.length}, in the middle of a character: its last bytes begin a UTF-8 character whose other bytes never come. The file looks cut short`,
        );
      }
    }
    expect(endsInsideCharacter(enc.encode('ab推'))).toBe(false);
    expect(endsInsideCharacter(enc.encode('🇭').subarray(0, 3))).toBe(true);
    expect(endsInsideCharacter(new Uint8Array([0x61, 0xff]))).toBe(false); // a bad byte, not a cut: quarantined as invalid UTF-8
    // Invalid UTF-8 in a last row that is whole (ending with a character's last byte) is still quarantined, not refused.
    const bad = new Uint8Array([...head, ...enc.encode(tweetRow({ tweetid: '3' })).map((b, i, a) => (i === a.length - 10 ? 0xff : b))]);
    expect((await parseBytes('bad.csv', bad)).quarantined.map((q) => q.reason)).toEqual(['invalid-utf8']);
  });

  it('quarantines a numeric id that starts with 0 (no platform id does), rather than storing a second id for one tweet', async () => {
    const { tweets, quarantined } = await parseBytes('lead.csv', file([tweetHeader(), tweetRow({ tweetid: '1140000000000000005' }), tweetRow({ tweetid: '01140000000000000005' }), tweetRow({ tweetid: '1140000000000000006', in_reply_to_userid: '0' })]));
    expect(tweets.map((t) => t.tweetid)).toEqual(['1140000000000000005', '1140000000000000006']); // '0' alone stands for none, as archived
    expect(quarantined.map((q) => [q.row, q.reason, q.detail])).toEqual([[2, 'invalid-id', "tweetid '01140000000000000005' starts with 0, which no platform id does (padded by a tool?)"]]);
  });

  it("quarantines a row whose own tweet id or user id is 0 (0 stands for none): no tweet or account \"0\" is stored", async () => {
    const { tweets, accounts, quarantined } = await parseBytes('zero.csv', file([tweetHeader(), tweetRow({ tweetid: '0' }), tweetRow({ tweetid: '1140000000000000007', userid: '0' }), tweetRow({ tweetid: '1140000000000000008' })]));
    expect(tweets.map((t) => t.tweetid)).toEqual(['1140000000000000008']);
    expect(accounts.map((a) => a.userid)).not.toContain('0');
    expect(quarantined.map((q) => [q.row, q.reason, q.detail])).toEqual([
      [1, 'invalid-id', "tweetid '0' is no id: 0 stands for none (unresolved) in these archives"],
      [2, 'invalid-id', "userid '0' is no id: 0 stands for none (unresolved) in these archives"],
    ]);
  });

  it('quarantines a row holding a NUL byte wherever it falls (in the first KB or later), with its bytes; refuses a file whose first line holds one', async () => {
    const rows = [tweetHeader(), tweetRow({ tweetid: '1' }), tweetRow({ tweetid: '2', tweet_text: 'nul\u0000here' }), tweetRow({ tweetid: '3' })];
    for (let n = 3; n < 40; n += 12) {
      // The NUL row early (within the first KB) and late (after many rows).
      const late = [...rows.slice(0, 2), ...Array.from({ length: n }, (_, i) => tweetRow({ tweetid: String(100 + i) })), ...rows.slice(2)];
      for (const lines of [rows, late]) {
        for (const chunk of [7, undefined]) {
          const bytes = file(lines);
          const { receipts, tweets, quarantined } = await parseBytes('nul.csv', bytes, chunk);
          expect(tweets.map((t) => t.tweetid)).not.toContain('2');
          expect(receipts[0]).toMatchObject({ rowsRejected: 1, rejectedByReason: { 'nul-byte': 1 } });
          const q = quarantined[0]!;
          expect(q.reason).toBe('nul-byte');
          expect(q.detail).toMatch(/^the row holds a NUL byte \(U\+0000\) at its byte \d+, which no text CSV has/);
          expect(Buffer.from(bytes.subarray(q.byteOffset, q.byteOffset + q.byteLength)).toString()).toBe(lines[lines.indexOf(rows[2]!)]);
        }
      }
    }
    await expect(parseBytes('bin.csv', file(['"tweetid"\u0000,"userid"', tweetRow()]))).rejects.toThrow('bin.csv: binary content (NUL byte at offset 9, in its first line)');
  });

  it('refuses a file whose end is zero bytes (a download or copy that stopped and left the rest zero-filled), naming the row and byte', async () => {
    const head = enc.encode(tweetHeader() + '\n' + tweetRow({ tweetid: '1' }) + '\n' + tweetRow({ tweetid: '2' }) + '\n');
    const bytes = new Uint8Array([...head, ...new Uint8Array(5000)]);
    const why = `row 3, which begins at byte ${head.length}, is 5000 zero bytes (NUL): the file was not written to its end (a download or copy that stopped early leaves the rest zero-filled), so rows are missing. It was not imported: fetch or copy it again.`;
    for (const chunk of [7, 4096, undefined]) await expect(parseBytes('zeros.csv', bytes, chunk), String(chunk)).rejects.toThrow(`zeros.csv: ${why}`);
 
    // Cut inside a row (after its first field), then zeros: the row ends in them.
    const partial = new Uint8Array([...head, ...enc.encode('"3",'), ...new Uint8Array(300)]);
    await expect(parseBytes('partial.csv', partial)).rejects.toThrow(`partial.csv: row 3, which begins at byte ${head.length}, ends in 300 zero bytes (NUL), from byte ${head.length + 4}: the file was not written to its end`);
  });

  it('keeps as quarantined rows a quote left open in the middle of a file and closed by a later one', async () => {
    const open = (id: string) => tweetRow({ tweetid: id }).replace(/""$/, '"'); // its last field's quote not closed: the row runs on into the next line
    const bytes = file([tweetHeader(), tweetRow({ tweetid: '1' }), open('2'), tweetRow({ tweetid: '3' }), open('4'), tweetRow({ tweetid: '5' })]);
    const { receipts, tweets, quarantined } = await parseBytes('mid.csv', bytes);
    // Row 2's open quote runs on into row 3 and is closed there (as row 4's by row 5): two quarantined rows, the file imported.
    expect(tweets.map((t) => t.tweetid)).toEqual(['1']);
    expect(quarantined.map((q) => [q.row, q.reason])).toEqual([[2, 'stray-quote'], [3, 'stray-quote']]);
    expect(quarantined[0]!.raw).toContain('"3","747292706536226816"');
    expect(receipts[0]).toMatchObject({ rowsRead: 3, rowsStored: 1, rowsRejected: 2 });
  });
});

describe('containers and refusals', () => {
  const plain = readReal('china_082019_1_users_csv_hashed.csv');

  it('reads gzip (by magic bytes, not name) with both hashes in the receipt', async () => {
    const gz = new Uint8Array(gzipSync(plain));
    const { receipts, accounts } = await parseBytes('users.bin', gz, 1000);
    expect(receipts[0]).toMatchObject({
      format: 'twitter-io-users', rowsStored: 744, size: gz.length, sha256: sha(gz),
      entrySha256: 'd501db9ada6bca5da1f809ae64fde16b78dff891451779bf421c7b49cff04604', entrySize: plain.length,
    });
    expect(accounts[743].provenance.fileSha256).toBe(receipts[0].entrySha256);
    const p = accounts[100].provenance;
    expect(new TextDecoder().decode(plain.subarray(p.byteOffset, p.byteOffset + p.byteLength)).startsWith(`"${accounts[100].userid}"`)).toBe(true);
  });

  it('reads every CSV entry of a zip, one receipt each; skips non-CSV entries', async () => {
    const seed = readReal('reddit_2018_suspiciousaccounts_seed.csv');
    const zip = zipSync({
      'china/users.csv': plain,
      'README.txt': strToU8('not a csv'),
      'reddit/seed.CSV': [seed, { level: 0 }],
    });
    const { receipts, accounts, reddit } = await parseBytes('bundle.zip', zip, 4096);
    expect(receipts.map((r) => [r.entryName, r.format, r.rowsStored])).toEqual([
      ['china/users.csv', 'twitter-io-users', 744],
      ['reddit/seed.CSV', 'reddit-suspicious-accounts', 941],
    ]);
    expect(receipts[0].sha256).toBe(sha(zip));
    expect(receipts[1].entrySha256).toBe(sha(seed));
    expect(receipts.map((r) => r.skippedEntries)).toEqual([['README.txt'], ['README.txt']]); // stored with the dataset
    expect(accounts).toHaveLength(744);
    expect(reddit[0].provenance.fileSha256).toBe(sha(seed));
    // Pass 1 names what is not read, so the import can say so (not directories or macOS metadata).
    const withMore = zipSync({ 'a/': {}, 'a/users.csv': plain, 'a/README.txt': strToU8('x'), 'a/pic.jpg': new Uint8Array([1, 2, 3]), '__MACOSX/a/._users.csv': strToU8('x') });
    expect((await hashArchive(bytesSource('more.zip', withMore, 999))).skippedEntries).toEqual(['a/README.txt', 'a/pic.jpg']);
    expect((await hashArchive(bytesSource('bundle.zip', zip))).skippedEntries).toEqual(['README.txt']);
    expect((await hashArchive(bytesSource('users.csv', plain))).skippedEntries).toEqual([]);
  });

  it('dedupes tweets across the parts of a zip (overlapping parts), as the app does', async () => {
    const part = (from: number, to: number) => file([tweetHeader(), ...Array.from({ length: to - from }, (_, i) => tweetRow({ tweetid: String(1000 + from + i) }))]);
    const { receipts, tweets } = await parseBytes('set.zip', zipSync({ 'set_part1.csv': part(0, 20), 'set_part2.csv': part(10, 30) }));
    expect(receipts.map((r) => [r.entryName, r.rowsRead, r.rowsStored, r.rowsDuplicate])).toEqual([['set_part1.csv', 20, 20, 0], ['set_part2.csv', 20, 10, 10]]);
    expect(tweets).toHaveLength(30);
  });

  it('a tweet id repeated with other content is quarantined as conflicting-duplicate, in the file and across files sharing one SeenTweets', async () => {
    const rows = [tweetRow({ tweetid: '1' }), tweetRow({ tweetid: '2' }), tweetRow({ tweetid: '1' }), tweetRow({ tweetid: '2', tweet_text: 'other text' })];
    const seenTweets = tweetIdSet();
    const first = await parseBytes('a.csv', file([tweetHeader(), ...rows]), undefined, { seenTweets });
    expect(first.receipts[0]).toMatchObject({ rowsRead: 4, rowsStored: 2, rowsDuplicate: 1, rowsRejected: 1, rejectedByReason: { 'conflicting-duplicate': 1 } });
    expect(first.quarantined).toMatchObject([{ row: 4, reason: 'conflicting-duplicate', detail: "tweetid '2' was read before with other content (text, time or account); the first is kept" }]);
    expect(first.tweets.map((t) => t.tweetText)).toEqual([first.tweets[0]!.tweetText, first.tweets[0]!.tweetText]);
    // Another file of the same import: one tweet as stored, one with other counts and lists (a later
    // snapshot: a duplicate), one new, one at another time and one under another account (conflicts).
    const second = await parseBytes('b.csv', file([
      tweetHeader(), tweetRow({ tweetid: '1' }), tweetRow({ tweetid: '2', like_count: '7777', retweet_count: '', user_mentions: '[]', retweet_tweetid: '9' }), tweetRow({ tweetid: '3' }),
      tweetRow({ tweetid: '1', tweet_time: '2019-06-18 12:07' }), tweetRow({ tweetid: '3', userid: '747292706536226817' }),
    ]), undefined, { seenTweets });
    expect(second.receipts[0]).toMatchObject({ rowsRead: 5, rowsStored: 1, rowsDuplicate: 2, rowsRejected: 2 });
    expect(second.quarantined.map((q) => q.row)).toEqual([4, 5]);
  });

  it('the same tweet in a FiveThirtyEight file and a Twitter file (with counts, linked tweets and mentions FiveThirtyEight lacks) is one tweet', async () => {
    const ira = readReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv');
    const seenTweets = tweetIdSet();
    const first = await parseBytes('ira.csv', ira, undefined, { seenTweets });
    const [a, b] = first.tweets;
    const minute = (m: number) => new Date(m * 60000).toISOString().slice(0, 16).replace('T', ' ');
    const io = (t: typeof a, over: Record<string, string>) =>
      tweetRow({ tweetid: t!.tweetid, userid: t!.userid, user_screen_name: t!.userScreenName, tweet_text: t!.tweetText, tweet_time: minute(t!.tweetTime), is_retweet: String(t!.isRetweet), ...over });
    const twitter = file([tweetHeader(), io(a, { like_count: '12', user_mentions: '[12345]', in_reply_to_tweetid: '914580356430536700' }), io(b, {}), io(a, { tweet_text: a!.tweetText + '!' })]);
    const second = await parseBytes('ira_tweets_csv_unhashed.csv', twitter, undefined, { seenTweets });
    expect(second.receipts[0]).toMatchObject({ rowsRead: 3, rowsStored: 0, rowsDuplicate: 2, rowsRejected: 1, rejectedByReason: { 'conflicting-duplicate': 1 } });
    expect(second.quarantined.map((q) => q.row)).toEqual([3]);
  });

  it('parses before its hashes are known: placeholders in the rows, receipts completed when pass 1 ends', async () => {
    const seed = readReal('reddit_2018_suspiciousaccounts_seed.csv');
    const broken = enc.encode('"userid","user_display_name","user_screen_name","user_reported_location","user_profile_description","user_profile_url","follower_count","following_count","account_creation_date","account_language"\n"1","a","b","","","","x","1","2019-01-01","en"\n');
    // junk.csv (binary) is refused on its own: the other entries keep their places (entry 2, entry 3).
    const zip = zipSync({ 'users.csv': plain, 'junk.csv': new Uint8Array([0, 1, 2, 3]), 'bad.csv': broken, 'reddit/seed.CSV': seed });
    const source = bytesSource('bundle.zip', zip, 4096);
    const collect = async (options: Parameters<typeof parseArchive>[1]) => {
      type WithSource = { provenance: { fileSha256: string } };
      const out = { accounts: [] as WithSource[], reddit: [] as WithSource[], quarantined: [] as { fileSha256: string }[] };
      const receipts = await parseArchive(source, {
        ...options, onAccounts: (b) => void out.accounts.push(...b), onRedditAccounts: (b) => void out.reddit.push(...b), onQuarantine: (b) => void out.quarantined.push(...b),
      });
      return { receipts, ...out };
    };
    const hashes = await hashArchive(source);
    let resolve!: (h: typeof hashes) => void;
    const later = collect({ pendingHashes: { hashes: new Promise((r) => (resolve = r)), placeholder: (i) => `entry ${i}` } });
    await new Promise((r) => setTimeout(r, 50));
    resolve(hashes); // after every row is parsed: the receipts wait for it
    const pending = await later;
    const known = await collect({ hashes });
    expect(pending.accounts.map((a) => a.provenance.fileSha256)).toEqual(known.accounts.map(() => 'entry 0'));
    // bad.csv's row, and the seed's account listed again in another case with another karma.
    expect(pending.quarantined.map((q) => q.fileSha256)).toEqual(['entry 2', 'entry 3']);
    expect(new Set(pending.reddit.map((r) => r.provenance.fileSha256))).toEqual(new Set(['entry 3']));
    const timeless = (rs: typeof known.receipts) => rs.map(({ startedAt, durationMs, ...r }) => r);
    expect(timeless(pending.receipts)).toEqual(timeless(known.receipts));
    expect(known.receipts.map((r) => r.entrySha256)).toEqual([sha(plain), sha(broken), sha(seed)]);
    expect(known.receipts[0]!.refusedEntries).toEqual([{ entryName: 'junk.csv', message: expect.stringMatching(/^bundle\.zip \(junk\.csv\): binary content/) }]);
    // Hashes of another file: refused, not mixed in.
    const other = await hashArchive(bytesSource('users.csv', plain));
    await expect(collect({ pendingHashes: { hashes: Promise.resolve(other), placeholder: String } })).rejects.toThrow('bundle.zip: the file changed between reads.');
  });

  it('refuses a zip whose every CSV entry is refused, naming each', async () => {
    const zip = zipSync({ 'a.csv': new Uint8Array([0, 1]), 'b.csv': enc.encode('name,age\nbob,3\n') });
    await expect(parseArchive(bytesSource('z.zip', zip))).rejects.toThrow(/^z\.zip: none of its 2 CSV entries could be read\. z\.zip \(a\.csv\): binary content .* z\.zip \(b\.csv\): Unrecognised header/);
  });

  it("refuses a zip's header-only entry (an empty part of a release) on its own, as the same CSV is refused as a file; the other entries are read", async () => {
    // Made by Info-ZIP from real bytes: users, a tweets part, an empty part (the tweets header alone), a 0-byte part.
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-header-only-'));
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    const header = tweets.subarray(0, tweets.indexOf(0x0a) + 1);
    writeFileSync(path.join(dir, 'users.csv'), readReal('ira_2018_users_csv_hashed_excerpt.csv'));
    writeFileSync(path.join(dir, 'tweets_1.csv'), tweets);
    writeFileSync(path.join(dir, 'tweets_2.csv'), header);
    writeFileSync(path.join(dir, 'tweets_3.csv'), new Uint8Array(0));
    execFileSync('zip', ['-q', 'release.zip', 'users.csv', 'tweets_2.csv', 'tweets_1.csv', 'tweets_3.csv'], { cwd: dir });
    execFileSync('zip', ['-q', 'only.zip', 'tweets_2.csv'], { cwd: dir });
    const plainRefusal = 'a Twitter IO tweets header row and no data rows: nothing to import.';
    await expect(parseArchive(bytesSource('tweets_2.csv', header))).rejects.toThrow(`tweets_2.csv: ${plainRefusal}`);
    const zip = new Uint8Array(readFileSync(path.join(dir, 'release.zip')));
    for (const chunk of [zip.length, 97]) {
      const { receipts, tweets: read, accounts } = await parseBytes('release.zip', zip, chunk);
      expect(receipts.map((r) => [r.entryName, r.format, r.rowsRead, r.rowsStored])).toEqual([['users.csv', 'twitter-io-users', 2, 2], ['tweets_1.csv', 'twitter-io-tweets', 2, 2]]);
      expect(read).toHaveLength(2);
      expect(accounts.length).toBeGreaterThanOrEqual(2);
      // Named in every receipt, with the plain file's reason; a 0-byte entry keeps its own refusal.
      for (const r of receipts) {
        expect(r.refusedEntries).toEqual([
          { entryName: 'tweets_2.csv', message: `release.zip (tweets_2.csv): ${plainRefusal}` },
          { entryName: 'tweets_3.csv', message: 'release.zip (tweets_3.csv): the zip entry is empty (0 bytes): nothing to import.' },
        ]);
      }
    }
    // Pass 1 marks the entries that hold no row (the app compares their content with no other's).
    expect((await hashArchive(bytesSource('release.zip', zip))).entries.map((e) => [e.entryName, e.noRows])).toEqual([
      ['users.csv', undefined], ['tweets_2.csv', true], ['tweets_1.csv', undefined], ['tweets_3.csv', true],
    ]);
    // Nothing else in the zip: refused as the file is.
    await expect(parseArchive(bytesSource('only.zip', new Uint8Array(readFileSync(path.join(dir, 'only.zip')))))).rejects.toThrow(`only.zip (tweets_2.csv): ${plainRefusal}`);
  });

  it('reads a streamed zip with data descriptors (as written by client-zip and other streaming writers)', async () => {
    const zip = new Uint8Array(await downloadZip([{ name: 'users.csv', input: plain, lastModified: new Date(0) }]).arrayBuffer());
    expect(zip[6] & 0x08).toBe(0x08); // general-purpose flag bit 3: sizes follow the data
    const { receipts } = await parseBytes('streamed.zip', zip, 777);
    expect(receipts[0]).toMatchObject({ entryName: 'users.csv', rowsStored: 744, entrySha256: sha(plain) });
  });

  it('reads deflated entries whose sizes follow the data (streaming zip writers), each inflated to the exact bytes', async () => {
    const seed = readReal('reddit_2018_suspiciousaccounts_seed.csv');
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    });
    for (const [name, bytes] of [['users.csv', plain], ['seed.csv', seed]] as const) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(bytes, true);
    }
    zip.end();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    expect(bytes[6] & 0x08).toBe(0x08); // sizes follow the data
    expect(bytes[8]).toBe(8); // deflated
    const { receipts } = await parseBytes('streamed-deflate.zip', bytes, 1000);
    expect(receipts.map((r) => [r.entryName, r.rowsStored, r.entrySha256, r.entrySize])).toEqual([
      ['users.csv', 744, sha(plain), plain.length],
      ['seed.csv', 941, sha(seed), seed.length],
    ]);
  });

  it('reads Zip64 entries (as a CSV over 4 GB is zipped): Info-ZIP with sizes in the header, a streaming writer with them after the data', async () => {
    // Both writers made to use Zip64 on a small file: the local header's sizes are 0xFFFFFFFF and the real ones 64-bit.
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-zip64-'));
    writeFileSync(path.join(dir, 'users.csv'), plain);
    execFileSync('zip', ['-q', '-fz', 'info.zip', 'users.csv'], { cwd: dir });
    execFileSync('python3', ['-c', [
      'import io, zipfile',
      'class Pipe(io.RawIOBase):',
      '  def __init__(s, f): s.f = f',
      '  def writable(s): return True',
      '  def write(s, b): return s.f.write(b)',
      "with open('streamed.zip', 'wb') as out, zipfile.ZipFile(Pipe(out), 'w', zipfile.ZIP_DEFLATED) as z, z.open('users.csv', 'w', force_zip64=True) as w:",
      "  w.write(open('users.csv', 'rb').read())",
    ].join('\n')], { cwd: dir });
    for (const [name, dataDescriptor] of [['info.zip', 0], ['streamed.zip', 0x08]] as const) {
      const zip = new Uint8Array(readFileSync(path.join(dir, name)));
      expect([zip[6]! & 0x08, zip[18], zip[21], zip[22], zip[25]]).toEqual([dataDescriptor, 0xff, 0xff, 0xff, 0xff]);
      const { receipts, accounts } = await parseBytes(name, zip, 4096);
      expect(receipts.map((r) => [r.entryName, r.rowsStored, r.sha256, r.entrySha256, r.entrySize])).toEqual([['users.csv', 744, sha(zip), sha(plain), plain.length]]);
      expect(accounts).toHaveLength(744);
    }
  });

  it('reads a .gz of several gzip members (cat a.gz b.gz, bgzip) as one CSV, zero padding after it ignored, with the receipts of the CSV gzipped whole; data appended is refused', async () => {
    const one = new Uint8Array(gzipSync(plain));
    const { receipts: [whole], accounts: wholeAccounts } = await parseBytes('one.csv.gz', one, 1000);
    expect(whole).toMatchObject({ rowsStored: 744, entrySha256: sha(plain), entrySize: plain.length });
    const half = plain.indexOf(0x0a, plain.length >> 1) + 1;
    const members = (cuts: number[]) => new Uint8Array(Buffer.concat([0, ...cuts].map((c, i, all) => gzipSync(plain.subarray(c, all[i + 1] ?? plain.length)))));
    const many = members(Array.from({ length: 39 }, (_, i) => 1 + i * 2531)); // bgzip-like: 41 members, cut inside lines (the first of 1 byte)
    const cases: [string, Uint8Array][] = [
      ['joined.csv.gz', members([half])],
      ['many.csv.gz', many],
      ['with_empty.csv.gz', new Uint8Array([...gzipSync(new Uint8Array(0)), ...members([half]), ...gzipSync(new Uint8Array(0))])],
      ['padded.csv.gz', new Uint8Array([...members([half]), ...new Uint8Array(512)])],
      ['one_zero.csv.gz', new Uint8Array([...one, 0])],
    ];
    for (const [name, bytes] of cases) {
      for (const chunk of [1000, 1 << 20]) {
        const { receipts, accounts } = await parseBytes(name, bytes, chunk);
        expect(receipts.map((r) => [r.rowsStored, r.sha256, r.size, r.entrySha256, r.entrySize]), `${name} in chunks of ${chunk}`).toEqual([[744, sha(bytes), bytes.length, whole!.entrySha256, whole!.entrySize]]);
        // Provenance is an offset into the data the members hold together, as `gunzip -c` gives it.
        const p = accounts[500]!.provenance;
        expect(p).toEqual(wholeAccounts[500]!.provenance);
        expect(new TextDecoder().decode(plain.subarray(p.byteOffset, p.byteOffset + p.byteLength)).startsWith(`"${accounts[500]!.userid}"`)).toBe(true);
      }
    }
    const junk = 'bytes that are not gzip data follow the end of the gzip data (Junk found after end of compressed data): data was appended to the file, or it is damaged. Nothing was imported. Fetch the file again; `gunzip -t` checks a .gz file.';
    const refused: [string, Uint8Array, string][] = [
      ['appended.csv.gz', new Uint8Array([...members([half]), ...enc.encode('garbage appended')]), junk],
      ['zeros_then_text.csv.gz', new Uint8Array([...one, 0, 0, 0, 0, ...enc.encode('garbage appended')]), junk],
      ['cut_member.csv.gz', many.subarray(0, many.length - 100), 'gzip data is corrupt or truncated'],
    ];
    for (const [name, bytes, message] of refused) {
      for (const chunk of [1000, 1 << 20]) {
        await expect(hashArchive(bytesSource(name, bytes, chunk)), name).rejects.toThrow(`${name}: ${message}`);
        await expect(parseArchive(bytesSource(name, bytes, chunk), { hashes: { container: 'gzip', sha256: '', size: 0, entries: [{ entryName: undefined, sha256: 'x', size: 0 }], skippedEntries: [] } }), name).rejects.toThrow(`${name}: ${message}`);
      }
    }
  });

  it('zero bytes between gzip members (gzip -d stops at them) and a damaged member after whole ones are refused, naming the byte where each begins, as gzip -d judges them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-gzip-'));
    const half = plain.indexOf(0x0a, plain.length >> 1) + 1;
    writeFileSync(path.join(dir, 'a.csv'), plain.subarray(0, half));
    writeFileSync(path.join(dir, 'b.csv'), plain.subarray(half));
    execFileSync('gzip', ['-n', 'a.csv', 'b.csv'], { cwd: dir });
    const [a, b] = ['a.csv.gz', 'b.csv.gz'].map((f) => new Uint8Array(readFileSync(path.join(dir, f))));
    /** What the standard tool does with the file: its exit status (2: a warning), what it wrote and said. */
    const gzipD = (bytes: Uint8Array) => {
      writeFileSync(path.join(dir, 'x.gz'), bytes);
      const r = spawnSync('gzip', ['-dc', 'x.gz'], { cwd: dir });
      return { status: r.status, out: r.stdout.length, said: r.stderr.toString().trim() };
    };
    const zeros = (n: number) => new Uint8Array(n);
    const between = (n: number, after = 0) => new Uint8Array([...a!, ...zeros(n), ...b!, ...zeros(after)]);
    // gzip -d reads the first member, stops at the zeros and leaves the second out, with a warning.
    for (const n of [1, 3, 512]) expect(gzipD(between(n))).toEqual({ status: 2, out: half, said: 'gzip: x.gz: decompression OK, trailing garbage ignored' });
    const stops = (n: number, at: number) =>
      `${n} zero bytes at byte ${at} follow the end of a gzip member, and another gzip member starts after them, at byte ${at + n}. \`gzip -d\` stops at the zeros (“decompression OK, trailing garbage ignored”) and leaves out what follows; the app does not import a file in part: nothing of it was imported. If the zeros are padding between .gz files joined together, join them again without it.`;
    // gzip -d reads both members, then fails on the third, which begins like one (1f 8b 08) but is not whole.
    const bad = new Uint8Array([...a!, ...b!, 0x1f, 0x8b, 0x08, ...enc.encode('garbage appended')]);
    const cut = new Uint8Array([...a!, ...b!, ...a!.subarray(0, 20)]);
    for (const bytes of [bad, cut]) expect(gzipD(bytes)).toMatchObject({ status: 1, out: plain.length });
    const damaged = (at: number) =>
      new RegExp(`: gzip data is corrupt or truncated \\([^)]+\\) in the gzip member that starts at byte ${at}, after whole ones: data that begins like gzip was appended to the file, or the file is damaged or cut short; \`gzip -t\` refuses it too\\. Nothing of it was imported\\. Fetch the file again\\.$`);
    const refused: [string, Uint8Array, string | RegExp][] = [
      ['zeros_between.csv.gz', between(512), stops(512, a!.length)],
      ['zero_between.csv.gz', between(1, 100), stops(1, a!.length)],
      ['bad_member.csv.gz', bad, damaged(a!.length + b!.length)],
      ['cut_member.csv.gz', cut, damaged(a!.length + b!.length)],
    ];
    const hashes: ArchiveHashes = { container: 'gzip', sha256: '', size: 0, entries: [{ entryName: undefined, sha256: 'x', size: 0 }], skippedEntries: [] };
    for (const [name, bytes, message] of refused) {
      for (const chunk of [7, 1000, 1 << 20]) {
        for (const read of [() => hashArchive(bytesSource(name, bytes, chunk)), () => parseArchive(bytesSource(name, bytes, chunk), { hashes })]) {
          const e = await read().then(() => undefined, (e: Error) => e);
          expect(e?.message, `${name} in chunks of ${chunk}`).toMatch(typeof message === 'string' ? `${name}: ${message}` : message);
          if (typeof message === 'string') expect(e?.message).toBe(`${name}: ${message}`);
        }
      }
    }
  });

  it('cuts gzip data before every member start, also one split across chunks, and keeps the zeros that end the file apart', async () => {
    const a = new Uint8Array(gzipSync(plain.subarray(0, 5000)));
    const b = new Uint8Array(gzipSync(plain.subarray(5000)));
    /** The pieces of bytes read in chunks of size, each where it is in them; all the bytes, in order. */
    const piecesOf = async (bytes: Uint8Array, size: number) => {
      const chunks = (async function* () {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      })();
      const pieces: { at: number; length: number; kind: string }[] = [];
      let at = 0;
      for await (const p of gzipPieces(chunks)) {
        expect(Buffer.compare(p.bytes, bytes.subarray(at, at + p.bytes.length)), `${size}: bytes at ${at}`).toBe(0);
        pieces.push({ at, length: p.bytes.length, kind: p.kind });
        at += p.bytes.length;
      }
      expect(at).toBe(bytes.length);
      return pieces;
    };
    const bytes = new Uint8Array([...a, ...b, 0, 0, 0]);
    for (const size of [1, 2, 3, 5, 1000, bytes.length]) {
      const pieces = await piecesOf(bytes, size);
      const kinds = pieces.filter((p) => p.kind !== 'data');
      // 1f 8b 08 may also occur inside deflate data (a false start, read on as data): the real ones are among those found.
      expect(kinds.filter((p) => p.at === 0 || p.at === a.length).map((p) => [p.at, p.kind]), `chunks of ${size}`).toEqual([[0, 'member'], [a.length, 'member']]);
      expect(pieces.at(-1), `chunks of ${size}`).toEqual({ at: bytes.length - 3 - (b.at(-1) === 0 ? 1 : 0) - (b.at(-1) === 0 && b.at(-2) === 0 ? 1 : 0), length: 3 + (b.at(-1) === 0 ? 1 : 0) + (b.at(-1) === 0 && b.at(-2) === 0 ? 1 : 0), kind: 'padding' });
    }
    // A run of zeros just before a member's first bytes is a piece of its own, with the zeros that end the trailer before it.
    const gap = new Uint8Array([...a, ...new Uint8Array(5), ...b]);
    let zeros = a.length;
    while (a[zeros - 1] === 0) zeros--;
    for (const size of [1, 2, 3, 5, 7, 1000, gap.length]) {
      expect((await piecesOf(gap, size)).filter((p) => p.at >= zeros && p.at <= a.length + 5), `chunks of ${size}`).toEqual([
        { at: zeros, length: a.length + 5 - zeros, kind: 'padding' },
        { at: a.length + 5, length: expect.any(Number), kind: 'member' },
      ]);
    }
  });

  it('refuses empty, header-only, binary, unknown-header, truncated-header, corrupt gzip and zip files with clear messages', async () => {
    const refuse = (name: string, bytes: Uint8Array) => parseArchive(bytesSource(name, bytes));
    await expect(refuse('e.csv', new Uint8Array(0))).rejects.toThrow('e.csv: the file is empty.');
    // A .gz or zip entry of 0 bytes: the file itself is not empty, what it holds is.
    await expect(refuse('e.csv.gz', gzipSync(new Uint8Array(0)))).rejects.toThrow('e.csv.gz: the gzip data decompresses to nothing (an empty CSV): nothing to import.');
    await expect(refuse('e.zip', zipSync({ 'a.csv': new Uint8Array(0) }))).rejects.toThrow('e.zip (a.csv): the zip entry is empty (0 bytes): nothing to import.');
    await expect(refuse('b.csv', new Uint8Array([1, 2, 0, 3, 4]))).rejects.toThrow(/b\.csv: binary content \(NUL byte at offset 2/);
    await expect(refuse('u.csv', enc.encode('name,age\nbob,3\n'))).rejects.toThrow(/u\.csv: Unrecognised header \(2 columns: name, age\)/);
    await expect(refuse('h.csv', enc.encode('"tweetid","userid","user_disp'))).rejects.toThrow(/h\.csv: the file ends inside its header row \(truncated file\)/);
    // A header and nothing else (or only repeats of it) would make an empty dataset that looks imported.
    const header = TWITTER_TWEET_COLUMNS.join(',') + '\n';
    for (const body of [header, header + header]) {
      await expect(refuse('o.csv', enc.encode(body))).rejects.toThrow('o.csv: a Twitter IO tweets header row and no data rows: nothing to import.');
    }
    const gz = new Uint8Array(gzipSync(plain));
    await expect(refuse('cut.csv.gz', gz.subarray(0, gz.length / 2))).rejects.toThrow(/^cut\.csv\.gz: gzip data is corrupt or truncated \([^)]+\): the file is damaged, or a download or copy was cut short\. Nothing of it was imported\. Fetch or copy the file again; `gzip -t` checks a \.gz file\.$/);
    // an unbalanced quote would swallow the rest of the file: refused once the record passes 16 MiB
    const runaway = new Uint8Array(17 * 1024 * 1024).fill(0x61);
    runaway.set(enc.encode('bob,1\nann,2\n"open'), 0);
    await expect(refuse('q.csv', runaway)).rejects.toThrow(/^q\.csv: the record starting at byte 12 \(row 2\) is inside a quoted field that does not close within 16 MiB: a field larger than the 16 MiB an archive row may hold, a quote that never closes, or not a CSV file/);
    // A huge field with balanced quotes, and CR-only line ends (classic Mac OS), are named as such.
    runaway.set(enc.encode('bob,1\nann,2\nbig'), 0);
    await expect(refuse('long.csv', runaway)).rejects.toThrow(/^long\.csv: the record starting at byte 12 .* is a line of over 16 MiB \(quotes balanced\)/);
    const crOnly = enc.encode(('name,age\r' + 'bob,3\r'.repeat(3_000_000)));
    await expect(refuse('cr.csv', crOnly)).rejects.toThrow(/^cr\.csv: the record starting at byte 0 .* the file's lines end in CR only \(classic Mac OS\)/);
    const smallCr = enc.encode(TWITTER_TWEET_COLUMNS.join(',') + '\r' + TWITTER_TWEET_COLUMNS.map(() => 'x').join(',').repeat(2000) + '\r');
    const crMessage = await refuse('cr-small.csv', smallCr).catch((e: Error) => e.message);
    // Said first, with what the first line names, not buried after a list of unexpected columns.
    expect(crMessage).toBe(`cr-small.csv: Its lines end in CR only (classic Mac OS line ends), so the whole file reads as one line of ${(30 + 30 * 2000 + 1).toLocaleString('en-US')} fields: re-save it with LF or CRLF line ends. Its first line names 31 columns: ${TWITTER_TWEET_COLUMNS.join(', ')}.`);
    // A byte-order mark alone, or with blank lines: no header row, said so.
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf]), enc.encode('\ufeff\n\n')]) {
      await expect(refuse('bom.csv', bytes)).rejects.toThrow(/^bom\.csv: no header row: the file holds only a byte-order mark, blank lines or spaces\. Nothing to import: is it the archive's file\?$/);
    }
    // Containers in containers, and a zip with no entries.
    await expect(refuse('zip.gz', new Uint8Array(gzipSync(zipSync({ 'users.csv': plain }))))).rejects.toThrow(
      'zip.gz: the content is a zip file inside another container (such as a zip inside a .gz), not CSV text;',
    );
    await expect(refuse('none.zip', zipSync({}))).rejects.toThrow(/^none\.zip: an empty zip file \(it has no entries\): nothing to import\.$/); // and nothing after: it is zip data
    await expect(refuse('empty.zip', zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow("empty.zip: the zip file contains no .csv entry (it holds 'a.txt').");
    // A spreadsheet saved as .xlsx, .ods or .numbers is a zip too: spreadsheetFiles.test.ts.
    // An unhashed set's .csv.gz zipped again: containers are opened one level deep, and the refusal says what to do.
    await expect(refuse('gz.zip', zipSync({ 'x_tweets_csv_unhashed.csv.gz': gzipSync(strToU8('a')) }))).rejects.toThrow(
      "gz.zip: the zip file contains no .csv entry (it holds 'x_tweets_csv_unhashed.csv.gz'). Compressed files inside a zip are not opened (one level only): unzip it and import x_tweets_csv_unhashed.csv.gz itself.",
    );
    await expect(refuse('broken.zip', enc.encode('PK\x03\x04garbage'))).rejects.toThrow('broken.zip: no zip entry could be read: the zip file is empty, damaged or truncated.');
    // Known by content, not name: random bytes named .gz are read as text, and the refusal says so.
    await expect(refuse('junk.gz', new Uint8Array([0x77, 0x7d, 0x50, 0x0d, 0xa4, 0xe2, 0x4b, 0xd9, 0x15, 0x3b, 0x91, 0x1d]))).rejects.toThrow(
      /^junk\.gz: .* It is named \.gz but is not gzip data \(no 1f 8b signature at its start\), so it was read as CSV text\.$/,
    );
    const many = zipSync(Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [`a/${i}.json`, strToU8('{}')])));
    await expect(refuse('m.zip', many)).rejects.toThrow("m.zip: the zip file contains no .csv entry (it holds 'a/1.json', 'a/2.json', 'a/3.json', 'a/4.json', 'a/5.json' and 2 more).");
    const zip = zipSync({ 'users.csv': plain });
    const damaged = zip.slice();
    damaged[30 + 'users.csv'.length] = 0x07; // the first deflate block: final, of the reserved (invalid) type
    await expect(refuse('d.zip', damaged)).rejects.toThrow('d.zip: zip entry users.csv is corrupt or password-protected (invalid block type).');
    // Methods fflate cannot read (bzip2, WinZip AES) are named, not reported as "e is not a constructor".
    for (const [method, what] of [[12, 'compressed with bzip2'], [99, 'encrypted (AES, password-protected)']] as const) {
      const other = zipSync({ 'users.csv': plain }, { level: 0 });
      const view = new DataView(other.buffer);
      view.setUint16(8, method, true); // the local header's compression method
      await expect(refuse('m.zip', other)).rejects.toThrow(
        `m.zip: zip entry users.csv is ${what}, which cannot be read: re-save the zip with standard (deflate) compression and no password, or import the CSV itself.`,
      );
    }
    await expect(refuse('cut.zip', zip.subarray(0, zip.length >> 1))).rejects.toThrow(/^cut\.zip: zip file is truncated or damaged \(.+\): a download or copy cut short\? Nothing of it was imported\. Fetch or copy the file again; `unzip -t` checks a zip\.$/);
    // A spreadsheet's semicolon "CSV" quoted field by field (as the real users file is): named as such, not as a stray quote.
    const semicolons = enc.encode(new TextDecoder().decode(readReal('ira_2018_users_csv_hashed_excerpt.csv')).replaceAll('","', '";"'));
    await expect(refuse('s.csv', semicolons)).rejects.toThrow(/^s\.csv: Unrecognised header .* Its fields are separated by semicolons, not commas/);
  });

  it('stops on abort', async () => {
    const ac = new AbortController();
    ac.abort(new Error('cancelled by user'));
    await expect(parseArchive(bytesSource('x.csv', plain), { signal: ac.signal })).rejects.toThrow('cancelled by user');
  });

  it('reports progress and hands batches of the requested size', async () => {
    const sizes: number[] = [];
    const progress: number[] = [];
    await parseArchive(bytesSource('u.csv', plain, 10_000), {
      batchSize: 100,
      onAccounts: (b) => void sizes.push(b.length),
      onProgress: (p) => void progress.push(p.bytes),
    });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(744);
    expect(sizes.slice(0, -1).every((s) => s >= 100)).toBe(true);
    expect(progress[progress.length - 1]).toBe(plain.length);
  });
});

describe('zip CRC-32', () => {
  it("refuses a zip whose entry's bytes no longer match the CRC-32 its central directory records (a damaged stored entry)", async () => {
    const csv = readReal('china_082019_1_users_csv_hashed.csv');
    const zip = zipSync({ 'users.csv': csv }, { level: 0 });
    const intact = await hashArchive(bytesSource('ok.zip', zip));
    expect(intact.entries.map((e) => e.entryName)).toEqual(['users.csv']);
    const damaged = zip.slice();
    damaged[30 + 'users.csv'.length + 5000] ^= 0x01; // a byte of the stored data
    await expect(hashArchive(bytesSource('bad.zip', damaged))).rejects.toThrow(
      /^bad\.zip: zip entry users\.csv fails its CRC-32 check \(the zip records [0-9a-f]{8}, its data gives [0-9a-f]{8}\): the zip file is damaged\.$/,
    );
    await expect(parseArchive(bytesSource('bad.zip', damaged))).rejects.toThrow('fails its CRC-32 check');
  });

  it('refuses a zip cut short (no end record) and one whose directory lists an entry whose data is missing; the whole zip imports', async () => {
    const files = { 'users.csv': readReal('china_082019_1_users_csv_hashed.csv'), 'tweets.csv': readReal('ira_2018_tweets_csv_hashed_excerpt.csv'), 'more.csv': readReal('ira_2018_users_csv_hashed_excerpt.csv') };
    const mtime = new Date('2024-01-01T00:00:00Z');
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { mtime }]])));
    const eocd = new DataView(zip.buffer, zip.byteOffset + zip.length - 22);
    const directoryAt = eocd.getUint32(16, true);
    const firstTwo = zipSync({ 'users.csv': [files['users.csv'], { mtime }], 'tweets.csv': [files['tweets.csv'], { mtime }] });
    const thirdAt = new DataView(firstTwo.buffer, firstTwo.byteOffset + firstTwo.length - 22).getUint32(16, true);
    expect((await hashArchive(bytesSource('whole.zip', zip))).entries.map((e) => e.entryName)).toEqual(['users.csv', 'tweets.csv', 'more.csv']);
    for (const [name, cut] of [['cut-at-entry-3.zip', zip.slice(0, thirdAt)], ['cut-in-header-3.zip', zip.slice(0, thirdAt + 10)], ['no-directory.zip', zip.slice(0, directoryAt)]] as const) {
      await expect(hashArchive(bytesSource(name, cut)), name).rejects.toThrow(`${name}: the zip has no end-of-archive record, so it is truncated or damaged`);
      await expect(parseArchive(bytesSource(name, cut)), name).rejects.toThrow('no end-of-archive record');
    }
    // The first two entries' data, then the directory (and end record) of all three.
    const spliced = new Uint8Array([...zip.subarray(0, thirdAt), ...zip.subarray(directoryAt)]);
    await expect(hashArchive(bytesSource('spliced.zip', spliced))).rejects.toThrow("spliced.zip: the zip's directory lists more.csv, whose data was not found: the zip is damaged.");
  });

  it('finds the directory of a zip64 archive (70,001 entries, as Python writes it) and checks its CRC-32 too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-zip64-'));
    const zip = path.join(dir, 'many.zip');
    const script = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED)',
      'z.write(sys.argv[2], "users.csv")',
      'for i in range(70000): z.writestr("f%d.txt" % i, "x")',
      'z.close()',
      'print(zipfile.ZipFile(sys.argv[1]).getinfo("users.csv").header_offset + 30 + len("users.csv"))',
    ].join('\n');
    const dataAt = Number(execFileSync('python3', ['-c', script, zip, realFixture('china_082019_1_users_csv_hashed.csv')]).toString().trim());
    const bytes = new Uint8Array(readFileSync(zip));
    const tail = new ZipTail();
    for (let i = 0; i < bytes.length; i += 65536) tail.push(bytes.subarray(i, i + 65536));
    expect((tail.centralCrcs() as Map<string, number[]>).size).toBe(70001);
    const damaged = bytes.slice();
    damaged[dataAt + 5000] ^= 0x01;
    await expect(hashArchive(bytesSource('many.zip', damaged))).rejects.toThrow(/^many\.zip: zip entry users\.csv fails its CRC-32 check/);
  }, 60_000);
});
