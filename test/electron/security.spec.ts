import { expect, test } from '@playwright/test';
import { launchApp, requireElectron } from './launch';

requireElectron();

test.describe('window security', () => {
  test('no Node in the page, CSP in force, outside requests blocked and logged, window.open and navigation denied', async () => {
    const { app } = await launchApp();
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/workbench\//);

    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

    const evalBlocked = await page.evaluate(() => {
      try {
        (0, eval)('1');
        return false;
      } catch {
        return true;
      }
    });
    expect(evalBlocked).toBe(true);

    const fetchFailed = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return false;
      } catch {
        return true;
      }
    });
    expect(fetchFailed).toBe(true);
    const log = await page.evaluate(() => (globalThis as any).workbenchHost['egress:log']());
    expect(log.blockedRequests).toBeGreaterThanOrEqual(1);
    expect(log.urls).toContain('https://example.com/');

    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows().length).toBe(1);

    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/workbench\//);

    const permission = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' as PermissionName })).state);
    expect(permission).not.toBe('granted');
    await app.close();
  });
});
