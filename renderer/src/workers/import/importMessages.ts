import type { ImportReceipt } from '../../../../shared/domain/archive';
import type { DatasetRecord } from '../../store/schema';

/** Messages between the Datasets view and the import worker. Counters only: never rows. */

export type ImportRequest =
  | { kind: 'files'; files: File[]; datasetId?: string }
  | { kind: 'demo'; tweets: number; seed: number; datasetId?: string };

export type ToImportWorker =
  | { kind: 'start'; request: ImportRequest }
  | { kind: 'cancel' }
  /** Answer to 'decide': commit the files that were accepted, or cancel the whole import. */
  | { kind: 'decide'; proceed: boolean };

/** 'reading': the stored tweet ids of the dataset being added to (to skip tweets it already has). */
export type ImportPhase = 'reading' | 'parsing' | 'committing';

export interface ImportProgress {
  phase: ImportPhase;
  fileName: string;
  bytes: number;
  totalBytes: number;
  rows: number;
  rowsPerSecond: number;
  /** Rows the phase will read, when known and the progress is by rows ('reading'); bytes are 0 then. */
  totalRows?: number;
  /** Seconds left in this phase, when it can be estimated. */
  etaSeconds: number | null;
  /** Importing several files: which one is read now (1-based); bytes and rows count all of them. */
  file?: { number: number; of: number };
}

export type { RefusedFile, SkippedFile } from '../../../../shared/archive/selectionVerdicts';
import type { RefusedFile, SkippedFile } from '../../../../shared/archive/selectionVerdicts';

export interface ImportResult {
  datasetId: string | null;
  importId: string | null;
  dataset: DatasetRecord | null;
  receipts: ImportReceipt[];
  skipped: SkippedFile[];
  refused: RefusedFile[];
  /** What this import added (after dedupe). */
  added: DatasetRecord['counts'];
  seconds: number;
  /** The streaming SHA-256 used in pass 1. */
  hasher: string;
  /** The CSV byte scan used in pass 2 (csvScanWasm.ts). */
  csvScan: string;
  /** Where the time went: pass 1, reading the dataset added to, pass 2 (parse + aggregates + block writes), the commit. */
  timings: { hashSeconds: number; datasetReadSeconds: number; parseSeconds: number; commitSeconds: number; aggregateSeconds: number; collectSeconds: number; packSeconds: number; writeWaitSeconds: number };
}

export type FromImportWorker =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'decide'; refused: RefusedFile[] }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string; refused: RefusedFile[] }
  | { kind: 'cancelled' };
