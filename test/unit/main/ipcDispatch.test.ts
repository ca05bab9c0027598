import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, MAX_SAVE_CHUNK_BYTES } from '../../../shared/api/hostApi';
import { dispatchIpc } from '../../../main/ipc/dispatch';
import { createHostHandlers } from '../../../main/ipc/hostHandlers';
import { createEgressGuard } from '../../../main/security/egressGuard';
import { createSaveFileService, MAX_OPEN_SAVES } from '../../../main/services/saveFileService';

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-ipc-'));
  const target = path.join(dir, 'out.zip');
  let chosen: string | null = target;
  let n = 0;
  const saves = createSaveFileService({ chooseSavePath: async () => chosen && path.join(dir, `out${n++ || ''}.zip`), create: (p) => open(p, 'wx'), remove: (p) => rm(p, { force: true }), rename });
  const guard = createEgressGuard();
  const handlers = createHostHandlers({
    appInfo: () => ({ name: 'Disclosure Workbench', version: '0.0.0', host: 'electron', dataLocation: dir, platform: 'linux', printsReport: true }),
    egressLog: () => guard.snapshot(),
    egressBlocked: (url) => guard.record(url),
    saves,
  });
  return { dir, target, handlers, guard, saves, cancelDialog: () => (chosen = null) };
}
const APP = 'app://workbench/index.html';

describe('IPC dispatch', () => {
  it('implements every channel of the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort());
  });

  it('refuses untrusted senders and unknown channels', async () => {
    const { handlers } = setup();
    await expect(dispatchIpc(handlers, 'app:info', 'https://evil.example/', [])).rejects.toThrow(/untrusted sender/);
    await expect(dispatchIpc(handlers, 'app:info', undefined, [])).rejects.toThrow(/untrusted sender/);
    await expect(dispatchIpc(handlers, 'fs:readAnything', APP, [])).rejects.toThrow(/unknown channel/);
  });

  it('validates every argument against the schema', async () => {
    const { handlers } = setup();
    await expect(dispatchIpc(handlers, 'save:begin', APP, [{ suggestedName: '', mimeType: 'x' }])).rejects.toThrow(/Invalid arguments for save:begin/);
    await expect(dispatchIpc(handlers, 'save:write', APP, ['id', 'not bytes'])).rejects.toThrow(/Invalid arguments for save:write/);
    await expect(dispatchIpc(handlers, 'app:info', APP, ['extra'])).rejects.toThrow(/Invalid arguments/);
  });

  it('streams a save to disk in chunks and renames it only when complete', async () => {
    const { handlers, target } = setup();
    const { id } = (await dispatchIpc(handlers, 'save:begin', APP, [{ suggestedName: 'out.zip', mimeType: 'application/zip' }])) as { id: string };
    await dispatchIpc(handlers, 'save:write', APP, [id, new TextEncoder().encode('hello ')]);
    expect(existsSync(target)).toBe(false);
    await dispatchIpc(handlers, 'save:write', APP, [id, new TextEncoder().encode('世界')]);
    const done = (await dispatchIpc(handlers, 'save:end', APP, [id])) as { path: string; bytes: number };
    expect(done).toEqual({ path: target, bytes: 12 });
    expect(readFileSync(target, 'utf8')).toBe('hello 世界');
  });

  it('an aborted save leaves no file behind, a cancelled dialog returns a null id', async () => {
    const { handlers, target, cancelDialog } = setup();
    const { id } = (await dispatchIpc(handlers, 'save:begin', APP, [{ suggestedName: 'out.zip', mimeType: 'application/zip' }])) as { id: string };
    await dispatchIpc(handlers, 'save:write', APP, [id, new Uint8Array([1, 2, 3])]);
    await dispatchIpc(handlers, 'save:abort', APP, [id]);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    cancelDialog();
    expect(await dispatchIpc(handlers, 'save:begin', APP, [{ suggestedName: 'x', mimeType: '' }])).toEqual({ id: null });
  });

  it('saves still open when the app quits leave no .partial file; open saves and chunk sizes are capped', async () => {
    const { handlers, saves, dir } = setup();
    const begin = () => dispatchIpc(handlers, 'save:begin', APP, [{ suggestedName: 'out.zip', mimeType: 'application/zip' }]) as Promise<{ id: string }>;
    const ids = [];
    for (let i = 0; i < MAX_OPEN_SAVES; i++) ids.push((await begin()).id);
    await expect(begin()).rejects.toThrow(`${MAX_OPEN_SAVES} saves are open already`);
    await dispatchIpc(handlers, 'save:write', APP, [ids[0], new Uint8Array([1, 2, 3])]);
    await expect(dispatchIpc(handlers, 'save:write', APP, [ids[0], new Uint8Array(MAX_SAVE_CHUNK_BYTES + 1)])).rejects.toThrow(/Invalid arguments for save:write/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toHaveLength(MAX_OPEN_SAVES);
    await saves.abortAll();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports the egress log through the contract; refused code is not counted as a request', async () => {
    const { handlers, guard } = setup();
    guard.shouldCancel('https://example.com/x');
    expect(await dispatchIpc(handlers, 'egress:log', APP, [])).toEqual({ blockedRequests: 1, urls: ['https://example.com/x'], since: guard.snapshot().since });
    // A request the page's CSP refused (reported by the preload) is counted too; the report is validated.
    await dispatchIpc(handlers, 'egress:cspViolation', APP, [{ url: 'https://example.com/y', directive: 'connect-src' }]);
    await expect(dispatchIpc(handlers, 'egress:cspViolation', APP, [{ url: 1 }])).rejects.toThrow();
    // Code the CSP refused (eval, inline script) is no request: it is not counted.
    for (const url of ['eval', 'inline', 'wasm-eval']) await dispatchIpc(handlers, 'egress:cspViolation', APP, [{ url, directive: 'script-src' }]);
    expect(await dispatchIpc(handlers, 'egress:log', APP, [])).toEqual({
      blockedRequests: 2, urls: ['https://example.com/x', "https://example.com/y (refused by the page's CSP: connect-src)"], since: guard.snapshot().since,
    });
  });
});
