import type { TweetBlockRecord } from '../../store/schema';
import type { ImportRecordWriter, RowBatch } from '../../store/write/importBatchWriter';
import type { LinkPairs } from './tweetAuthors';
import type { BlockWriterRequest, FromBlockWriter, ToBlockWriter } from './blockWriterMessages';
import { WorkerRequests } from './workerRequests';

/** The import worker's side of the block writer thread (blockWriterWorker.ts): one promise per request. */
export class BlockWriter implements ImportRecordWriter {
  private readonly thread = new WorkerRequests<FromBlockWriter>(
    new Worker(new URL('../blockWriterWorker.ts', import.meta.url), { type: 'module', name: 'block-writer' }), 'block writer', 'Storing the import failed',
  );

  begin(importId: string, datasetId: string): Promise<void> {
    return this.request({ kind: 'begin', importId, datasetId }).then(() => undefined);
  }

  writeRows(rows: RowBatch): Promise<void> {
    return this.request({ kind: 'rows', rows }).then(() => undefined);
  }

  writeBlocks(blocks: TweetBlockRecord[]): Promise<void> {
    // The typed arrays (one buffer per block: intoOneBuffer) move; the strings are copied.
    return this.request({ kind: 'blocks', blocks }, [...new Set(blocks.flatMap((b) => typedBuffers(b.columns)))]).then(() => undefined);
  }

  /** After the last write: store the import's aggregates, with the edges resolved by tweet id (quotes, replies naming only the tweet), and its links still unresolved. */
  async finish(links: LinkPairs): Promise<{ aggregateSeconds: number; collectSeconds: number }> {
    const { kinds, sources, tweetids } = links.unresolved;
    const buffers = [...Object.values(links.pairs), kinds, sources, tweetids.ends].map((p) => p.buffer as ArrayBuffer);
    const r = await this.request({ kind: 'finish', links }, buffers);
    return { aggregateSeconds: r.aggregateSeconds ?? 0, collectSeconds: r.collectSeconds ?? 0 };
  }

  /** Stop at once: a batch in flight is aborted with its transaction (its import is abandoned anyway). */
  terminate(): void {
    this.thread.terminate();
  }

  private request(request: BlockWriterRequest, transfer: Transferable[] = []) {
    return this.thread.request((id) => ({ id, request }) satisfies ToBlockWriter, transfer);
  }
}

/** The ArrayBuffers under a value (the packer's encoded columns own theirs). */
function typedBuffers(v: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(v)) {
    if (v.buffer instanceof ArrayBuffer) out.push(v.buffer);
  } else if (v && typeof v === 'object') {
    for (const x of Object.values(v)) typedBuffers(x, out);
  }
  return out;
}
