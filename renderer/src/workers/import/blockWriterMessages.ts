import type { TweetBlockRecord } from '../../store/schema';
import type { RowBatch } from '../../store/write/importBatchWriter';
import type { LinkPairs } from './tweetAuthors';

/**
 * Between the import worker and its block writer thread. The writer owns the import's tweet blocks
 * from here on: it aggregates them, builds their search records and stores both, and the aggregates at the end. It also stores
 * the row records (account and quarantine blocks, indicators, …); per-row IndexedDB writes cost ~80 µs a row of
 * whichever thread makes them: on the writer they no longer hold up parsing.
 */
export type BlockWriterRequest =
  | { kind: 'begin'; importId: string; datasetId: string }
  | { kind: 'blocks'; blocks: TweetBlockRecord[] }
  | { kind: 'rows'; rows: RowBatch }
  /** Everything else is written: add the edges resolved by tweet id, store the import's aggregates and its unresolved links; reply with the seconds spent aggregating and collecting garbage. */
  | { kind: 'finish'; links: LinkPairs };

export type ToBlockWriter = { id: number; request: BlockWriterRequest };
export type FromBlockWriter =
  | { id: number; ok: true; aggregateSeconds?: number; collectSeconds?: number }
  | { id: number; ok: false; message: string };
