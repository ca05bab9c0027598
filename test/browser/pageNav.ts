import type { Page } from '@playwright/test';

/**
 * Goes to an app route (`#/explore/accounts` …) by setting the hash, as the app's own links do.
 * Works with or without a baseURL: `page.goto('#/…')` needs one, and Electron pages (app://) have none.
 */
export async function gotoHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
