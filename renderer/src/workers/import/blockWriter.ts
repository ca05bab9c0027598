import type { ImportAggregates, TweetBlockRecord } from '../../store/schema';
import type { BlockWriterRequest, FromBlockWriter, ToBlockWriter } from './blockWriterMessages';

type Reply = Extract<FromBlockWriter, { ok: true }>;

/** The import worker's side of the block writer thread (blockWriterWorker.ts): one promise per request. */
export class BlockWriter {
  private readonly worker = new Worker(new URL('../blockWriterWorker.ts', import.meta.url), { type: 'module', name: 'block-writer' });
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<FromBlockWriter>) => {
      const m = e.data;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m);
      else w?.reject(new Error(`Writing tweet blocks failed: ${m.message}`));
    };
    this.worker.onerror = (e) => this.failAll(new Error(`The block writer stopped: ${e.message}`));
  }

  begin(importId: string, datasetId: string, existing: boolean): Promise<void> {
    return this.request({ kind: 'begin', importId, datasetId, existing }).then(() => undefined);
  }

  write(blocks: TweetBlockRecord[]): Promise<void> {
    // The typed arrays move; the strings are copied.
    return this.request({ kind: 'blocks', blocks }, [...new Set(blocks.flatMap((b) => typedBuffers(b.columns)))]).then(() => undefined);
  }

  /** After the last write: the import's aggregates. */
  async finish(): Promise<{ aggregates: ImportAggregates; aggregateSeconds: number }> {
    const r = await this.request({ kind: 'finish' });
    return { aggregates: r.aggregates!, aggregateSeconds: r.aggregateSeconds ?? 0 };
  }

  /** Stop at once: a batch in flight is aborted with its transaction (its import is abandoned anyway). */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('The block writer was stopped.'));
  }

  private request(request: BlockWriterRequest, transfer: Transferable[] = []): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, request } satisfies ToBlockWriter, transfer);
    });
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}

/** Every ArrayBuffer wholly under a value (the encoded columns' typed arrays). */
function typedBuffers(v: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(v)) {
    if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.push(v.buffer);
  } else if (v && typeof v === 'object') {
    for (const x of Object.values(v)) typedBuffers(x, out);
  }
  return out;
}
