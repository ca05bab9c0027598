/**
 * Bench-only Web Worker for byteBlockStoreProbe.ts: one tweets CSV parsed to 2,000-row blocks and
 * written to IndexedDB, 10 blocks a transaction, one record a block (as the app's block writer
 * batches them), in one of three shapes:
 *  'current': parseArchive's Tweet rows → tweetColumnsFrom → encodeTweetColumns → intoOneBuffer (the app's
 *             stored block shape);
 *  'bytes':   ByteTweetParser's blocks with byte columns (typed arrays only);
 *  'raw':     ByteTweetParser's blocks holding the rows' records as in the file.
 * `store` false parses and builds the blocks without writing them (the write's cost is the difference).
 * `upTo` (ByteStage) cuts the byte parser short, to time its stages in the browser.
 * `read` 'slices' reads the byte shapes' file in 4 MiB File.slice() pieces instead of File.stream() ('stream', the default).
 * Message in: { file, shape, store, scanWasm, upTo?, read? }; out: { rows, blocks, seconds, putSeconds, waitSeconds } or { error }.
 */
import { parseArchive } from '../../../shared/archive/parseArchive';
import { tweetColumnsFrom } from '../../../shared/archive/columns';
import { encodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';
import { intoOneBuffer } from '../../../renderer/src/store/oneBuffer';
import { ByteTweetParser, type ByteStage } from './byteRowParser';

export type BlockShape = 'current' | 'bytes' | 'raw';
const BLOCKS_PER_TRANSACTION = 10;
const DB = 'dw-probe-byte-blocks';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('blocks');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
}

/** Writes blocks 10 to a transaction, at most two transactions in flight (the app's block writer waits likewise). */
class BlockStore {
  putSeconds = 0;
  waitSeconds = 0;
  private pending: { seq: number; block: unknown }[] = [];
  private inFlight: Promise<void>[] = [];
  constructor(private readonly db: IDBDatabase | null) {}

  async add(seq: number, block: unknown): Promise<void> {
    if (!this.db) return;
    this.pending.push({ seq, block });
    if (this.pending.length >= BLOCKS_PER_TRANSACTION) await this.write();
  }

  async write(): Promise<void> {
    if (!this.db || !this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const t0 = performance.now();
    const tx = this.db.transaction('blocks', 'readwrite');
    const store = tx.objectStore('blocks');
    // put() serialises its value at once (structured clone): the writing thread's share of the cost.
    for (const b of batch) store.put(b.block, b.seq);
    this.putSeconds += (performance.now() - t0) / 1000;
    this.inFlight.push(new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    }));
    if (this.inFlight.length > 2) {
      const w0 = performance.now();
      await this.inFlight.shift();
      this.waitSeconds += (performance.now() - w0) / 1000;
    }
  }

  async finish(): Promise<void> {
    await this.write();
    const w0 = performance.now();
    await Promise.all(this.inFlight);
    this.waitSeconds += (performance.now() - w0) / 1000;
  }
}

async function run(file: File, shape: BlockShape, store: boolean, scanWasm: Uint8Array, upTo: ByteStage, read: 'stream' | 'slices'): Promise<object> {
  await deleteDb();
  const db = store ? await openDb() : null;
  const out = new BlockStore(db);
  const t0 = performance.now();
  let rows = 0;
  let blocks = 0;
  if (shape === 'current') {
    const size = file.size;
    const sha256 = '0'.repeat(64);
    await parseArchive({ name: file.name, open: () => file.stream() }, {
      hashes: { container: 'plain', sha256, size, entries: [{ entryName: undefined, sha256, size }], skippedEntries: [] },
      onTweets: async (tweets) => {
        rows += tweets.length;
        // As the app's tweetBlockPacker: blocks of 2,000, encoded, their typed arrays on one buffer.
        for (let i = 0; i < tweets.length; i += 2000) await out.add(blocks++, intoOneBuffer(encodeTweetColumns(tweetColumnsFrom(tweets.slice(i, i + 2000)))));
      },
    });
  } else {
    const queued: Promise<void>[] = [];
    const parser = new ByteTweetParser(new WebAssembly.Module(scanWasm as Uint8Array<ArrayBuffer>), (b) => {
      blocks++;
      queued.push(out.add(b.seq, b));
    }, upTo, shape === 'raw' ? 'raw' : 'columns');
    // 'slices': 4 MiB pieces read with File.slice().arrayBuffer(); 'stream': File.stream()'s chunks (the app's way).
    const reader = read === 'stream' ? file.stream().getReader() : null;
    for (let at = 0; ; ) {
      let chunk: Uint8Array;
      if (reader) {
        const r = await reader.read();
        if (r.done) break;
        chunk = r.value;
      } else {
        if (at >= file.size) break;
        chunk = new Uint8Array(await file.slice(at, at + (4 << 20)).arrayBuffer());
        at += chunk.length;
      }
      parser.push(chunk);
      // Let the transactions started for this chunk's blocks complete before the next (backpressure).
      if (queued.length) await Promise.all(queued.splice(0));
    }
    parser.finish();
    await Promise.all(queued);
    rows = upTo === 'scan' || upTo === 'utf8' ? 1_000_000 : parser.counts.rowsRead;
  }
  await out.finish();
  const seconds = (performance.now() - t0) / 1000;
  db?.close();
  return { rows, blocks, seconds, putSeconds: out.putSeconds, waitSeconds: out.waitSeconds };
}

self.onmessage = (e: MessageEvent<{ file: File; shape: BlockShape; store: boolean; scanWasm: Uint8Array; upTo?: ByteStage; read?: 'stream' | 'slices' }>) => {
  const { file, shape, store, scanWasm, upTo, read } = e.data;
  run(file, shape, store, scanWasm, upTo ?? 'aggregates', read ?? 'stream').then(
    (r) => self.postMessage(r),
    (err: unknown) => self.postMessage({ error: String((err as Error)?.stack ?? err) }),
  );
};
