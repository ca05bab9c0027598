import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive, DEMO_USERS_FILE } from '../../shared/archive/demo/demoArchive';
import { isHashedId } from '../../shared/domain/ids';
import { expect, test } from './fixtures';
import { importFiles, waitForImportDone } from './importHelpers';

const ACCOUNTS = 100_000;

test('accounts table at 100,000 rows: shows, sorts, filters and scrolls with a window of rows', async ({ page, consoleLog }) => {
  test.setTimeout(900_000);
  const demo = createDemoArchive({ seed: 5, tweets: 1, accounts: ACCOUNTS });
  let csv = '';
  for await (const chunk of demo.usersCsv()) csv += chunk;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dw-explore-scale-')), DEMO_USERS_FILE);
  writeFileSync(file, csv);
  await importFiles(page, [file]);
  await waitForImportDone(page, 240_000);

  const t0 = Date.now();
  await page.goto('#/explore/accounts');
  const n = ACCOUNTS.toLocaleString('en');
  await expect(page.getByTestId('account-count')).toHaveText(`${n} of ${n} accounts`, { timeout: 480_000 });
  const shownMs = Date.now() - t0;
  // Only a window of rows is in the DOM.
  const domRows = await page.locator('.vscroll [role=row]').count();
  expect(domRows).toBeLessThan(80);

  const t1 = Date.now();
  await page.getByRole('button', { name: 'Followers', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /Followers/ })).toHaveAttribute('aria-sort', 'ascending');
  const sortMs = Date.now() - t1;
  const hashed = demo.plan.accounts.filter((a) => isHashedId(a.userid)).length;
  await page.getByLabel('Id', { exact: true }).selectOption('hashed');
  await expect(page.getByTestId('account-count')).toHaveText(`${hashed.toLocaleString('en')} of ${n} accounts`);
  await page.getByLabel('Id', { exact: true }).selectOption('any');

  // Frame times while scrolling 3,000 px per frame, against idle frames measured just before in the
  // same page (the machine is shared and noisy: compare within one run, PERFORMANCE.md).
  const frames = (scroll: boolean) =>
    page.locator('.vscroll').evaluate(
      (el, doScroll) =>
        new Promise<number[]>((resolve) => {
          const times: number[] = [];
          let last = performance.now();
          const step = (now: number) => {
            times.push(now - last);
            last = now;
            if (doScroll) el.scrollTop += 3000;
            if (times.length < 100) requestAnimationFrame(step);
            else resolve(times.slice(1));
          };
          requestAnimationFrame(step);
        }),
      scroll,
    );
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const idle = med(await frames(false));
  const scrolling = await frames(true);
  const median = med(scrolling);
  const p95 = [...scrolling].sort((a, b) => a - b)[Math.floor(scrolling.length * 0.95)]!;
  console.log(JSON.stringify({ bench: 'accounts-table', rows: ACCOUNTS, shownMs, sortMs, domRows, idleFrameMedianMs: Math.round(idle * 10) / 10, scrollFrameMedianMs: Math.round(median * 10) / 10, scrollFrameP95Ms: Math.round(p95 * 10) / 10 }));
  // The frame times are figures for the log (a shared machine makes a bound on them flaky: bench, not
  // test). What keeps scrolling cheap is tested: after 99 × 3,000 px only a window of rows is in the
  // DOM, and it is a window far down the 100,000.
  const rows = page.locator('.vscroll [role=row]:not(.vhead)');
  expect(await rows.count()).toBeLessThan(80);
  await expect(rows.first()).toBeVisible();
  expect(Number(await rows.first().getAttribute('aria-rowindex'))).toBeGreaterThan(1_000);
  expect(consoleLog.errors).toEqual([]);
});
