import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/security/appProtocol';

describe('app:// protocol handler', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dw-proto-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
  const handle = createAppProtocolHandler({ root, readFile: (p) => readFile(p) });

  it('serves index.html for / with the CSP and a content type', async () => {
    const res = await handle({ url: 'app://workbench/' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('serves assets by path', async () => {
    const res = await handle({ url: 'app://workbench/assets/a.js' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths that escape the app folder, encoded or not', async () => {
    for (const url of ['app://workbench/../secret.txt', 'app://workbench/%2e%2e/secret.txt', 'app://workbench/assets/..%2f..%2fsecret.txt']) {
      const res = await handle({ url });
      expect([403, 404], url).toContain(res.status);
      expect(await res.text()).not.toBe('secret');
    }
  });

  it('answers only for its own host: app://other/ is nothing', async () => {
    expect((await handle({ url: 'app://other/index.html' })).status).toBe(404);
  });

  it('answers 404 for a missing file', async () => {
    expect((await handle({ url: 'app://workbench/nope.js' })).status).toBe(404);
  });
});
