import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../shared/archive/demo/demoArchive';
import { writeChunks } from '../fixtures/writeChunks';

/**
 * The demo archive for `tweets` and `seed`, generated once into a temp cache folder and reused by
 * every benchmark (bench:import, bench:search). Returns [users CSV, tweets CSV].
 */
export async function cachedDemoArchive(tweets: number, seed: number, log: (...a: unknown[]) => void): Promise<string[]> {
  const dir = path.join(tmpdir(), 'dw-bench-import', `demo-${tweets}-seed${seed}`);
  mkdirSync(dir, { recursive: true });
  const archive = createDemoArchive({ tweets, seed });
  const users = path.join(dir, DEMO_USERS_FILE);
  const tw = path.join(dir, DEMO_TWEETS_FILE);
  if (!existsSync(users)) await writeChunks(users, archive.usersCsv());
  if (!existsSync(tw)) {
    log(`generating ${tweets} demo tweets into ${dir}`);
    await writeChunks(tw, archive.tweetsCsv());
  }
  return [users, tw];
}
