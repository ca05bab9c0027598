import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { firstHeaderFormat } from '../../../shared/archive/headerFormat';
import { bytesSource, readReal } from './helpers';

/** Before hashing, the import reads only the start of each file to order users files first. */
describe('firstHeaderFormat', () => {
  const users = readReal('china_082019_1_users_csv_hashed.csv');
  const ira = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
  const reddit = readReal('reddit_2018_suspiciousaccounts_seed.csv');
  const peek = (name: string, bytes: Uint8Array, chunk?: number) => firstHeaderFormat(name, bytesSource(name, bytes, chunk).open());

  it('names the format of a plain file, also when its header arrives in 7-byte chunks', async () => {
    for (const chunk of [64 * 1024, 7]) expect(await peek('anything.csv', users, chunk)).toBe('twitter-io-users');
    expect(await peek('x.csv', ira)).toBe('twitter-io-tweets');
    expect(await peek('x.csv', reddit)).toBe('reddit-suspicious-accounts'); // headerless: its first row
  });

  it('names the first entry of a gzip or zip file', async () => {
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
