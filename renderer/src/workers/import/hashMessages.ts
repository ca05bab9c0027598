import type { Verdict } from '../../../../shared/archive/selectionVerdicts';

export type { Verdict };

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

export type FromHashWorker = { id: number; ok: true; verdict: Verdict; hasher: string } | { id: number; ok: false; message: string };
