import { expect, test } from '@playwright/test';
import { channels, HOST_API_GLOBAL } from '../../shared/api/hostApi';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { egressLog } from './appTools';
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
    // The page's CSP refuses it before the session sees it: the preload reports the violation to the log.
    expect(log.blockedRequests).toBeGreaterThanOrEqual(1);
    expect(log.urls.some((u: string) => u.startsWith('https://example.com/'))).toBe(true);

    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows().length).toBe(1);

    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/workbench\//);

    const permission = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' as PermissionName })).state);
    expect(permission).not.toBe('granted');
    // WebRTC would bypass the session's guard: the preload removes it from the page.
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).RTCPeerConnection)).toBe('undefined');
    await app.close();
  });
});

test.describe('isolation and policy', () => {
  // sandbox + contextIsolation + no nodeIntegration are asserted from the page (no `process`/`require` above) and by
  // the unit test over main/window/webPreferences.ts; Electron 45 has no API to read a window's live preferences.
  test('context isolation: the preload API is the channel list only, frozen, and the page cannot replace or extend it', async () => {
    const { app } = await launchApp();
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
    const seen = await page.evaluate((name) => {
      const api = (globalThis as any)[name];
      const before = api['egress:log'];
      try {
        api['egress:log'] = () => 'hijacked';
        api.extra = 1;
      } catch {
        // strict-mode writes to a frozen object throw; sloppy ones are ignored: either way nothing changes
      }
      let replaced = false;
      try {
        (globalThis as any)[name] = { 'egress:log': () => 'hijacked' };
        replaced = (globalThis as any)[name]['egress:log'] !== before;
      } catch {
        replaced = false;
      }
      return {
        keys: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        unchanged: api['egress:log'] === before && !('extra' in api),
        replaced,
        ipcRenderer: typeof (globalThis as any).ipcRenderer,
        electron: typeof (globalThis as any).electron,
        module: typeof (globalThis as any).module,
      };
    }, HOST_API_GLOBAL);
    expect(seen.keys).toEqual(Object.keys(channels).sort());
    expect(seen.frozen).toBe(true);
    expect(seen.unchanged).toBe(true);
    expect(seen.replaced).toBe(false);
    expect(seen.ipcRenderer).toBe('undefined');
    expect(seen.electron).toBe('undefined');
    expect(seen.module).toBe('undefined');
    // The real API still answers after the attempts.
    expect(await egressLog(page)).toEqual({ blockedRequests: 0, urls: [], since: expect.any(String) });
    await app.close();
  });

  test('every app:// response carries the CSP; paths outside the app folder are refused', async () => {
    const { app } = await launchApp();
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
    const responses = await page.evaluate(async () => {
      const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src);
      const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href);
      const out: { url: string; status: number; csp: string | null; nosniff: string | null }[] = [];
      for (const url of [location.href, ...scripts, ...styles]) {
        const r = await fetch(url);
        out.push({ url, status: r.status, csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') });
      }
      const outside = await fetch('app://workbench/..%2F..%2Fpackage.json').then((r) => r.status, () => -1);
      return { out, outside };
    });
    expect(responses.out.length).toBeGreaterThanOrEqual(2);
    for (const r of responses.out) {
      expect(r.url).toMatch(/^app:\/\/workbench\//);
      expect(r.status, r.url).toBe(200);
      expect(r.csp, r.url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.nosniff, r.url).toBe('nosniff');
    }
    expect([403, 404]).toContain(responses.outside);
    await app.close();
  });

  test('permissions are denied: notifications, camera/microphone, clipboard read, geolocation', async () => {
    const { app } = await launchApp();
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
    const result = await page.evaluate(async () => {
      const media = await navigator.mediaDevices?.getUserMedia({ audio: true, video: true }).then(
        () => 'granted',
        (e: Error) => e.name,
      );
      const clipboard = await navigator.clipboard.readText().then(
        () => 'granted',
        (e: Error) => e.name,
      );
      const geolocation = await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (e) => resolve(`error ${e.code}`),
          { timeout: 5000 },
        ),
      );
      const queried: Record<string, string> = {};
      for (const name of ['notifications', 'camera', 'microphone', 'geolocation']) {
        queried[name] = await navigator.permissions.query({ name: name as PermissionName }).then((s) => s.state, () => 'unsupported');
      }
      return { notification: await Notification.requestPermission(), media: media ?? 'no mediaDevices', clipboard, geolocation, queried };
    });
    expect(result.notification).not.toBe('granted');
    expect(result.media).not.toBe('granted');
    expect(result.clipboard).not.toBe('granted');
    expect(result.geolocation).not.toBe('granted');
    for (const [name, state] of Object.entries(result.queried)) expect(state, name).not.toBe('granted');
    await app.close();
  });
});
