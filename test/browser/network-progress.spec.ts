import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../shared/archive/demo/demoArchive';
import { writeChunks } from '../fixtures/writeChunks';
import { openDemoArchive } from './exploreHelpers';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';

// A long network build says how far it is (phase, count of total, rate, time left) and can be
// cancelled from the keyboard at any point of it, the view staying usable and the focus kept.

/** Records every text the build's progress line shows (each worker message is a commit of its own). */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.locator('.network-status').evaluate((status) => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = status.querySelector('[data-testid=analysis-progress]')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(status, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

const count = (s: string) => Number(s.replace(/,/g, ''));

test('a co-URL build shows each phase with its count of the total, then the network', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  const option = await page.getByLabel('Dataset').locator('option:checked').innerText();
  const tweets = /\(([\d,]+) tweets\)/.exec(option)![1]!;
  const seen = await recordProgress(page);
  await page.getByLabel('Network kind').selectOption({ label: 'Co-URL' });
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Co-URL network of/ })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);

  const texts = await seen();
  // Every counted phase is seen to start at 0 and to end at its total (both figures always go, however short the phase).
  for (const phase of ['Reading tweets', 'Scanning tweets']) {
    expect(texts, phase).toContain(`${phase}: 0 of ${tweets} tweets`);
    expect(texts, phase).toContain(`${phase}: ${tweets} of ${tweets} tweets`);
  }
  const pairs = texts.map((t) => /^Pairing accounts: ([\d,]+) of ([\d,]+) account pairs/.exec(t)).filter((m) => m !== null);
  expect(pairs.length).toBeGreaterThanOrEqual(2);
  const total = pairs[0]![2]!;
  expect(pairs.map((m) => m[2])).toEqual(pairs.map(() => total));
  expect(pairs[0]![1]).toBe('0');
  expect(pairs.at(-1)![1]).toBe(total);
  const edges = count(/([\d,]+) edges/.exec(await page.getByTestId('network-summary').innerText())![1]!);
  expect(edges).toBeGreaterThan(0);
  expect(count(total)).toBeGreaterThanOrEqual(edges); // a pair per shared link: one edge each, or more weight on one
  // A rate and a time left, when said, are said with the count: "…, 41,000 tweets/s, about 3.0 s left".
  for (const t of texts.filter((x) => /\/s/.test(x))) expect(t).toMatch(/^[^:]+: [\d,]+ of [\d,]+ [a-z ]+, [\d,]+ [a-z ]+\/s(, about .+ left)?$/);
  // The metrics count nothing: each is named as it starts.
  const order = ['Reading tweets: 0', 'Scanning tweets: 0', 'Pairing accounts: 0', 'Communities and metrics: Louvain communities…', 'Communities and metrics: PageRank…', 'Communities and metrics: betweenness…', 'Preparing the view…'];
  const at = order.map((p) => texts.findIndex((t) => t.startsWith(p)));
  expect(at.every((i) => i >= 0), `${order.join(' → ')} in ${texts.join(' | ')}`).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(consoleLog.errors).toEqual([]);
});

test('cancelling a co-URL build while it counts (keyboard) stops it at once; the view stays usable, the focus kept', async ({ page, consoleLog }) => {
  test.setTimeout(900_000);
  // 120,000 demo tweets: their co-URL network pairs accounts for seconds even on a fast machine.
  const demo = createDemoArchive({ seed: 2024, tweets: 120_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-network-progress-'));
  const files = [path.join(dir, DEMO_USERS_FILE), path.join(dir, DEMO_TWEETS_FILE)];
  await writeChunks(files[0]!, demo.usersCsv());
  await writeChunks(files[1]!, demo.tweetsCsv());
  await importFiles(page, files);
  await waitForImportDone(page, 600_000);
  await page.goto('#/network');
  await page.getByLabel('Network kind').selectOption({ label: 'Co-URL' });
  const build = page.getByRole('button', { name: 'Build network' });
  await build.focus();
  await page.keyboard.press('Enter');
  // Cancel takes the focus from the disabled Build network; it is pressed once the pairs are being counted.
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(cancel).toBeFocused();
  const progress = page.getByTestId('analysis-progress');
  await expect(progress).toHaveText(/^Pairing accounts: [\d,]+ of [\d,]+ account pairs/, { timeout: 300_000 });
  await page.keyboard.press('Enter');

  const news = page.getByText('Analysis cancelled.', { exact: true });
  await expect(news).toBeFocused();
  await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
  await expect(cancel).toHaveCount(0);
  await expect(build).toBeEnabled();
  await expect(page.getByRole('heading', { level: 2, name: /network of/ })).toHaveCount(0);
  // From the news, Shift+Tab goes back to Build network; a smaller build from the keyboard then runs to its end.
  await page.keyboard.press('Shift+Tab');
  await expect(build).toBeFocused();
  await page.getByLabel('Network kind').selectOption({ label: 'Quote' });
  await build.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Quote network of/ })).toBeVisible({ timeout: 300_000 });
  await expect(news).toHaveCount(0);
  expect(consoleLog.errors).toEqual([]);
});
