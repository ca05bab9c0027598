import type { StorageSpace } from '../../shared/api/hostApi';

/** The part of node:fs/promises' statfs this needs (a parameter, so Node tests pass the real one). */
export type StatFs = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

/**
 * Free space on the disk holding `dataDir` (the userData folder, where Chromium keeps the IndexedDB):
 * the blocks an unprivileged process may still write (bavail, not bfree: root's reserve is not ours).
 * null when the disk cannot be asked (the renderer then refuses nothing for want of space).
 */
export async function storageSpaceOf(statfs: StatFs, dataDir: string): Promise<StorageSpace> {
  try {
    const s = await statfs(dataDir);
    return { freeBytes: Number(s.bavail) * Number(s.bsize), source: 'disk' };
  } catch {
    return { freeBytes: null, source: 'disk' };
  }
}
