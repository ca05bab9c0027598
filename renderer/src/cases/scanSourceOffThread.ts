import type { ByteRange, ScannedSource } from './sourceExcerpts';

export interface ToSourceScan {
  file: File;
  /** Cited ranges per source SHA-256 (a Map's entries: what scanSource takes as `wanted`). */
  wanted: [string, ByteRange[]][];
}

export type FromSourceScan =
  | { type: 'read'; bytes: number }
  | { type: 'done'; scanned: ScannedSource }
  | { type: 'failed'; name: string; message: string };

/**
 * scanSource over a selected file, in a worker (sourceScanWorker.ts) so that the page stays
 * responsive while a large source is hashed. `onRead` hears the bytes read as they go; an abort of
 * `signal` stops the thread at once and rejects with the signal's reason, as scanSource's own check did.
 */
export function scanSourceOffThread(file: File, wanted: ReadonlyMap<string, readonly ByteRange[]>, onRead: (bytes: number) => void, signal?: AbortSignal): Promise<ScannedSource> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('../workers/sourceScanWorker.ts', import.meta.url), { type: 'module', name: 'source-scan' });
  let stop = () => {};
  return new Promise<ScannedSource>((resolve, reject) => {
    stop = () => reject(signal!.reason);
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<FromSourceScan>) => {
      const m = e.data;
      if (m.type === 'read') onRead(m.bytes);
      else if (m.type === 'done') resolve(m.scanned);
      else {
        const err = m.name === 'TypeError' ? new TypeError(m.message) : new Error(m.message);
        err.name = m.name;
        reject(err);
      }
    };
    worker.onerror = (e) => reject(new Error(`re-reading ${file.name} stopped: ${e.message}`));
    worker.postMessage({ file, wanted: [...wanted].map(([sha, ranges]) => [sha, [...ranges]]) } satisfies ToSourceScan);
  }).finally(() => {
    signal?.removeEventListener('abort', stop);
    worker.terminate();
  });
}
