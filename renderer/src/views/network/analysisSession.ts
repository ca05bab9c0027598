import { SessionState } from '../../app/sessionState';
import type { AnalysisReceipt } from '../../../../shared/graph/analysisReceipt';
import type { AnalysisProgress, AnalysisRequest, EdgeTweet, FromAnalysisWorker, NetworkModel, ToAnalysisWorker } from '../../network/networkModel';

export type AnalysisState =
  | { status: 'idle' }
  /** `since`: when the phase began (performance.now()), for the time spent in a phase that counts nothing. */
  | { status: 'running'; progress: AnalysisProgress; since: number }
  | { status: 'done'; model: NetworkModel }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

type Pending<T> = { resolve: (v: T) => void; reject: (e: Error) => void };

/**
 * The app's one network analysis: its worker (which keeps the graph for exports and edge tweets),
 * its state and the request that made it. It outlives the Network view, so an analyst who goes to
 * Explore and back finds the network as they left it; a new run or Cancel ends the old worker.
 */
class AnalysisSession extends SessionState<AnalysisState> {
  /** The last request run: the form starts from it. */
  request: AnalysisRequest | null = null;
  private worker: Worker | null = null;
  private pendingExport: Pending<{ text: string; receipt: AnalysisReceipt }> | null = null;
  private readonly pendingTweets = new Map<number, Pending<{ total: number; tweets: EdgeTweet[] }>>();

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pendingTweets.values()) p.reject(new Error('The analysis was replaced or cancelled.'));
    this.pendingTweets.clear();
  }

  readonly run = (request: AnalysisRequest): void => {
    this.stop();
    this.request = request;
    const w = new Worker(new URL('../../workers/analysisWorker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    this.worker = w;
    this.set({ status: 'running', progress: { phase: 'Starting', done: 0, total: 0, unit: '', perSecond: 0, etaSeconds: null }, since: performance.now() });
    w.onmessage = (e: MessageEvent<FromAnalysisWorker>) => {
      if (w !== this.worker) return;
      const m = e.data;
      if (m.type === 'edgeTweets') {
        const p = this.pendingTweets.get(m.edgeIndex);
        this.pendingTweets.delete(m.edgeIndex);
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve({ total: m.total, tweets: m.tweets });
        return;
      }
      if (m.type === 'progress') {
        const { type: _type, ...progress } = m;
        const was = this.getState();
        const since = was.status === 'running' && was.progress.phase === m.phase ? was.since : performance.now();
        this.set({ status: 'running', progress, since });
      }
      else if (m.type === 'result') this.set({ status: 'done', model: m.model });
      else if (m.type === 'exported') this.pendingExport?.resolve({ text: m.text, receipt: m.receipt });
      else if (this.pendingExport) this.pendingExport.reject(new Error(m.message));
      else this.set({ status: 'failed', message: m.message });
      if (m.type !== 'progress' && m.type !== 'result') this.pendingExport = null;
    };
    w.onerror = (e) => {
      if (w !== this.worker) return;
      this.set({ status: 'failed', message: `The analysis worker stopped: ${e.message || 'unknown error'}` });
      this.stop();
    };
    w.postMessage({ type: 'run', request } satisfies ToAnalysisWorker);
  };

  readonly cancel = (): void => {
    this.stop();
    this.set({ status: 'cancelled' });
  };

  readonly exportView = (m: Extract<ToAnalysisWorker, { type: 'export' }>): Promise<{ text: string; receipt: AnalysisReceipt }> => {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('No analysis to export.'));
    return new Promise((resolve, reject) => {
      this.pendingExport = { resolve, reject };
      w.postMessage(m);
    });
  };

  /** The tweets behind an interaction edge (retweet, mention, reply, quote), from the worker that built it. */
  readonly edgeTweets = (edgeIndex: number, limit: number): Promise<{ total: number; tweets: EdgeTweet[] }> => {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('No analysis is loaded.'));
    this.pendingTweets.get(edgeIndex)?.reject(new Error('superseded'));
    return new Promise((resolve, reject) => {
      this.pendingTweets.set(edgeIndex, { resolve, reject });
      w.postMessage({ type: 'edgeTweets', edgeIndex, limit } satisfies ToAnalysisWorker);
    });
  };
}

export const analysisSession = new AnalysisSession({ status: 'idle' });
