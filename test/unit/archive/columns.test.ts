import { describe, expect, it } from 'vitest';
import { tweetAt, tweetColumnsFrom } from '../../../shared/archive/columns';
import { parseReal } from './helpers';
import { tweetFingerprint } from '../../../shared/archive/tweetFingerprint';
import { decodeTweetColumns, encodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';

describe('tweet columns', () => {
  it('tweetAt gives back every archived field of a pushed tweet (the pinned evidence), empty counts as null', async () => {
    for (const file of ['ira_2018_tweets_csv_hashed_excerpt.csv', 'fivethirtyeight_IRAhandle_tweets_1_excerpt.csv']) {
      const { tweets } = await parseReal(file);
      expect(tweets.length).toBeGreaterThan(1);
      const cols = tweetColumnsFrom(tweets);
      tweets.forEach((t, i) => expect(tweetAt(cols, i, t.userDisplayName)).toEqual(t));
    }
  });

  it('a tweet\'s content fingerprint is the same from the parsed row and from stored columns (as compared when files are added to a dataset)', async () => {
    const { tweets } = await parseReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    const { tweets: more } = await parseReal('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv');
    const all = [...tweets, ...more];
    const stored = decodeTweetColumns(encodeTweetColumns(tweetColumnsFrom(all)));
    all.forEach((t, i) => expect(tweetFingerprint(tweetAt(stored, i))).toBe(tweetFingerprint(t)));
    // Its text, time or author changes it; counts, linked tweets, lists and the account's columns do not.
    const t = all[0]!;
    const fp = tweetFingerprint(t);
    // Another author of the same length (two 19-digit ids) is another tweet too.
    const otherAuthor = t.userid.replace(/.$/, (c) => (c === '1' ? '2' : '1'));
    for (const changed of [{ tweetText: t.tweetText + ' ' }, { tweetTime: t.tweetTime + 1 }, { userid: otherAuthor }]) {
      expect(tweetFingerprint({ ...t, ...changed })).not.toBe(fp);
    }
    for (const same of [{ likeCount: (t.likeCount ?? 0) + 1 }, { hashtags: [...t.hashtags, 'x'] }, { retweetTweetid: '1' }, { userDisplayName: 'someone else' }]) {
      expect(tweetFingerprint({ ...t, ...same })).toBe(fp);
    }
    expect(new Set(all.map(tweetFingerprint)).size).toBe(new Set(all.map((x) => x.tweetid)).size);
  });
});
