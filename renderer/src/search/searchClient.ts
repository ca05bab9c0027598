import type { RangeFacets } from './searchFacets';
import type { ExportRequest, LoadState, SearchMessage, SearchRequest, SearchResponse } from './searchProtocol';

type Done = Extract<SearchResponse, { type: 'result' }>;
type Page = Extract<SearchResponse, { type: 'page' }>;
type Progress = Extract<SearchResponse, { type: 'progress' }>;
type Exported = Extract<SearchResponse, { type: 'exported' }>;

export interface SearchCallbacks {
  /** The requested page, before the count is final (result.count = matches counted so far). */
  onPage?: (m: Page) => void;
  onProgress?: (m: Progress) => void;
}

/** A piece of an export's CSV, with the rows written so far of the total. */
export type ExportChunk = (csv: string, rows: number, total: number) => void;

/** Rejection of a search that a newer search replaced. */
export class SearchCancelled extends Error {
  constructor() {
    super('search replaced by a newer one');
  }
}

/** The renderer's handle on the search worker: one worker, requests answered by id. */
export class SearchClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, { resolve: (r: Done) => void; reject: (e: Error) => void; cb: SearchCallbacks }>();
  private facetsPending = new Map<number, { resolve: (f: RangeFacets) => void; reject: (e: Error) => void }>();
  private watching: { id: number; onLoad: (s: LoadState) => void } | null = null;
  private exports = new Map<number, { onChunk: ExportChunk; resolve: (r: Exported) => void; reject: (e: Error) => void }>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/searchWorker.ts', import.meta.url), { type: 'module', name: 'search' });
      this.worker.onmessage = (e: MessageEvent<SearchResponse>) => {
        const m = e.data;
        if (m.type === 'load') {
          if (this.watching?.id === m.id) this.watching.onLoad(m.state);
          return;
        }
        if (m.type === 'facets' || (m.type === 'error' && this.facetsPending.has(m.id))) {
          const f = this.facetsPending.get(m.id);
          this.facetsPending.delete(m.id);
          if (m.type === 'facets') f?.resolve(m.facets);
          else f?.reject(new Error(m.message));
          return;
        }
        const x = this.exports.get(m.id);
        if (x) {
          if (m.type === 'export-chunk') {
            x.onChunk(m.csv, m.rows, m.total);
            return;
          }
          this.exports.delete(m.id);
          if (m.type === 'exported') x.resolve(m);
          else x.reject(m.type === 'error' ? new Error(m.message) : new SearchCancelled());
          return;
        }
        const p = this.pending.get(m.id);
        if (!p || m.type === 'export-chunk' || m.type === 'exported') return;
        if (m.type === 'progress') p.cb.onProgress?.(m);
        else if (m.type === 'page') p.cb.onPage?.(m);
        else {
          this.pending.delete(m.id);
          if (m.type === 'result') p.resolve(m);
          else if (m.type === 'cancelled') p.reject(new SearchCancelled());
          else p.reject(new Error(m.message));
        }
      };
    }
    return this.worker;
  }

  private send(m: SearchMessage): void {
    this.ensure().postMessage(m);
  }

  /**
   * Starts loading a dataset's search text in the worker, so the first real query is fast; onLoad
   * hears how far the load is (the latest warm call's listener only).
   */
  warm(datasetId: string, onLoad?: (s: LoadState) => void): void {
    const id = this.next++;
    this.watching = onLoad ? { id, onLoad } : null;
    this.send({ id, type: 'warm', datasetId });
  }

  /** Languages, hashtags and retweets over a time range (waits for the worker's filter columns). */
  facets(datasetId: string, fromMinute?: number, toMinute?: number): Promise<RangeFacets> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.facetsPending.set(id, { resolve, reject });
      this.send({ id, type: 'facets', datasetId, fromMinute, toMinute });
    });
  }

  /**
   * Every match of a search as CSV (searchCsv.ts), in its order: `onChunk` gets each piece in turn
   * (possibly empty, with the progress); `done` gives the rows written and their source files; `cancel` makes it reject with
   * SearchCancelled.
   */
  exportCsv(req: Omit<ExportRequest, 'id' | 'type'>, onChunk: ExportChunk): { done: Promise<Exported>; cancel: () => void } {
    const id = this.next++;
    const done = new Promise<Exported>((resolve, reject) => {
      this.exports.set(id, { onChunk, resolve, reject });
      this.send({ ...req, id, type: 'export' });
    });
    return { done, cancel: () => this.send({ id, type: 'cancel-export' }) };
  }

  /** Runs a search; a newer search makes this one reject with SearchCancelled. */
  search(req: Omit<SearchRequest, 'id' | 'type'>, cb: SearchCallbacks = {}): Promise<Done> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, cb });
      this.send({ ...req, id, type: 'search' });
    });
  }
}

export const searchClient = new SearchClient();
