/** A worker's answer to request `id`: its result, or why it failed. */
export type WorkerReply<R> = ({ id: number; ok: true } & R) | { id: number; ok: false; message: string };

/**
 * One promise per request to a worker that answers each `{ id, request }` with a WorkerReply.
 * `describe` turns a failure message into the error the caller sees.
 */
export class WorkerRequests<Req, R> {
  private readonly waiting = new Map<number, { resolve: (r: { id: number; ok: true } & R) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(
    private readonly worker: Worker,
    describe: (message: string) => string,
  ) {
    worker.onmessage = (e: MessageEvent<WorkerReply<R>>) => {
      const m = e.data;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m);
      else w?.reject(new Error(describe(m.message)));
    };
    worker.onerror = (e) => this.failAll(new Error(describe(`the thread stopped: ${e.message}`)));
  }

  send(request: Req, transfer: Transferable[] = []): Promise<{ id: number; ok: true } & R> {
    const id = this.nextId++;
    const reply = new Promise<{ id: number; ok: true } & R>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ id, request }, transfer);
    return reply;
  }

  /** Stop the worker at once; requests still waiting fail with `reason`. */
  terminate(reason: string): void {
    this.worker.terminate();
    this.failAll(new Error(reason));
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
