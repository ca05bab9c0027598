import { describe, expect, it } from 'vitest';
import {
  ArchiveFormatError, checkLooksLikeText, detectFormat, FIVETHIRTYEIGHT_COLUMNS, META_INDICATOR_COLUMNS,
  REDDIT_PRAW_COLUMNS, TWITTER_TWEET_COLUMNS, TWITTER_USER_COLUMNS,
} from '../../../shared/archive/detectFormat';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { readReal } from './helpers';

const headerOf = (name: string) => splitCsvBytes([readReal(name)])[0].fields as string[];

describe('detectFormat (from the header row only)', () => {
  it('recognises every real fixture by its header', () => {
    expect(detectFormat(headerOf('china_082019_1_users_csv_hashed.csv')).format).toBe('twitter-io-users');
    expect(detectFormat(headerOf('ira_2018_users_csv_hashed_excerpt.csv')).format).toBe('twitter-io-users');
    expect(detectFormat(headerOf('ira_2018_tweets_csv_hashed_excerpt.csv'))).toMatchObject({ format: 'twitter-io-tweets', version: '2018', hasHeader: true });
    expect(detectFormat(headerOf('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')).format).toBe('fivethirtyeight-ira-tweets');
    expect(detectFormat(headerOf('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')).format).toBe('fivethirtyeight-ira-tweets');
    expect(detectFormat(headerOf('reddit_2018_suspiciousaccounts_seed.csv'))).toMatchObject({ format: 'reddit-suspicious-accounts', hasHeader: false, columns: ['username', 'karma'] });
    expect(detectFormat(headerOf('reddit_2018_suspiciousaccounts_users_praw.csv')).format).toBe('reddit-praw-users');
    // Two numbers, or a name Reddit would not allow, are no Reddit list: the file is refused, not read as one.
    expect(() => detectFormat(['1', '2'])).toThrow();
    expect(() => detectFormat(['a_name_much_longer_than_twenty', '5'])).toThrow();
    expect(detectFormat(headerOf('meta_threat_research_2022_09_cib_china_russia_indicators.csv')).format).toBe('meta-indicators');
    expect(detectFormat(headerOf('meta_threat_research_Q2_2023_Spamouflage_China_CIB_killchain.csv')).format).toBe('meta-killchain');
    // header 'Tactic ,Technique,...' with a trailing space
    const q4 = detectFormat(headerOf('meta_threat_research_Q4_2024_China_CIB_killchain.csv'));
    expect(q4).toMatchObject({ format: 'meta-killchain', columns: ['Tactic', 'Technique', 'Procedure', 'Indicator'] });
  });

  it('tells 2019+ from 2018 column order and accepts 30 columns without poll_choices', () => {
    expect(detectFormat([...TWITTER_TWEET_COLUMNS]).version).toBe('2019+');
    // Another order names no release (it is still read by column name).
    expect(detectFormat([...TWITTER_TWEET_COLUMNS].reverse())).toMatchObject({ format: 'twitter-io-tweets', version: 'columns reordered' });
    const no = TWITTER_TWEET_COLUMNS.filter((c) => c !== 'poll_choices');
    expect(detectFormat(no)).toMatchObject({ format: 'twitter-io-tweets', version: '2019+' });
    expect(detectFormat(no).columns).toHaveLength(30);
    expect(detectFormat([...TWITTER_USER_COLUMNS].reverse()).format).toBe('twitter-io-users');
    expect(detectFormat([...FIVETHIRTYEIGHT_COLUMNS]).format).toBe('fivethirtyeight-ira-tweets');
    expect(detectFormat([...REDDIT_PRAW_COLUMNS]).format).toBe('reddit-praw-users');
    expect(detectFormat([...META_INDICATOR_COLUMNS]).format).toBe('meta-indicators');
  });

  it('rejects the 14-column notebook projection, naming the expected tweet columns', () => {
    const header = headerOf('china_082019_tweets_14col_projection_from_notebook.csv');
    expect(header).toHaveLength(14);
    let message = '';
    try {
      detectFormat(header);
    } catch (e) {
      expect(e).toBeInstanceOf(ArchiveFormatError);
      message = (e as Error).message;
    }
    expect(message).toContain('Closest known format: Twitter IO tweets');
    expect(message).toContain('Missing: user_profile_url, tweet_client_name, in_reply_to_userid');
    expect(message).toContain('retweet_userid');
  });

  it('names the closest format by fewest unexpected, then fewest missing names: a damaged users header is a users header', () => {
    const users = headerOf('china_082019_1_users_csv_hashed.csv');
    const messageOf = (h: string[]) => {
      try {
        detectFormat(h);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(messageOf(users.map((c) => (c === 'follower_count' ? 'followers_count' : c)))).toMatch(/Closest known format: Twitter IO users, .*Missing: follower_count\. Unexpected: followers_count\./);
    expect(messageOf([...users, 'extracol'])).toMatch(/Closest known format: Twitter IO users, .*Unexpected: extracol\./);
    const upper = messageOf(users.map((c) => c.toUpperCase()));
    expect(upper).toMatch(/Closest known format: Twitter IO users, /);
    expect(upper).toContain("Written otherwise than the format's: USERID, USER_DISPLAY_NAME");
    expect(upper).not.toContain('Missing:');
  });

  it('rejects unknown headers, duplicates and extra columns with the list of known formats', () => {
    expect(() => detectFormat(['foo', 'bar', 'baz'])).toThrow(/Unrecognised header \(3 columns: foo, bar, baz\).*Known formats: Twitter IO tweets/);
    expect(() => detectFormat([...TWITTER_USER_COLUMNS, 'extra'])).toThrow(/Unexpected: extra/);
    expect(() => detectFormat([...TWITTER_USER_COLUMNS.slice(0, 9), 'userid'])).toThrow(ArchiveFormatError);
    expect(() => detectFormat(['some user', '12'])).toThrow(ArchiveFormatError); // space: not a username
  });

  it('says which column a header repeats, and that a column name is empty (a trailing comma) or that the first line names no column', () => {
    expect(() => detectFormat([...TWITTER_USER_COLUMNS, 'userid'])).toThrow(/Closest known format: Twitter IO users, .*Repeated: userid \(each column may appear once\)\./);
    expect(() => detectFormat([...TWITTER_USER_COLUMNS, ''])).toThrow(/Twitter IO users, .*1 column name is empty \(a comma at the end of the header row\?\)\./);
    expect(() => detectFormat([...TWITTER_USER_COLUMNS, ''])).not.toThrow(/Unexpected: \./);
    expect(() => detectFormat(['  '])).toThrow(/Unrecognised header \(1 column: \)\. Its first line that is not blank names no column \(only spaces or commas\)\./);
  });

  it('a Reddit list given a header row (username,karma) is refused saying the list has none and to delete that line', () => {
    expect(() => detectFormat(['username', 'karma'])).toThrow(
      /Unrecognised header \(2 columns: username, karma\)\. The Reddit 2018 suspicious-accounts list has no header row: delete this first line and import the file again\./,
    );
  });

  it('refuses empty and binary content before parsing', () => {
    expect(() => checkLooksLikeText(new Uint8Array(0), 'x.csv')).toThrow(/x\.csv: the file is empty/);
    expect(() => checkLooksLikeText(new Uint8Array([0x50, 0x44, 0x00, 0x01]), 'x.csv')).toThrow(/binary content \(NUL byte at offset 2/);
    expect(() => checkLooksLikeText(new TextEncoder().encode('a,b\n'), 'x.csv')).not.toThrow();
  });

  it('names UTF-16 text and tab- or semicolon-separated headers (what spreadsheets save), with what to do', () => {
    const utf16 = (s: string, bom: number[], le: boolean) =>
      new Uint8Array([...bom, ...[...s].flatMap((c) => (le ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]))]);
    for (const bytes of [utf16('tweetid,userid\n', [0xff, 0xfe], true), utf16('tweetid,userid\n', [0xfe, 0xff], false), utf16('tweetid,userid\n', [], true)]) {
      expect(() => checkLooksLikeText(bytes, 'x.csv')).toThrow(/x\.csv: UTF-16 text .*re-save this one as "CSV UTF-8"/);
    }
    expect(() => checkLooksLikeText(new Uint8Array([0x50, 0x44, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]), 'x.csv')).toThrow(/binary content/);
    const names = ['tweetid', 'userid', 'user_display_name', 'user_screen_name'];
    expect(() => detectFormat([names.join('\t')])).toThrow(/Unrecognised header \(1 column: tweetid.*separated by tabs, not commas: re-save the file as comma-separated CSV/);
    expect(() => detectFormat([names.join(';')])).toThrow(/separated by semicolons, not commas/);
    expect(() => detectFormat(['foo', 'bar', 'baz'])).not.toThrow(/separated by/);
  });

  it('says a saved web page is one, and names no closest format from one generic column shared among several', () => {
    for (const first of ['<!DOCTYPE html>', '<html lang="en">', '<?xml version="1.0"?><Error>AccessDenied</Error>']) {
      expect(() => detectFormat([first])).toThrow(/It is a web page \(HTML or XML\), not a CSV file: a download that saved an error or sign-in page instead of the archive\? Fetch the file again\./);
    }
    expect(() => detectFormat(['html', 'body'])).not.toThrow(/web page/);
    // name, age, city shares only "name" with the praw harvest: no likeness to name.
    expect(() => detectFormat(['name', 'age', 'city'])).toThrow(/^Unrecognised header \(3 columns: name, age, city\)\. Known formats: /);
    // One column, or two of which one is known: still named.
    expect(() => detectFormat(['userid'])).toThrow(/Closest known format: Twitter IO users, /);
    expect(() => detectFormat(['userid', 'follower'])).toThrow(/Closest known format: Twitter IO users, /);
  });
});
