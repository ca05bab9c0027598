import type { ElectronApplication, Page } from '@playwright/test';
import type { EgressLog } from '../../shared/api/hostApi';

/**
 * Electron-only helpers for the QA suite. The one thin mock allowed: the native save dialog, which
 * Playwright cannot click, is replaced in the main process by one answering `filePath`.
 */
export async function stubSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, p) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: p })) as unknown as typeof dialog.showSaveDialog;
  }, filePath);
}

/** Every URL the app's windows and workers request, from the app's own browser context. */
export function recordRequests(app: ElectronApplication): { urls: string[]; outside: () => string[] } {
  const urls: string[] = [];
  app.context().on('request', (r) => urls.push(r.url()));
  return { urls, outside: () => urls.filter((u) => !/^(app:\/\/workbench\/|blob:|data:)/.test(u)) };
}

/** Console errors and uncaught exceptions of a window. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The main process's egress log (every blocked outside request), through the preload's API. */
export function egressLog(page: Page): Promise<EgressLog> {
  return page.evaluate(() => (globalThis as unknown as { workbenchHost: { 'egress:log': () => Promise<EgressLog> } }).workbenchHost['egress:log']());
}
