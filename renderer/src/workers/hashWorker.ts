/// <reference lib="webworker" />
import './reportCspViolations';
import { ArchiveFormatError } from '../../../shared/archive/detectFormat';
import { hashArchive, sha256Implementation, type ArchiveHashes } from '../../../shared/archive/parseArchive';
import { SelectionJudge } from '../../../shared/archive/selectionVerdicts';
import { WorkbenchDb } from '../store/schema';
import { storedEntries } from '../store/read/storedEntries';
import type { FromHashWorker, ToHashWorker } from './import/hashMessages';

/**
 * The import's pass 1 on a thread of its own, so that it runs beside the parse instead of before
 * it: the SHA-256 of each file and of each CSV entry, and from them the file's verdict (already
 * stored? chosen twice?). Requests are handled one at a time, in order; one import per thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new WorkbenchDb();
/** The verdicts of this import's files, in the order asked (one import per thread). */
const judge = new SelectionJudge();
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToHashWorker>) => {
  const { id, name, file, stream } = e.data;
  queue = queue.then(async () => {
    let reply: FromHashWorker;
    try {
      const hashed = await hashesOf(name, file, stream);
      reply = { id, ok: true, verdict: await judge.judge(name, hashed.hashes, (h) => storedEntries(db, h)), hasher: hashed.hasher };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(reply);
  });
};

/**
 * Every file streams through hash-wasm's SHA-256. Until 2026-12-02 a plain CSV up to 400 MiB was
 * read whole and digested by WebCrypto, but on the machines measured since, where a page of fresh
 * memory costs ~10 µs at its first touch, that cost more: the 404 MB demo tweets file took 3.3–4.8
 * renderer CPU-s and ~200,000 page faults (the file's bytes and WebCrypto's copy of them), streamed
 * 2.7–3.6 CPU-s and ~100,000; and it held both copies at the import's memory peak.
 */
async function hashesOf(fileName: string, file: File | undefined, stream: ReadableStream<Uint8Array> | undefined): Promise<{ hashes: ArchiveHashes | ArchiveFormatError; hasher: string }> {
  try {
    return { hashes: await hashArchive({ name: fileName, open: () => file?.stream() ?? stream! }), hasher: sha256Implementation() };
  } catch (e) {
    if (e instanceof ArchiveFormatError) return { hashes: e, hasher: sha256Implementation() };
    throw e;
  }
}
