/// <reference lib="webworker" />
import { readTweetBlocks } from '../store/read/datasetReader';
import { WorkbenchDb } from '../store/schema';
import { searchBlockOf } from '../store/write/searchBlockOf';
import { decodeTweetColumns } from '../store/tweetBlockCodec';
import { AggregateBuilder } from './import/aggregateBuilder';
import type { BlockWriterRequest, FromBlockWriter, ToBlockWriter } from './import/blockWriterMessages';

/**
 * The import worker's second thread: aggregates each tweet block (AggregateBuilder), builds its
 * search record and writes both to IndexedDB, one transaction per batch. Serialising large records
 * and counting cost about as much as parsing, so the import uses both cores. Requests are handled
 * one at a time, in order.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new WorkbenchDb();
let agg: AggregateBuilder | undefined;
let aggregateSeconds = 0;
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
  });
};

async function handle(r: BlockWriterRequest): Promise<Partial<Extract<FromBlockWriter, { ok: true }>>> {
  if (r.kind === 'begin') {
    agg = new AggregateBuilder(r.importId, r.datasetId);
    if (r.existing) {
      for await (const block of readTweetBlocks(db, r.datasetId)) {
        const c = block.columns;
        for (let i = 0; i < c.length; i++) agg.remember(c.tweetid[i]!, c.userid[i]!);
      }
    }
    return {};
  }
  const a = agg;
  if (!a) throw new Error('no import begun');
  if (r.kind === 'blocks') {
    const search = r.blocks.map((b) => {
      const t = performance.now();
      // Decoded once: for the aggregates and for the search text.
      const columns = decodeTweetColumns(b.columns);
      a.addColumns(columns, b.seq);
      aggregateSeconds += (performance.now() - t) / 1000;
      return searchBlockOf(b, columns.tweetText);
    });
    await db.transaction('rw', [db.tweetBlocks, db.searchBlocks], () => {
      void db.tweetBlocks.bulkPut(r.blocks);
      void db.searchBlocks.bulkPut(search);
    });
    return {};
  }
  return { aggregates: a.finish(), aggregateSeconds };
}
