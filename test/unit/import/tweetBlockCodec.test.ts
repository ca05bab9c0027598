import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { tweetAt, tweetColumnsFrom } from '../../../shared/archive/columns';
import type { Tweet } from '../../../shared/domain/tweet';
import { decodeTweetColumns, decodeTweetRows, encodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';

describe('tweet block codec', () => {
  it('stores the demo columns and reads them back exactly (through a structured clone, as IndexedDB does)', () => {
    const { columns } = demoTweetColumns({ tweets: 2000, seed: 5 });
    const stored = structuredClone(encodeTweetColumns(columns));
    expect(decodeTweetColumns(stored)).toEqual(columns);
    // Repeated values are stored once: far fewer account ids than rows.
    expect(stored.userid.values.ends.length).toBeLessThan(columns.length / 2);
    expect(stored.fileSha256.values.ends.length).toBe(1);
  });

  it('keeps empty strings, empty lists, U+0000, surrogate pairs, RTL and CJK text exactly', () => {
    const times = [26000000, 26000001, 26000001, 25999000];
    const rows: Tweet[] = [];
    const texts = ['', 'a\u0000b', '🇭🇰 🤦‍♀️ \ud83d', 'مرحبا שלום 香港'];
    for (let i = 0; i < 4; i++) {
      rows.push({
        tweetid: String(900 + i), userid: i % 2 ? '' : 'u', userScreenName: texts[i]!, userDisplayName: '', tweetLanguage: 'und',
        tweetText: texts[3 - i]!, tweetTime: times[i]!, tweetClientName: '', inReplyToUserid: '', inReplyToTweetid: '',
        quotedTweetTweetid: '', isRetweet: i === 1, retweetUserid: '', retweetTweetid: '', retweetScreenName: '', latitude: 'absent',
        longitude: 'absent', quoteCount: null, replyCount: 3, likeCount: 0, retweetCount: null,
        hashtags: i === 2 ? [] : [texts[i]!, texts[i]!, 'x'], urls: [], userMentions: [''], pollChoices: [],
        provenance: { fileSha256: 'f', row: i + 1, byteOffset: 1e10 + i, byteLength: 7 },
      });
    }
    const columns = tweetColumnsFrom(rows);
    expect(decodeTweetColumns(structuredClone(encodeTweetColumns(columns)))).toEqual(columns);
  });
});

describe('decodeTweetRows', () => {
  it('decodes the rows asked for, in that order, as the whole block decodes them', () => {
    const { columns } = demoTweetColumns({ tweets: 2000, seed: 5 });
    const stored = encodeTweetColumns(columns);
    const whole = decodeTweetColumns(stored);
    const rows = [1999, 0, 1000, 3];
    const some = decodeTweetRows(stored, rows);
    expect(some.length).toBe(4);
    expect(rows.map((_, j) => tweetAt(some, j))).toEqual(rows.map((i) => tweetAt(whole, i)));
    expect(some.byteOffset).toBeInstanceOf(Float64Array);
  });
});
