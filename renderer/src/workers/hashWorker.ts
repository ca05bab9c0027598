/// <reference lib="webworker" />
import './reportCspViolations';
import { ArchiveFormatError } from '../../../shared/archive/detectFormat';
import { hashArchive, sha256Implementation, type ArchiveHashes, type EntryHash } from '../../../shared/archive/parseArchive';
import { WorkbenchDb } from '../store/schema';
import { storedEntries } from '../store/read/storedEntries';
import type { FromHashWorker, ToHashWorker, Verdict } from './import/hashMessages';
import { inDatasets } from './import/datasetNames';

/**
 * The import's pass 1 on a thread of its own, so that it runs beside the parse instead of before
 * it: the SHA-256 of each file and of each CSV entry, and from them the file's verdict (already
 * stored? chosen twice?). Requests are handled one at a time, in order; one import per thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new WorkbenchDb();
/** The files judged 'parse' in this import: by file SHA-256, and by the SHA-256 of each CSV entry. */
const chosenFiles = new Set<string>();
const chosenEntries = new Map<string, string>();
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToHashWorker>) => {
  const { id, name, file, stream } = e.data;
  queue = queue.then(async () => {
    let reply: FromHashWorker;
    try {
      const hashed = await hashesOf(name, file, stream);
      reply = { id, ok: true, verdict: await judge(name, hashed.hashes), hasher: hashed.hasher };
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

async function judge(fileName: string, hashes: ArchiveHashes | ArchiveFormatError): Promise<Verdict> {
  if (hashes instanceof ArchiveFormatError) return { kind: 'refuse', refused: { fileName, message: hashes.message } };
  const { sha256 } = hashes;
  if (chosenFiles.has(sha256)) return { kind: 'skip', skipped: { fileName, sha256, reason: 'the same file is selected twice' } };
  // Each CSV entry is stored already, chosen earlier in this import (the same content as a .csv and
  // its .gz, or a zip holding it: one source, whose receipt and provenance are kept once), or new.
  // A zip entry holding no row is left out: the parse refuses it on its own, so it is never stored,
  // and two empty parts (the same header, the same bytes) are no CSV held twice.
  const entries = hashes.entries.filter((e) => !e.noRows);
  const stored = await storedEntries(db, { ...hashes, entries });
  const chosen = entries.map((e) => chosenEntries.get(e.sha256));
  const known = entries.map((_, i) => stored[i] !== undefined || chosen[i] !== undefined);
  const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);
  const names = (xs: (string | undefined)[]) => [...new Set(defined(xs))].join(', ');
  if (known.length > 0 && known.every(Boolean)) {
    const reason = chosen.some((c) => c !== undefined)
      ? `the same CSV content as ${names(chosen)}, chosen in this import (same SHA-256): imported once`
      : `already imported into ${inDatasets(defined(stored))} (same SHA-256): nothing added`;
    return { kind: 'skip', skipped: { fileName, sha256, reason } };
  }
  if (known.some(Boolean)) {
    const old = entries.filter((_, i) => known[i]).map((e) => e.entryName).join(', ');
    const where = [stored.some(Boolean) ? `already imported into ${inDatasets(defined(stored))}` : '', chosen.some(Boolean) ? `the same content as ${names(chosen)}, chosen in this import` : ''].filter(Boolean).join(' or ');
    return { kind: 'refuse', refused: { fileName, message: `${fileName}: its entries ${old} are ${where} (same SHA-256), and its other entries are new. A zip is imported whole: extract the new entries and import them as files.` } };
  }
  // A zip holding one CSV twice under two names: its rows and receipt are one source (entries keyed by content).
  const twice = entries.filter((e, i) => entries.findIndex((f) => f.sha256 === e.sha256) !== i);
  if (twice.length) {
    const first = (e: EntryHash) => entries.find((f) => f.sha256 === e.sha256)!.entryName;
    return { kind: 'refuse', refused: { fileName, message: `${fileName}: ${twice.map((e) => `${e.entryName} has the same content as ${first(e)}`).join('; ')} (same SHA-256). Extract the entries and import each content once.` } };
  }
  chosenFiles.add(sha256);
  for (const e of entries) chosenEntries.set(e.sha256, e.entryName ? `${fileName} › ${e.entryName}` : fileName);
  return { kind: 'parse', hashes };
}
