import { describe, expect, it } from 'vitest';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { parseArchive } from '../../../shared/archive/parseArchive';
import { parseBytes, readReal, bytesSource } from './helpers';
import { tweetHeader, tweetRow, type TweetFields } from './synthetic';

/**
 * The 14-column notebook projection is not a known header (refused), but its values are real:
 * re-serialise them into full 31-column rows and check they survive the tweet normaliser.
 */
describe('china 14-column projection: values survive the tweet normaliser', () => {
  const name = 'china_082019_tweets_14col_projection_from_notebook.csv';
  const bytes = readReal(name);
  const [header, ...rows] = splitCsvBytes([bytes]).map((r) => r.fields as string[]);

  it('is refused as a file, naming the expected tweet columns', async () => {
    await expect(parseArchive(bytesSource(name, bytes))).rejects.toThrow(/Closest known format: Twitter IO tweets.*Missing: user_profile_url/);
  });

  it('its 100 rows, re-serialised as 31 columns, normalise with text, ids, times and lists intact', async () => {
    expect(rows).toHaveLength(100);
    const full = [tweetHeader(), ...rows.map((r) => tweetRow(Object.fromEntries(header.map((h, i) => [h, r[i]])) as TweetFields))].join('\n') + '\n';
    const { tweets, accounts, receipts, quarantined } = await parseBytes('rebuilt.csv', new TextEncoder().encode(full), 4099);
    expect(quarantined).toEqual([]);
    expect(receipts[0].rowsStored).toBe(100);
    const col = (h: string) => header.indexOf(h);
    tweets.forEach((t, i) => {
      const r = rows[i];
      expect(t.tweetid).toBe(r[col('tweetid')]);
      expect(t.userid).toBe(r[col('userid')]);
      expect(t.tweetText).toBe(r[col('tweet_text')]);
      const [d, hm] = r[col('tweet_time')].split(' ');
      expect(new Date(t.tweetTime * 60000).toISOString()).toBe(`${d}T${hm}:00.000Z`);
    });
    expect(tweets.filter((t) => t.tweetText.includes('\n'))).toHaveLength(30);
    const withTags = tweets.find((t) => t.hashtags.includes('外國勢力'));
    expect(withTags?.hashtags).toContain('金鐘');
    // hashed userids (b64hash), all joining the users file of the same set
    const users = await parseBytes('u.csv', readReal('china_082019_1_users_csv_hashed.csv'));
    const known = new Set(users.accounts.map((a) => a.userid));
    const hashed = accounts.filter((a) => a.idShape === 'b64hash');
    expect(hashed).toHaveLength(18);
    expect(hashed.every((a) => known.has(a.userid))).toBe(true);
  });
});
