import { Unzip, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder, type UnzipDecoderConstructor, type UnzipFile } from 'fflate';
import { ArchiveFormatError } from './detectFormat';
import { documentInZip, spreadsheetInZip } from './spreadsheetFiles';
import { gunzipMembers } from './gunzipMembers';

/**
 * Open a user-supplied file as a sequence of CSV entries, by content (magic bytes), never by name:
 * gzip (1f 8b) through DecompressionStream, member after member (gunzipMembers), zip (PK 03 04)
 * through fflate's streaming Unzip with native inflating (nativeInflate)
 * (every `*.csv` entry, in archive order), anything else as one plain CSV entry.
 *
 * Yields events rather than nested streams so that zip entries, which fflate delivers by
 * callback, and gzip, which is a web stream, share one shape. Every data chunk belongs to the
 * entry most recently started.
 */
export type ArchiveEvent =
  | { type: 'entry-start'; entryName: string | undefined; container: 'plain' | 'gzip' | 'zip' }
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'entry-end' }
  /** A zip entry that is not read: not a .csv (a readme, media). Directories and macOS metadata are not reported. */
  | { type: 'entry-skipped'; entryName: string };

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

/** A zip's directory entries and macOS metadata (`__MACOSX/`): not files of the archive. */
export const isZipMetadata = (name: string): boolean => name.endsWith('/') || /(^|\/)__MACOSX\//.test(name);

/** Zip entries read as CSV: by entry name, since a zip may also hold readmes; detection still reads headers. */
export const isCsvEntryName = (name: string): boolean => !isZipMetadata(name) && /\.csv$/i.test(name);

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
      for await (const chunk of gunzipMembers(fileName, rawChunks())) yield { type: 'data', chunk };
      yield { type: 'entry-end' };
    } else {
      yield* unzipEntries(fileName, rawChunks());
    }
  } finally {
    reader.releaseLock();
  }
}

async function* unzipEntries(fileName: string, chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<ArchiveEvent> {
  // fflate finds the entries and calls back inside push(); deflated data is inflated natively
  // (NativeInflate), which delivers later. Each entry queues its own events; after each push the
  // inflating is awaited and the entries' events are yielded in archive order.
  const entries: { events: ArchiveEvent[]; ended: boolean }[] = [];
  const inflating: Promise<void>[] = [];
  let failure: Error | undefined;
  let found = 0;
  const others: string[] = [];
  const unzip = new Unzip();
  unzip.register(nativeInflate(inflating));
  // An OpenDocument file's first entry names its kind (a spreadsheet: ODS_MIMETYPE); read when no CSV entry is found.
  let mimetype: string | undefined;
  unzip.onfile = (file: UnzipFile) => {
    if (file.name === 'mimetype') {
      let text = '';
      file.ondata = (err, data) => {
        if (!err && text.length < 256) mimetype = text += new TextDecoder().decode(data);
      };
      file.start();
    }
    if (!isCsvEntryName(file.name)) {
      others.push(file.name);
      if (!isZipMetadata(file.name)) entries.push({ events: [{ type: 'entry-skipped', entryName: file.name }], ended: true });
      return;
    }
    found++;
    if (file.compression !== 0 && file.compression !== 8) {
      // fflate has no decoder for it (it would fail with "e is not a constructor").
      failure ??= new ArchiveFormatError(
        `${fileName}: zip entry ${file.name} is ${ZIP_METHODS[file.compression] ?? `compressed with method ${file.compression}`}, which cannot be read: ` +
          're-save the zip with standard (deflate) compression and no password, or import the CSV itself.',
      );
      return;
    }
    const entry = { events: [{ type: 'entry-start', entryName: file.name, container: 'zip' } as ArchiveEvent], ended: false };
    entries.push(entry);
    file.ondata = (err, data, final) => {
      if (err) {
        // A password (ZipCrypto) looks the same to the inflater: deflate method, data that is not deflate.
        failure ??= new ArchiveFormatError(`${fileName}: zip entry ${file.name} is corrupt or password-protected (${err.message.replace(/\.$/, '')}).`);
        return;
      }
      if (data.length) entry.events.push({ type: 'data', chunk: data });
      if (final) {
        entry.events.push({ type: 'entry-end' });
        entry.ended = true;
      }
    };
    file.start();
  };
  const flush = async function* () {
    while (inflating.length) await Promise.all(inflating.splice(0));
    if (failure) throw failure;
    while (entries.length) {
      const entry = entries[0]!;
      while (entry.events.length) yield entry.events.shift()!;
      if (!entry.ended) return;
      entries.shift();
    }
  };
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (e) {
      throw new ArchiveFormatError(`${fileName}: zip file is truncated or damaged (${(e as Error).message}): a download or copy cut short? Nothing of it was imported. Fetch or copy the file again; \`unzip -t\` checks a zip.`);
    }
  };
  // push(chunk, final) needs to know the last chunk: hold one back.
  let prev: Uint8Array | undefined;
  for await (const chunk of chunks) {
    if (prev) {
      push(prev, false);
      yield* flush();
    }
    prev = chunk;
  }
  push(prev ?? new Uint8Array(0), true);
  yield* flush();
  if (entries.length) throw new ArchiveFormatError(`${fileName}: zip file is truncated (an entry does not end): a download or copy cut short? Nothing of it was imported. Fetch or copy the file again; \`unzip -t\` checks a zip.`);
  if (found === 0 && others.length === 0) throw new ArchiveFormatError(`${fileName}: no zip entry could be read: the zip file is empty, damaged or truncated.`);
  if (found === 0) {
    // An unhashed set's .csv.gz (or a zip) zipped again: containers are opened one level deep.
    const packed = others.filter((n) => /\.(gz|zip)$/i.test(n));
    // An .xlsx, .ods or .numbers is a zip too: a spreadsheet, not an archive, said first (so is a .docx or .odt).
    const office = spreadsheetInZip(others, mimetype) ?? documentInZip(others, mimetype);
    if (office) throw new ArchiveFormatError(`${fileName}: ${office}`);
    const inner = packed.length
      ? ` Compressed files inside a zip are not opened (one level only): unzip it and import ${packed.slice(0, 3).map((n) => n.split('/').pop()).join(', ')}${packed.length > 3 ? ` and ${packed.length - 3} more` : ''} ${packed.length === 1 ? 'itself' : 'themselves'}.`
      : '';
    throw new ArchiveFormatError(`${fileName}: the zip file contains no .csv entry (${holding(others)}).${inner}`);
  }
}

/** Zip compression methods other than stored (0) and deflate (8), by their APPNOTE numbers. */
const ZIP_METHODS: Record<number, string> = {
  9: 'compressed with Deflate64',
  12: 'compressed with bzip2',
  14: 'compressed with LZMA',
  93: 'compressed with Zstandard',
  95: 'compressed with xz',
  98: 'compressed with PPMd',
  99: 'encrypted (AES, password-protected)',
};

/**
 * fflate decoder for deflated zip entries that inflates with the platform's DecompressionStream
 * ('deflate-raw'): ~2.5-3x faster than fflate's JavaScript inflate on a 400 MB entry (Chromium and
 * Node). Its output arrives asynchronously: `inflating` collects a promise per pushed chunk (and,
 * after the final one, the end of the entry's output) that the caller awaits before reading the events.
 */
function nativeInflate(inflating: Promise<void>[]): UnzipDecoderConstructor {
  return class NativeInflate implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => {};
    private readonly writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>;
    /** Settles when the entry's last output has been delivered (awaited only after its final push). */
    private readonly delivered: Promise<void>;
    private failed = false;

    constructor() {
      const inflate = new DecompressionStream('deflate-raw');
      this.writer = inflate.writable.getWriter();
      const reader = inflate.readable.getReader();
      this.delivered = (async () => {
        for (;;) {
          const r = await reader.read();
          if (r.done) return this.ondata(null, new Uint8Array(0), true);
          this.ondata(null, r.value, false);
        }
      })().catch((e: Error) => this.fail(e));
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (this.failed) return;
      // A copy: fflate may hand a view of a buffer it keeps.
      inflating.push(this.writer.write(new Uint8Array(chunk)).catch((e: Error) => this.fail(e)));
      if (final) inflating.push(this.writer.close().catch((e: Error) => this.fail(e)), this.delivered);
    }

    private fail(e: Error): void {
      if (this.failed) return;
      this.failed = true;
      this.ondata(Object.assign(e, { code: 0 }) as FlateError, null as never, true);
    }
  };
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

/** What a zip without a .csv entry holds, for its refusal: the first few names. */
function holding(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => `'${n}'`).join(', ');
  return `it holds ${shown}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
}
