import { describe, expect, it } from 'vitest';
import { createEgressGuard } from '../../../main/security/egressGuard';
import { isTrustedSenderUrl } from '../../../main/security/senderCheck';

describe('egress guard', () => {
  it('lets app://, blob: and data: through and cancels and logs everything else', () => {
    const blocked: string[] = [];
    const guard = createEgressGuard((u) => blocked.push(u));
    expect(guard.shouldCancel('app://workbench/index.html')).toBe(false);
    expect(guard.shouldCancel('blob:app://workbench/1234')).toBe(false);
    expect(guard.shouldCancel('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'wss://x.y/', 'ftp://a/b']) {
      expect(guard.shouldCancel(url), url).toBe(true);
    }
    const snap = guard.snapshot();
    expect(snap.blockedRequests).toBe(5);
    expect(snap.urls).toEqual(['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'wss://x.y/', 'ftp://a/b']);
    expect(blocked).toEqual(snap.urls);
  });

  it('lets only the app\'s own origin through on app://, and devtools: only where DevTools may open', () => {
    expect(createEgressGuard().shouldCancel('app://other/index.html')).toBe(true);
    expect(createEgressGuard().shouldCancel('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(createEgressGuard(() => {}, true).shouldCancel('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only frames on the app:// origin', () => {
    expect(isTrustedSenderUrl('app://workbench/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://workbench/#/cases')).toBe(true);
    for (const url of ['https://workbench/', 'app://evil/index.html', 'file:///index.html', '', undefined, null, 'app://workbench.evil.com/']) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });
});
