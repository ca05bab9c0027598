import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { hashArchive } from '../../../shared/archive/parseArchive';
import { bytesSource, readReal } from './helpers';

/** Pass 1 reads each entry's header row as a hint of its format (runImport imports users files first by it). */
describe('hashArchive headerFormat', () => {
  const users = readReal('china_082019_1_users_csv_hashed.csv');
  const ira = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
  const reddit = readReal('reddit_2018_suspiciousaccounts_seed.csv');

  it('names the format of a plain file, also when its header arrives in 7-byte chunks', async () => {
    for (const chunk of [64 * 1024, 7]) {
      const h = await hashArchive(bytesSource('anything.csv', users, chunk));
      expect(h.entries.map((e) => e.headerFormat)).toEqual(['twitter-io-users']);
    }
    expect((await hashArchive(bytesSource('x.csv', ira))).entries[0]!.headerFormat).toBe('twitter-io-tweets');
    expect((await hashArchive(bytesSource('x.csv', reddit))).entries[0]!.headerFormat).toBe('reddit-suspicious-accounts'); // headerless: its first row
  });

  it('names each entry of a zip in its order, and none for a CSV of unknown columns', async () => {
    const zip = zipSync({ 'b_tweets.csv': ira, 'a_users.csv': users, 'other.csv': strToU8('alpha,beta\n1,2\n') });
    const h = await hashArchive(bytesSource('set.zip', zip, 1000));
    expect(h.entries.map((e) => [e.entryName, e.headerFormat])).toEqual([
      ['b_tweets.csv', 'twitter-io-tweets'], ['a_users.csv', 'twitter-io-users'], ['other.csv', undefined],
    ]);
  });
});
