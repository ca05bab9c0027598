import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisReceipt } from '../../../../shared/graph/analysisReceipt';
import type { AnalysisRequest, EdgeTweet, FromAnalysisWorker, NetworkModel, ToAnalysisWorker } from '../../network/networkModel';

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; phase: string; done: number; total: number }
  | { status: 'done'; model: NetworkModel }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

/** One analysis worker per result (it keeps the graph for exports); cancel terminates it at once. */
export function useAnalysisWorker() {
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const pendingExport = useRef<{ resolve: (v: { text: string; receipt: AnalysisReceipt }) => void; reject: (e: Error) => void } | null>(null);
  const pendingTweets = useRef(new Map<number, { resolve: (v: { total: number; tweets: EdgeTweet[] }) => void; reject: (e: Error) => void }>());

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    for (const p of pendingTweets.current.values()) p.reject(new Error('The analysis was replaced or cancelled.'));
    pendingTweets.current.clear();
  };
  useEffect(() => stop, []);

  const run = useCallback((request: AnalysisRequest) => {
    stop();
    const w = new Worker(new URL('../../workers/analysisWorker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    worker.current = w;
    setState({ status: 'running', phase: 'Starting', done: 0, total: 0 });
    w.onmessage = (e: MessageEvent<FromAnalysisWorker>) => {
      const m = e.data;
      if (m.type === 'edgeTweets') {
        const p = pendingTweets.current.get(m.edgeIndex);
        pendingTweets.current.delete(m.edgeIndex);
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve({ total: m.total, tweets: m.tweets });
        return;
      }
      if (m.type === 'progress') setState({ status: 'running', phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'result') setState({ status: 'done', model: m.model });
      else if (m.type === 'exported') pendingExport.current?.resolve({ text: m.text, receipt: m.receipt });
      else if (pendingExport.current) pendingExport.current.reject(new Error(m.message));
      else setState({ status: 'failed', message: m.message });
      if (m.type !== 'progress' && m.type !== 'result') pendingExport.current = null;
    };
    w.onerror = (e) => {
      setState({ status: 'failed', message: `The analysis worker stopped: ${e.message || 'unknown error'}` });
      stop();
    };
    w.postMessage({ type: 'run', request } satisfies ToAnalysisWorker);
  }, []);

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, []);

  const exportView = useCallback((m: Extract<ToAnalysisWorker, { type: 'export' }>) => {
    const w = worker.current;
    if (!w) return Promise.reject(new Error('No analysis to export.'));
    return new Promise<{ text: string; receipt: AnalysisReceipt }>((resolve, reject) => {
      pendingExport.current = { resolve, reject };
      w.postMessage(m);
    });
  }, []);

  /** The tweets behind an interaction edge (retweet, mention, reply, quote), from the worker that built it. */
  const edgeTweets = useCallback((edgeIndex: number, limit: number) => {
    const w = worker.current;
    if (!w) return Promise.reject(new Error('No analysis is loaded.'));
    pendingTweets.current.get(edgeIndex)?.reject(new Error('superseded'));
    return new Promise<{ total: number; tweets: EdgeTweet[] }>((resolve, reject) => {
      pendingTweets.current.set(edgeIndex, { resolve, reject });
      w.postMessage({ type: 'edgeTweets', edgeIndex, limit } satisfies ToAnalysisWorker);
    });
  }, []);

  return { state, run, cancel, exportView, edgeTweets };
}
