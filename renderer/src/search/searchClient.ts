import type { SearchRequest, SearchResponse } from './searchProtocol';

type Done = Extract<SearchResponse, { type: 'result' }>;

/** The renderer's handle on the search worker: one worker, requests answered by id. */
export class SearchClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, { resolve: (r: Done) => void; reject: (e: Error) => void; onLoading?: (blocks: number, tweets: number) => void }>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/searchWorker.ts', import.meta.url), { type: 'module', name: 'search' });
      this.worker.onmessage = (e: MessageEvent<SearchResponse>) => {
        const m = e.data;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'loading') p.onLoading?.(m.blocks, m.tweets);
        else {
          this.pending.delete(m.id);
          if (m.type === 'result') p.resolve(m);
          else p.reject(new Error(m.message));
        }
      };
    }
    return this.worker;
  }

  /** Starts loading a dataset's search text in the worker, so the first real query is fast. */
  warm(datasetId: string): void {
    void this.search({ datasetId, query: '', filters: {}, offset: 0, limit: 0 }).catch(() => {});
  }

  search(req: Omit<SearchRequest, 'id'>, onLoading?: (blocks: number, tweets: number) => void): Promise<Done> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onLoading });
      this.ensure().postMessage({ ...req, id } satisfies SearchRequest);
    });
  }
}

export const searchClient = new SearchClient();
