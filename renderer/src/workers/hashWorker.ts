/// <reference lib="webworker" />
import { ArchiveFormatError } from '../../../shared/archive/detectFormat';
import { hashArchive, sha256Implementation } from '../../../shared/archive/parseArchive';
import { WorkbenchDb } from '../store/schema';
import { whyAlreadyStored } from '../store/read/whyAlreadyStored';
import type { FromHashWorker, ToHashWorker, Verdict } from './import/hashMessages';

/**
 * The import's pass 1 on a thread of its own, so that it runs beside the parse instead of before
 * it: the SHA-256 of each file and of each CSV entry, and from them the file's verdict (already
 * stored? chosen twice?). Requests are handled one at a time, in order; one import per thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new WorkbenchDb();
const seenHashes = new Set<string>();
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToHashWorker>) => {
  const { id, name, file, stream } = e.data;
  queue = queue.then(async () => {
    let reply: FromHashWorker;
    try {
      reply = { id, ok: true, verdict: await judge(name, () => file?.stream() ?? stream!), hasher: sha256Implementation() };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(reply);
  });
};

async function judge(fileName: string, open: () => ReadableStream<Uint8Array>): Promise<Verdict> {
  let hashes;
  try {
    hashes = await hashArchive({ name: fileName, open });
  } catch (e) {
    if (e instanceof ArchiveFormatError) return { kind: 'refuse', refused: { fileName, message: e.message } };
    throw e;
  }
  const { sha256 } = hashes;
  const known = await whyAlreadyStored(db, hashes);
  const twice = seenHashes.has(sha256);
  seenHashes.add(sha256);
  if (known) return { kind: 'skip', skipped: { fileName, sha256, reason: known } };
  if (twice) return { kind: 'skip', skipped: { fileName, sha256, reason: 'the same file is selected twice' } };
  return { kind: 'parse', hashes };
}
