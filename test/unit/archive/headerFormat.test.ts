import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { firstHeaderFormat } from '../../../shared/archive/headerFormat';
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

/** Before hashing, the import reads only the start of each file to order users files first. */
describe('firstHeaderFormat', () => {
  const users = readReal('china_082019_1_users_csv_hashed.csv');
  const ira = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
  const peek = (name: string, bytes: Uint8Array, chunk?: number) => firstHeaderFormat(name, bytesSource(name, bytes, chunk).open());

  it('names the first entry of a plain, gzip or zip file, in chunks as small as 7 bytes', async () => {
    expect(await peek('a.csv', users, 7)).toBe('twitter-io-users');
    expect(await peek('a.csv.gz', gzipSync(ira), 100)).toBe('twitter-io-tweets');
    expect(await peek('set.zip', zipSync({ 'b_tweets.csv': ira, 'a_users.csv': users }), 1000)).toBe('twitter-io-tweets');
  });

  it('reads the start only: a file whose later bytes are corrupt still names its header', async () => {
    const broken = new Uint8Array(users.length + 200_000);
    broken.set(users.subarray(0, 5000));
    broken.fill(0, 5000); // NUL bytes: the parse refuses this file, the peek has stopped long before
    expect(await peek('a.csv', broken)).toBe('twitter-io-users');
  });

  it('gives undefined, not an error, for what is no archive', async () => {
    expect(await peek('empty.csv', new Uint8Array(0))).toBeUndefined();
    expect(await peek('x.csv', strToU8('alpha,beta\n1,2\n'))).toBeUndefined();
    expect(await peek('bad.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5]))).toBeUndefined();
  });
});
