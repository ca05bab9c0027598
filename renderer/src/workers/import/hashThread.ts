import type { SizedSource } from './archiveSources';
import type { FromHashWorker, ToHashWorker, Verdict } from './hashMessages';
import { WorkerRequests } from './workerRequests';

/** The import worker's side of the pass-1 thread (hashWorker.ts): files are judged in the order asked. */
export class HashThread {
  private readonly thread = new WorkerRequests<FromHashWorker>(
    new Worker(new URL('../hashWorker.ts', import.meta.url), { type: 'module', name: 'hash' }), 'hashing thread', 'Hashing failed',
  );

  judge(source: SizedSource): Promise<{ verdict: Verdict; hasher: string }> {
    const stream = source.file ? undefined : source.open();
    return this.thread.request(
      (id) => ({ id, name: source.name, ...(source.file ? { file: source.file } : { stream }) }) satisfies ToHashWorker,
      stream ? [stream] : [],
    );
  }

  terminate(): void {
    this.thread.terminate();
  }
}
