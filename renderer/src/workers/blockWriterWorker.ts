/// <reference lib="webworker" />
import './reportCspViolations';
import { WorkbenchDb } from '../store/schema';
import { writeRowBatch } from '../store/write/importBatchWriter';
import { searchBlockOf } from '../store/write/searchBlockOf';
import { tweetIdsOf } from '../store/write/tweetIdsOf';
import { unpackStrings } from '../store/tweetBlockCodec';
import { tweetTargets } from '../store/tweetTargets';
import { AggregateBuilder } from './import/aggregateBuilder';
import { collectGarbage } from './collectGarbage';
import { failureMessage } from '../../../shared/domain/storageFull';
import type { BlockWriterRequest, FromBlockWriter, ToBlockWriter } from './import/blockWriterMessages';
import type { LinkPairs } from './import/tweetAuthors';
import type { ImportAggregates, UnresolvedLinksRecord } from '../store/schema';

/**
 * The import worker's second thread: aggregates each tweet block (AggregateBuilder, stored at the end), builds its
 * search record and writes them, with the batch's ids record (TweetIdsRecord), to IndexedDB, one transaction per batch; it also writes the batches of
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
      // A full disk in words (Chromium says "QuotaExceededError ", "DataError Failed to write blobs (IOError)"…);
      // the page adds the free space it reads (importSession.ts).
      reply = { id, ok: false, message: failureMessage(err, 'the import', null) };
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
  if (r.kind === 'blocks') {
    const a = builder();
    const search = r.blocks.map((b) => {
      const t = performance.now();
      // Counted into the aggregates and stored with the search text, for counts over a time range.
      const targets = tweetTargets(b.columns);
      a.addBlock(b.columns, b.seq, targets);
      aggregateSeconds += (performance.now() - t) / 1000;
      return searchBlockOf(b, unpackStrings(b.columns.tweetText), targets);
    });
    const ids = r.blocks.length ? tweetIdsOf(r.blocks) : undefined;
    for (const b of r.blocks) delete b.fingerprints; // kept in the ids record only
    await db.transaction('rw', [db.tweetBlocks, db.searchBlocks, db.tweetIds], () => {
      void db.tweetBlocks.bulkPut(r.blocks);
      void db.searchBlocks.bulkPut(search);
      if (ids) void db.tweetIds.put(ids);
    });
    for (const b of r.blocks) rowsSinceCollect += b.columns.length;
    return {};
  }
  // Stored here, not handed back: copying a 5 M-tweet import's aggregates to the import worker for
  // the commit took hundreds of MB. Readers ignore them until commitImport marks the import committed.
  const record = finishAggregates(r.links);
  // The builder's counters (typed arrays, tens of MB per million tweets) are garbage now: freed
  // before the record is serialised, the import's last memory peak.
  collectSeconds += collectGarbage();
  const unresolved: UnresolvedLinksRecord = { importId: record.importId, datasetId: record.datasetId, ...r.links.unresolved };
  await db.transaction('rw', [db.aggregates, db.unresolvedLinks], () => {
    void db.aggregates.put(record);
    void db.unresolvedLinks.put(unresolved);
  });
  return { aggregateSeconds, collectSeconds };
}

function builder(): AggregateBuilder {
  if (!agg) throw new Error('no import begun');
  return agg;
}

/** The import's aggregates record; the builder is dropped. */
function finishAggregates(links: LinkPairs): ImportAggregates {
  const a = builder();
  agg = undefined;
  a.addLinks(links);
  return a.finish();
}

const COLLECT_EVERY_ROWS = 1_000_000;

/**
 * The most thorough collection V8 has ('last-resort': repeated full collections, as DevTools' "collect
 * garbage" does) after every COLLECT_EVERY_ROWS tweets. This thread's garbage (received batches,
 * search records and what IndexedDB keeps for them) holds native memory that V8's heuristics let pile up
 * before a collection frees it. A plain full collection (`gc()`) every 100k rows, made only when no
 * request waited, still let the renderer reach ~1.1 GB in about half the 1 M-tweet runs (~0.6 GB in
 * the others; the writer's used heap grew to ~350 MB); with this, 7 runs of 7 stayed at 0.54–0.64 GB
 * (4 collecting every 50k rows, 3 every 100k).
 * The writer's live heap is small (the aggregates count by code, and per account, in typed arrays
 * off the GC heap), so this cost ~1 s of the writer's time for 1 M tweets every 100k rows. Every 250k
 * (since 2026-11-30): six alternating 1 M pairs 20.2–23.3 s against 21.8–25.4 s (total CPU −1.9 s on
 * average), renderer peak 664–749 MB against 627–678 MB; 5 M 125.7 s against 128.1 s, peak 1,048
 * against 980 MB. Every 1,000,000 (since 2026-12-02, once pass 1 no longer held a whole file): five
 * alternating 1 M pairs, every one faster, 34.79–39.14 s against 38.02–41.84 s (renderer CPU −0.3 to
 * −8.9 s, page faults −50,000), renderer peak 701–799 MB against 697–809 MB; 5 M 203.4 s, peak
 * 1,155 MB (every 250k, an hour earlier: 221.9 s, 1,099 MB).
 */
function collectGarbagePeriodically(): void {
  if (rowsSinceCollect < COLLECT_EVERY_ROWS) return;
  rowsSinceCollect = 0;
  collectSeconds += collectGarbage();
}
