import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { demoTweetRows } from '../../shared/archive/demo/demoTweets';
import { urlDomain } from '../../shared/domain/urlDomain';
import { expect, test } from './fixtures';
import { countStore, download, openDemoArchive, storeRecords } from './exploreHelpers';

// The Datasets view's "Open demo archive" imports this generator configuration (renderer/src/import/ImportPanel.tsx).
const DEMO = createDemoArchive({ seed: 1, tweets: 20_000 });
const rows = [...demoTweetRows(DEMO.options, DEMO.plan)];
const minuteOf = (day: string) => Date.parse(day + 'T00:00:00Z') / 60_000;
const fmt = (n: number) => n.toLocaleString('en');

test('volume chart brush sets the time filter; counts in range match the generator', async ({ page, requests, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/explore');
  const total = rows.length;
  await expect(page.getByTestId('range-status')).toHaveText(`All ${fmt(total)} tweets`, { timeout: 60_000 });

  // Brush: drag across the middle of the volume chart's bars (a lineX selection of whole days).
  const canvas = page.locator('[data-chart="volume"] .chart-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height * 0.35;
  await page.mouse.move(box.x + box.width * 0.35, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.62, y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('range-status')).toContainText('tweets in range');

  // The brushed days are shown in the (keyboard-operable) date inputs; numbers checked against the rows.
  const from = await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).inputValue();
  const to = await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).inputValue();
  expect(from < to).toBe(true);
  const inRange = rows.filter((r) => r.minute >= minuteOf(from) && r.minute < minuteOf(to) + 1440);
  expect(inRange.length).toBeGreaterThan(0);
  expect(inRange.length).toBeLessThan(total);
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);
  await expect(page.locator('[data-chart="rhythm"] figcaption')).toContainText(`tweets from ${from} to ${to}`);
  await expect(page.locator('[data-chart="clients"] figcaption')).toContainText(`tweets from ${from} to ${to}`);
  await expect(page.locator('[data-chart="volume"] figcaption')).toContainText(`tweets from ${from} to ${to}`);

  // Panels recounted for the range by the search worker: retweets, tweet languages, top hashtags, URL domains, mentioned accounts.
  await expect(page.getByTestId('range-facets')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('range-facets')).toContainText(`In range: ${fmt(inRange.filter((r) => r.isRetweet).length)} retweets`);
  const langs = new Map<string, number>();
  for (const r of inRange) langs.set(r.lang, (langs.get(r.lang) ?? 0) + 1);
  const langSummary = await page.locator('[data-chart="tweet-languages"] .chart-canvas').getAttribute('aria-label');
  const shown = new Map([...langSummary!.replace(/^Tweet languages\. /, '').split(', ')].map((e) => { const m = /^(.*) (\d+)$/.exec(e)!; return [m[1] === '(empty)' ? '' : m[1]!, Number(m[2])]; }));
  expect(shown).toEqual(new Map([...langs].filter(([, n]) => n > 0)));
  await expect(page.locator('[data-chart="tweet-languages"] figcaption')).toContainText(`tweets from ${from} to ${to}`);
  const tags = new Map<string, number>();
  for (const r of inRange) for (const h of r.hashtags) tags.set(h, (tags.get(h) ?? 0) + 1);
  const table = page.getByRole('region', { name: 'Top hashtags in range' });
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const top = [...tags.values()].sort((a, b) => b - a).slice(0, 20);
  expect(cells.map((c) => Number(c[1]!.replace(/,/g, '')))).toEqual(top);
  for (const [tag, n] of cells) expect(tags.get(tag!.replace(/^#/, ''))).toBe(Number(n!.replace(/,/g, '')));
  // URL domains and mentioned accounts too (each tweet's user_mentions ids once, never its author).
  // The value as shown (without its notes), and the count (a link whose name goes on for screen readers).
  const cellsOf = (name: string) => page.getByRole('region', { name, exact: true }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const [value, count] = [...tr.querySelectorAll('td')];
    return [value!.firstChild?.textContent ?? '', /^[\d,]+/.exec(count!.textContent ?? '')?.[0] ?? ''];
  }));
  const domains = new Map<string, number>();
  for (const r of inRange) for (const u of r.urls) domains.set(urlDomain(u), (domains.get(urlDomain(u)) ?? 0) + 1);
  const domainCells = await cellsOf('Top URL domains in range');
  expect(domainCells.length).toBeGreaterThan(0);
  for (const [domain, n] of domainCells) expect(domains.get(domain!)).toBe(Number(n!.replace(/,/g, '')));
  const mentioned = new Map<string, number>();
  for (const r of inRange) for (const m of new Set(r.userMentions)) if (m !== '' && m !== '0' && m !== r.account.userid) mentioned.set(m, (mentioned.get(m) ?? 0) + 1);
  const mentionCells = await cellsOf('Most mentioned accounts in range');
  expect(mentionCells.length).toBeGreaterThan(0);
  expect(mentionCells.map((c) => Number(c[1]!.replace(/,/g, '')))).toEqual([...mentioned.values()].sort((a, b) => b - a).slice(0, 20));
  await expect(page.getByRole('region', { name: 'Most retweeted accounts in range', exact: true })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/explore-brush.png' });

  // A hashtag of the ranged list links to its tweets in the range, in Search (any spelling of it).
  const topTag = cells[0]![0]!.replace(/^#/, '');
  const withTag = inRange.filter((r) => r.hashtags.some((h) => h.toLowerCase() === topTag.toLowerCase())).length;
  await table.getByRole('link', { name: `#${topTag}`, exact: true }).click();
  await expect(page.getByLabel('Hashtag', { exact: true })).toHaveValue(topTag);
  await expect(page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true })).toHaveValue(from);
  await expect(page.getByTestId('search-status')).toContainText(`${fmt(withTag)} tweet${withTag === 1 ? ' matches' : 's match'} (no search words`);
  await page.goBack(); // the Overview keeps its time filter
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);
  // A mentioned account's count links to the tweets it counts: as many in Search.
  await expect(page.getByTestId('range-facets')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  const mentionCount = page.getByRole('region', { name: 'Most mentioned accounts in range', exact: true }).locator('tbody tr').first().locator('td').nth(1);
  const counted = (await mentionCount.locator('a').evaluate((a) => a.firstChild!.textContent!)).replace(/,/g, '');
  await mentionCount.getByRole('link').click();
  await expect(page.getByTestId('search-status')).toContainText(`${fmt(Number(counted))} tweet${counted === '1' ? ' matches' : 's match'} (no search words`);
  await expect(page.getByTestId('search-status')).toContainText('mentioning ');
  await page.goBack();
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);

  // Keyboard alternative: the date inputs set the same filter; "Show all" clears it.
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.getByTestId('range-status')).toHaveText(`All ${fmt(total)} tweets`);
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill(from);
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill(to);
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);
  // A To day before the From day is said, and the range in force is kept; the day typed stays in its box…
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill(dayBefore);
  await expect(page.getByRole('alert')).toHaveText(`The From day (${from}) is after the To day (${dayBefore}). The range was not changed: ${from} to ${to}.`);
  // The range is refused as a whole: both days are marked invalid and described by the refusal.
  for (const label of ['From (yyyy-mm-dd, UTC)', 'To (yyyy-mm-dd, UTC)']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(label, { exact: true })).toHaveAccessibleDescription(/^The From day .* The range was not changed: /);
  }
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);
  await expect(page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true })).toHaveValue(dayBefore);
  // …so that moving From back next gives the range typed (From to the typed To), not one with the old To.
  const firstDay = new Date(Math.min(...rows.map((r) => r.minute)) * 60_000).toISOString().slice(0, 10);
  const weekBefore = new Date(Math.max(Date.parse(`${dayBefore}T00:00:00Z`) - 7 * 86_400_000, Date.parse(`${firstDay}T00:00:00Z`))).toISOString().slice(0, 10);
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill(weekBefore);
  const typed = rows.filter((r) => r.minute >= minuteOf(weekBefore) && r.minute < minuteOf(dayBefore) + 1440);
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(typed.length)} of ${fmt(total)} tweets in range`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true })).not.toHaveAttribute('aria-invalid', /./);
  await expect(page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true })).toHaveValue(dayBefore);
  // Back to the range the rest of the test reads.
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill(to);
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill(from);
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);

  // A dataset imported before the search records held each tweet's targets: they are read from its tweet blocks, the same counts.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction('searchBlocks', 'readwrite');
      tx.objectStore('searchBlocks').openCursor().onsuccess = (e) => {
        const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!c) return;
        const v = c.value;
        delete v.filters.targets;
        c.update(v);
        c.continue();
      };
      tx.oncomplete = res;
    });
    db.close();
  });
  await page.reload();
  await page.getByLabel('From (yyyy-mm-dd, UTC)', { exact: true }).fill(from);
  await page.getByLabel('To (yyyy-mm-dd, UTC)', { exact: true }).fill(to);
  await expect(page.getByTestId('range-status')).toHaveText(`${fmt(inRange.length)} of ${fmt(total)} tweets in range`);
  await expect(page.getByTestId('range-facets')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('range-facets')).toContainText(`In range: ${fmt(inRange.filter((r) => r.isRetweet).length)} retweets`);
  expect(await cellsOf('Top URL domains in range')).toEqual(domainCells);
  expect(await cellsOf('Most mentioned accounts in range')).toEqual(mentionCells);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('a chart zoomed on screen (the wheel, the slider) is exported and pinned as shown, and says what it leaves out', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/explore');
  await expect(page.getByTestId('range-status')).toHaveText(`All ${fmt(rows.length)} tweets`, { timeout: 60_000 });
  const figure = page.locator('[data-chart="clients"]');
  const canvas = figure.locator('.chart-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.5);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
  const days = [...new Set(rows.map((r) => new Date(r.minute * 60_000).toISOString().slice(0, 10)))].sort();
  const svg = await download(page, () => figure.getByRole('button', { name: /as SVG/ }).click());
  // The caption's lines (wrapped between words) read as one.
  const text = svg.bytes.toString('utf8').replace(/<\/text><text[^>]*>/g, ' ');
  const zoomed = /zoomed to (\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d) of (\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)/.exec(text);
  expect(zoomed?.slice(3)).toEqual([days[0], days.at(-1)]);
  const [shownFrom, shownTo] = [zoomed![1]!, zoomed![2]!];
  expect(shownFrom > days[0]! || shownTo < days.at(-1)!).toBe(true);
  // The day labels drawn are those of the zoom: none before its first day or after its last.
  const labels = [...text.matchAll(/>(\d{4}-\d\d-\d\d)</g)].map((m) => m[1]!);
  expect(labels.length).toBeGreaterThan(1);
  expect(labels.every((d) => d >= shownFrom && d <= shownTo)).toBe(true);
  // Pinned, it says so too ("Filtered or hidden" in the report).
  await figure.getByRole('button', { name: /Pin to case/ }).click();
  await expect.poll(() => countStore(page, 'pins')).toBe(1);
  const [pin] = await storeRecords<{ payload: { filtered?: string; caption: string } }>(page, 'pins');
  expect(pin?.payload.filtered).toBe(zoomed![0]);
  expect(pin?.payload.caption).toContain(zoomed![0]);
  expect(consoleLog.errors).toEqual([]);
});
