import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { SaveRequest, SaveTarget } from '../../shared/api/hostApi';

export interface SaveFilePorts {
  /** Asks the user where to save; resolves to an absolute path or null when cancelled. */
  chooseSavePath: (request: SaveRequest) => Promise<string | null>;
  open: (path: string) => Promise<FileHandle>;
  remove: (path: string) => Promise<void>;
}

/** At most this many saves open at once (each holds a file handle); the app runs one at a time. */
export const MAX_OPEN_SAVES = 8;

/**
 * Chunked saves, so exports of any size stream to disk with flat memory. Data is written to
 * `<path>.partial` and renamed on success; an aborted save, or one still open when the app quits
 * (abortAll), leaves nothing behind.
 */
export function createSaveFileService(ports: SaveFilePorts & { rename: (from: string, to: string) => Promise<void> }) {
  const open = new Map<string, { path: string; handle: FileHandle; bytes: number }>();
  const partial = (p: string) => `${p}.partial`;
  return {
    async begin(request: SaveRequest): Promise<SaveTarget> {
      if (open.size >= MAX_OPEN_SAVES) throw new Error(`${MAX_OPEN_SAVES} saves are open already: finish or cancel one first`);
      const path = await ports.chooseSavePath(request);
      if (!path) return { id: null };
      const id = randomUUID();
      open.set(id, { path, handle: await ports.open(partial(path)), bytes: 0 });
      return { id, path };
    },
    async write(id: string, chunk: Uint8Array): Promise<void> {
      const target = open.get(id);
      if (!target) throw new Error(`No open save with id ${id}`);
      // write(2) may store part of a chunk (a full disk) without an error: write the rest, and a
      // disk that takes nothing more fails with its error here, never at a rename of a short file.
      for (let done = 0; done < chunk.byteLength; ) {
        const { bytesWritten } = await target.handle.write(chunk, done, chunk.byteLength - done);
        if (bytesWritten <= 0) throw new Error(`${partial(target.path)}: the disk took no more bytes (is it full?)`);
        done += bytesWritten;
      }
      target.bytes += chunk.byteLength;
    },
    async end(id: string): Promise<{ path: string; bytes: number }> {
      const target = open.get(id);
      if (!target) throw new Error(`No open save with id ${id}`);
      open.delete(id);
      try {
        await target.handle.sync(); // on disk before it takes the chosen name
        await target.handle.close();
        await ports.rename(partial(target.path), target.path);
      } catch (err) {
        await target.handle.close().catch(() => {});
        await ports.remove(partial(target.path));
        throw err;
      }
      return { path: target.path, bytes: target.bytes };
    },
    async abort(id: string): Promise<void> {
      const target = open.get(id);
      if (!target) return;
      open.delete(id);
      await target.handle.close();
      await ports.remove(partial(target.path));
    },
    /** Abort every open save (the app is quitting): no `.partial` file is left. */
    async abortAll(): Promise<void> {
      await Promise.all([...open.keys()].map((id) => this.abort(id)));
    },
  };
}
export type SaveFileService = ReturnType<typeof createSaveFileService>;
