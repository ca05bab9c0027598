import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from './fixtures';
import path from 'node:path';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, tweetsFile, type TweetsRow } from './importTempFiles';
import { gotoHash } from './pageNav';

/** Helpers for the explore specs: import through the real Datasets view, scan with axe, read downloads. */

export async function openDemoArchive(page: Page): Promise<void> {
  await gotoHash(page, '#/datasets'); // no baseURL needed: shared with the Electron suite
  await page.getByRole('button', { name: 'Open demo archive' }).first().click();
  await waitForImportDone(page, 120_000);
}

/** Imports `rows` as the tweets file `name` through the Datasets view and opens Search; the import's summary. */
export async function openSearchOfRows(page: Page, name: string, rows: TweetsRow[]): Promise<string> {
  await importFiles(page, [tweetsFile(path.join(tempDir(), name), rows)]);
  const summary = await waitForImportDone(page);
  await page.goto('#/explore/search');
  await expect(page.getByRole('heading', { name: 'Search tweets' })).toBeVisible({ timeout: 30_000 });
  return summary;
}

/** Searches the Search page's words box for `query` and waits until it has searched. */
export async function searchWords(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/**
 * The file `click` saves; with `named`, the first whose name ends so (an export that saves a file and
 * its receipt: the browser may announce the small one first).
 */
export async function download(page: Page, click: () => Promise<void>, named?: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { predicate: (x) => !named || x.suggestedFilename().endsWith(named) }), click()]);
  return { name: (d as Download).suggestedFilename(), bytes: readFileSync((await (d as Download).path())!) };
}

export const stat = async (page: Page, name: string): Promise<number> =>
  Number((await page.locator(`[data-stat="${name}"]`).first().innerText()).replace(/,/g, ''));

/** Counts the rows of a raw IndexedDB store (no app code involved). */
export const countStore = (page: Page, store: string): Promise<number> => readStore<number>(page, store, 'count');

/** Every record of a raw IndexedDB store, as stored (no app code involved). */
export const storeRecords = <T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> => readStore<T[]>(page, store, 'getAll');

function readStore<T>(page: Page, store: string, op: 'count' | 'getAll'): Promise<T> {
  return page.evaluate(async ([name, op]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out = await new Promise<unknown>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name)[op]();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return out;
  }, [store, op] as const) as Promise<T>;
}

/** An account page's list as "@name tweets" lines. */
export async function edgeList(page: Page, userid: string, title: string): Promise<string[]> {
  await page.goto(`#/explore/account/${userid}`);
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toBeVisible({ timeout: 30_000 });
  // Each row's cells joined by a space, from their text: innerText falls back to the text without the
  // cells' separators for a table caught between two renders ("@gamma1" for "@gamma 1", seen in CI).
  const rows = page.getByRole('table', { name: title, exact: true }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ')));
}
