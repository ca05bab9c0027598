import type { Page } from '@playwright/test';
import { realFixture } from '../fixtures/paths';
import { pinButtons } from './casesTools';
import { expect, test } from './fixtures';
import { countStore } from './exploreHelpers';
import { datasetCard, importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { largeTweetsFile, tempDir, writeDemo } from './importTempFiles';

/**
 * The app keeps its writes away from a full disk (renderer/src/store/diskGuard.ts). In the browser
 * host the free space is the origin's quota left (navigator.storage.estimate). A small quota cannot be
 * had for real here: Chromium 150 reports usage + 1 to 10 GiB whatever is free, and ignores CDP's
 * Storage.overrideQuotaForOrigin (accepted, no effect on estimate() or on writes). So the page's
 * estimate() is the real one with its quota capped at usage + `__dwQuotaLeft` bytes (set by the test):
 * everything else (the guard, the import, the pins, IndexedDB) is the app's own.
 */
const MiB = 2 ** 20;

async function capQuota(page: Page): Promise<(leftBytes: number | null) => Promise<void>> {
  await page.addInitScript(() => {
    const real = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function estimate(this: StorageManager) {
      const e = await real.call(this);
      const left = (globalThis as { __dwQuotaLeft?: number }).__dwQuotaLeft;
      return left === undefined ? e : { ...e, quota: (e.usage ?? 0) + left };
    };
  });
  await page.reload();
  return async (left) => {
    await page.evaluate((l) => {
      if (l === null) delete (globalThis as { __dwQuotaLeft?: number }).__dwQuotaLeft;
      else (globalThis as { __dwQuotaLeft?: number }).__dwQuotaLeft = l;
    }, left);
    await page.waitForTimeout(2500); // the guard reads every 2 s
  };
}

test('an import that would not fit is refused before anything is written; a pin below the floor too; earlier data intact', async ({ page }) => {
  const quotaLeft = await capQuota(page);
  const demo = await writeDemo(tempDir());
  await importFiles(page, [demo.users, demo.tweets]);
  expect(await waitForImportDone(page)).toMatch(/Imported into/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  const before = await storeSummary(page);

  // 200 MB left: the china users file (a few hundred KB) and the 256 MB margin do not fit.
  await quotaLeft(200 * MiB);
  await importFiles(page, [realFixture('china_082019_1_users_csv_hashed.csv')], 'demo');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Import failed: nothing was added. Not enough free space on the disk holding the app's data: 200 MB free, 256 MB needed (the files' 0.1 MB and 256 MB the database needs to stay safe). Free some space, then try again.");
  const after = await storeSummary(page);
  expect(after).toEqual(before); // not even a 'failed' import record: nothing was written
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(datasetCard(page, 'demo')).toBeVisible();

  // 50 MB left: below the 128 MB floor, a pin is refused by the database's guard, in words.
  await quotaLeft(50 * MiB);
  await page.goto(`#/explore/account/${encodeURIComponent(demo.member)}`);
  await pinButtons(page, 'account').first().click();
  await expect(page.getByText("Not pinned: The disk holding the app's data is almost full (50 MB free; the app keeps 128 MB free so that its database stays safe): the change was not saved. Free some space, then try again.")).toBeVisible();
  expect(await countStore(page, 'pins')).toBe(0);

  // With space again, the same pin works: the guard refuses nothing it need not.
  await quotaLeft(null);
  await pinButtons(page, 'account').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(1);
  expect(await countStore(page, 'pins')).toBe(1);
  expect((await storeSummary(page)).datasets).toEqual(before.datasets);
});

test('a running import is cancelled when the free space falls below the floor, and what it wrote removed', async ({ page }) => {
  test.setTimeout(240_000);
  const quotaLeft = await capQuota(page);
  const big = await largeTweetsFile(300_000);
  await importFiles(page, [big]);
  await expect.poll(async () => Number((await page.locator('[data-progress="rows"]').innerText()).replace(/,/g, '')), { timeout: 120_000 }).toBeGreaterThan(20_000);
  await quotaLeft(100 * MiB);
  const status = page.getByRole('status').filter({ hasText: 'Import cancelled: nothing was added.' });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await expect(status).toContainText("The disk holding the app's data is almost full (100 MB free; the app keeps 128 MB free so that its database stays safe): the import was cancelled and what it had written removed. Free some space, then try again.");
  const store = await storeSummary(page);
  expect(store.datasets).toHaveLength(0);
  expect(store.tweetBlocks).toBe(0);
  expect(store.accounts).toBe(0);
  expect(store.imports.map((i) => i.state)).toEqual(['cancelled']);
});
