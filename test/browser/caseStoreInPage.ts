/**
 * Tests that drive the case store below the UI (what no button does in one step) run the app's own
 * modules in the page, on its real IndexedDB: `globalThis.caseStore` and `globalThis.database`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { realFixture } from '../fixtures/paths';
import { importFiles, waitForImportDone } from './importHelpers';
import { exposeModule } from './pageModule';

/** What exposeCaseStore puts on the page's globalThis. */
export interface CaseStoreModules {
  caseStore: typeof import('../../renderer/src/cases/caseStore');
  database: typeof import('../../renderer/src/store/database');
}

export async function exposeCaseStore(page: Page): Promise<void> {
  await exposeModule(page, 'renderer/src/cases/caseStore.ts', 'caseStore');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
}

/** The real IRA 2018 tweets excerpt imported and the case store exposed: the file's SHA-256, which a pin's provenance names. */
export async function ira2018TweetsWithCaseStore(page: Page): Promise<string> {
  const tweetsFile = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
  await importFiles(page, [tweetsFile]);
  await waitForImportDone(page);
  await exposeCaseStore(page);
  return createHash('sha256').update(readFileSync(tweetsFile)).digest('hex');
}
