import { describe, expect, it } from 'vitest';
import { accountTitle, edgeAccountsTitle, tweetTitle } from '../../../renderer/src/pins/accountTitles';

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

  it('a hashed account, whose screen name is its user id, is named once', () => {
    // As the 2019+ releases publish them: user_screen_name holds the same hash as userid.
    const hex = 'a3f1c2e4b5d60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const b64 = 'Jm9kbW5vYmFyYmF6cXV4Y29ycmVjdGhvcnNlYmF0dGVy=';
    expect(accountTitle(hex, hex)).toBe(`Account ${hex}`);
    expect(tweetTitle('7', b64, b64)).toBe(`Tweet 7 by user id ${b64}`);
    expect(edgeAccountsTitle({ screenName: hex, id: hex }, { screenName: 'newsagency', id: '42' }, true)).toBe(`user id ${hex} → @newsagency (user id 42)`);
    // Each id is given whole, exactly once.
    for (const t of [accountTitle(hex, hex), tweetTitle('7', hex, hex), edgeAccountsTitle({ screenName: hex, id: hex }, { screenName: hex, id: hex }, false)]) {
      expect(t.split(hex).length - 1).toBe(t.includes('—') ? 2 : 1);
    }
  });
});
