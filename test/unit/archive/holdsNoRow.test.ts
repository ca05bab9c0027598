import { describe, expect, it } from 'vitest';
import { holdsNoRow } from '../../../shared/archive/holdsNoRow';
import { enc, readReal } from './helpers';

describe('holdsNoRow (a zip entry pass 1 compares with no other)', () => {
  const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
  const header = tweets.subarray(0, tweets.indexOf(0x0a) + 1);

  it('is true of what the parse reads no row of: nothing, blank lines, a header alone, a line it refuses as a header', () => {
    expect(holdsNoRow(new Uint8Array(0))).toBe(true);
    expect(holdsNoRow(enc.encode('\n\r\n,,,\n'))).toBe(true);
    expect(holdsNoRow(header)).toBe(true);
    expect(holdsNoRow(new Uint8Array([...header, ...enc.encode('\n,,\n')]))).toBe(true);
    expect(holdsNoRow(header.subarray(0, header.length - 1))).toBe(true); // no final line end
    expect(holdsNoRow(enc.encode('name,age\n'))).toBe(true);
  });

  it('is false of a row, of a header repeated (never a guess), and of a line of the headerless Reddit list', () => {
    expect(holdsNoRow(tweets)).toBe(false);
    expect(holdsNoRow(new Uint8Array([...header, ...header]))).toBe(false);
    expect(holdsNoRow(enc.encode('BlackToLive,-16\n'))).toBe(false);
  });
});
