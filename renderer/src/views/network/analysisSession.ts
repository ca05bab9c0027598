import { SessionState } from '../../app/sessionState';
import type { AnalysisReceipt } from '../../../../shared/graph/analysisReceipt';
import type { AnalysisProgress, AnalysisRequest, EdgeTweet, FromAnalysisWorker, NetworkModel, ToAnalysisWorker } from '../../network/networkModel';

/** Where the last run is; `model` is the network shown meanwhile (the last one built), kept until another is built. */
export type AnalysisState = (
  | { status: 'idle' }
  /** `since`: when the phase began (performance.now()), for the time spent in a phase that counts nothing. */
  | { status: 'running'; progress: AnalysisProgress; since: number }
  | { status: 'done' }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' }
) & { model: NetworkModel | null };

type Pending<T> = { resolve: (v: T) => void; reject: (e: Error) => void };

/**
 * The app's network analysis: the worker of the network shown (which keeps its graph for exports
 * and edge tweets), the worker building the next one, the state and the request that made it. It
 * outlives the Network view, so an analyst who goes to Explore and back finds the network as they
 * left it. A build cancelled or failed leaves the network shown as it was; one that succeeds
 * replaces it and its worker. While a build runs, the shown network's worker lets go of the
 * dataset's tweets (the building one reads them), and reads them again if an edge's are asked for.
 */
class AnalysisSession extends SessionState<AnalysisState> {
  /** The last request run: the form starts from it. */
  request: AnalysisRequest | null = null;
  /** The worker that built the network shown. */
  private shown: Worker | null = null;
  /** The worker building the next network. */
  private building: Worker | null = null;
  private readonly pendingExports = new Map<number, Pending<{ text: string; receipt: AnalysisReceipt }>>();
  private lastExportId = 0;
  /** Asked-for edge tweets, each with whom to tell how the re-read of the dataset's tweets goes (after a build released them). */
  private readonly pendingTweets = new Map<number, Pending<{ total: number; tweets: EdgeTweet[] }> & { onProgress?: (p: AnalysisProgress) => void }>();

  private stopBuilding(): void {
    this.building?.terminate();
    this.building = null;
  }

  /** The shown network's worker is replaced (or stopped: null): what was asked of it cannot be answered. */
  private replaceShown(w: Worker | null, why = 'The analysis was replaced.'): void {
    this.shown?.terminate();
    this.shown = w;
    for (const p of [...this.pendingTweets.values(), ...this.pendingExports.values()]) p.reject(new Error(why));
    this.pendingTweets.clear();
    this.pendingExports.clear();
  }

  readonly run = (request: AnalysisRequest): void => {
    this.stopBuilding();
    this.request = request;
    const w = new Worker(new URL('../../workers/analysisWorker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    this.building = w;
    this.set((s) => ({ status: 'running', progress: { phase: 'Starting', done: 0, total: 0, unit: '', perSecond: 0, etaSeconds: null }, since: performance.now(), model: s.model }));
    w.onmessage = (e: MessageEvent<FromAnalysisWorker>) => {
      const m = e.data;
      if (w === this.shown) this.answer(m);
      else if (w === this.building) this.report(w, m);
    };
    w.onerror = (e) => {
      const why = `The analysis worker stopped: ${e.message || 'unknown error'}.`;
      // The shown network's worker gone: its exports and edge tweets are answered with why, at once.
      if (w === this.shown) this.replaceShown(null, why);
      if (w !== this.building) return;
      this.stopBuilding();
      this.set((s) => ({ status: 'failed', message: why, model: s.model }));
    };
    w.postMessage({ type: 'run', request } satisfies ToAnalysisWorker);
    this.shown?.postMessage({ type: 'releaseTweets' } satisfies ToAnalysisWorker);
  };

  /** The building worker's progress, result or failure. */
  private report(w: Worker, m: FromAnalysisWorker): void {
    if (m.type === 'progress') {
      const { type: _type, ...progress } = m;
      const was = this.getState();
      const since = was.status === 'running' && was.progress.phase === m.phase ? was.since : performance.now();
      this.set({ status: 'running', progress, since, model: was.model });
    } else if (m.type === 'result') {
      this.building = null;
      this.replaceShown(w);
      this.set({ status: 'done', model: m.model });
    } else if (m.type === 'error') {
      this.stopBuilding();
      this.set((s) => ({ status: 'failed', message: m.message, model: s.model }));
    }
  }

  /** The shown network's worker answering an export or the tweets of an edge. */
  private answer(m: FromAnalysisWorker): void {
    if (m.type === 'progress') {
      // Only an edge's tweets make the shown worker read: it is reading the dataset's tweets again for them.
      const { type: _type, ...progress } = m;
      for (const p of this.pendingTweets.values()) p.onProgress?.(progress);
    } else if (m.type === 'edgeTweets') {
      const p = this.pendingTweets.get(m.edgeIndex);
      this.pendingTweets.delete(m.edgeIndex);
      if (m.error) p?.reject(new Error(m.error));
      else p?.resolve({ total: m.total, tweets: m.tweets });
    } else if (m.type === 'exported' || (m.type === 'error' && m.exportId !== undefined)) {
      const id = m.type === 'exported' ? m.id : m.exportId!;
      const p = this.pendingExports.get(id);
      this.pendingExports.delete(id);
      if (m.type === 'exported') p?.resolve({ text: m.text, receipt: m.receipt });
      else p?.reject(new Error(m.message));
    }
  }

  readonly cancel = (): void => {
    this.stopBuilding();
    this.set((s) => ({ status: 'cancelled', model: s.model }));
  };

  readonly exportView = (m: Omit<Extract<ToAnalysisWorker, { type: 'export' }>, 'id'>): Promise<{ text: string; receipt: AnalysisReceipt }> => {
    const w = this.shown;
    if (!w) return Promise.reject(new Error('No analysis to export.'));
    const id = ++this.lastExportId;
    return new Promise((resolve, reject) => {
      this.pendingExports.set(id, { resolve, reject });
      w.postMessage({ ...m, id } satisfies ToAnalysisWorker);
    });
  };

  /** The tweets behind an interaction edge (retweet, mention, reply, quote), from the worker that built it. */
  readonly edgeTweets = (edgeIndex: number, limit: number, onProgress?: (p: AnalysisProgress) => void): Promise<{ total: number; tweets: EdgeTweet[] }> => {
    const w = this.shown;
    if (!w) return Promise.reject(new Error('No analysis is loaded.'));
    this.pendingTweets.get(edgeIndex)?.reject(new Error('superseded'));
    return new Promise((resolve, reject) => {
      this.pendingTweets.set(edgeIndex, { resolve, reject, onProgress });
      w.postMessage({ type: 'edgeTweets', edgeIndex, limit } satisfies ToAnalysisWorker);
    });
  };
}

export const analysisSession = new AnalysisSession({ status: 'idle', model: null });
