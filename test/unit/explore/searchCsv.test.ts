import { describe, expect, it } from 'vitest';
import { tweetColumnsFrom } from '../../../shared/archive/columns';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import type { Tweet } from '../../../shared/domain/tweet';
import { SEARCH_CSV_HEADER, searchCsvLine } from '../../../renderer/src/search/searchCsv';

const tweet: Tweet = {
  tweetid: '1141011536127115264', userid: '+QZhlUEz1nm6kiBVDSoPZIi8f5E6M1CwBPGzP1nIP7E=', userScreenName: '+QZhlUEz1nm6kiBVDSoPZIi8f5E6M1CwBPGzP1nIP7E=',
  userDisplayName: '', tweetLanguage: 'zh', tweetText: '香港 "警察",\r\n第二行 😀 می‌خواهم', tweetTime: Date.parse('2019-06-18T10:05:00Z') / 60_000,
  tweetClientName: 'Twitter for iPhone', inReplyToUserid: '', inReplyToTweetid: '', quotedTweetTweetid: '', isRetweet: true, retweetUserid: '',
  retweetTweetid: '1140000000000000001', retweetScreenName: 'HKpolice', latitude: 'absent', longitude: 'absent', quoteCount: null, replyCount: 0, likeCount: 12, retweetCount: null,
  hashtags: ['香港', "it's"], urls: ['https://example.com/a?b=1'], userMentions: ['0', '443196382'], pollChoices: [],
  provenance: { fileSha256: 'ab'.repeat(32), row: 7, byteOffset: 4_400_000_000, byteLength: 512 },
};

describe('search results as CSV', () => {
  it('reads back as archived: ids as text, lists as JSON, empty counts empty, the text exactly, the source bytes named', () => {
    const csv = SEARCH_CSV_HEADER + searchCsvLine(tweetColumnsFrom([tweet]), 0);
    const [header, row] = splitCsvBytes([new TextEncoder().encode(csv)]).map((r) => r.fields!);
    const get = (name: string) => row![header!.indexOf(name)];
    expect(get('tweetid')).toBe('1141011536127115264');
    expect(get('userid')).toBe(tweet.userid);
    expect(get('tweet_time')).toBe('2019-06-18 10:05');
    expect(get('tweet_text')).toBe(tweet.tweetText);
    expect(get('is_retweet')).toBe('true');
    expect(get('retweet_screen_name_from_text')).toBe('HKpolice');
    expect([get('quote_count'), get('reply_count'), get('like_count'), get('retweet_count')]).toEqual(['', '0', '12', '']);
    expect(JSON.parse(get('hashtags')!)).toEqual(['香港', "it's"]);
    expect(JSON.parse(get('user_mentions')!)).toEqual(['0', '443196382']);
    expect([get('source_file_sha256'), get('source_row'), get('source_byte_offset'), get('source_byte_length')]).toEqual(['ab'.repeat(32), '7', '4400000000', '512']);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
