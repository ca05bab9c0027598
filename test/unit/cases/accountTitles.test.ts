import { describe, expect, it } from 'vitest';
import { accountTitle, tweetTitle } from '../../../renderer/src/pins/accountTitles';

describe('pin titles naming an account', () => {
  it('give the user id after the screen name, so lookalike names stay apart in a case', () => {
    const titles = ['newsagency', 'newsag\u0435ncy', 'news\u200Bagency', 'NewsAgency'].map((name, i) => tweetTitle('9000000000000000002', name, `111111111${i + 1}`));
    expect(titles[1]).toBe('Tweet 9000000000000000002 by @newsag\u0435ncy (user id 1111111112)');
    expect(titles.map((t) => /\(user id (\d+)\)$/.exec(t)?.[1])).toEqual(['1111111111', '1111111112', '1111111113', '1111111114']);
    expect(accountTitle('NewsAgency', '1111111114')).toBe('Account @NewsAgency (user id 1111111114)');
  });

  it('an account without a screen name is named by its id alone; a name with bidi controls is isolated', () => {
    expect(accountTitle('', '42')).toBe('Account 42');
    expect(tweetTitle('7', '', '42')).toBe('Tweet 7 by user id 42');
    expect(tweetTitle('7', 'ab\u202Ecd', '42')).toBe('Tweet 7 by @\u2068ab\u202Ecd\u2069 (user id 42)');
  });
});
