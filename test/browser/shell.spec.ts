import { CSP_VIOLATION_EXPECTED, expect, test } from './fixtures';
import { realFixture } from '../fixtures/paths';
import { importFiles, waitForImportDone } from './importHelpers';
import { CONTENT_SECURITY_POLICY, isHeaderPolicy } from '../../shared/security/contentSecurityPolicy';

test('the production renderer loads offline with no console error and the empty state explains what to import', async ({ page, consoleLog, requests }) => {
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await expect(page.getByText('Twitter information-operations archives')).toBeVisible();
  await expect(page.getByText(/Data is stored in/)).toBeVisible();
  expect(consoleLog.errors).toEqual([]);
  expect(requests.urls.length).toBeGreaterThan(0);
  expect(requests.outside()).toEqual([]);
});

test('every view is reachable by keyboard: Tab to the navigation, Enter, and Alt+number; focus lands on the new page\'s heading', async ({ page }) => {
  await page.keyboard.press('Tab'); // skip link
  for (const label of ['Datasets', 'Explore', 'Network', 'Cases']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: label })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeFocused();
  for (const [key, label] of [['Alt+2', 'Explore'], ['Alt+3', 'Network'], ['Alt+1', 'Datasets']] as const) {
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { name: label, level: 1 })).toBeFocused();
  }
  await expect(page.getByRole('link', { name: 'Datasets' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Datasets — Disclosure Workbench');
  // The skip link moves focus into the page and stays on the view (the hash is the router's).
  await page.keyboard.press('Alt+3');
  await expect(page).toHaveTitle('Network — Disclosure Workbench');
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/network');
});

test('the Content-Security-Policy is in force: inline script is refused', { annotation: CSP_VIOLATION_EXPECTED }, async ({ page }) => {
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
  // An injected inline script must not run, and the browser must report the violation.
  const result = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        (window as any).__ran = false;
        document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: (window as any).__ran, violated: e.violatedDirective }), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.append(s);
        setTimeout(() => resolve({ ran: (window as any).__ran, violated: '' }), 2000);
      }),
  );
  expect(result).toEqual({ ran: false, violated: 'script-src-elem' });
});

test('a request the page’s CSP refuses raises one event per copy of the policy (header, meta tag): the egress log counts the header’s, once', { annotation: CSP_VIOLATION_EXPECTED }, async ({ page }) => {
  const policies = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => e.blockedURI && seen.push(e.originalPolicy));
    await fetch('https://example.com/one-attempt').catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    return seen;
  });
  expect(policies.length).toBe(2);
  expect(policies.filter(isHeaderPolicy)).toEqual([CONTENT_SECURITY_POLICY]); // the preload's filter (main/preload.ts)
});

test('a request refused by a worker’s CSP is reported to the page, for the egress log, as the page’s own are', async ({ page }) => {
  await importFiles(page, [realFixture('ira_2018_users_csv_hashed_excerpt.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv')]);
  await waitForImportDone(page);
  const searchWorker = page.waitForEvent('worker', (w) => w.url().includes('searchWorker'));
  await page.goto('#/explore/search');
  const worker = await searchWorker;
  // Listening before the request is made (the page's forwarder to the host is unit-tested: workerCspViolations.test.ts).
  await page.evaluate(() => {
    const heard: unknown[] = ((window as unknown as { __cspHeard: unknown[] }).__cspHeard = []);
    new BroadcastChannel('dw-worker-csp-violations').onmessage = (e) => heard.push(e.data);
  });
  expect(await worker.evaluate(() => fetch('https://example.com/csp-probe').then(() => 'fetched', () => 'refused'))).toBe('refused');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __cspHeard: unknown[] }).__cspHeard))
    .toEqual([{ url: 'https://example.com/csp-probe', directive: 'connect-src', worker: 'search' }]);
});
