import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readList, readUsMinute, readIsoMinute, readBoolean, readPollChoices, RowRejection } from '../../../shared/archive/fieldValues';
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
    expect(readList("['金鐘', '外國勢力']")).toEqual(['金鐘', '外國勢力']);
    expect(readList('[443196382, 12]')).toEqual(['443196382', '12']);
    expect(readList('[http://a.b/c]')).toEqual(['http://a.b/c']);
    expect(readList('[2572896396]')).toEqual(['2572896396']);
    expect(readList('[]')).toEqual([]);
    expect(readList('')).toEqual([]);
    expect(readList(`['http://x.com/a,b', "it's"]`)).toEqual(['http://x.com/a,b', "it's"]);
  });

  it('round-trips any Python-repr list of strings (property)', () => {
    const pyrepr = (items: string[]) =>
      '[' + items.map((s) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)).join(', ') + ']';
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { maxLength: 6 }), (items) => {
      expect(readList(pyrepr(items))).toEqual(items);
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
