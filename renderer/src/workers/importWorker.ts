/// <reference lib="webworker" />
import './reportCspViolations';
import { appVersion } from '../app/version';
import { WorkbenchDb } from '../store/schema';
import { demoSources, fileSource } from './import/archiveSources';
import type { FromImportWorker, RefusedFile, ToImportWorker } from './import/importMessages';
import { messageOf, RefusedError, runImport } from './import/runImport';

/**
 * The import worker: one import per worker, off the UI thread. It parses here; hashing (pass 1) and
 * storing run on two threads it starts (hashWorker.ts, blockWriterWorker.ts); the UI gets counters only. Cancel aborts at once (the next chunk or batch).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromImportWorker) => scope.postMessage(m);
const controller = new AbortController();
let answer: ((proceed: boolean) => void) | undefined;
let started = false;

scope.onmessage = (e: MessageEvent<ToImportWorker>) => {
  const m = e.data;
  if (m.kind === 'cancel') {
    controller.abort();
    answer?.(false);
  } else if (m.kind === 'decide') {
    answer?.(m.proceed);
  } else if (m.kind === 'start' && !started) {
    started = true;
    void start(m.request);
  }
};

async function start(request: Extract<ToImportWorker, { kind: 'start' }>['request']): Promise<void> {
  const db = new WorkbenchDb();
  const sources = request.kind === 'demo' ? demoSources(request.tweets, request.seed) : request.files.map(fileSource);
  try {
    const result = await runImport({
      db, sources, signal: controller.signal, appVersion,
      ...(request.datasetId ? { datasetId: request.datasetId } : {}),
      onProgress: (progress) => post({ kind: 'progress', progress }),
      decide: (refused: RefusedFile[]) =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
          post({ kind: 'decide', refused });
        }),
    });
    post({ kind: 'done', result });
  } catch (e) {
    if (controller.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) post({ kind: 'cancelled' });
    else post({ kind: 'failed', message: messageOf(e), refused: e instanceof RefusedError ? e.refused : [] });
  } finally {
    db.close();
  }
}
