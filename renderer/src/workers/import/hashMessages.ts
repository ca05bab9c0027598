import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';
import type { RefusedFile, SkippedFile } from './importMessages';

/**
 * Between the import worker and its pass-1 thread (hashWorker.ts): one file per request, judged in
 * the order asked.
 */
export type ToHashWorker = {
  id: number;
  name: string;
  /** A File is read by the hashing thread itself; other sources (the demo) come as a transferred stream. */
  file?: File;
  stream?: ReadableStream<Uint8Array>;
};

/** Pass 1's word on a file: import it (with its hashes), skip it, or refuse it. */
export type Verdict =
  | { kind: 'parse'; hashes: ArchiveHashes }
  /** Already stored, or chosen twice. */
  | { kind: 'skip'; skipped: SkippedFile }
  /** Pass 1 could not read it (ArchiveFormatError: a corrupt gzip or zip, …). */
  | { kind: 'refuse'; refused: RefusedFile };

export type FromHashWorker = { id: number; ok: true; verdict: Verdict; hasher: string } | { id: number; ok: false; message: string };
