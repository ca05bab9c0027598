import type { Locator, Page } from '@playwright/test';
import { openDemoArchive } from './exploreHelpers';
import { expect, test } from './fixtures';
import { gotoHash } from './pageNav';

// Keyboard use of the windowed lists (Explore's accounts table, an account page's tweets): rows
// scrolled out of the window are unmounted, and the focus must not go with them.

/** Presses Tab until `target` holds the focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
}

/** Presses ArrowDown `times` times; after each the focus is still in `list` (never on the page's body). */
async function arrowDownKeepsFocus(page: Page, list: Locator, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(30); // a scroll event and the virtualizer's re-render
    const where = await list.evaluate((el) => ({ body: document.activeElement === document.body, inside: el.contains(document.activeElement) }));
    expect(where, `focus after ArrowDown ${i + 1}`).toEqual({ body: false, inside: true });
  }
}

test('arrow keys scroll the accounts table and an account page’s tweets without losing the focus', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await gotoHash(page, '#/explore/accounts');
  const list = page.getByRole('rowgroup', { name: 'Account rows (scroll with arrow keys)' });
  await expect(list.getByRole('row').first()).toBeVisible({ timeout: 60_000 });
  const firstLink = list.getByRole('link').first();
  const busiest = await firstLink.getAttribute('href');

  // Tab to the first row's @screenname link, then scroll with the arrow keys well past the window.
  await page.locator('h2', { hasText: 'Accounts' }).focus();
  await tabTo(page, firstLink);
  await arrowDownKeepsFocus(page, list, 40);
  expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(34 * 30);
  // The focus left with the row is on the list itself; Tab goes on into the rows shown.
  await expect(list).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await list.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el)).toBe(true);

  // An account page's tweets: Tab to the first tweet's Pin button, scroll past the window.
  await gotoHash(page, busiest!);
  const tweets = page.getByRole('list', { name: /^Tweets of / });
  await expect(tweets.getByRole('listitem').nth(8)).toBeAttached({ timeout: 60_000 });
  await page.locator('h2[data-route-focus]').focus();
  await tabTo(page, tweets.getByRole('button').first());
  await arrowDownKeepsFocus(page, tweets, 40);
  await expect(tweets).toBeFocused();
});

test('a pin button saying its case fits its accounts-table row: one line, cut, its whole text in its name and tooltip', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await gotoHash(page, '#/explore/accounts');
  const list = page.getByRole('rowgroup', { name: 'Account rows (scroll with arrow keys)' });
  const firstPin = list.getByRole('row').first().locator('button.pin-button');
  await firstPin.click();
  await expect(firstPin).toHaveAttribute('aria-pressed', 'true');

  const caseName = 'قضية طويلة جدا عن حملة 香港 2019 #1';
  await gotoHash(page, '#/cases');
  await page.getByLabel('Case name').fill(caseName);
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(1);

  await gotoHash(page, '#/explore/accounts');
  const row = list.getByRole('row').first();
  const pin = row.locator('button.pin-button');
  await expect(pin).toHaveText(/^In case/);
  // The whole text, case name included, is the button's accessible name.
  await expect(pin).toHaveAccessibleName(new RegExp(`^In case “${caseName}”: pin again: account @`));
  const [rowBox, pinBox, next] = [await row.boundingBox(), await pin.boundingBox(), await list.getByRole('row').nth(1).boundingBox()];
  expect(rowBox!.height).toBeLessThanOrEqual(35);
  expect(pinBox!.y).toBeGreaterThanOrEqual(rowBox!.y);
  expect(pinBox!.y + pinBox!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);
  expect(pinBox!.y + pinBox!.height).toBeLessThanOrEqual(next!.y);
  // One line, cut with an ellipsis: the text is wider than the button.
  expect(await pin.evaluate((b) => [getComputedStyle(b).whiteSpace, getComputedStyle(b).textOverflow, b.scrollWidth > b.clientWidth])).toEqual(['nowrap', 'ellipsis', true]);
  // The whole text is the button's tooltip, and the case name is isolated (a right-to-left name keeps to its quotes).
  await expect(pin).toHaveAttribute('title', `In case “${caseName}”: pin again`);
  await expect(pin.locator('bdi')).toHaveText(caseName);
});
