import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEgressGuard } from '../../../main/security/egressGuard';
import { egressLogFile, nodeEgressLogFileSystem as nodeFs } from '../../../main/security/egressLogFile';
import { isTrustedSenderUrl } from '../../../main/security/senderCheck';

describe('egress guard', () => {
  it('lets app://, blob: and data: through and cancels and logs everything else', () => {
    const blocked: string[] = [];
    const guard = createEgressGuard({ onBlocked: (u) => blocked.push(u) });
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
    expect(createEgressGuard({ devTools: true }).shouldCancel('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('egress log across restarts', () => {
  const start = (file: ReturnType<typeof egressLogFile>, at: string) => {
    const guard = createEgressGuard({ saved: file.load(), persist: (log) => file.write(log), clock: () => new Date(at) });
    file.write(guard.snapshot()); // as main.ts does at start
    return guard;
  };

  it('counts on from the first run: a restart does not reset the count or its start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'egress-'));
    const file = egressLogFile(path.join(dir, 'egress-log.json'), nodeFs);
    const first = start(file, '2026-01-02T03:04:05.000Z');
    expect(first.snapshot()).toEqual({ blockedRequests: 0, urls: [], since: '2026-01-02T03:04:05.000Z' });
    first.shouldCancel('https://fonts.example/a.woff2');
    const second = start(file, '2026-02-01T00:00:00.000Z');
    expect(second.snapshot()).toEqual({ blockedRequests: 1, urls: ['https://fonts.example/a.woff2'], since: '2026-01-02T03:04:05.000Z' });
    second.record('https://cdn.example/x.js');
    expect(JSON.parse(readFileSync(path.join(dir, 'egress-log.json'), 'utf8'))).toEqual({
      blockedRequests: 2, urls: ['https://fonts.example/a.woff2', 'https://cdn.example/x.js'], since: '2026-01-02T03:04:05.000Z',
    });
    expect(readdirSync(dir)).toEqual(['egress-log.json']);
  });

  it('a damaged log is kept aside and named in the new log, never read as a zero', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'egress-'));
    const logPath = path.join(dir, 'egress-log.json');
    writeFileSync(logPath, '{"blockedRequests": 3, "urls": [');
    const file = egressLogFile(logPath, nodeFs, () => new Date('2026-03-04T05:06:07.000Z'));
    const log = start(file, '2026-03-04T05:06:07.000Z').snapshot();
    const aside = `${logPath}.damaged-2026-03-04T05-06-07-000Z`;
    expect(log).toEqual({ blockedRequests: 0, urls: [], since: '2026-03-04T05:06:07.000Z', note: `counting restarted at 2026-03-04T05:06:07.000Z: the earlier log could not be read (kept as ${aside})` });
    expect(readFileSync(aside, 'utf8')).toBe('{"blockedRequests": 3, "urls": [');
    expect(file.load()).toEqual(log); // the note stays with the log
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

describe('egress guard when the log cannot be saved', () => {
  it('still refuses and counts the request, and the log says it was not kept', () => {
    const guard = createEgressGuard({ persist: () => { throw new Error('ENOSPC: no space left on device'); }, clock: () => new Date('2026-12-01T00:00:00.000Z') });
    expect(guard.shouldCancel('https://example.com/a')).toBe(true);
    expect(guard.shouldCancel('https://example.com/b')).toBe(true);
    const log = guard.snapshot();
    expect(log.blockedRequests).toBe(2);
    expect(log.note).toBe('not saved to disk since 2026-12-01T00:00:00.000Z (ENOSPC: no space left on device): a restart loses the count since');
  });
});

describe('egress log writes under a burst of refusals', () => {
  it('writes the first at once, then at most once a second (the last count kept by flush at quit); a very long address is cut, saying its length', () => {
    let now = Date.parse('2026-12-07T00:00:00.000Z');
    const written: number[] = [];
    const waiting: (() => void)[] = [];
    const guard = createEgressGuard({ persist: (log) => written.push(log.blockedRequests ?? -1), clock: () => new Date(now), later: (write) => waiting.push(write) });
    guard.record('https://a.example/');
    expect(written).toEqual([1]);
    for (let i = 0; i < 2000; i++) guard.record(`https://burst.example/${i}`);
    expect(written).toEqual([1]); // one write waits for the burst, not 2,000
    expect(waiting).toHaveLength(1);
    now += 1000;
    waiting.shift()!();
    expect(written).toEqual([1, 2001]);
    guard.record('https://b.example/');
    expect(written).toEqual([1, 2001]);
    guard.flush();
    expect(written).toEqual([1, 2001, 2002]);
    guard.flush();
    expect(written).toHaveLength(3);
    now += 5000;
    guard.record(`https://long.example/${'x'.repeat(10_000)}`);
    expect(written).toEqual([1, 2001, 2002, 2003]);
    const kept = createEgressGuard();
    kept.record(`https://long.example/${'x'.repeat(10_000)}`);
    const [long] = kept.snapshot().urls;
    expect(long).toBe(`https://long.example/${'x'.repeat(2048 - 21)}… (cut: 10021 characters)`);
  });
});
