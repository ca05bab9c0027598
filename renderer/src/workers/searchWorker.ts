/// <reference lib="webworker" />
import { readTweetBlocks } from '../store/read/datasetReader';
import { WorkbenchDb } from '../store/schema';
import { corpusBlock, searchCorpus, type CorpusBlock } from '../search/searchCorpus';
import type { SearchRequest, SearchResponse } from '../search/searchProtocol';
import { parseQuery } from '../search/searchQuery';

/**
 * Full-text search over a dataset's search blocks, off the UI thread. The first query of a dataset
 * loads its committed blocks into memory (normalised text + the columns filters and results need);
 * later queries are one linear pass. The corpus is reloaded when the dataset's committed imports change.
 */
const db = new WorkbenchDb();
/** The loaded (or loading) corpus; requests arriving during a load wait for the same promise. */
let loaded: { key: string; promise: Promise<{ blocks: CorpusBlock[]; tweets: number; loadMs: number }> } | null = null;

const post = (m: SearchResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

async function load(id: number, datasetId: string): Promise<{ blocks: CorpusBlock[]; tweets: number; loadMs: number }> {
  const t0 = performance.now();
  const blocks: CorpusBlock[] = [];
  let tweets = 0;
  for await (const tb of readTweetBlocks(db, datasetId)) {
    const sb = await db.searchBlocks.get([datasetId, tb.seq]);
    // A block without its search text (should not happen) is still searchable, normalised here.
    const text = sb && sb.importId === tb.importId ? sb.text : tb.columns.tweetText.map((t) => t.normalize('NFKC').toLowerCase());
    blocks.push(corpusBlock(tb.seq, text, tb.columns));
    tweets += tb.columns.length;
    if (blocks.length % 50 === 0) post({ id, type: 'loading', blocks: blocks.length, tweets });
  }
  return { blocks, tweets, loadMs: performance.now() - t0 };
}

async function corpus(id: number, datasetId: string): Promise<{ blocks: CorpusBlock[]; tweets: number; loadMs: number }> {
  const ds = await db.datasets.get(datasetId);
  const key = datasetId + '\n' + (ds?.committedImports ?? []).join(',');
  if (loaded?.key === key) {
    // Reports how long this request waited for a load already under way (0 once loaded).
    const t0 = performance.now();
    const c = await loaded.promise;
    const waited = performance.now() - t0;
    return { ...c, loadMs: waited >= 1 ? waited : 0 };
  }
  const promise = load(id, datasetId);
  loaded = { key, promise };
  promise.catch(() => {
    if (loaded?.promise === promise) loaded = null;
  });
  return promise;
}

self.onmessage = async (e: MessageEvent<SearchRequest>) => {
  const r = e.data;
  try {
    const { blocks, tweets, loadMs } = await corpus(r.id, r.datasetId);
    const terms = parseQuery(r.query);
    const t0 = performance.now();
    const result = searchCorpus(blocks, terms, r.filters, r.offset, r.limit);
    post({ id: r.id, type: 'result', result, terms, searchMs: performance.now() - t0, loadMs, tweets });
  } catch (err) {
    post({ id: r.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
