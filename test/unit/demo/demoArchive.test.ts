import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../../shared/archive/demo/demoArchive';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { loadArchiveFiles } from '../../../main/cli/loadArchiveFiles';
import { repoRoot } from '../../fixtures/paths';
import { demoB64Hash } from '../../../shared/archive/demo/demoIds';
import { seededRandom, type SeededRandom } from '../../../shared/graph/seededRandom';
import { classifyId } from '../../../shared/domain/ids';
import { buildDemoPlan } from '../../../shared/archive/demo/demoPlan';
import { resolveDemoOptions } from '../../../shared/archive/demo/demoOptions';

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

const OPTIONS = { seed: 42, tweets: 6000 };

describe('demo archive generator', () => {
  it('is deterministic: same seed, byte-identical; other seed, different', async () => {
    const a = createDemoArchive(OPTIONS);
    const b = createDemoArchive(OPTIONS);
    const c = createDemoArchive({ ...OPTIONS, seed: 43 });
    const [ta, tb, tc] = await Promise.all([collect(a.tweetsCsv(4096)), collect(b.tweetsCsv(65536)), collect(c.tweetsCsv())]);
    expect(sha(ta)).toBe(sha(tb)); // chunk size does not change the bytes
    expect(sha(ta)).not.toBe(sha(tc));
    expect(sha(await collect(a.usersCsv()))).toBe(sha(await collect(b.usersCsv())));
    expect(JSON.stringify(a.groundTruth)).toBe(JSON.stringify(b.groundTruth));
  });

  it('streams lazily: the first chunks of a 10 M-tweet archive arrive without building it', async () => {
    const big = createDemoArchive({ seed: 1, tweets: 10_000_000, accounts: 2000 });
    expect(big.groundTruth.counts.tweets).toBe(10_000_000);
    const it = big.tweetsCsv(1 << 16);
    let chars = 0;
    for (let k = 0; k < 3; k++) {
      const r = await it.next();
      expect(r.done).toBe(false);
      chars += (r.value as string).length;
    }
    await it.return(undefined);
    expect(chars).toBeGreaterThan(3 * (1 << 16) - 1);
    expect(chars).toBeLessThan(3 * ((1 << 16) + 20_000));
  });

  it('writes what the project parser reads back exactly (no quarantine), equal to demoTweetColumns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const archive = createDemoArchive(OPTIONS);
    fs.writeFileSync(path.join(dir, DEMO_USERS_FILE), await collect(archive.usersCsv()));
    fs.writeFileSync(path.join(dir, DEMO_TWEETS_FILE), await collect(archive.tweetsCsv()));
    const loaded = await loadArchiveFiles([path.join(dir, DEMO_USERS_FILE), path.join(dir, DEMO_TWEETS_FILE)]);
    expect(loaded.quarantined).toEqual([]);
    const accounts = archive.groundTruth.counts.accounts;
    expect(loaded.receipts.map((r) => [r.format, r.rowsRead, r.rowsStored, r.rowsRejected])).toEqual([
      ['twitter-io-users', accounts, accounts, 0],
      ['twitter-io-tweets', 6000, 6000, 0],
    ]);
    const { columns } = demoTweetColumns(OPTIONS);
    const t = loaded.tweets;
    expect(t.length).toBe(columns.length);
    for (const k of ['tweetid', 'userid', 'tweetText', 'retweetUserid', 'retweetTweetid', 'retweetScreenName', 'inReplyToTweetid', 'latitude', 'hashtags', 'urls', 'userMentions', 'pollChoices'] as const) {
      expect(t[k], k).toEqual(columns[k]);
    }
    for (const k of ['tweetTime', 'isRetweet', 'likeCount', 'row', 'byteOffset', 'byteLength'] as const) {
      expect(Array.from(t[k]), k).toEqual(Array.from(columns[k]));
    }
    const members = new Set(archive.groundTruth.groups.flatMap((g) => g.members));
    expect([...members].every((m) => loaded.accounts.some((a) => a.userid === m))).toBe(true);
  });

  it("draws a hashed id again when removing its '/' would leave it shorter than the documented shape", () => {
    // First draw: every character '/' (all removed); then an ordinary seeded stream.
    const seeded = seededRandom(7);
    let slashes = 42;
    const rng = { ...seeded, int: (n: number) => (slashes-- > 0 ? 63 : seeded.int(n)) } as SeededRandom;
    const id = demoB64Hash(rng);
    expect(slashes).toBeLessThan(0);
    expect(id.length).toBeGreaterThanOrEqual(38);
    expect(classifyId(id)).toBe('b64hash');
    const many = seededRandom(1);
    for (let i = 0; i < 20_000; i++) expect(classifyId(demoB64Hash(many))).toBe('b64hash');
  });

  it('is faithful to ARCHIVES.md (checked with Python csv as an independent reader)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const archive = createDemoArchive(OPTIONS);
    const tweets = await collect(archive.tweetsCsv());
    const users = await collect(archive.usersCsv());
    fs.writeFileSync(path.join(dir, 't.csv'), tweets);
    fs.writeFileSync(path.join(dir, 'u.csv'), users);
    fs.writeFileSync(path.join(dir, 'g.json'), JSON.stringify(archive.groundTruth));
    expect(tweets.charCodeAt(0)).toBe(0x22); // no BOM, quoted header
    expect(tweets.includes('\r')).toBe(false);
    const out = execFileSync('python3', [path.join(repoRoot, 'test/unit/demo/checkDemoArchive.py'), path.join(dir, 'u.csv'), path.join(dir, 't.csv'), path.join(dir, 'g.json')], { encoding: 'utf8' });
    const f = JSON.parse(out) as Record<string, number | boolean | string[]>;
    expect(f.tweetRows).toBe(6000);
    expect(f.badFieldCounts).toBe(0);
    expect(f.unquotedFields).toBe(0);
    expect(f.usersColumns).toBe(10);
    expect(f.tweetsColumns).toBe(31);
    expect(f.newlineTextShare).toBeGreaterThan(0.2);
    expect(f.newlineTextShare).toBeLessThan(0.45);
    expect(f.newlineDescriptions).toBeGreaterThan(0);
    expect(f.hashedAccounts).toBeGreaterThan(50);
    expect(f.hashedShapeViolations).toBe(0);
    expect(f.numericIdMaxDigits).toBeLessThanOrEqual(19);
    expect(f.numericIdMaxDigits).toBeGreaterThanOrEqual(18);
    expect(f.retweetsWithEmptyRetweetUserid).toBeGreaterThan(0);
    expect(f.retweetsWithoutRTPrefix).toBe(0);
    expect(f.replies).toBeGreaterThan(0);
    expect(f.quotes).toBeGreaterThan(0);
    expect(f.emptyCounts).toBeGreaterThan(0);
    expect(f.isRetweetValues).toEqual(['False', 'True']);
    expect(f.geoWords).toEqual(['absent', 'present']);
    expect(f.pythonListsBad).toBe(0);
    expect(f.badTimes).toBe(0);
    expect(f.scripts).toEqual(['arabic', 'cjk', 'emoji', 'hebrew', 'persian']);
    expect(f.largestCreationBurst).toBeGreaterThanOrEqual(8);
    expect(f.operationClientsBeforeSwitch).toEqual(['Twitter for Android']);
    expect(f.operationClientsAfterSwitch).toEqual(['Twitter Web Client']);
  });
});

describe('demo accounts at scale', () => {
  it('every account (and outside author) has its own id, at 5 M tweets (125,000 accounts) too', () => {
    // Random 8–10 digit ids collided there: two different accounts under one id (quarantined as conflicting-duplicate).
    const plan = buildDemoPlan(resolveDemoOptions({ seed: 1, tweets: 5_000_000 }));
    expect(plan.accounts).toHaveLength(125_000);
    const ids = [...plan.accounts, ...plan.externals].map((a) => a.userid);
    expect(new Set(ids).size).toBe(ids.length);
    const mentionIds = plan.accounts.map((a) => a.mentionId);
    expect(new Set(mentionIds).size).toBe(mentionIds.length);
  });
});
