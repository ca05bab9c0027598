import { isStorageFull, storageFullMessage } from '../../../../shared/domain/storageFull';

/** A reply to one request: its id, then the result or the thread's error message. */
export type WorkerReply = { id: number; ok: true } | { id: number; ok: false; message: string };

/**
 * The import worker's side of a helper thread (the block writer, the hashing thread): one promise per
 * request, settled by the reply with the same id. If the thread dies or is stopped, every waiting
 * request fails. `what` names the thread in those messages, `failed` prefixes a reply's error.
 */
export class WorkerRequests<Reply extends WorkerReply> {
  private readonly waiting = new Map<number, { resolve: (r: Extract<Reply, { ok: true }>) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(private readonly worker: Worker, private readonly what: string, failed: string) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m as Extract<Reply, { ok: true }>);
      else {
        const message = (m as { message: string }).message;
        // A full disk is said as it is, without the thread's prefix ("Storing the import failed: …").
        w?.reject(new Error(isStorageFull(message) ? storageFullMessage('the import', null) : `${failed}: ${message}`));
      }
    };
    worker.onerror = (e) => this.failAll(new Error(`The ${what} stopped: ${e.message}`));
  }

  /** Post `message(id)`; resolves with its reply. */
  request(message: (id: number) => unknown, transfer: Transferable[] = []): Promise<Extract<Reply, { ok: true }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(message(id), transfer);
    });
  }

  /** Stop the thread at once; waiting requests fail. */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error(`The ${this.what} was stopped.`));
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
