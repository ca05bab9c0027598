import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/api/hostApi';
import { dispatchIpc } from '../../../main/ipc/dispatch';
import { createHostHandlers } from '../../../main/ipc/hostHandlers';
import { createEgressGuard } from '../../../main/security/egressGuard';
import { createSaveFileService } from '../../../main/services/saveFileService';
import { storageSpaceOf } from '../../../main/services/storageSpace';

const dir = mkdtempSync(path.join(tmpdir(), 'dw-space-'));

describe('storage:space (Electron host)', () => {
  it("gives the free space of the data folder's disk, as df counts it for a user", async () => {
    const space = await storageSpaceOf(statfs, dir);
    expect(space.source).toBe('disk');
    // df's "avail" is statfs's bavail; the two readings may differ by what other processes wrote meanwhile.
    const df = Number(execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).trim().split('\n')[1]);
    expect(space.freeBytes).not.toBeNull();
    expect(Math.abs(space.freeBytes! - df)).toBeLessThan(64 * 2 ** 20);
  });

  it('is unknown (null), not 0, when the disk cannot be asked', async () => {
    expect(await storageSpaceOf(statfs, path.join(dir, 'missing', 'folder'))).toEqual({ freeBytes: null, source: 'disk' });
  });

  it('is a channel of the contract, answered through IPC dispatch with a valid result', async () => {
    const guard = createEgressGuard();
    const services = {
      appInfo: () => ({ name: 'x', version: '0', host: 'electron' as const, dataLocation: dir, platform: 'linux', printsReport: true }),
      egressLog: () => guard.snapshot(),
      egressBlocked: (url: string) => guard.record(url),
      saves: createSaveFileService({ chooseSavePath: async () => null, create: async () => { throw new Error('unused'); }, remove: async () => {}, rename: async () => {} }),
    };
    const withDisk = createHostHandlers({ ...services, storageSpace: () => storageSpaceOf(statfs, dir) });
    const result = await dispatchIpc(withDisk, 'storage:space', 'app://workbench/index.html', []);
    expect(channels['storage:space'].result.parse(result)).toMatchObject({ source: 'disk', freeBytes: expect.any(Number) });
    await expect(dispatchIpc(withDisk, 'storage:space', 'app://workbench/index.html', ['extra'])).rejects.toThrow(/Invalid arguments/);
    // Without the service, the space is unknown: nothing will be refused for it.
    expect(await dispatchIpc(createHostHandlers(services), 'storage:space', 'app://workbench/index.html', [])).toEqual({ freeBytes: null, source: 'disk' });
  });
});
