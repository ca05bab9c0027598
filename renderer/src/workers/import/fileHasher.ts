import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';
import { WorkerRequests, type WorkerReply } from '../workerRequests';

export type ToFileHasher = { id: number; request: Blob };
export type FromFileHasher = WorkerReply<{ hashes: ArchiveHashes }>;

/** The import worker's side of its hashing thread (hashWorker.ts): files are hashed in the order asked. */
export class FileHasher {
  private readonly requests = new WorkerRequests<Blob, { hashes: ArchiveHashes }>(
    new Worker(new URL('../hashWorker.ts', import.meta.url), { type: 'module', name: 'file-hasher' }),
    (message) => `Hashing the file failed: ${message}`,
  );

  hash(blob: Blob): Promise<ArchiveHashes> {
    const hashes = this.requests.send(blob).then((r) => r.hashes);
    hashes.catch(() => {}); // a hash nobody waits for any more (the import stopped) is no unhandled rejection
    return hashes;
  }

  terminate(): void {
    this.requests.terminate('The hashing thread was stopped.');
  }
}
