/// <reference lib="webworker" />
import { WorkbenchDb } from '../store/schema';
import { writeRowBatch } from '../store/write/importBatchWriter';
import { searchBlockOf } from '../store/write/searchBlockOf';
import { unpackStrings } from '../store/tweetBlockCodec';
import { AggregateBuilder } from './import/aggregateBuilder';
import type { BlockWriterRequest, FromBlockWriter, ToBlockWriter } from './import/blockWriterMessages';

/**
 * The import worker's second thread: aggregates each tweet block (AggregateBuilder, stored at the end), builds its
 * search record and writes both to IndexedDB, one transaction per batch; it also writes the batches of
 * per-row records. Serialising records and counting cost about as much as parsing, so the import
 * uses both cores. Requests are handled one at a time, in order.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new WorkbenchDb();
let agg: AggregateBuilder | undefined;
let aggregateSeconds = 0;
let collectSeconds = 0;
let rowsSinceCollect = 0;
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToBlockWriter>) => {
  const { id, request } = e.data;
  queue = queue.then(async () => {
    let reply: FromBlockWriter;
    try {
      reply = { id, ok: true, ...(await handle(request)) };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(reply);
    collectGarbagePeriodically();
  });
};

async function handle(r: BlockWriterRequest): Promise<Partial<Extract<FromBlockWriter, { ok: true }>>> {
  if (r.kind === 'begin') {
    agg = new AggregateBuilder(r.importId, r.datasetId);
    return {};
  }
  if (r.kind === 'rows') {
    await writeRowBatch(db, r.rows);
    return {};
  }
  const a = agg;
  if (!a) throw new Error('no import begun');
  if (r.kind === 'blocks') {
    const search = r.blocks.map((b) => {
      const t = performance.now();
      a.addBlock(b.columns, b.seq);
      aggregateSeconds += (performance.now() - t) / 1000;
      return searchBlockOf(b, unpackStrings(b.columns.tweetText));
    });
    await db.transaction('rw', [db.tweetBlocks, db.searchBlocks], () => {
      void db.tweetBlocks.bulkPut(r.blocks);
      void db.searchBlocks.bulkPut(search);
    });
    for (const b of r.blocks) rowsSinceCollect += b.columns.length;
    return {};
  }
  // Stored here, not handed back: copying a 5 M-tweet import's aggregates to the import worker for
  // the commit took hundreds of MB. Readers ignore them until commitImport marks the import committed.
  a.addQuotes(r.quotes);
  await db.aggregates.put(a.finish());
  agg = undefined;
  return { aggregateSeconds, collectSeconds };
}

/** V8's full collection, where the host exposes it (Chromium started with --js-flags=--expose-gc: the Electron app, the benchmark). */
const gc = (globalThis as { gc?: (options?: object) => void }).gc;
const COLLECT_EVERY_ROWS = 100_000;

/**
 * The most thorough collection V8 has ('last-resort': repeated full collections, as DevTools' "collect
 * garbage" does) after every COLLECT_EVERY_ROWS tweets. This thread's garbage (received batches,
 * search records and what IndexedDB keeps for them) holds native memory that V8's heuristics let pile up
 * before a collection frees it. A plain full collection (`gc()`) every 100k rows, made only when no
 * request waited, still let the renderer reach ~1.1 GB in about half the 1 M-tweet runs (~0.6 GB in
 * the others; the writer's used heap grew to ~350 MB); with this, 7 runs of 7 stayed at 0.54–0.64 GB
 * (4 collecting every 50k rows, 3 every 100k).
 * The writer's live heap is small (~10–25 MB at 1 M tweets: the aggregates count by code, off the
 * GC heap), so this costs ~2 s of the writer's time per 1 M tweets.
 */
function collectGarbagePeriodically(): void {
  if (!gc || rowsSinceCollect < COLLECT_EVERY_ROWS) return;
  rowsSinceCollect = 0;
  const t = performance.now();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  collectSeconds += (performance.now() - t) / 1000;
}
