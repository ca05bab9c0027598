import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { demoTweetRows } from '../../shared/archive/demo/demoTweets';
import { isHashedId } from '../../shared/domain/ids';
import type { Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { termIn } from '../searchTermReference';
import { countStore, storeRecords, download, expectNoSeriousAxeViolations, openDemoArchive, stat } from './exploreHelpers';

// The Datasets view's "Open demo archive" imports this generator configuration (renderer/src/import/ImportPanel.tsx).
const DEMO = createDemoArchive({ seed: 1, tweets: 20_000 });
const truth = DEMO.groundTruth;
const rows = [...demoTweetRows(DEMO.options, DEMO.plan)];
/** Independent count for a query: every term in the NFKC lower-cased text (a substring, a #tag whole: searchTermReference.ts). */
const expectedMatches = (terms: string[], keep: (r: (typeof rows)[number]) => boolean = () => true) =>
  rows.filter((r) => keep(r) && terms.every((t) => termIn(r.text.normalize('NFKC').toLowerCase(), t))).length;

test.describe.configure({ mode: 'serial' });

test('explore the demo archive: overview numbers, bursts, zone, range filter, exports, pins, accounts, account page, search', async ({ page, requests, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  const t0 = Date.now();
  await page.goto('#/explore');

  // Overview counts against the generator's ground truth.
  await expect(page.locator('[data-stat="tweets"]')).toHaveText(truth.counts.tweets.toLocaleString('en'), { timeout: 60_000 });
  console.log(`overview shown ${Date.now() - t0} ms after navigation`);
  expect(await stat(page, 'accounts')).toBe(truth.counts.accounts);
  const hashed = DEMO.plan.accounts.filter((a) => isHashedId(a.userid)).length;
  expect(await stat(page, 'hashed')).toBe(hashed);
  expect(await stat(page, 'clear')).toBe(truth.counts.accounts - hashed);
  expect(await stat(page, 'retweets')).toBe(rows.filter((r) => r.isRetweet).length);
  expect(await stat(page, 'tweet-languages')).toBe(new Set(rows.map((r) => r.lang)).size);

  // Most retweeted: a retweet without retweet_userid counts for the archived account its "RT @name:" names.
  const idOfName = new Map(DEMO.plan.accounts.map((a) => [a.screenName.toLowerCase(), a.userid]));
  const retweeted = new Map<string, number>();
  for (const r of rows) {
    const name = r.isRetweet ? /^RT @([^:\s]+):/.exec(r.text)?.[1] : undefined;
    const k = r.retweetUserid || (name && (idOfName.get(name.toLowerCase()) ?? '@' + name));
    if (k) retweeted.set(k, (retweeted.get(k) ?? 0) + 1);
  }
  const mostRetweeted = page.getByRole('region', { name: 'Most retweeted accounts' });
  const shownCounts = async () => (await mostRetweeted.locator('tbody td:nth-child(2)').allInnerTexts()).map((x) => Number(x.replace(/,/g, '')));
  expect(await shownCounts()).toEqual([...retweeted.values()].sort((a, b) => b - a).slice(0, 20));
  const labels = await mostRetweeted.locator('tbody td:first-child').allInnerTexts();
  expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
  // Accounts outside the archive are plain text, and the table says why.
  if ([...retweeted.keys()].some((k) => !DEMO.plan.accounts.some((a) => a.userid === k))) await expect(mostRetweeted).toContainText('Plain ids and names are accounts outside the archive');

  // Every planted group's creation day is flagged as a burst.
  const bursts = page.getByTestId('bursts');
  for (const g of truth.groups) await expect(bursts).toContainText(g.accountsCreatedOn);

  // Time zone: listed under current names (Asia/Kolkata, not ICU's Asia/Calcutta), remembered across reloads.
  const zoneNames = await page.getByLabel('Time zone').locator('option').allTextContents();
  expect(zoneNames).toEqual(expect.arrayContaining(['UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'Asia/Kathmandu']));
  expect(zoneNames).not.toContain('Asia/Calcutta');
  await page.getByLabel('Time zone').selectOption('Asia/Hong_Kong');
  await expect(page.getByRole('heading', { name: /Posting rhythm.*Asia\/Hong_Kong/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Hong_Kong');

  // Range filter (keyboard-operable date inputs, synced with the volume chart's zoom).
  const from = DEMO.options.startDate;
  const to = new Date(Date.parse(from + 'T00:00:00Z') + 29 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill(to);
  const fromMin = Date.parse(from + 'T00:00:00Z') / 60_000;
  const toMin = Date.parse(to + 'T00:00:00Z') / 60_000 + 1440;
  const inRange = rows.filter((r) => r.minute >= fromMin && r.minute < toMin).length;
  await expect(page.getByTestId('range-status')).toHaveText(`${inRange.toLocaleString('en')} of ${truth.counts.tweets.toLocaleString('en')} tweets in range`);
  await expect(page.locator('[data-chart="rhythm"] figcaption')).toContainText(`tweets from ${from} to ${to}`);

  // Exports: PNG and SVG with the caption naming dataset and filters.
  const png = await download(page, () => page.getByRole('button', { name: /Export Posting rhythm.* as PNG/ }).click());
  expect(png.name).toMatch(/\.png$/);
  // A long caption is cut between words, not inside one.
  expect(png.name.length).toBeLessThanOrEqual(124);
  const named = `${await page.locator('[data-chart="rhythm"] h3').innerText()}-${await page.locator('[data-chart="rhythm"] figcaption').innerText()}`;
  const words = named.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/_+/g, '_').split('_');
  const pieces = png.name.replace(/\.png$/, '').split('_');
  expect(pieces.at(-1)).toBe(words[pieces.length - 1]);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const svg = await download(page, () => page.getByRole('button', { name: /Export Posting rhythm.* as SVG/ }).click());
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Asia/Hong_Kong');
  expect(svgText).toContain(`tweets from ${from} to ${to}`);
  await page.getByRole('button', { name: /Pin to case: Posting rhythm/ }).click();
  await expect.poll(() => countStore(page, 'pins')).toBe(1);
  // The pin keeps the chart's SVG (rendered when pinned), which the case's report prints.
  const [pinned] = await storeRecords<{ payload: { svg?: string; filtered?: string } }>(page, 'pins');
  const pinnedSvg = pinned?.payload.svg ?? '';
  // It says what the time filter left out ("Filtered or hidden" in the report).
  expect(pinned?.payload.filtered).toBe(`only tweets from ${from} to ${to} (UTC): ${inRange.toLocaleString('en')} of ${truth.counts.tweets.toLocaleString('en')} tweets`);
  expect(pinnedSvg).toMatch(/^<svg[\s\S]*Posting rhythm/);
  // The chart's button says it is pinned; pressed again, it takes the waiting pin back, and a third press pins it again.
  await expect(page.getByRole('button', { name: /^Pinned: Posting rhythm/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^Pinned: Posting rhythm/ }).click();
  await expect.poll(() => countStore(page, 'pins')).toBe(0);
  await page.getByRole('button', { name: /^Pin to case: Posting rhythm/ }).click();
  await expect.poll(() => countStore(page, 'pins')).toBe(1);
  await page.getByRole('button', { name: 'Show all' }).click();
  // The button disabled itself: focus went on to the From day, not to the page.
  await expect(page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true })).toBeFocused();
  // Typed key by key (yyyy-mm-dd, as every date field of the app takes days), the To day is applied
  // once, when done, not at each half-typed day on the way (2019-0…: each refused with an alert).
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(to);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('range-status')).toHaveText(`${inRange.toLocaleString('en')} of ${truth.counts.tweets.toLocaleString('en')} tweets in range`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/explore-overview.png', fullPage: true });

  // Accounts table.
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await expect(page).toHaveTitle(/^Accounts — Explore: .+ — Disclosure Workbench$/); // the window (and its tab) says the page
  // The Columns list opens from the keyboard and closes with Escape, back on its summary.
  const columns = page.locator('details.column-chooser');
  await columns.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(columns).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(columns).not.toHaveAttribute('open', '');
  await expect(columns.locator('summary')).toBeFocused();
  const n = truth.counts.accounts.toLocaleString('en');
  await expect(page.getByTestId('account-count')).toHaveText(`${n} of ${n} accounts`);
  await page.getByLabel('Id', { exact: true }).selectOption('hashed');
  await expect(page.getByTestId('account-count')).toHaveText(`${hashed.toLocaleString('en')} of ${n} accounts`);
  const group0 = truth.groups[0]!;
  await page.getByLabel('Id', { exact: true }).selectOption('any');
  // The Random-looking handle column says "no" for a handle not flagged (a blank read as unknown), and why for one flagged.
  const headers = await page.locator('.vhead [role=columnheader]').allInnerTexts();
  const randomCells = page.locator('.vscroll [role=row]').locator(`[role=cell]:nth-child(${headers.indexOf('Random-looking handle') + 1})`);
  await page.getByRole('combobox', { name: 'Random-looking handle' }).selectOption('no');
  await expect(randomCells.first()).toHaveText('no');
  expect(new Set(await randomCells.allInnerTexts())).toEqual(new Set(['no']));
  await page.getByRole('combobox', { name: 'Random-looking handle' }).selectOption('yes');
  await expect(randomCells.first()).not.toHaveText('no');
  expect((await randomCells.allInnerTexts()).filter((t) => !/^(trailing digits|consonant run|high entropy)(, |$)/.test(t))).toEqual([]);
  await page.getByRole('combobox', { name: 'Random-looking handle' }).selectOption('any');
  await page.getByLabel('Created from (yyyy-mm-dd, UTC)', { exact: true }).fill(group0.accountsCreatedOn);
  await page.getByLabel('Created to (yyyy-mm-dd, UTC)', { exact: true }).fill(group0.accountsCreatedOn);
  const createdThatDay = DEMO.plan.accounts.filter((a) => a.creationDate === group0.accountsCreatedOn).length;
  await expect(page.getByTestId('account-count')).toHaveText(`${createdThatDay} of ${n} accounts`);
  // The CSV is named after its filters, and its receipt beside it says them and the files its rows came from.
  const saved: Download[] = [];
  page.on('download', (d) => saved.push(d));
  const csv = await download(page, () => page.getByRole('button', { name: 'Export filtered rows as CSV' }).click(), '.csv');
  expect(csv.name).toMatch(new RegExp(`^[^-]+-accounts-created_${group0.accountsCreatedOn}_to_${group0.accountsCreatedOn}\\.csv$`));
  const base = csv.name.slice(0, -'.csv'.length);
  await expect.poll(() => saved.map((d) => d.suggestedFilename()).sort()).toEqual([`${base}.csv`, `${base}.receipt.json`]);
  const receipt = JSON.parse(readFileSync((await saved.find((d) => d.suggestedFilename().endsWith('.receipt.json'))!.path())!, 'utf8'));
  expect(receipt).toMatchObject({
    kind: 'accounts-export', rows: createdThatDay, ofAccounts: truth.counts.accounts, csvBytes: csv.bytes.length,
    filtersInWords: `created ${group0.accountsCreatedOn} to ${group0.accountsCreatedOn}`, sort: { column: 'Tweets', order: 'descending' },
  });
  expect(receipt.dataset.files.reduce((n: number, f: { sha256: string; accounts: number }) => n + f.accounts, 0)).toBe(createdThatDay);
  for (const f of receipt.dataset.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByText(`Exported ${createdThatDay} of ${n} accounts (created ${group0.accountsCreatedOn} to ${group0.accountsCreatedOn}), and its receipt`)).toBeVisible();
  const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(createdThatDay + 1);
  for (const id of group0.members) expect(csv.bytes.toString('utf8')).toContain(`"${id}"`);
  // Sort by followers descending: first row shows the maximum.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Followers', exact: true }).click();
  // Named by its column alone (the arrow is hidden from screen readers; aria-sort says the order).
  await page.getByRole('button', { name: 'Followers', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Followers', exact: true })).toHaveAttribute('aria-sort', 'descending');
  const maxFollowers = Math.max(...DEMO.plan.accounts.map((a) => a.followers));
  await expect(page.locator('.vscroll [role=row]').first().locator('[role=cell]').nth(4)).toHaveText(maxFollowers.toLocaleString('en')); // with thousands separators, as every count the app shows
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/accounts.png' });
  // Back from an account page, the rows are scrolled where they were.
  const rowsBox = page.locator('.vscroll');
  await rowsBox.evaluate((el) => (el.scrollTop = 3000));
  // The rows re-render on the scroll event, a frame later: wait for them before choosing a link among them.
  await expect.poll(() => rowsBox.locator('[role=row]').first().getAttribute('aria-rowindex').then(Number)).toBeGreaterThan(3000 / 34 - 20);
  const link = rowsBox.locator('[role=row] a').nth(5);
  const linkText = await link.innerText();
  await link.dispatchEvent('click'); // a click() would first scroll the link into view
  await expect(page.getByTestId('profile')).toBeVisible();
  await page.goBack();
  await expect(rowsBox.locator('[role=row] a', { hasText: linkText })).toBeVisible();
  // and the focus is back on the link that opened the account (a keyboard user goes on from there).
  await expect(rowsBox.locator('[role=row] a', { hasText: linkText })).toBeFocused();
  expect(await rowsBox.evaluate((el) => el.scrollTop)).toBe(3000);

  // Account page of a busy group member: tweets read from its blocks equal the generator's.
  const member = group0.members.map((id) => ({ id, n: rows.filter((r) => r.account.userid === id).length })).sort((a, b) => b.n - a.n)[0]!;
  // Opened from far down the Overview, the account page starts at its top.
  await page.goto('#/explore');
  await expect(page.getByRole('region', { name: 'Most retweeted accounts' })).toBeVisible();
  await page.locator('#main').evaluate((el) => (el.scrollTop = el.scrollHeight));
  expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
  await page.goto(`#/explore/account/${encodeURIComponent(member.id)}`);
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toHaveText(`Tweets (${member.n.toLocaleString('en')})`, { timeout: 90_000 });
  await expect(page.getByTestId('profile')).toContainText(group0.accountsCreatedOn);
  // A page change puts keyboard focus on the new page's heading (the account's name).
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeInViewport();
  expect(await page.locator('#main').evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByRole('list', { name: /Tweets of/ }).getByRole('listitem').first()).toBeVisible();
  // Each list of accounts says how many there are and how many it shows.
  const retweets = new Map<string, number>();
  for (const r of rows) {
    if (r.account.userid !== member.id || !r.isRetweet) continue;
    const name = /^RT @([^:\s]+):/.exec(r.text)?.[1];
    const k = r.retweetUserid || (name && (idOfName.get(name.toLowerCase()) ?? '@' + name));
    if (k) retweets.set(k, 1);
  }
  const accountsText = (n: number) => `${n.toLocaleString('en-US')} account${n === 1 ? '' : 's'}`;
  await expect(page.getByRole('region', { name: 'Retweets', exact: true }).getByRole('heading')).toHaveText(
    retweets.size > 15 ? `Retweets: top 15 of ${accountsText(retweets.size)}` : `Retweets: ${accountsText(retweets.size)}`,
  );
  await page.getByRole('list', { name: /Tweets of/ }).getByRole('button', { name: /Pin to case: tweet/ }).first().click();
  await expect.poll(() => countStore(page, 'pins')).toBe(2);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/account.png', fullPage: true });

  // Search: CJK, Arabic and hashtag queries, counts checked against the generator's rows.
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Search tweets' })).toBeFocused();
  const box = page.getByRole('searchbox');
  for (const q of ['香港', 'العنف', '#hongkong', 'violence']) {
    const expected = expectedMatches([q.normalize('NFKC').toLowerCase()]);
    await box.fill(q);
    await box.press('Enter');
    await expect(page.getByTestId('search-status')).toContainText(`${expected.toLocaleString('en')} tweets match “${q}”`);
  }
  // Filter: no retweets, with a term.
  await box.fill('香港');
  await page.getByLabel('Retweets').selectOption('exclude');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const noRt = expectedMatches(['香港'], (r) => !r.isRetweet);
  await expect(page.getByTestId('search-status')).toContainText(`${noRt.toLocaleString('en')} tweets match “香港” (no retweets)`);
  if (noRt > 0) await expect(page.locator('.results mark').first()).toHaveText('香港');
  await page.getByRole('button', { name: 'Pin to case: this search' }).click();
  await expect.poll(() => countStore(page, 'pins')).toBe(3);
  // Newest first: the newest matching tweets, ties in file order, counted from the generator's rows.
  await page.getByLabel('Order').selectOption('newest');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText(`${noRt.toLocaleString('en')} tweets match “香港” (no retweets, newest first)`);
  const newest = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !r.isRetweet && r.text.normalize('NFKC').toLowerCase().includes('香港'))
    .sort((a, b) => b.r.minute - a.r.minute || a.i - b.i)
    .slice(0, 50)
    .map(({ r }) => r.tweetid);
  expect(await page.locator('.results > li').evaluateAll((li) => li.map((e) => e.getAttribute('data-tweetid')))).toEqual(newest);
  // Paging by keyboard: back on the first page, Previous disables itself and focus goes on to Next.
  if (noRt > 50) {
    await page.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-status')).toBeVisible();
    await expect(page.locator('.results')).toHaveAttribute('start', '51');
    await page.getByRole('button', { name: 'Previous page' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.results')).toHaveAttribute('start', '1');
    await expect(page.getByRole('button', { name: 'Next page' })).toBeFocused();
  }
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/search.png' });

  // Inputs other tools read otherwise are said or taken as meant: OR is a word here (said), a whole
  // link in Linked domain is its site, two hashtags in Hashtag stop the search.
  await page.getByRole('button', { name: 'Clear' }).click();
  await box.fill('香港 OR violence');
  await box.press('Enter');
  await expect(page.getByTestId('search-no-operators')).toHaveText('Search has no operators: OR is searched as a word, and every word must occur. Search each alternative on its own, or narrow with the filters.');
  const site = new URL(rows.find((r) => r.urls.length)!.urls[0]!).hostname.replace(/^www\./, '');
  const siteCount = async (domain: string) => {
    await box.fill('');
    await page.getByLabel('Linked domain').fill(domain);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('search-status')).toContainText(`linking ${site}`);
    return page.getByTestId('search-status').innerText();
  };
  const byName = await siteCount(site);
  expect(byName).toMatch(/^[1-9][\d,]* tweets? match/);
  expect((await siteCount(`https://www.${site}/some/path?x=1`)).split(' — ')[0]).toBe(byName.split(' — ')[0]);
  expect((await siteCount(`www.${site.toUpperCase()}`)).split(' — ')[0]).toBe(byName.split(' — ')[0]);
  await expect(page.getByTestId('search-no-operators')).toHaveCount(0);
  await page.getByLabel('Linked domain').fill('');
  await page.getByLabel('Hashtag').fill('#香港 #HongKong');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Not searched: Hashtag takes one hashtag, and “#香港 #HongKong” holds 2. Give one there, and another as a search word (#tag finds the whole hashtag).');
  // The refused field is marked invalid and described by the refusal; the others are not.
  await expect(page.getByLabel('Hashtag')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hashtag')).toHaveAccessibleDescription(/^Not searched: Hashtag takes one hashtag/);
  await expect(page.getByLabel('Linked domain')).not.toHaveAttribute('aria-invalid', /./);
  // Given one hashtag, it is no longer refused.
  await page.getByLabel('Hashtag').fill('#香港');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText('match');
  await expect(page.getByLabel('Hashtag')).not.toHaveAttribute('aria-invalid', /./);
  await expect(page.getByLabel('Hashtag')).toHaveAccessibleDescription('');

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
