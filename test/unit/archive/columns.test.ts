import { describe, expect, it } from 'vitest';
import { tweetAt, tweetColumnsFrom } from '../../../shared/archive/columns';
import { parseReal } from './helpers';

describe('tweet columns', () => {
  it('tweetAt gives back every archived field of a pushed tweet (the pinned evidence), empty counts as null', async () => {
    for (const file of ['ira_2018_tweets_csv_hashed_excerpt.csv', 'fivethirtyeight_IRAhandle_tweets_1_excerpt.csv']) {
      const { tweets } = await parseReal(file);
      expect(tweets.length).toBeGreaterThan(1);
      const cols = tweetColumnsFrom(tweets);
      tweets.forEach((t, i) => expect(tweetAt(cols, i, t.userDisplayName)).toEqual(t));
    }
  });
});
