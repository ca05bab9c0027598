import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { demoTweetRows } from '../../shared/archive/demo/demoTweets';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemoArchive } from './exploreHelpers';
import { buildNetwork } from './networkHelpers';

// Every date field of the app shows and takes days as the app writes them, yyyy-mm-dd (UTC), whatever
// the system locale: in an en-US Chromium an <input type="date"> shows 04/01/2019 and reads typed
// digits as month, day, year (elsewhere as day, month, year: 4 January).
const DEMO = createDemoArchive({ seed: 1, tweets: 20_000 }); // the Datasets view's "Open demo archive"
const rows = [...demoTweetRows(DEMO.options, DEMO.plan)];
const fmt = (n: number) => n.toLocaleString('en');
const minuteOf = (day: string) => Date.parse(day + 'T00:00:00Z') / 60_000;
const plusDays = (day: string, n: number) => new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
const firstDay = new Date(Math.min(...rows.map((r) => r.minute)) * 60_000).toISOString().slice(0, 10);
const from = plusDays(firstDay, 10);
const to = plusDays(from, 30);
const inRange = rows.filter((r) => r.minute >= minuteOf(from) && r.minute < minuteOf(to) + 1440).length;
const year = from.slice(0, 4);
const lastOfFebruary = new Date(Date.UTC(Number(year), 2, 0)).getUTCDate();

/** A date field by its accessible name, which says the format and that days are UTC. */
const dayField = (page: Page, label: string) => page.getByRole('textbox', { name: `${label} (yyyy-mm-dd, UTC)`, exact: true });

/** Types a day as from the keyboard, over what the field held. */
async function typeDay(page: Page, label: string, text: string, end: 'Enter' | 'Tab' = 'Tab'): Promise<void> {
  await dayField(page, label).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press(end);
}

test.beforeEach(async ({ page }) => {
  // The browser runs in en-US, where the browser's own date field would read the digits month first.
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await openDemoArchive(page);
});

test('Overview: From and To show and take yyyy-mm-dd typed from the keyboard, in step with the brush; impossible days are said', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await page.goto('#/explore');
  const status = page.getByTestId('range-status');
  await expect(status).toHaveText(`All ${fmt(rows.length)} tweets`, { timeout: 60_000 });
  await expect(dayField(page, 'From')).toHaveValue(firstDay);
  await expect(dayField(page, 'From')).toHaveAttribute('placeholder', 'yyyy-mm-dd');

  await typeDay(page, 'From', from);
  await typeDay(page, 'To', to, 'Enter');
  await expect(status).toHaveText(`${fmt(inRange)} of ${fmt(rows.length)} tweets in range`);
  await expect(page.locator('[data-chart="volume"] figcaption')).toContainText(`tweets from ${from} to ${to}`);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A day that is not in the calendar is said under its field, stays there to be corrected, and changes nothing.
  await typeDay(page, 'To', `${year}-02-30`, 'Enter');
  const said = `“${year}-02-30” is not a day: February ${year} has days 01 to ${lastOfFebruary}.`;
  await expect(page.getByRole('alert')).toHaveText(said);
  await expect(dayField(page, 'To')).toHaveValue(`${year}-02-30`);
  await expect(dayField(page, 'To')).toHaveAttribute('aria-invalid', 'true');
  await expect(dayField(page, 'To')).toHaveAccessibleDescription(said);
  await expect(status).toHaveText(`${fmt(inRange)} of ${fmt(rows.length)} tweets in range`);
  // So is a day in the locale's order.
  const localeOrder = `${to.slice(5, 7)}/${to.slice(8, 10)}/${to.slice(0, 4)}`;
  await typeDay(page, 'To', localeOrder);
  await expect(page.getByRole('alert')).toHaveText(`“${localeOrder}” is not a day written yyyy-mm-dd (for example 2019-04-01).`);
  await expect(status).toHaveText(`${fmt(inRange)} of ${fmt(rows.length)} tweets in range`);
  // A From day after the To day: the Overview's own refusal.
  await typeDay(page, 'To', to);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await typeDay(page, 'From', plusDays(to, 1), 'Enter');
  await expect(page.getByRole('alert')).toHaveText(`The From day (${plusDays(to, 1)}) is after the To day (${to}). The range was not changed: ${from} to ${to}.`);

  // A brushed span of days is shown in the fields as yyyy-mm-dd, and counted as typed days are.
  await page.getByRole('button', { name: 'Show all' }).click();
  const canvas = page.locator('[data-chart="volume"] .chart-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.35);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35, { steps: 12 });
  await page.mouse.up();
  await expect(status).toContainText('tweets in range');
  const brushed = [await dayField(page, 'From').inputValue(), await dayField(page, 'To').inputValue()];
  for (const day of brushed) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const brushedCount = rows.filter((r) => r.minute >= minuteOf(brushed[0]!) && r.minute < minuteOf(brushed[1]!) + 1440).length;
  await expect(status).toHaveText(`${fmt(brushedCount)} of ${fmt(rows.length)} tweets in range`);
  expect(consoleLog.errors).toEqual([]);
});

test('Search and Network: days typed yyyy-mm-dd filter the right tweets; impossible days are refused in words', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await page.goto('#/explore/search');
  await typeDay(page, 'From', from);
  await typeDay(page, 'To', to, 'Enter'); // Enter in the field applies the day and searches with it
  const status = page.getByTestId('search-status');
  await expect(status).toContainText(`${fmt(inRange)} tweets match (no search words: every tweet the filters allow) (from ${from} 00:00 UTC, before ${plusDays(to, 1)} 00:00 UTC)`, { timeout: 60_000 });
  await typeDay(page, 'From', `${year}-13-01`);
  await expect(page.getByRole('alert')).toHaveText(`“${year}-13-01” is not a day: the month (13) must be 01 to 12.`);
  // Enter in the field says it once, under the field: the form is not sent (its refusal was a second alert for the same mistake).
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(`“${year}-13-01” is not a day: the month (13) must be 01 to 12.`);
  await expect(page.getByRole('alert').filter({ hasText: 'Not searched' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not searched' })).toHaveText(`Not searched: From: “${year}-13-01” is not a day: the month (13) must be 01 to 12.`);
  await expect(status).toHaveAttribute('data-state', 'idle');

  await page.goto('#/network');
  await typeDay(page, 'From day', from);
  await typeDay(page, 'To day (inclusive)', to);
  await buildNetwork(page, 'Retweet');
  await expect(page.getByTestId('network-settings')).toContainText(`tweets from ${from} to ${to} (UTC days)`);
  await typeDay(page, 'To day (inclusive)', `${year}-04-31`);
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.locator('.network-form [role=alert].error').last()).toContainText(`To day: “${year}-04-31” is not a day: April ${year} has days 01 to 30.`);
  expect(consoleLog.errors).toEqual([]);
});

test('Overview: each date field has a calendar button, reached by Tab after the field; a day picked on the calendar is applied as yyyy-mm-dd', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await page.goto('#/explore');
  const status = page.getByTestId('range-status');
  await expect(status).toHaveText(`All ${fmt(rows.length)} tweets`, { timeout: 60_000 });
  const fromButton = page.getByRole('button', { name: 'Pick From on a calendar', exact: true });
  const toButton = page.getByRole('button', { name: 'Pick To on a calendar', exact: true });
  await expect(fromButton).toBeVisible();
  await expect(toButton).toBeVisible();
  // The button comes right after its field in the tab order; the picker's anchor input is not in it.
  await dayField(page, 'From').focus();
  await page.keyboard.press('Tab');
  await expect(fromButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dayField(page, 'To')).toBeFocused();
  // Opening the picker from the keyboard is no error (headless Chromium shows no popup to click in).
  await fromButton.focus();
  await page.keyboard.press('Enter');

  // What the browser's picker hands over when a day is picked: the anchor input's value, yyyy-mm-dd.
  const pickers = page.getByTestId('day-picker');
  await pickers.nth(0).fill(from);
  await pickers.nth(1).fill(to);
  await expect(dayField(page, 'From')).toHaveValue(from);
  await expect(dayField(page, 'To')).toHaveValue(to);
  await expect(status).toHaveText(`${fmt(inRange)} of ${fmt(rows.length)} tweets in range`);
  await expect(page.locator('[data-chart="volume"] figcaption')).toContainText(`tweets from ${from} to ${to}`);
  expect(consoleLog.errors).toEqual([]);
});
