/// <reference lib="webworker" />
import './reportCspViolations';
import { WorkbenchDb } from '../store/schema';
import { hitAt, type SearchHit } from '../search/searchCorpus';
import { DatasetCorpus } from '../search/searchDatasetCorpus';
import type { SearchMessage, SearchRequest, SearchResponse } from '../search/searchProtocol';
import { exportMatches, ExportStopped } from '../search/exportMatches';
import { parseQuery } from '../search/searchQuery';
import { compileQuery, scanBlock } from '../search/searchScan';
import { rangeFacets } from '../search/searchFacets';
import { yieldToEvents } from './yieldToEvents';
import { TimeOrderedMatches } from '../search/timeOrderedMatches';

/**
 * Full-text search over a dataset, off the UI thread (searchDatasetCorpus.ts loads it). A query
 * scans the blocks in order as they load, sends the requested page as soon as it is complete, then
 * the final count. A newer search cancels the one running (one search view).
 */
const db = new WorkbenchDb();
let corpus: { key: string; c: DatasetCorpus } | null = null;
/** Id of the newest search; older ones stop at their next block. */
let newest = 0;

const post = (m: SearchResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
class Cancelled extends Error {}

async function corpusFor(datasetId: string, onProgress?: () => void): Promise<DatasetCorpus> {
  const ds = await db.datasets.get(datasetId);
  const committed = ds?.committedImports ?? [];
  const key = datasetId + '\n' + committed.join(',');
  if (corpus?.key !== key) {
    corpus?.c.close();
    const c = new DatasetCorpus(db, datasetId, new Set(committed), () => {
      progress?.();
      if (corpus?.c === c) for (const id of watchers) post({ id, type: 'load', state: c.state });
    });
    corpus = { key, c };
    watchers.clear();
    // Filter columns follow in the background, so filtered queries are fast once the text is in.
    void c.ready.then(() => c.prefetchFilters()).catch(() => {});
  }
  if (onProgress) progress = onProgress;
  return corpus.c;
}
/** Progress callback of the search waiting on the load (the newest). */
let progress: (() => void) | null = null;
/** Warm requests of the current corpus: told how far it has loaded. */
const watchers = new Set<number>();

async function hitsOf(c: DatasetCorpus, page: { k: number; rows: number[] }[]): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (const { k, rows } of page) {
    const cols = await c.columnsAt(k);
    for (const i of rows) hits.push(hitAt(c.seqs[k]!, cols, i));
  }
  return hits;
}

/** Hits in the given order, each block read once. */
async function orderedHits(c: DatasetCorpus, matches: { k: number; i: number }[]): Promise<SearchHit[]> {
  const blocks = new Map<number, Awaited<ReturnType<DatasetCorpus['columnsAt']>>>();
  for (const { k } of matches) if (!blocks.has(k)) blocks.set(k, await c.columnsAt(k));
  return matches.map(({ k, i }) => hitAt(c.seqs[k]!, blocks.get(k)!, i));
}

async function search(r: SearchRequest): Promise<void> {
  const t0 = performance.now();
  let counted = 0;
  let k = 0;
  const c = await corpusFor(r.datasetId, () => report());
  const report = () => post({ id: r.id, type: 'progress', counted, scannedBlocks: k, loadedBlocks: c.loadedBlocks, blocks: c.blocks, tweets: c.tweets });
  const waitedForText = !c.textDone;
  await c.listed;
  const terms = parseQuery(r.query);
  const q = compileQuery(terms, r.filters, c.dicts, await c.attribution(r.filters));
  const page: { k: number; rows: number[] }[] = [];
  let pageRows = 0;
  let pageHits: Promise<SearchHit[]> | null = null;
  let last = performance.now();
  let done = false;
  // In time order no page is known before every block is scanned.
  const ordered = r.filters.order ? new TimeOrderedMatches() : null;
  for (; k < c.blocks; k++) {
    if (r.id !== newest) throw new Cancelled();
    const text = c.text[k] ?? (await c.textAt(k));
    const filters = q.needsFilters ? c.filters[k] ?? (await c.filtersAt(k)) : undefined;
    const rows: number[] = [];
    if (ordered) {
      counted += scanBlock(text, filters, q, 0, Infinity, rows);
      ordered.add(k, rows, filters!.tweetTime);
    } else counted += scanBlock(text, filters, q, Math.max(0, r.offset - counted), r.limit - pageRows, rows);
    if (rows.length && !ordered) {
      page.push({ k, rows });
      pageRows += rows.length;
      if (pageRows === r.limit) {
        // The page is complete: build and send it while counting goes on.
        pageHits = hitsOf(c, page);
        pageHits.then((hits) => { if (!done && r.id === newest) post({ id: r.id, type: 'page', result: { count: counted, offset: r.offset, hits }, terms }); }, () => {});
      }
    }
    if (performance.now() - last > 40) {
      report();
      await yieldToEvents();
      last = performance.now();
    }
  }
  const hits = ordered ? await orderedHits(c, ordered.page(r.filters.order!, r.offset, r.limit)) : await (pageHits ?? hitsOf(c, page));
  done = true;
  if (r.id !== newest) throw new Cancelled();
  post({ id: r.id, type: 'result', result: { count: counted, offset: r.offset, hits }, terms, searchMs: performance.now() - t0, loadMs: waitedForText ? c.textLoadMs : 0, tweets: c.tweets });
}

/** Exports running, and those of them asked to stop (cancel-export): checked between blocks. */
const runningExports = new Set<number>();
const stoppedExports = new Set<number>();

self.onmessage = async (e: MessageEvent<SearchMessage>) => {
  const m = e.data;
  if (m.type === 'cancel-export') {
    // A cancel that comes after its export finished has nothing to stop.
    if (runningExports.has(m.id)) stoppedExports.add(m.id);
    return;
  }
  if (m.type === 'export') {
    runningExports.add(m.id);
    try {
      await exportMatches(await corpusFor(m.datasetId), m, post, () => stoppedExports.has(m.id));
    } catch (err) {
      if (err instanceof ExportStopped) post({ id: m.id, type: 'cancelled' });
      else post({ id: m.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      runningExports.delete(m.id);
      stoppedExports.delete(m.id);
    }
    return;
  }
  if (m.type === 'warm') {
    try {
      const c = await corpusFor(m.datasetId);
      watchers.add(m.id);
      post({ id: m.id, type: 'load', state: c.state });
    } catch (err) {
      post({ id: m.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (m.type === 'facets') {
    try {
      const c = await corpusFor(m.datasetId);
      const names = await c.names();
      post({ id: m.id, type: 'facets', facets: rangeFacets(await c.allFilters(), c.dicts, (name) => names.attribute(name), m.fromMinute, m.toMinute) });
    } catch (err) {
      post({ id: m.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  newest = m.id;
  try {
    await search(m);
  } catch (err) {
    if (err instanceof Cancelled) post({ id: m.id, type: 'cancelled' });
    else post({ id: m.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
