/// <reference lib="webworker" />
import { hashArchive } from '../../../shared/archive/parseArchive';
import { hashPlainFileNatively } from './import/nativeHash';
import type { FromFileHasher, ToFileHasher } from './import/fileHasher';

/**
 * The import worker's hashing thread: SHA-256 of big plain files while the import worker parses them
 * (see HashGate). Requests are handled one at a time, in order.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToFileHasher>) => {
  const { id, request: blob } = e.data;
  queue = queue.then(async () => {
    let reply: FromFileHasher;
    try {
      const hashes = (await hashPlainFileNatively(blob)) ?? (await hashArchive({ name: '', open: () => blob.stream() }));
      reply = { id, ok: true, hashes };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(reply);
  });
};
