import { concatBytes } from '@noble/hashes/utils.js';
import { ArchiveFormatError } from './detectFormat';

/**
 * A gzip file's data, member after member (`cat a.gz b.gz`, bgzip), through the platform's
 * DecompressionStream('gzip'). Chromium's stops at the end of a member with "Junk found after end
 * of compressed data"; Node's reads joined members itself (from 24.19 refusing other bytes after
 * them). Reading every gzip with fflate's JavaScript inflate instead cost 50-80% more on a
 * 100k-tweet .csv.gz: the native stream stays, and a new one is started where a member ends.
 *
 * Where a member ends is found without inflating: the raw data is written in pieces cut before every
 * `1f 8b 08` (a member's first bytes; inside deflate data about once in 16 MB), so a member that ends
 * where the next begins ends with a piece, and the platform refuses the next piece at once, having
 * delivered all that the member holds (a TransformStream runs a write only once the reader has taken
 * the previous one's output). The member's trailer is then held to what came out: its length field
 * must be that many bytes, or the file is refused rather than read in part.
 *
 * Zero bytes that end the file are padding, ignored as gzip -d and Node do: they are written one by
 * one, so the platform's refusal comes on the first byte after the member, with nothing lost. Any
 * other bytes after a member are refused: data appended to the file, or damage.
 */
export async function* gunzipMembers(fileName: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const pieces = gzipPieces(chunks);
  const nextPiece = async () => (await pieces.next()).value ?? undefined;
  /** The piece that begins the next member, once the current one has ended before it. */
  let next: GzipPiece | undefined;
  const trailer = new LastBytes();
  try {
    do {
      const first = next;
      next = undefined;
      trailer.reset();
      let padded = false;
      let out = 0;
      const gunzip = new DecompressionStream('gzip');
      const writer = gunzip.writable.getWriter();
      const pump = (async () => {
        for (let piece = first ?? (await nextPiece()); piece; piece = await nextPiece()) {
          if (piece.kind === 'padding') {
            padded = await writePadding(writer, piece.bytes, trailer);
            if (padded) return;
            continue;
          }
          try {
            await writer.write(piece.bytes as Uint8Array<ArrayBuffer>);
          } catch (e) {
            if (piece.kind === 'member' && isJunk(e)) return void (next = piece);
            throw e;
          }
          trailer.push(piece.bytes);
        }
        await writer.close();
      })();
      pump.catch(() => {}); // surfaced through the readable side, or awaited below
      const reader = gunzip.readable.getReader();
      try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          out += r.value.length;
          yield r.value;
        }
      } catch (e) {
        await pump.catch(() => {});
        if (!next && !padded) throw e;
      }
      await pump;
      // A member's trailer gives its length mod 2^32; where the platform read joined members (Node 20)
      // the last one's is at most what came out, and text appended after a zero byte (which Node 20 stops at) fails it.
      const size = trailer.uint32(4);
      if (next || padded ? size !== out % 2 ** 32 : out < 2 ** 32 && size > out) throw new Error(`${JUNK}.`);
    } while (next);
  } catch (e) {
    throw gzipRefusal(fileName, e as Error);
  }
}

/** Chromium's words for bytes after the end of a gzip member (Node's from 24.19: "Trailing junk found after the end of the compressed stream"). */
const JUNK = 'Junk found after end of compressed data';
const isJunk = (e: unknown): boolean => /junk found after (the )?end/i.test((e as Error)?.message ?? '');

function gzipRefusal(fileName: string, e: Error): ArchiveFormatError {
  if (e instanceof ArchiveFormatError) return e;
  // The browser's words without its API prefix ("Failed to execute 'close' on 'WritableStreamDefaultWriter': ").
  let why = e.message.replace(/^Failed to execute '[^']+' on '[^']+': /, '').replace(/\.$/, '');
  // Node 20 reads the bytes after a member as the next member's header, or refuses a write after it stopped at a zero byte: data appended, in Chromium's words.
  if (isJunk(e) || /incorrect header check|push\(\) after EOF/i.test(why)) why = JUNK;
  if (why === JUNK) {
    return new ArchiveFormatError(
      `${fileName}: bytes that are not gzip data follow the end of the gzip data (${why}): data was appended to the file, or it is damaged. Nothing was imported. Fetch the file again; \`gunzip -t\` checks a .gz file.`,
    );
  }
  return new ArchiveFormatError(`${fileName}: gzip data is corrupt or truncated (${why}).`);
}

/**
 * Zero bytes that end the file, one by one until the platform refuses one after the member's end
 * (true: padding). Past 64 (a trailer is 8 bytes) the rest goes in one write. Node 20 takes them all.
 */
async function writePadding(writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>, zeros: Uint8Array, trailer: LastBytes): Promise<boolean> {
  for (let i = 0; i < zeros.length; i++) {
    const byte = zeros.subarray(i, i === 64 ? zeros.length : i + 1);
    try {
      await writer.write(byte as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (i < 64 && isJunk(e)) return true;
      throw e;
    }
    trailer.push(byte);
    if (i === 64) break;
  }
  return false;
}

export interface GzipPiece {
  bytes: Uint8Array;
  /** member: begins with a member's first bytes (1f 8b 08); padding: the zero bytes that end the file. */
  kind: 'data' | 'member' | 'padding';
}

/**
 * The raw chunks cut before every `1f 8b 08`, even across chunks, with the zero bytes that end the
 * file as a piece of their own. Bytes that might begin either (a last 1f, 1f 8b or run of zeros) wait
 * for the next chunk.
 */
export async function* gzipPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<GzipPiece> {
  let zeros = 0;
  let partial: Uint8Array | undefined;
  const piece = (bytes: Uint8Array): GzipPiece => ({ bytes, kind: bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08 ? 'member' : 'data' });
  for await (const chunk of chunks) {
    if (!chunk.length) continue;
    if (zeros) {
      if (chunk.every((b) => b === 0)) {
        zeros += chunk.length;
        continue;
      }
      yield { bytes: new Uint8Array(zeros), kind: 'data' };
      zeros = 0;
    }
    const buf = partial ? concatBytes(partial, chunk) : chunk;
    partial = undefined;
    let end = buf.length;
    if (buf[end - 1] === 0) {
      while (end > 0 && buf[end - 1] === 0) end--;
      zeros = buf.length - end;
    } else if (buf[end - 1] === 0x1f) end--;
    else if (buf[end - 2] === 0x1f && buf[end - 1] === 0x8b) end -= 2;
    if (!zeros && end < buf.length) partial = buf.slice(end);
    let from = 0;
    for (let i = buf.indexOf(0x1f, 1); i >= 0 && i + 2 < end; i = buf.indexOf(0x1f, i + 1)) {
      if (buf[i + 1] !== 0x8b || buf[i + 2] !== 0x08) continue;
      yield piece(buf.subarray(from, i));
      from = i;
    }
    if (end > from) yield piece(buf.subarray(from, end));
  }
  if (partial) yield piece(partial);
  if (zeros) yield { bytes: new Uint8Array(zeros), kind: 'padding' };
}

/** The last 8 bytes written into a member: its trailer (CRC-32, then length mod 2^32) once it has ended. */
class LastBytes {
  private bytes = new Uint8Array(8);

  reset(): void {
    this.bytes.fill(0);
  }

  push(chunk: Uint8Array): void {
    if (chunk.length >= 8) this.bytes.set(chunk.subarray(chunk.length - 8));
    else {
      this.bytes.copyWithin(0, chunk.length);
      this.bytes.set(chunk, 8 - chunk.length);
    }
  }

  uint32(at: number): number {
    const b = this.bytes;
    return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  }
}
