import type { ImportAggregates, TweetBlockRecord } from '../../store/schema';

/**
 * Between the import worker and its block writer thread. The writer owns the import's tweet blocks
 * from here on: it aggregates them, builds their search records and stores both.
 */
export type BlockWriterRequest =
  /** Start an import; with `existing`, the dataset's stored tweets are read first (quotes of them resolve). */
  | { kind: 'begin'; importId: string; datasetId: string; existing: boolean }
  | { kind: 'blocks'; blocks: TweetBlockRecord[] }
  /** Everything is written: the import's aggregates, and the seconds spent aggregating. */
  | { kind: 'finish' };

export type ToBlockWriter = { id: number; request: BlockWriterRequest };
export type FromBlockWriter =
  | { id: number; ok: true; aggregates?: ImportAggregates; aggregateSeconds?: number }
  | { id: number; ok: false; message: string };
