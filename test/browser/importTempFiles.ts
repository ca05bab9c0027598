import { mkdirSync, mkdtempSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE, demoTweetFields } from '../../shared/archive/demo/demoArchive';
import { csvRecord, TWEETS_COLUMNS } from '../../shared/archive/demo/csvFormat';
import { demoTweetRows } from '../../shared/archive/demo/demoTweets';

/** Files the import specs write to a temp dir (never into ../shared): synthetic archives and bad files. */

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dw-import-test-'));
}

/** The demo archive (seed 11, 3,000 tweets) as its two files in `dir`, and an account of its first planted group. */
export async function writeDemo(dir: string): Promise<{ users: string; tweets: string; member: string }> {
  const demo = createDemoArchive({ seed: 11, tweets: 3000 });
  const write = async (name: string, chunks: AsyncGenerator<string>) => {
    let text = '';
    for await (const c of chunks) text += c;
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  return { users: await write(DEMO_USERS_FILE, demo.usersCsv()), tweets: await write(DEMO_TWEETS_FILE, demo.tweetsCsv()), member: demo.groundTruth.groups[0]!.members[0]! };
}

/** The users CSV of the demo archive (seed, tweets) and how many accounts it holds. */
export async function writeDemoUsers(file: string, seed: number, tweets: number): Promise<{ file: string; userCount: number }> {
  const archive = createDemoArchive({ seed, tweets });
  let csv = '';
  for await (const chunk of archive.usersCsv()) csv += chunk;
  writeFileSync(file, csv);
  return { file, userCount: new Set(archive.plan.accounts.map((a) => a.userid)).size };
}

/** Tweets CSV of the demo generator's rows [from, to), 2019+ layout; `edit` may change row i's fields (by column name). */
export function writeTweetRows(file: string, seed: number, tweets: number, from: number, to: number, edit?: (fields: Record<string, string>, i: number) => void): string {
  const archive = createDemoArchive({ seed, tweets });
  let out = csvRecord(TWEETS_COLUMNS);
  let i = 0;
  for (const r of demoTweetRows(archive.options, archive.plan)) {
    if (i >= from && i < to) {
      let fields = demoTweetFields(r);
      if (edit) {
        const byName = Object.fromEntries(TWEETS_COLUMNS.map((c, k) => [c, fields[k]!]));
        edit(byName, i);
        fields = TWEETS_COLUMNS.map((c) => byName[c]!);
      }
      out += csvRecord(fields);
    }
    if (++i >= to) break;
  }
  writeFileSync(file, out);
  return file;
}

/** A large generated tweets file (streamed to disk once, reused across runs of the same size). */
export async function largeTweetsFile(tweets: number, seed = 5): Promise<string> {
  const dir = path.join(tmpdir(), 'dw-import-large');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `demo_tweets_${tweets}_${seed}.csv`);
  if (existsSync(file)) return file;
  const partial = file + '.part';
  const out = createWriteStream(partial);
  for await (const chunk of createDemoArchive({ seed, tweets }).tweetsCsv()) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(partial, file);
  return file;
}

export function badFiles(dir: string): { empty: string; binary: string; unknown: string } {
  const empty = path.join(dir, 'empty.csv');
  const binary = path.join(dir, 'picture.csv');
  const unknown = path.join(dir, 'unknown_columns.csv');
  writeFileSync(empty, '');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 255]));
  writeFileSync(unknown, 'alpha,beta,gamma\n1,2,3\n');
  return { empty, binary, unknown };
}

/** Fields of one row of a 2019+ tweets CSV, by column name. */
export type TweetsRow = Partial<Record<(typeof TWEETS_COLUMNS)[number], string>>;

/** A 2019+ tweets CSV of these rows (every other field a plain value; no user_mentions, so mentions come from the text's @names). */
export function tweetsFile(file: string, rows: TweetsRow[]): string {
  const base: TweetsRow = {
    user_display_name: 'name', user_reported_location: '', user_profile_description: '', user_profile_url: '', follower_count: '1',
    following_count: '1', account_creation_date: '2016-06-27', account_language: 'en', tweet_language: 'en', tweet_time: '2019-06-18 12:06',
    tweet_client_name: 'Twitter Web Client', in_reply_to_userid: '', in_reply_to_tweetid: '', quoted_tweet_tweetid: '', is_retweet: 'False',
    retweet_userid: '', retweet_tweetid: '', latitude: 'absent', longitude: 'absent', quote_count: '0', reply_count: '0', like_count: '0',
    retweet_count: '0', hashtags: '[]', urls: '[]', user_mentions: '[]', poll_choices: '',
  };
  writeFileSync(file, csvRecord(TWEETS_COLUMNS) + rows.map((r) => csvRecord(TWEETS_COLUMNS.map((c) => ({ ...base, tweet_text: `tweet ${r.tweetid}`, ...r })[c] ?? ''))).join(''));
  return file;
}
