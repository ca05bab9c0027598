import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSaveFileService, MAX_OPEN_SAVES } from '../../../main/services/saveFileService';
import type { SaveRequest } from '../../../shared/api/hostApi';

const dir = mkdtempSync(path.join(tmpdir(), 'saves-'));
const request: SaveRequest = { suggestedName: 'bundle.zip', mimeType: 'application/zip' };

describe('save file service (real files)', () => {
  it('writes the rest of a chunk the disk took only part of (write(2) may return short), and the file has every byte', async () => {
    const target = path.join(dir, 'short.zip');
    // A real file handle whose writes store at most 1,000 bytes each, as write(2) may on a filling disk.
    const shortWrites = async (p: string): Promise<FileHandle> => {
      const h = await open(p, 'wx');
      const write = h.write.bind(h) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(h, { write: (b: Uint8Array, o = 0, l = b.byteLength - o) => write(b, o, Math.min(l, 1000)) }) as FileHandle;
    };
    const saves = createSaveFileService({ chooseSavePath: async () => target, create: shortWrites, remove: (p) => rm(p, { force: true }), rename });
    const { id } = await saves.begin(request);
    const chunks = [new Uint8Array(4_321).fill(1), new Uint8Array(2_500).fill(2)];
    for (const c of chunks) await saves.write(id!, c);
    expect(await saves.end(id!)).toEqual({ path: target, bytes: 6_821 });
    const saved = readFileSync(target);
    expect(saved.length).toBe(6_821);
    expect(saved.subarray(4_320, 4_322)).toEqual(Buffer.from([1, 2]));
  });

  it('fails a write the disk refuses (/dev/full), and the aborted save leaves no .partial file', async () => {
    const target = path.join(dir, 'full.zip');
    const saves = createSaveFileService({ chooseSavePath: async () => target, create: () => open('/dev/full', 'w'), remove: (p) => rm(p, { force: true }), rename });
    const { id } = await saves.begin(request);
    await expect(saves.write(id!, new Uint8Array(10))).rejects.toThrow(/ENOSPC/);
    await saves.abort(id!);
    expect(existsSync(target)).toBe(false);
  });

  it('removes the .partial file when the rename to the chosen name fails (the name is a folder)', async () => {
    const target = path.join(dir, 'a-folder');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const saves = createSaveFileService({ chooseSavePath: async () => target, create: (p) => open(p, 'wx'), remove: (p) => rm(p, { force: true }), rename });
    const { id } = await saves.begin(request);
    await saves.write(id!, new Uint8Array(10));
    await expect(saves.end(id!)).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('never writes through a file or a link already named like its partial file: bundle.zip.partial (a link to another file) is left as it was', async () => {
    const place = mkdtempSync(path.join(tmpdir(), 'saves-link-'));
    const target = path.join(place, 'bundle.zip');
    writeFileSync(path.join(place, 'victim.txt'), 'the analyst’s own file');
    symlinkSync(path.join(place, 'victim.txt'), `${target}.partial`);
    const created: string[] = [];
    const saves = createSaveFileService({ chooseSavePath: async () => target, create: (p) => (created.push(p), open(p, 'wx')), remove: (p) => rm(p, { force: true }), rename });
    const { id } = await saves.begin(request);
    await saves.write(id!, new Uint8Array([1, 2, 3]));
    await saves.end(id!);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^.*bundle\.zip\.[0-9a-f]{8}\.partial$/);
    expect(readFileSync(path.join(place, 'victim.txt'), 'utf8')).toBe('the analyst’s own file');
    expect(readFileSync(target)).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(place).sort()).toEqual(['bundle.zip', 'bundle.zip.partial', 'victim.txt']);
  });

  it(`counts a save whose dialog is still open: of 20 asked at once, ${MAX_OPEN_SAVES} wait for their dialog, the rest are refused at once`, async () => {
    let answer: (p: string | null) => void = () => {};
    const answered = new Promise<string | null>((r) => (answer = r));
    const saves = createSaveFileService({ chooseSavePath: () => answered, create: async () => { throw new Error('unused'); }, remove: async () => {}, rename: async () => {} });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => Promise.race([saves.begin(request), new Promise((r) => setTimeout(() => r('waiting'), 50))])));
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'waiting')).toHaveLength(MAX_OPEN_SAVES);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual(Array(20 - MAX_OPEN_SAVES).fill(`Error: ${MAX_OPEN_SAVES} saves are open already: finish or cancel one first`));
    // Cancelled dialogs give their places back.
    answer(null);
    await new Promise((r) => setTimeout(r, 0));
    await expect(saves.begin(request)).resolves.toEqual({ id: null });
  });
});
