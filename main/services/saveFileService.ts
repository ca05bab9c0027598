import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { SaveRequest, SaveTarget } from '../../shared/api/hostApi';

export interface SaveFilePorts {
  /** Asks the user where to save; resolves to an absolute path or null when cancelled. */
  chooseSavePath: (request: SaveRequest) => Promise<string | null>;
  /** Creates a new file for writing; fails if the path exists (a file or a link): main passes `open(p, 'wx')`. */
  create: (path: string) => Promise<FileHandle>;
  remove: (path: string) => Promise<void>;
}

/** At most this many saves open at once (each holds a file handle); the app runs one at a time. */
export const MAX_OPEN_SAVES = 8;

/**
 * Chunked saves, so exports of any size stream to disk with flat memory. Data is written to a new
 * `<path>.<random>.partial` and renamed on success; an aborted save, or one still open when the app
 * quits (abortAll), leaves nothing behind. The partial file is created, never opened: a file or a
 * link already of that name (`<path>.partial` was one, and `open(p, 'w')` followed a link and emptied
 * what it named) fails the save instead of being written through; the dialog asked only about `<path>`.
 */
export function createSaveFileService(ports: SaveFilePorts & { rename: (from: string, to: string) => Promise<void> }) {
  const open = new Map<string, { path: string; partial: string; handle: FileHandle; bytes: number }>();
  /** Saves begun: a save dialog open counts (several requests at once each waited for their dialog, then all opened). */
  let begun = 0;
  return {
    async begin(request: SaveRequest): Promise<SaveTarget> {
      if (begun + open.size >= MAX_OPEN_SAVES) throw new Error(`${MAX_OPEN_SAVES} saves are open already: finish or cancel one first`);
      begun++;
      try {
        const path = await ports.chooseSavePath(request);
        if (!path) return { id: null };
        const id = randomUUID();
        const partial = `${path}.${id.slice(0, 8)}.partial`;
        open.set(id, { path, partial, handle: await ports.create(partial), bytes: 0 });
        return { id, path };
      } finally {
        begun--;
      }
    },
    async write(id: string, chunk: Uint8Array): Promise<void> {
      const target = open.get(id);
      if (!target) throw new Error(`No open save with id ${id}`);
      // write(2) may store part of a chunk (a full disk) without an error: write the rest, and a
      // disk that takes nothing more fails with its error here, never at a rename of a short file.
      for (let done = 0; done < chunk.byteLength; ) {
        const { bytesWritten } = await target.handle.write(chunk, done, chunk.byteLength - done);
        if (bytesWritten <= 0) throw new Error(`${target.partial}: the disk took no more bytes (is it full?)`);
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
        await ports.rename(target.partial, target.path);
      } catch (err) {
        await target.handle.close().catch(() => {});
        await ports.remove(target.partial);
        throw err;
      }
      return { path: target.path, bytes: target.bytes };
    },
    async abort(id: string): Promise<void> {
      const target = open.get(id);
      if (!target) return;
      open.delete(id);
      await target.handle.close();
      await ports.remove(target.partial);
    },
    /** Abort every open save (the app is quitting): no `.partial` file is left. */
    async abortAll(): Promise<void> {
      await Promise.all([...open.keys()].map((id) => this.abort(id)));
    },
  };
}
export type SaveFileService = ReturnType<typeof createSaveFileService>;
