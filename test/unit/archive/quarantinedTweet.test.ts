import { describe, expect, it } from 'vitest';
import { tweetIdSet } from '../../../shared/archive/parseArchive';
import { conflictingTweetDetail, conflictingTweetId, readQuarantinedTweet, tweetDifferences } from '../../../shared/archive/quarantinedTweet';
import { TWITTER_TWEET_COLUMNS } from '../../../shared/archive/detectFormat';
import { splitFields } from '../../../shared/archive/csvRecords';
import { enc, parseBytes, quoteAll, readReal } from './helpers';
import { tweetHeader, tweetRow } from './synthetic';

const file = (lines: string[]) => enc.encode(lines.join('\n') + '\n');
const POLLS_LEFT_OUT = TWITTER_TWEET_COLUMNS.filter((c) => c !== 'poll_choices');
const RELEASE_2018 = TWITTER_TWEET_COLUMNS.map((c) => (c === 'in_reply_to_userid' ? 'in_reply_to_tweetid' : c === 'in_reply_to_tweetid' ? 'in_reply_to_userid' : c));

/** A file of one tweet and conflicting versions of it, parsed: its kept tweet, its quarantined rows and its receipt. */
async function conflicts(columns: readonly string[], versions: Parameters<typeof tweetRow>[0][]) {
  const parsed = await parseBytes('t.csv', file([tweetHeader(columns), tweetRow({ tweetid: '7' }, columns), ...versions.map((v) => tweetRow({ tweetid: '7', ...v }, columns))]), undefined, { seenTweets: tweetIdSet() });
  const receipt = parsed.receipts[0]!;
  const read = parsed.quarantined.map((q) => readQuarantinedTweet(q, receipt, conflictingTweetId(q.detail)!));
  return { kept: parsed.tweets[0]!, quarantined: parsed.quarantined, receipt, read };
}

describe('a conflicting duplicate tweet read again where it is shown', () => {
  it('the detail names the tweet id, and only a tweet conflict’s detail reads as one', () => {
    expect(conflictingTweetId(conflictingTweetDetail('1148217422006640640'))).toBe('1148217422006640640');
    expect(conflictingTweetId("userid '12' was read at row 1 with other values (differing: follower_count); the first is kept")).toBeUndefined();
  });

  it('reads the row with its file’s columns (2019+ with and without poll_choices, 2018 order) and names what differs', async () => {
    for (const columns of [TWITTER_TWEET_COLUMNS, POLLS_LEFT_OUT, RELEASE_2018]) {
      const { kept, read, receipt } = await conflicts(columns, [
        { tweet_text: 'نص آخر 🐝' }, { tweet_time: '2019-06-18 12:07' }, { userid: '747292706536226817' },
        { tweet_text: '香港', tweet_time: '2020-01-01 00:00', userid: '99' },
      ]);
      expect(receipt.formatVersion).toBe(columns === RELEASE_2018 ? '2018' : '2019+');
      const parts = read.map((r) => ('tweet' in r ? tweetDifferences(kept, r.tweet) : r.unread));
      expect(parts).toEqual([['text'], ['time'], ['account'], ['text', 'time', 'account']]);
    }
  });

  it('a FiveThirtyEight row (the real excerpt) under another account', async () => {
    const ira = new TextDecoder().decode(readReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')).split('\n');
    const third = splitFields(ira[3]!);
    third[15] = '42'; // alt_external_id
    const parsed = await parseBytes('fte.csv', enc.encode([...ira.filter((l) => l !== ''), quoteAll(third)].join('\n') + '\n'), undefined, { seenTweets: tweetIdSet() });
    const [q] = parsed.quarantined;
    expect(q).toMatchObject({ row: 12, reason: 'conflicting-duplicate' });
    const r = readQuarantinedTweet(q!, parsed.receipts[0]!, conflictingTweetId(q!.detail)!);
    expect('tweet' in r && tweetDifferences(parsed.tweets[2]!, r.tweet)).toEqual(['account']);
  });

  it('says why it cannot compare: columns in an order of their own, raw text kept only in part, a row not of its file’s columns', async () => {
    const reordered = [...TWITTER_TWEET_COLUMNS].reverse();
    const own = await conflicts(reordered, [{ tweet_text: 'other' }]);
    expect(own.receipt.formatVersion).toBe('columns reordered');
    expect(own.read).toEqual([{ unread: 'its file’s columns are in an order of their own, which is not kept, so its columns cannot be compared' }]);
    const long = await conflicts(TWITTER_TWEET_COLUMNS, [{ tweet_text: 'x'.repeat(3000) }]);
    expect(long.read).toEqual([{ unread: 'its raw text is kept only in part (its first 2,000 characters), so its columns cannot be compared' }]);
    const { quarantined, receipt } = await conflicts(TWITTER_TWEET_COLUMNS, [{ tweet_text: 'other' }]);
    expect(readQuarantinedTweet(quarantined[0]!, receipt, '8')).toEqual({ unread: 'its raw text does not read as a tweet row of its file’s columns, so its columns cannot be compared' });
    expect(readQuarantinedTweet(quarantined[0]!, { ...receipt, format: 'twitter-io-users', formatVersion: '' }, '7')).toMatchObject({ unread: expect.any(String) });
  });
});
