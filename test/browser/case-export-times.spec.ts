import type { Page } from '@playwright/test';
import { exposeCaseStore, ira2018TweetsWithCaseStore, type CaseStoreModules } from './caseStoreInPage';
import { expect, test } from './fixtures';

/** An ISO 8601 instant as stored (2026-12-06T03:12:45.123Z): never the way the app says a time. */
const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

test('the case page\'s export panel says when each cited source was imported as the app says times (yyyy-mm-dd hh:mm UTC), and no page shows a raw ISO timestamp', async ({ page, consoleLog }) => {
  const sha = await ira2018TweetsWithCaseStore(page);
  // A case cites the file's first row (pinned, then attached), so the export panel lists the file.
  const { caseId, importedAt } = await page.evaluate(async (fileSha256) => {
    const { caseStore, database } = globalThis as unknown as CaseStoreModules;
    const db = database.db;
    const [ds] = await db.datasets.toArray();
    const c = await caseStore.createCase(db, 'Import times', 'qa@example.org');
    await db.pins.put({ id: 'pin-1', kind: 'tweet', datasetId: ds!.id, title: 'first row', payload: {}, provenance: [{ fileSha256, row: 1, byteOffset: 0, byteLength: 1 }], pinnedAt: new Date().toISOString() });
    await caseStore.attachPin(db, c.id, 'pin-1', 'qa@example.org');
    return { caseId: c.id, importedAt: (await db.files.get(fileSha256))!.receipt.startedAt };
  }, sha);
  expect(importedAt).toMatch(RAW_INSTANT);
  await page.goto(`#/cases/${caseId}`);
  const source = page.getByRole('listitem').filter({ hasText: `SHA-256 ${sha}, imported ` });
  await expect(source).toHaveText(`ira_2018_tweets_csv_hashed_excerpt.csv — SHA-256 ${sha}, imported ${importedAt.slice(0, 10)} ${importedAt.slice(11, 16)} UTC`);
  for (const route of [`#/cases/${caseId}`, '#/cases', '#/datasets']) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await page.locator('body').innerText(), route).not.toMatch(RAW_INSTANT);
  }
  expect(consoleLog.errors).toEqual([]);
});

test('a custody entry\'s time says on hover when it was in the analyst\'s time zone, to the second, and the instant exactly as the log records it', async ({ page, consoleLog }) => {
  const { caseId, at } = await newCase(page, 'Custody times');
  expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const when = () => page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').first().locator('time');
  // No zone chosen on the Overview: the analyst reads UTC.
  await page.goto(`#/cases/${caseId}`);
  await expect(when()).toHaveAttribute('title', `${at.slice(0, 10)} ${at.slice(11, 19)} UTC · recorded as ${at} (UTC)`);
  // Hong Kong (UTC+8, no summer time) chosen: the same instant 8 hours on, the recorded instant unchanged.
  await page.evaluate(() => localStorage.setItem('dw.explore.timeZone', 'Asia/Hong_Kong'));
  await page.reload();
  const hk = new Date(Date.parse(at) + 8 * 3600_000).toISOString();
  await expect(when()).toHaveAttribute('title', `${hk.slice(0, 10)} ${hk.slice(11, 19)} GMT+8 (Asia/Hong_Kong) · recorded as ${at} (UTC)`);
  expect(consoleLog.errors).toEqual([]);
});

test('the case list says when a case was created as the export panel says times (to the minute, UTC), the custody log when each entry was recorded to the second (UTC)', async ({ page, consoleLog }) => {
  const { caseId, createdAt, at } = await newCase(page, 'List times');
  await page.goto('#/cases');
  const cases = page.getByRole('table', { name: 'Cases' });
  await expect(cases.locator('tbody tr').filter({ hasText: 'List times' }).locator('td').nth(1)).toHaveText(`${createdAt.slice(0, 10)} ${createdAt.slice(11, 16)} UTC`);
  await expect(cases.getByRole('columnheader').nth(1)).toHaveText('Created');
  await page.goto(`#/cases/${caseId}`);
  const custody = page.getByRole('table', { name: 'Custody log' });
  await expect(custody.locator('tbody tr').first().locator('td').nth(1)).toHaveText(`${at.slice(0, 10)} ${at.slice(11, 19)} UTC`);
  await expect(custody.getByRole('columnheader').nth(1)).toHaveText('When');
  expect(consoleLog.errors).toEqual([]);
});

/** A new case, made in the page by the app's case store: its id, when it was created and when its first custody entry was recorded, as stored. */
async function newCase(page: Page, name: string): Promise<{ caseId: string; createdAt: string; at: string }> {
  await page.goto('#/cases');
  await exposeCaseStore(page);
  return page.evaluate(async (caseName) => {
    const { caseStore, database } = globalThis as unknown as CaseStoreModules;
    const c = await caseStore.createCase(database.db, caseName, 'qa@example.org');
    const [first] = await database.db.custody.where('[caseId+seq]').between([c.id, 0], [c.id, Infinity]).toArray();
    return { caseId: c.id, createdAt: c.createdAt, at: first!.entry.at };
  }, name);
}
