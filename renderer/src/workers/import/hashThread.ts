import type { SizedSource } from './archiveSources';
import type { FromHashWorker, ToHashWorker, Verdict } from './hashMessages';

/** The import worker's side of the pass-1 thread (hashWorker.ts): files are judged in the order asked. */
export class HashThread {
  private readonly worker = new Worker(new URL('../hashWorker.ts', import.meta.url), { type: 'module', name: 'hash' });
  private readonly waiting = new Map<number, { resolve: (r: { verdict: Verdict; hasher: string }) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<FromHashWorker>) => {
      const m = e.data;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m);
      else w?.reject(new Error(`Hashing failed: ${m.message}`));
    };
    this.worker.onerror = (e) => this.failAll(new Error(`The hashing thread stopped: ${e.message}`));
  }

  judge(source: SizedSource): Promise<{ verdict: Verdict; hasher: string }> {
    const id = this.nextId++;
    const stream = source.file ? undefined : source.open();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, name: source.name, ...(source.file ? { file: source.file } : { stream }) } satisfies ToHashWorker, stream ? [stream] : []);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('The hashing thread was stopped.'));
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
