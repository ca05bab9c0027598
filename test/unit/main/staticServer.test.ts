import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (the browser build's server), no types
import { startStaticServer } from '../../../scripts/staticServer.mjs';

describe('the browser build\'s static server', () => {
  it('answers a malformed path with 400 and keeps serving', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dw-static-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    const { server, url } = (await startStaticServer({ root, csp: "default-src 'self'" })) as { server: import('node:http').Server; url: string };
    try {
      expect((await fetch(url + '%E0')).status).toBe(400);
      const ok = await fetch(url);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      server.close();
    }
  });
});
