import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from './fixtures';
import { waitForImportDone } from './importHelpers';
import { gotoHash } from './pageNav';

/** Helpers for the explore specs: import through the real Datasets view, scan with axe, read downloads. */

export async function openDemoArchive(page: Page): Promise<void> {
  await gotoHash(page, '#/datasets'); // no baseURL needed: shared with the Electron suite
  await page.getByRole('button', { name: 'Open demo archive' }).first().click();
  await waitForImportDone(page, 120_000);
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: (d as Download).suggestedFilename(), bytes: readFileSync((await (d as Download).path())!) };
}

export const stat = async (page: Page, name: string): Promise<number> =>
  Number((await page.locator(`[data-stat="${name}"]`).first().innerText()).replace(/,/g, ''));

/** Counts the rows of a raw IndexedDB store (no app code involved). */
export function countStore(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return n;
  }, store);
}
