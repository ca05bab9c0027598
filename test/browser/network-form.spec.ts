import path from 'node:path';
import { realFixture } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';
import { tempDir, writeDemo, writeTweetRows } from './importTempFiles';
import { buildNetwork, readPins } from './networkHelpers';
import { openDemoArchive } from './exploreHelpers';

// The Network view (QA): datasets named with their counts in words; an account pinned from its details.

test('a dataset of one tweet is offered as “(1 tweet)” in the Explore and Network dataset lists, and its Overview says “1 tweet”', async ({ page }) => {
  await page.goto('#/datasets');
  await importFiles(page, [realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  // A second dataset: a tweets file of one row.
  const one = writeTweetRows(path.join(tempDir(), 'other.csv'), 11, 3000, 0, 1);
  await importFiles(page, [one]);
  await waitForImportDone(page);

  await page.goto('#/explore');
  const exploreList = page.getByLabel('Dataset');
  await expect(exploreList.locator('option')).toHaveText(['ira_2018 (2 tweets)', 'other (1 tweet)']);
  await exploreList.selectOption({ label: 'other (1 tweet)' });
  await expect(page.getByTestId('range-status')).toHaveText('1 tweet', { timeout: 60_000 });

  await page.goto('#/network');
  await expect(page.getByLabel('Dataset').locator('option')).toHaveText(['ira_2018 (2 tweets)', 'other (1 tweet)']);
});

test('an account of the network is pinned from its details with the keyboard, taken back and put back with Undo, the same pin as from its account page', async ({ page }) => {
  test.setTimeout(240_000);
  const demo = await writeDemo(tempDir());
  await page.goto('#/datasets');
  await importFiles(page, [demo.users, demo.tweets]);
  await waitForImportDone(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const account = (await page.getByTestId('edge-table').locator('tbody tr').first().getByRole('button').first().innerText()).trim();
  const search = page.getByRole('searchbox', { name: 'Find account' });
  await search.fill(account);
  await search.press('Enter');
  const details = page.getByTestId('node-details');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  const pin = details.getByRole('button', { name: /^Pin to case: account @/ });
  // Reached with Tab from the details' heading.
  const onPin = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Pin to case: account @') ?? false);
  for (let i = 0; i < 6 && !(await onPin()); i++) await page.keyboard.press('Tab');
  await expect(pin).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('button', { name: /^Pinned: account @/ })).toBeFocused();
  const fromNetwork = await readPins(page);
  expect(fromNetwork).toHaveLength(1);
  expect(fromNetwork[0]!.kind).toBe('account');
  expect(fromNetwork[0]!.provenance).toHaveLength(1);

  // Pressed again it takes the pin back; Undo puts back the same pin.
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await readPins(page)).length).toBe(0);
  await page.keyboard.press('Tab');
  await expect(details.getByRole('button', { name: /^Undo: put back the pin/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => readPins(page)).toEqual(fromNetwork);

  // The same item as the account page pins: its title, payload and provenance.
  await details.getByRole('button', { name: /^Pinned: account @/ }).press('Enter');
  await expect.poll(async () => (await readPins(page)).length).toBe(0);
  await details.getByRole('link', { name: 'Open account page' }).click();
  await page.getByRole('button', { name: /^Pin to case: account @/ }).first().click();
  await expect.poll(async () => (await readPins(page)).length).toBe(1);
  const same = ({ kind, title, payload, provenance }: (typeof fromNetwork)[number]) => ({ kind, title, payload, provenance });
  expect(same((await readPins(page))[0]!)).toEqual(same(fromNetwork[0]!));
});

test('Tweet language offers the dataset’s languages as Search does, and the network’s summary names the code as archived', async ({ page }) => {
  test.setTimeout(240_000);
  const demo = await writeDemo(tempDir());
  await page.goto('#/datasets');
  await importFiles(page, [demo.users, demo.tweets]);
  await waitForImportDone(page);
  await page.goto('#/explore/search');
  const searchLanguages = page.getByLabel('Language', { exact: true }).locator('option');
  await expect(searchLanguages).not.toHaveCount(1);
  const offered = await searchLanguages.allInnerTexts();
  expect(offered).toContain('zh');

  await page.goto('#/network');
  // A list, not a text box: no typo builds an empty network, no spelling but the archive's reaches the summary.
  const language = page.getByRole('combobox', { name: 'Tweet language' });
  await expect(language.locator('option')).toHaveText(offered);
  // Keyboard: focused, it is chosen with the arrow keys.
  await language.focus();
  while ((await language.inputValue()) !== 'zh') await page.keyboard.press('ArrowDown');
  await buildNetwork(page, 'Retweet');
  await expect(page.getByTestId('network-summary-region')).toContainText('language zh.');
  // Back on the view, the form keeps the language chosen.
  await page.goto('#/explore');
  await page.goto('#/network');
  await expect(page.getByRole('combobox', { name: 'Tweet language' })).toHaveValue('zh');
});

test('after a cancelled build, the first edge shown says how far reading the dataset’s tweets again has come, in counts', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page); // 20,000 tweets
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  // A long build, cancelled: the shown network's worker let go of the tweets when it started.
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  await page.getByLabel('Null-model replicates').fill('9999');
  await page.getByRole('button', { name: 'Build network' }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/^Analysis cancelled\./)).toBeVisible();
  // Every text the edge's loading status shows, as it changes (the re-read of 20,000 tweets takes a moment).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      for (const s of document.querySelectorAll('[data-testid=edge-details] [role=status]')) if (!seen.includes(s.textContent!)) seen.push(s.textContent!);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  await expect(page.getByTestId('edge-tweet-table')).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.filter((s) => s.startsWith('Loading the tweets behind this edge…'))).toContainEqual(expect.stringMatching(/^Loading the tweets behind this edge… Reading tweets: [\d,]+ of 20,000 tweets/));
});
