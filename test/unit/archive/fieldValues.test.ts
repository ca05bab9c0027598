import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIsoDate, hashtagsFromText, readCoordinate, readCount, readList, readUsMinute, readIsoMinute, readBoolean, readPollChoices, RowRejection } from '../../../shared/archive/fieldValues';
import { refang } from '../../../shared/archive/normalizeIndicator';
import { emptyTweetColumns, pushTweet, tweetColumnsFrom } from '../../../shared/archive/columns';
import type { Tweet } from '../../../shared/domain/tweet';

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof RowRejection ? e.reason : 'other';
  }
  return 'none';
};

describe('field values', () => {
  it('reads both list styles and empty lists', () => {
    expect(readList('hashtags', "['金鐘', '外國勢力']")).toEqual(['金鐘', '外國勢力']);
    expect(readList('hashtags', '[443196382, 12]')).toEqual(['443196382', '12']);
    expect(readList('hashtags', '[http://a.b/c]')).toEqual(['http://a.b/c']);
    expect(readList('hashtags', '[2572896396]')).toEqual(['2572896396']);
    // A bare URL keeps its commas; bare items are separated by a comma and a space.
    expect(readList('urls', '[https://www.google.com/maps/@30.0444,31.2357,12z]')).toEqual(['https://www.google.com/maps/@30.0444,31.2357,12z']);
    expect(readList('urls', '[https://ar.wikipedia.org/wiki/القاهرة,_مصر, http://a.b/c]')).toEqual(['https://ar.wikipedia.org/wiki/القاهرة,_مصر', 'http://a.b/c']);
    expect(readList('hashtags', '[MAGA, tcot,news]')).toEqual(['MAGA', 'tcot', 'news']);
    expect(readList('hashtags', '[]')).toEqual([]);
    expect(readList('hashtags', '')).toEqual([]);
    expect(readList('hashtags', `['http://x.com/a,b', "it's"]`)).toEqual(['http://x.com/a,b', "it's"]);
    // Cut short (a damaged cell): quarantined with the reason, never read as items.
    expect(() => readList('hashtags', "['a', 'b")).toThrow(RowRejection);
    expect(() => readList('urls', 'http://a.b/c]')).toThrow(RowRejection);
    expect(() => readList('hashtags', "['unterminated")).toThrow(
      expect.objectContaining({ reason: 'invalid-value', detail: "hashtags '['unterminated' is not a list: its brackets do not match" }),
    );
    expect(() => readList('hashtags', "['a', 'b]")).toThrow(expect.objectContaining({ detail: "hashtags '['a', 'b]' is not a list: a quoted item does not end" }));
    // Text after a closing quote (a damaged cell) would be dropped: quarantined instead.
    for (const damaged of ["['a' 'b']", "['it''s']", "['a'junk, 'b']"]) {
      expect(() => readList('hashtags', damaged), damaged).toThrow(expect.objectContaining({ detail: `hashtags '${damaged}' is not a list: text follows a quoted item before the next comma` }));
    }
    expect(readList('hashtags', "['a' , 'b' ]")).toEqual(['a', 'b']);
    // No brackets at all is neither list style ('金鐘, 外國勢力' is one cell's text, not two items read by guess).
    for (const bare of ['金鐘, 外國勢力', 'http://a.b/c', '443196382']) {
      expect(() => readList('hashtags', bare), bare).toThrow(expect.objectContaining({ reason: 'invalid-value', detail: `hashtags '${bare}' is not a list: it has no brackets ([...] or [])` }));
    }
  });

  it("decodes the escapes of Python's repr in quoted list items", () => {
    // Pasted from python3: repr(['می\u200cخواهم', 'tab\tx', 'line\nbreak\r', 'nb\xa0sp', 'rtl\u200fmark', 'bell\x07del\x7f', 'tag\U000e0001', "it's", 'both\'"', 'back\\slash'])
    const repr = String.raw`['می\u200cخواهم', 'tab\tx', 'line\nbreak\r', 'nb\xa0sp', 'rtl\u200fmark', 'bell\x07del\x7f', 'tag\U000e0001', "it's", 'both\'"', 'back\\slash']`;
    expect(readList('hashtags', repr)).toEqual([
      'می\u200cخواهم', 'tab\tx', 'line\nbreak\r', 'nb\u00a0sp', 'rtl\u200fmark', 'bell\u0007del\u007f', 'tag\u{e0001}', "it's", 'both\'"', 'back\\slash',
    ]);
    // Persian hashtags with the zero-width non-joiner, as the 2019+ files write them: the ZWNJ, not 'u200c'.
    expect(readList('hashtags', String.raw`['نه\u200cبه\u200cجنگ', 'می\u200cخواهم']`)).toEqual(['نه\u200cبه\u200cجنگ', 'می\u200cخواهم']);
    // Beyond the BMP (as ascii() or an older Python writes an emoji): one code point, a proper surrogate pair.
    const [emoji] = readList('hashtags', String.raw`['\U0001f600x']`);
    expect(emoji).toBe('😀x');
    expect([...emoji!].map((c) => c.codePointAt(0))).toEqual([0x1f600, 0x78]);
    // The item's own quote, in a double-quoted item too; hex digits in either case; an escape at each end of an item.
    expect(readList('hashtags', String.raw`["say \"hi\"", '\'', '\\', '\t\u200C\n']`)).toEqual(['say "hi"', "'", '\\', '\t\u200c\n']);
    // 2018 lists have no inner quotes and no escapes: a backslash is text.
    expect(readList('urls', String.raw`[http://a.b/c\u200c, MAGA\t]`)).toEqual([String.raw`http://a.b/c\u200c`, String.raw`MAGA\t`]);
    expect(readList('hashtags', '[MAGA, tcot]')).toEqual(['MAGA', 'tcot']);
  });

  it('quarantines a quoted list item with an escape Python never writes', () => {
    const cases: [string, string][] = [
      [String.raw`['a\q']`, String.raw`\q in item 1 is not an escape Python writes`],
      [String.raw`['ok', 'a\x4']`, String.raw`\x4 in item 2 is not an escape Python writes (\x takes 2 hex digits)`],
      [String.raw`['\u20c']`, String.raw`\u20c in item 1 is not an escape Python writes (\u takes 4 hex digits)`],
      [String.raw`['\U0001f60']`, String.raw`\U0001f60 in item 1 is not an escape Python writes (\U takes 8 hex digits)`],
      [String.raw`['\xg1']`, String.raw`\x in item 1 is not an escape Python writes (\x takes 2 hex digits)`],
      [String.raw`['\U00110000']`, String.raw`\U00110000 in item 1 is beyond Unicode (U+10FFFF)`],
      [String.raw`['\ud83d\ude00']`, String.raw`\ud83d in item 1 is half of a UTF-16 surrogate pair, not a character`],
      // Python escapes only the item's own quote.
      [String.raw`['say \"hi\"']`, String.raw`\" in item 1 is not an escape Python writes`],
      [String.raw`["it\'s"]`, String.raw`\' in item 1 is not an escape Python writes`],
      [String.raw`['\a\0']`, String.raw`\a in item 1 is not an escape Python writes`],
      ['[\'a\\😀\']', '\\😀 in item 1 is not an escape Python writes'],
    ];
    for (const [cell, why] of cases) {
      expect(() => readList('hashtags', cell), cell).toThrow(expect.objectContaining({ reason: 'invalid-value', detail: `hashtags '${cell}' is not a list: ${why}` }));
    }
    // A backslash before the closing quote escapes it: the item does not end.
    expect(() => readList('hashtags', String.raw`['a\']`)).toThrow(expect.objectContaining({ detail: String.raw`hashtags '['a\']' is not a list: a quoted item does not end` }));
  });

  it("reads back what python3's repr writes for any list of strings", () => {
    // Python itself writes the cells (the tool that made the 2019+ files): control characters,
    // format characters, quotes, backslashes and code points of every plane.
    const special = fc.constantFrom("'", '"', '\\', '\n', '\r', '\t', '\u200c', '\u200d', '\u200f', '\u202e', '\u00a0', '\u00ad', '\u0007', '\u007f', '\u0085', '\u{e0001}', '\u{f0000}', '😀', 'ی', ',', ' ', ']');
    const item = fc.string({ unit: fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
    const lists = fc.sample(fc.array(item, { maxLength: 5 }), { numRuns: 400, seed: 20261201 });
    const reprs = execFileSync('python3', ['-c', 'import json,sys\nfor l in json.load(sys.stdin): print(repr(l))'], {
      input: JSON.stringify(lists), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    }).split('\n');
    expect(reprs.filter((r) => r.includes('\\')).length).toBeGreaterThan(100);
    lists.forEach((items, k) => expect(readList('hashtags', reprs[k]!), reprs[k]).toEqual(items));
  });

  it('reads hashtags from text as Twitter counts them (formats with no hashtags column)', () => {
    expect(hashtagsFromText('#BoycottNFL now, #StandForOurAnthem! #1 a#b &#39; http://x.y/#frag ＃香港 #非法禁錮 #_x #تست')).toEqual(
      ['BoycottNFL', 'StandForOurAnthem', '香港', '非法禁錮', '_x', 'تست'],
    );
    expect(hashtagsFromText('no tags')).toEqual([]);
    // A Persian hashtag holds its zero-width non-joiner (می‌خواهم), as Twitter counts it.
    expect(hashtagsFromText('#می\u200cخواهم و #a\u200db')).toEqual(['می\u200cخواهم', 'a\u200db']);
  });

  it('round-trips any Python-repr list of strings (property)', () => {
    const pyrepr = (items: string[]) =>
      '[' + items.map((s) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)).join(', ') + ']';
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { maxLength: 6 }), (items) => {
      expect(readList('hashtags', pyrepr(items))).toEqual(items);
    }));
  });

  it('reads times in UTC and rejects impossible ones', () => {
    expect(readIsoMinute('t', '2019-06-18 12:06')).toBe(Date.UTC(2019, 5, 18, 12, 6) / 60000);
    expect(readIsoMinute('t', '2016-02-29 00:00')).toBe(Date.UTC(2016, 1, 29) / 60000);
    for (const bad of ['2019-02-30 10:00', '2019-02-03 25:61', '2019-13-01 00:00', '2019-06-18T12:06', '2019-06-18 12:06:00', '']) {
      expect(reason(() => readIsoMinute('t', bad))).toBe('impossible-date');
    }
    expect(readUsMinute('p', '10/1/2017 19:58')).toBe(Date.UTC(2017, 9, 1, 19, 58) / 60000);
    expect(readUsMinute('p', '10/1/17 19:58')).toBe(Date.UTC(2017, 9, 1, 19, 58) / 60000);
    expect(reason(() => readUsMinute('p', '2/30/2017 1:00'))).toBe('impossible-date');
    expect(() => readUsMinute('p', '2017-10-01 19:58')).toThrow(
      expect.objectContaining({ reason: 'impossible-date', detail: "p '2017-10-01 19:58' is not M/D/YYYY H:MM (or M/D/YY H:MM, a spreadsheet's re-save)" }),
    );
    // Before Twitter: damage, never read as another year (0019 was read as 1919).
    for (const bad of ['0019-01-01 00:00', '0000-01-01 00:00', '1969-12-31 23:59', '2005-12-31 23:59']) {
      expect(() => readIsoMinute('t', bad)).toThrow(expect.objectContaining({ reason: 'impossible-date', detail: `t '${bad}' is before Twitter existed (2006)` }));
    }
    expect(reason(() => checkIsoDate('d', '1970-01-01'))).toBe('impossible-date');
    expect(readIsoMinute('t', '2006-01-01 00:00')).toBe(Date.UTC(2006, 0, 1) / 60000);
    // After the (UTC) day it is read: damage too (a two-digit 99 is not 2099).
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const bad of [`${tomorrow} 00:00`, '2099-01-01 00:00']) {
      expect(() => readIsoMinute('t', bad)).toThrow(expect.objectContaining({ reason: 'impossible-date', detail: `t '${bad}' is after the day it was read (${today}, UTC)` }));
    }
    expect(readIsoMinute('t', `${today} 23:59`)).toBe(Date.parse(`${today}T23:59:00Z`) / 60000);
    expect(reason(() => readUsMinute('p', '10/1/99 19:58'))).toBe('impossible-date');
    expect(reason(() => checkIsoDate('d', '2099-01-01'))).toBe('impossible-date');
    expect(readIsoMinute('t', `${today} 00:00`)).toBe(Date.parse(`${today}T00:00:00Z`) / 60000);
  });

  it('reads YYYY-MM-DD HH:MM and YYYY-MM-DD exactly as their regular expressions do (property)', () => {
    // The rules as written before the parsers read character codes: a regular expression, then the same date checks.
    const byRegex = (v: string, time: boolean): number | 'rejected' => {
      const m = (time ? /^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2})$/ : /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/).exec(v);
      if (!m) return 'rejected';
      const [y, mo, d, h, mi] = [+m[1]!, +m[2]!, +m[3]!, time ? +m[4]! : 0, time ? +m[5]! : 0];
      const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
      const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
      if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || y < 2006) return 'rejected';
      if (Date.UTC(y, mo - 1, d, h, mi) > Date.now() + 86_400_000) return 'rejected';
      return time ? Date.UTC(y, mo - 1, d, h, mi) / 60000 : 0;
    };
    const read = (f: () => number | string): number | 'rejected' => {
      try {
        const v = f();
        return typeof v === 'string' ? 0 : v;
      } catch (e) {
        if (e instanceof RowRejection) return 'rejected';
        throw e;
      }
    };
    const chars = fc.constantFrom('0', '1', '2', '3', '5', '9', '-', ' ', ':', 'T', '٣', '/');
    const time = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
        .map(([y, mo, d, h, mi]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`),
      fc.array(chars, { minLength: 14, maxLength: 17 }).map((a) => a.join('')),
    );
    // Valid times with one character replaced: every position's check is exercised.
    const mutated = fc.tuple(time, fc.nat(15), chars).map(([v, i, c]) => v.slice(0, i) + c + v.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(time, mutated), (v) => {
        expect([v, read(() => readIsoMinute('t', v))]).toEqual([v, byRegex(v, true)]);
        const date = v.slice(0, 10);
        expect([date, read(() => checkIsoDate('d', date))]).toEqual([date, byRegex(date, false)]);
      }),
      { numRuns: 3000 },
    );
    expect(checkIsoDate('d', '')).toBe('');
  });

  it('reads counts as the rule /^[0-9]{1,10}$/ up to 2^31 - 1, and rejects the rest (property)', () => {
    const byRegex = (v: string): number | null | 'rejected' =>
      v === '' ? null : /^[0-9]{1,10}$/.test(v) && Number(v) <= 2147483647 ? Number(v) : 'rejected';
    const read = (v: string) => {
      try {
        return readCount('c', v);
      } catch (e) {
        if (e instanceof RowRejection) return 'rejected';
        throw e;
      }
    };
    const value = fc.oneof(
      fc.stringMatching(/^[0-9]{0,12}$/),
      fc.constantFrom('2147483647', '2147483648', '0000000001', '-1', '1.5', '1e3', ' 1', '١٢', '+1'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect([v, read(v)]).toEqual([v, byRegex(v)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('booleans are case-insensitive; poll choices split on |', () => {
    expect(['true', 'True', 'TRUE', 'false', 'False'].map((v) => readBoolean('b', v))).toEqual([true, true, true, false, false]);
    expect(reason(() => readBoolean('b', ''))).toBe('invalid-value');
    expect(readPollChoices('Yes|No')).toEqual(['Yes', 'No']);
    expect(readPollChoices('')).toEqual([]);
  });

  it('refangs defanged URLs and domains only', () => {
    expect(refang('example[.]com')).toBe('example.com');
    expect(refang('hxxps://bad[.]site/path?q=1')).toBe('https://bad.site/path?q=1');
    expect(refang('954 Facebook Pages')).toBe('');
    expect(refang('123456789')).toBe('');
    // Internationalised domains, as published.
    expect(refang('مثال[.]شبكة')).toBe('مثال.شبكة');
    expect(refang('hxxp://例子[.]中国/路径')).toBe('http://例子.中国/路径');
    expect(refang('Наш Город')).toBe('');
  });
});

describe('TweetColumns', () => {
  const t = (id: string, likes: number | null): Tweet => ({
    tweetid: id, userid: 'u', userScreenName: 's', userDisplayName: 'd', tweetLanguage: 'zh', tweetText: 'x', tweetTime: 25_000_000,
    tweetClientName: '', inReplyToUserid: '', inReplyToTweetid: '', quotedTweetTweetid: '', isRetweet: true, retweetUserid: '',
    retweetTweetid: '', retweetScreenName: '', latitude: '', longitude: '', quoteCount: null, replyCount: 0, likeCount: likes,
    retweetCount: 1, hashtags: ['a'], urls: [], userMentions: [], pollChoices: [],
    provenance: { fileSha256: 'f', row: 7, byteOffset: 5_000_000_000, byteLength: 9 },
  });

  it('packs tweets as columns (-1 for empty counts, ids stay strings, offsets beyond 4 GB)', () => {
    const cols = tweetColumnsFrom([t('1148217422006640640', null), t('2', 5)]);
    expect(cols.length).toBe(2);
    expect(cols.tweetid).toEqual(['1148217422006640640', '2']);
    expect([...cols.likeCount]).toEqual([-1, 5]);
    expect([...cols.quoteCount]).toEqual([-1, -1]);
    expect([...cols.isRetweet]).toEqual([1, 1]);
    expect(cols.byteOffset[0]).toBe(5_000_000_000);
    expect(cols.tweetTime.length).toBe(2);
    const grown = emptyTweetColumns();
    for (let i = 0; i < 1000; i++) pushTweet(grown, t(String(i), i));
    expect(grown.length).toBe(1000);
    expect(grown.likeCount[999]).toBe(999);
    expect(grown.row[500]).toBe(7);
  });
});

describe('readCoordinate', () => {
  it('keeps numbers on the globe, absent, present and empty; quarantines a latitude beyond ±90 or a longitude beyond ±180', () => {
    for (const [col, v] of [['latitude', '22.3'], ['latitude', '-90'], ['latitude', '90.0'], ['longitude', '-180'], ['longitude', '114.17'], ['latitude', 'absent'], ['longitude', 'present'], ['latitude', '']]) {
      expect(readCoordinate(col!, v!)).toBe(v);
    }
    expect(reason(() => readCoordinate('latitude', '123.4'))).toBe('invalid-number');
    expect(reason(() => readCoordinate('latitude', '-90.5'))).toBe('invalid-number');
    expect(reason(() => readCoordinate('longitude', '500'))).toBe('invalid-number');
    expect(() => readCoordinate('latitude', '123.4')).toThrow(expect.objectContaining({ detail: "latitude '123.4' is beyond ±90 degrees" }));
  });
});
