import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { realFixture } from '../fixtures/paths';
import { importFiles, waitForImportDone } from './importHelpers';
import { exposeModule } from './pageModule';

type Modules = { caseStore: typeof import('../../renderer/src/cases/caseStore'); database: typeof import('../../renderer/src/store/database') };

/**
 * A case of `n` posts citing rows of the real tweets excerpt (imported first), stored in the case
 * directly (attachPins logs each pin: ~15 s for 3,000, and what is timed is the preview). Post i is
 * written in `scripts[k]`, the posts in bands of one script each, in order. Returns the case id.
 */
export async function storeLargeCase(page: Page, n: number, scripts: string[]): Promise<string> {
  const tweets = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
  await importFiles(page, [tweets]);
  await waitForImportDone(page);
  await exposeModule(page, 'renderer/src/cases/caseStore.ts', 'caseStore');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  const sha = createHash('sha256').update(readFileSync(tweets)).digest('hex');
  return page.evaluate(async ({ sha, n, scripts }) => {
    const { caseStore, database } = globalThis as unknown as Modules;
    const db = database.db;
    const datasetId = (await db.datasets.toArray())[0]!.id;
    const c = await caseStore.createCase(db, `Large case of ${n} posts`, 'qa@example.org');
    await db.pins.bulkPut(Array.from({ length: n }, (_, i) => ({
      id: `pin-${i}`, kind: 'tweet' as const, datasetId, caseId: c.id, title: `post ${i}`, pinnedAt: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
      payload: { tweetid: String(1_100_000_000_000_000 + i), tweetText: `Post ${i} as cited, with a #hashtag, ${scripts[Math.floor((i * scripts.length) / n)]} text, and a link https://example.org/${i}`, userid: 'u1', userScreenName: 'someone', tweetTime: 25_000_000 + i },
      provenance: [{ fileSha256: sha, row: 3 + i, byteOffset: 420 + i, byteLength: 97 }],
    })));
    return c.id;
  }, { sha, n, scripts });
}
