import { useCallback, useEffect, useRef, useState } from 'react';
import type { FromImportWorker, ImportProgress, ImportRequest, ImportResult, RefusedFile, ToImportWorker } from '../workers/import/importMessages';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress | null; cancelling: boolean }
  | { status: 'deciding'; refused: RefusedFile[] }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; message: string; refused: RefusedFile[] }
  | { status: 'cancelled' };

/** Runs one import at a time in a fresh module worker; the UI sees counters and the final result only. */
export function useImportWorker(onFinished: () => void) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const send = (m: ToImportWorker) => worker.current?.postMessage(m);

  const start = useCallback((request: ImportRequest) => {
    if (worker.current) return;
    const w = new Worker(new URL('../workers/importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
    worker.current = w;
    setState({ status: 'running', progress: null, cancelling: false });
    const end = (next: ImportState) => {
      w.terminate();
      worker.current = null;
      setState(next);
      finished.current();
    };
    w.onmessage = (e: MessageEvent<FromImportWorker>) => {
      const m = e.data;
      if (m.kind === 'progress') setState((s) => (s.status === 'running' ? { ...s, progress: m.progress } : s));
      else if (m.kind === 'decide') setState({ status: 'deciding', refused: m.refused });
      else if (m.kind === 'done') end({ status: 'done', result: m.result });
      else if (m.kind === 'failed') end({ status: 'failed', message: m.message, refused: m.refused });
      else end({ status: 'cancelled' });
    };
    w.onerror = (e) => end({ status: 'failed', message: `The import worker stopped: ${e.message || 'unknown error'}`, refused: [] });
    w.postMessage({ kind: 'start', request } satisfies ToImportWorker);
  }, []);

  // The worker deletes what it wrote, then reports 'cancelled'.
  const cancel = useCallback(() => {
    send({ kind: 'cancel' });
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  const decide = useCallback((proceed: boolean) => {
    send({ kind: 'decide', proceed });
    setState({ status: 'running', progress: null, cancelling: !proceed });
  }, []);

  const dismiss = useCallback(() => setState((s) => (s.status === 'running' || s.status === 'deciding' ? s : { status: 'idle' })), []);

  useEffect(() => () => worker.current?.terminate(), []);

  return { state, start, cancel, decide, dismiss };
}
