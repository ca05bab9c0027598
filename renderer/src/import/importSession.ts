import { SessionState } from '../app/sessionState';
import { announceDatasetsChanged } from '../store/datasetsChanged';
import { importRefusal, onFreeSpace, storageFailureMessage } from '../store/diskGuard';
import { isStorageFull, lowSpaceRefusal } from '../../../shared/domain/storageFull';
import type { FromImportWorker, ImportProgress, ImportRequest, ImportResult, RefusedFile, ToImportWorker } from '../workers/import/importMessages';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress | null; cancelling: boolean }
  | { status: 'deciding'; refused: RefusedFile[] }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; message: string; refused: RefusedFile[] }
  | { status: 'cancelled'; reason?: string };

/**
 * The app's one import at a time, in a fresh module worker; the UI sees counters and the final
 * result only. It outlives the Datasets view: an analyst who opens another view meanwhile does not
 * stop it (only Cancel, or closing the app, does), and finds its progress or outcome on return.
 */
class ImportSession extends SessionState<ImportState> {
  private worker: Worker | null = null;
  /** Set from the space check's start until the import ends: one import at a time. */
  private busy = false;
  /** Why the app cancelled the running import itself (the disk filling up); unset for the user's Cancel. */
  private cancelReason: string | undefined;
  private readonly finishedListeners = new Set<() => void>();

  /** Called when an import ends (done, failed or cancelled): the datasets may have changed. */
  readonly onFinished = (listener: () => void): (() => void) => {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  };

  private send(m: ToImportWorker): void {
    this.worker?.postMessage(m);
  }

  readonly start = (request: ImportRequest): void => {
    if (this.busy) return;
    this.busy = true;
    this.cancelReason = undefined;
    this.set({ status: 'running', progress: null, cancelling: false });
    // Refused before anything is written when the files and the margin would not fit (diskGuard.ts).
    const inputBytes = request.kind === 'files' ? request.files.reduce((n, f) => n + f.size, 0) : 0;
    void importRefusal(inputBytes).then((refusal) => {
      // A Cancel pressed during the check had no worker to tell: the import ends here, nothing written.
      if (this.state.status === 'running' && this.state.cancelling) {
        this.busy = false;
        this.set({ status: 'cancelled' });
        return;
      }
      if (refusal === null) return this.run(request);
      this.busy = false;
      this.set({ status: 'failed', message: refusal, refused: [] });
    });
  };

  private run(request: ImportRequest): void {
    const w = new Worker(new URL('../workers/importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
    this.worker = w;
    // While it runs, each reading of the free space (every 2 s) may stop it: the cancel is atomic.
    const stopWatching = onFreeSpace((free) => {
      const refusal = lowSpaceRefusal('the import', free, 'was cancelled and what it had written removed');
      if (refusal === null || this.cancelReason || this.state.status !== 'running') return;
      this.cancelReason = refusal;
      this.cancel();
    });
    const end = (next: ImportState) => {
      stopWatching();
      w.terminate();
      this.worker = null;
      this.busy = false;
      this.set(next);
      for (const l of this.finishedListeners) l();
    };
    w.onmessage = (e: MessageEvent<FromImportWorker>) => {
      const m = e.data;
      if (m.kind === 'progress') this.set((s) => (s.status === 'running' ? { ...s, progress: m.progress } : s));
      else if (m.kind === 'decide') this.set({ status: 'deciding', refused: m.refused });
      else if (m.kind === 'done') {
        announceDatasetsChanged();
        end({ status: 'done', result: m.result });
      }
      else if (m.kind === 'failed') end({ status: 'failed', message: isStorageFull(m.message) ? storageFailureMessage(m.message, 'the import') : m.message, refused: m.refused });
      else end(this.cancelReason ? { status: 'cancelled', reason: this.cancelReason } : { status: 'cancelled' });
    };
    w.onerror = (e) => end({ status: 'failed', message: `The import worker stopped: ${e.message || 'unknown error'}`, refused: [] });
    w.postMessage({ kind: 'start', request } satisfies ToImportWorker);
  }

  /** The worker deletes what it wrote, then reports 'cancelled'. */
  readonly cancel = (): void => {
    this.send({ kind: 'cancel' });
    this.set((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
  };

  readonly decide = (proceed: boolean): void => {
    this.send({ kind: 'decide', proceed });
    this.set({ status: 'running', progress: null, cancelling: !proceed });
  };

  readonly dismiss = (): void => this.set((s) => (s.status === 'running' || s.status === 'deciding' ? s : { status: 'idle' }));
}

export const importSession = new ImportSession({ status: 'idle' });
