import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

export interface RequestLog {
  /** Every URL the page (and its workers) requested. */
  urls: string[];
  /** Those that did not go to the app's own server (or stay in memory: blob:, data:, about:). */
  outside(): string[];
}

export interface ConsoleLog {
  errors: string[];
  /** The page's CSP violations (blocked address or keyword, and directive): none in normal use. */
  cspViolations: string[];
}

/** Tests that provoke a CSP violation on purpose say so with this annotation. */
export const CSP_VIOLATION_EXPECTED = { type: 'csp-violation-expected' };

/**
 * `page` here lives in a persistent profile (IndexedDB on disk, as in the app), records every
 * request and every console error. `profileDir` lets a test close and reopen the same profile.
 */
export const test = base.extend<{ profileDir: string; context: BrowserContext; page: Page; requests: RequestLog; consoleLog: ConsoleLog; reopen: () => Promise<Page> }>({
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-profile-'));
    await use(dir);
    // Chromium may still be writing the profile for a moment after its context closed (ENOTEMPTY).
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  },
  requests: async ({ baseURL }, use) => {
    const urls: string[] = [];
    const own = new URL(baseURL!).origin + '/';
    await use({ urls, outside: () => urls.filter((u) => !u.startsWith(own) && !/^(blob:|data:|about:)/.test(u)) });
  },
  consoleLog: async ({}, use) => use({ errors: [], cspViolations: [] }),
  context: async ({ profileDir, requests, consoleLog }, use) => {
    const context = await launch(profileDir);
    await watch(context, requests, consoleLog);
    await use(context);
    await context.close().catch(() => {});
    // Every test, whatever it checks, proves the app stayed offline, and that its CSP never had to
    // refuse anything (a refusal in the desktop app is counted in the egress log of every bundle).
    expect(requests.outside(), 'requests that left the app').toEqual([]);
    if (!test.info().annotations.some((a) => a.type === CSP_VIOLATION_EXPECTED.type)) expect(consoleLog.cspViolations, 'CSP violations').toEqual([]);
  },
  page: async ({ context, baseURL }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await use(page);
  },
  reopen: async ({ context, profileDir, baseURL, requests, consoleLog }, use) => {
    // Closes the browser (as a crash or quit would) and opens the same profile again.
    let current = context;
    await use(async () => {
      await current.close();
      current = await launch(profileDir);
      await watch(current, requests, consoleLog);
      const page = await current.newPage();
      await page.goto(baseURL!);
      return page;
    });
  },
});

/** Records every request of the context's pages and workers, every console error and every CSP violation of a page. */
async function watch(ctx: BrowserContext, requests: RequestLog, consoleLog: ConsoleLog): Promise<void> {
  await ctx.exposeBinding('__dwCspViolation', (_source, v: string) => void consoleLog.cspViolations.push(v));
  await ctx.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __dwCspViolation(v: string): void }).__dwCspViolation(`${e.blockedURI} ${e.effectiveDirective}`)),
  );
  ctx.on('request', (r) => requests.urls.push(r.url()));
  ctx.on('page', (p) => p.on('console', (m) => m.type() === 'error' && consoleLog.errors.push(m.text())));
  ctx.on('page', (p) => p.on('pageerror', (e) => consoleLog.errors.push(String(e))));
}

function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
}

export { expect } from '@playwright/test';
