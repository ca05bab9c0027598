import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE, tooFewTweets, type DemoArchive } from '../../shared/archive/demo/demoArchive';
import type { DemoArchiveOptions } from '../../shared/archive/demo/demoOptions';
import { writeChunks } from '../fixtures/writeChunks';

/**
 * The demo archive a script's arguments ask for, checked before any work: options it cannot be made
 * from (more group members than accounts, fewer tweets than its planted coordinated posts) are the
 * script's usage error (scriptArgs), not a stack trace halfway through.
 */
export function demoArchiveArg(options: DemoArchiveOptions, usageError: (message: string) => never): DemoArchive {
  let archive: DemoArchive;
  try {
    archive = createDemoArchive(options);
  } catch (e) {
    return usageError((e as Error).message);
  }
  const tooFew = tooFewTweets(archive);
  return tooFew ? usageError(tooFew) : archive;
}

/**
 * The files of `archive` (demoArchiveArg), generated once per size and seed into a temp cache folder
 * and reused by every benchmark (bench:import, bench:search). Returns [users CSV, tweets CSV].
 */
export async function cachedDemoArchive(archive: DemoArchive, log: (...a: unknown[]) => void): Promise<string[]> {
  const { tweets, seed } = archive.options;
  const dir = path.join(tmpdir(), 'dw-bench-import', `demo-${tweets}-seed${seed}`);
  mkdirSync(dir, { recursive: true });
  const users = path.join(dir, DEMO_USERS_FILE);
  const tw = path.join(dir, DEMO_TWEETS_FILE);
  if (!existsSync(users)) await writeChunks(users, archive.usersCsv());
  if (!existsSync(tw)) {
    log(`generating ${tweets} demo tweets into ${dir}`);
    await writeChunks(tw, archive.tweetsCsv());
  }
  return [users, tw];
}
