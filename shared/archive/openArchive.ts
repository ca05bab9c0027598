import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ArchiveFormatError } from './detectFormat';

/**
 * Open a user-supplied file as a sequence of CSV entries, by content (magic bytes), never by name:
 * gzip (1f 8b) through DecompressionStream, zip (PK 03 04) through fflate's streaming Unzip
 * (every `*.csv` entry, in archive order), anything else as one plain CSV entry.
 *
 * Yields events rather than nested streams so that zip entries, which fflate delivers by
 * callback, and gzip, which is a web stream, share one shape. Every data chunk belongs to the
 * entry most recently started.
 */
export type ArchiveEvent =
  | { type: 'entry-start'; entryName: string | undefined; container: 'plain' | 'gzip' | 'zip' }
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'entry-end' };

export interface OpenArchiveOptions {
  /** Called with each raw (container) chunk as it is read: for hashing and byte progress. */
  onRawChunk?: (chunk: Uint8Array) => void;
  signal?: AbortSignal;
}

export type Container = 'plain' | 'gzip' | 'zip';

export function containerOf(head: Uint8Array): Container {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  return 'plain';
}

/** Zip entries read as CSV: by entry name, since a zip may also hold readmes; detection still reads headers. */
export const isCsvEntryName = (name: string): boolean => !name.endsWith('/') && /\.csv$/i.test(name) && !/(^|\/)__MACOSX\//.test(name);

export async function* openArchive(
  fileName: string,
  stream: ReadableStream<Uint8Array>,
  options: OpenArchiveOptions = {},
): AsyncGenerator<ArchiveEvent> {
  const raw = tap(stream, options);
  const reader = raw.getReader();
  // Read until the magic bytes are known (first chunks can be tiny).
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 4) {
    const r = await reader.read();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    headLength += r.value.length;
  }
  const first = concat(head);
  const container = headLength === 0 ? 'plain' : containerOf(first);

  async function* rawChunks(): AsyncGenerator<Uint8Array> {
    if (first.length) yield first;
    if (done) return;
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value;
    }
  }

  try {
    if (container === 'plain') {
      yield { type: 'entry-start', entryName: undefined, container };
      for await (const chunk of rawChunks()) yield { type: 'data', chunk };
      yield { type: 'entry-end' };
    } else if (container === 'gzip') {
      yield { type: 'entry-start', entryName: undefined, container };
      const gunzip = new DecompressionStream('gzip');
      const writer = gunzip.writable.getWriter();
      const pump = (async () => {
        for await (const chunk of rawChunks()) await writer.write(chunk as Uint8Array<ArrayBuffer>);
        await writer.close();
      })();
      pump.catch(() => {}); // surfaced through the readable side below
      const out = gunzip.readable.getReader();
      try {
        for (;;) {
          const r = await out.read();
          if (r.done) break;
          yield { type: 'data', chunk: r.value };
        }
        await pump;
      } catch (e) {
        throw new ArchiveFormatError(`${fileName}: gzip data is corrupt or truncated (${(e as Error).message}).`);
      }
      yield { type: 'entry-end' };
    } else {
      yield* unzipEntries(fileName, rawChunks());
    }
  } finally {
    reader.releaseLock();
  }
}

async function* unzipEntries(fileName: string, chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<ArchiveEvent> {
  // fflate calls back synchronously inside push(); queue the events and yield them after each push.
  const queue: ArchiveEvent[] = [];
  let failure: Error | undefined;
  let open = false;
  let entries = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (!isCsvEntryName(file.name)) return;
    entries++;
    queue.push({ type: 'entry-start', entryName: file.name, container: 'zip' });
    open = true;
    file.ondata = (err, data, final) => {
      if (err) {
        failure ??= new ArchiveFormatError(`${fileName}: zip entry ${file.name} is corrupt (${err.message}).`);
        return;
      }
      if (data.length) queue.push({ type: 'data', chunk: data });
      if (final) {
        queue.push({ type: 'entry-end' });
        open = false;
      }
    };
    file.start();
  };
  let prev: Uint8Array | undefined;
  const flush = function* () {
    if (failure) throw failure;
    while (queue.length) yield queue.shift() as ArchiveEvent;
  };
  // push(chunk, final) needs to know the last chunk: hold one back.
  for await (const chunk of chunks) {
    if (prev) {
      unzip.push(prev, false);
      yield* flush();
    }
    prev = chunk;
  }
  unzip.push(prev ?? new Uint8Array(0), true);
  yield* flush();
  if (open) throw new ArchiveFormatError(`${fileName}: zip file is truncated (an entry does not end).`);
  if (entries === 0) throw new ArchiveFormatError(`${fileName}: the zip file contains no .csv entry.`);
}

function tap(stream: ReadableStream<Uint8Array>, options: OpenArchiveOptions): ReadableStream<Uint8Array> {
  const { onRawChunk, signal } = options;
  if (!onRawChunk && !signal) return stream;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        signal?.throwIfAborted();
        onRawChunk?.(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
