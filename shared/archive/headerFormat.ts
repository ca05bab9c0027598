import { concatBytes } from '@noble/hashes/utils.js';
import type { ArchiveFormat } from '../domain/archive';
import { CsvRecordSplitter } from './csvRecords';
import { detectFormat } from './detectFormat';
import { openArchive } from './openArchive';

/** Bytes of an entry's start kept to read its header (a header row is far shorter). */
export const HEADER_BYTES = 64 * 1024;

/**
 * The format the first record of a CSV's first bytes names, or undefined when it names none. Only a
 * hint (the import takes users files first); the parse detects the format for real.
 */
export function headerFormat(head: Uint8Array): ArchiveFormat | undefined {
  let first: string[] | null = null;
  const splitter = new CsvRecordSplitter((r) => {
    if (r.recordNumber === 1) first = r.fields;
  });
  splitter.push(head);
  splitter.finish();
  if (!first) return undefined;
  try {
    return detectFormat(first).format;
  } catch {
    return undefined;
  }
}

/**
 * The header format of a file's first CSV entry (a few KB read, then the stream is cancelled), or
 * undefined: no known header, or the file cannot be read as an archive (its parse says why).
 */
export async function firstHeaderFormat(name: string, stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<ArchiveFormat | undefined> {
  // The entry's first bytes, until they hold a line end or HEADER_BYTES.
  const parts: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const ev of openArchive(name, stream)) {
      signal?.throwIfAborted();
      if (ev.type === 'data') {
        const part = ev.chunk.slice(0, HEADER_BYTES - bytes); // a copy: decompressors may reuse the chunk's buffer
        parts.push(part);
        bytes += part.length;
        if (bytes >= HEADER_BYTES || part.includes(0x0a)) break;
      } else if (ev.type === 'entry-end') break;
    }
  } catch {
    signal?.throwIfAborted();
    return undefined;
  } finally {
    await stream.cancel().catch(() => {});
  }
  return parts.length ? headerFormat(concatBytes(...parts)) : undefined;
}
