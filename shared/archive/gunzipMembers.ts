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
 * one, so the platform's refusal comes on the first byte after the member, with nothing lost. Zero
 * bytes between a member's end and another's start are refused, saying where: gzip -d stops at them
 * ("decompression OK, trailing garbage ignored", exit status 2) and the rest would be left out. Any
 * other bytes after a member are refused: data appended to the file, or damage. A member after whole
 * ones that begins as one (1f 8b 08) but fails is refused as damaged or cut short (gzip -t fails on
 * it too), naming the byte where it begins.
 */
export async function* gunzipMembers(fileName: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const pieces = gzipPieces(chunks);
  /** Where the next piece begins in the file. */
  let at = 0;
  const nextPiece = async (): Promise<(GzipPiece & { at: number }) | undefined> => {
    const piece = (await pieces.next()).value;
    if (!piece) return undefined;
    at += piece.bytes.length;
    return { ...piece, at: at - piece.bytes.length };
  };
  /** The piece that begins the next member, once the current one has ended before it. */
  let next: (GzipPiece & { at: number }) | undefined;
  const trailer = new LastBytes();
  const stream: Stream = { at: 0, out: 0, starts: [], zeros: [] };
  try {
    do {
      const first = next;
      next = undefined;
      trailer.reset();
      Object.assign(stream, { at: first?.at ?? 0, out: 0, starts: [], zeros: [] });
      let padded = false;
      const gunzip = new DecompressionStream('gzip');
      const writer = gunzip.writable.getWriter();
      /** A piece was written to this stream: a member-kind piece after it is read on or begins the next member. */
      let started = false;
      const pump = (async () => {
        for (let piece = first ?? (await nextPiece()); piece; piece = await nextPiece()) {
          if (piece.kind === 'padding') {
            const before = trailer.copy();
            const end = await writePadding(writer, piece.bytes, trailer);
            padded = end !== undefined;
            // More gzip data after zeros that follow a member's end: gzip -d stops at the zeros.
            if (padded && (await nextPiece())) throw zerosBetween(fileName, { at: piece.at + end!, length: piece.bytes.length - end!, member: piece.at + piece.bytes.length });
            if (padded) return;
            stream.zeros.push({ at: piece.at, length: piece.bytes.length, before });
            continue;
          }
          if (started && piece.kind === 'member') stream.starts.push({ at: piece.at, size: trailer.uint32(4) });
          try {
            await writer.write(piece.bytes as Uint8Array<ArrayBuffer>);
          } catch (e) {
            if (started && piece.kind === 'member' && isJunk(e)) return void (next = piece);
            throw e;
          }
          started = true;
          trailer.push(piece.bytes);
        }
        await writer.close();
      })();
      // Surfaced through the readable side (a refusal of the pump's own ends the stream), or awaited below.
      pump.catch((e) => writer.abort(e).catch(() => {}));
      const reader = gunzip.readable.getReader();
      try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          stream.out += r.value.length;
          yield r.value;
        }
      } catch (e) {
        const refused = await pump.then(
          () => undefined,
          (p: unknown) => p,
        );
        if (refused instanceof ArchiveFormatError || (!next && !padded)) throw refused instanceof ArchiveFormatError ? refused : e;
      }
      await pump;
      // A member's trailer gives its length mod 2^32; where the platform read joined members (Node 20)
      // the last one's is at most what came out, and text appended after a zero byte (which Node 20 stops at) fails it.
      const size = trailer.uint32(4);
      const out = stream.out;
      if (next || padded ? size !== out % 2 ** 32 : out < 2 ** 32 && size > out) throw new Error(`${JUNK}.`);
    } while (next);
  } catch (e) {
    throw gzipRefusal(fileName, e as Error, stream);
  }
}

/**
 * One DecompressionStream's read: where it began (a member's start), what came out; where the
 * platform reads joined members on (Node), the member-kind pieces written after its start (the
 * trailer's length field before each) and the runs of zeros before one (the 8 bytes before them):
 * where a failure was is worked out from them once it happened, when all that came out is counted.
 */
interface Stream {
  at: number;
  out: number;
  starts: { at: number; size: number }[];
  zeros: { at: number; length: number; before: LastBytes }[];
}

interface ZerosBetween {
  /** Where the zero bytes begin (the end of a member), how many there are, where the gzip data after them begins. */
  at: number;
  length: number;
  member: number;
}

function zerosBetween(fileName: string, zeros: ZerosBetween): ArchiveFormatError {
  return new ArchiveFormatError(
    `${fileName}: ${zeros.length} zero bytes at byte ${zeros.at} follow the end of a gzip member, and another gzip member starts after them, at byte ${zeros.member}. \`gzip -d\` stops at the zeros (“decompression OK, trailing garbage ignored”) and leaves out what follows; the app does not import a file in part: nothing of it was imported. If the zeros are padding between .gz files joined together, join them again without it.`,
  );
}

/**
 * Where the platform read joined members on and stopped at a run of zeros before another (Node 20):
 * the run whose member ends in its first 8 bytes (the trailer may end in zeros of its own) with a
 * length field that is what came out of it, the member-kind pieces before it taken as its start.
 */
function stoppedAtZeros(stream: Stream): ZerosBetween | undefined {
  for (const zeros of stream.zeros) {
    const before = stream.starts.filter((s) => s.at < zeros.at).reduce((n, s) => n + s.size, 0);
    for (let k = 0; k < Math.min(8, zeros.length); k++) {
      const trailer = zeros.before.copy();
      trailer.push(new Uint8Array(k));
      if (before + trailer.uint32(4) === stream.out) return { at: zeros.at + k, length: zeros.length - k, member: zeros.at + zeros.length };
    }
  }
  return undefined;
}

/**
 * Where the member that failed begins: the stream's start where the platform reads one member per
 * stream (Chromium, once a member has ended); where it reads joined members on (Node), the last
 * member-kind piece whose members before it hold no more than came out.
 */
function failedMember(stream: Stream): number {
  if (stream.at > 0) return stream.at;
  let at = 0;
  let before = 0;
  for (const start of stream.starts) {
    before += start.size;
    if (before > stream.out) break;
    at = start.at;
  }
  return at;
}

/** Chromium's words for bytes after the end of a gzip member (Node's from 24.19: "Trailing junk found after the end of the compressed stream"). */
const JUNK = 'Junk found after end of compressed data';
const isJunk = (e: unknown): boolean => /junk found after (the )?end/i.test((e as Error)?.message ?? '');

function gzipRefusal(fileName: string, e: Error, stream: Stream): ArchiveFormatError {
  if (e instanceof ArchiveFormatError) return e;
  // The browser's words without its API prefix ("Failed to execute 'close' on 'WritableStreamDefaultWriter': ").
  let why = e.message.replace(/^Failed to execute '[^']+' on '[^']+': /, '').replace(/\.$/, '');
  // Node 20 reads the bytes after a member as the next member's header, or refuses a write after it stopped at a zero byte: data appended, in Chromium's words.
  if (isJunk(e) || /incorrect header check|push\(\) after EOF/i.test(why)) why = JUNK;
  if (why === JUNK) {
    const zeros = stoppedAtZeros(stream);
    if (zeros) return zerosBetween(fileName, zeros);
    return new ArchiveFormatError(
      `${fileName}: bytes that are not gzip data follow the end of the gzip data (${why}): data was appended to the file, or it is damaged. Nothing was imported. Fetch the file again; \`gunzip -t\` checks a .gz file.`,
    );
  }
  const at = failedMember(stream);
  if (at > 0) {
    // After whole members, one that begins as gzip does (1f 8b 08) and fails: gzip -d fails on it too (not "trailing garbage ignored").
    return new ArchiveFormatError(
      `${fileName}: gzip data is corrupt or truncated (${why}) in the gzip member that starts at byte ${at}, after whole ones: data that begins like gzip was appended to the file, or the file is damaged or cut short; \`gzip -t\` refuses it too. Nothing of it was imported. Fetch the file again.`,
    );
  }
  return new ArchiveFormatError(`${fileName}: gzip data is corrupt or truncated (${why}): the file is damaged, or a download or copy was cut short. Nothing of it was imported. Fetch or copy the file again; \`gzip -t\` checks a .gz file.`);
}

/**
 * Zero bytes, one by one until the platform refuses one after the member's end: where it did
 * (padding), or undefined. Past 64 (a trailer is 8 bytes) the rest goes in one write. Node 20 takes them all.
 */
async function writePadding(writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>, zeros: Uint8Array, trailer: LastBytes): Promise<number | undefined> {
  for (let i = 0; i < zeros.length; i++) {
    const byte = zeros.subarray(i, i === 64 ? zeros.length : i + 1);
    try {
      await writer.write(byte as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (i < 64 && isJunk(e)) return i;
      throw e;
    }
    trailer.push(byte);
    if (i === 64) break;
  }
  return undefined;
}

export interface GzipPiece {
  bytes: Uint8Array;
  /** member: begins with a member's first bytes (1f 8b 08); padding: zero bytes that end the file or come before a member's first bytes. */
  kind: 'data' | 'member' | 'padding';
}

/**
 * The raw chunks cut before every `1f 8b 08`, even across chunks, with a run of zero bytes that
 * ends the file or comes just before a `1f 8b 08` as a piece of its own. Bytes that might begin
 * either (a last 1f, 1f 8b or run of zeros) wait for the next chunk.
 */
export async function* gzipPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<GzipPiece> {
  let zeros = 0;
  let partial: Uint8Array | undefined;
  const starts = (b: Uint8Array, i: number) => b[i] === 0x1f && b[i + 1] === 0x8b && b[i + 2] === 0x08;
  const piece = (bytes: Uint8Array): GzipPiece => ({ bytes, kind: starts(bytes, 0) ? 'member' : 'data' });
  for await (const chunk of chunks) {
    if (!chunk.length) continue;
    if (zeros && chunk.every((b) => b === 0)) {
      zeros += chunk.length;
      continue;
    }
    const buf = zeros ? concatBytes(new Uint8Array(zeros), chunk) : partial ? concatBytes(partial, chunk) : chunk;
    zeros = 0;
    partial = undefined;
    let end = buf.length;
    if (buf[end - 1] === 0) {
      while (end > 0 && buf[end - 1] === 0) end--;
      zeros = buf.length - end;
    } else {
      if (buf[end - 1] === 0x1f) end--;
      else if (buf[end - 2] === 0x1f && buf[end - 1] === 0x8b) end -= 2;
      if (end < buf.length) {
        while (end > 0 && buf[end - 1] === 0) end--;
        partial = buf.slice(end);
      }
    }
    let from = 0;
    for (let i = buf.indexOf(0x1f, 1); i >= 0 && i + 2 < end; i = buf.indexOf(0x1f, i + 1)) {
      if (!starts(buf, i)) continue;
      let z = i;
      while (z > from && buf[z - 1] === 0) z--;
      if (z > from) yield piece(buf.subarray(from, z));
      if (z < i) yield { bytes: buf.subarray(z, i), kind: 'padding' };
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

  copy(): LastBytes {
    const copy = new LastBytes();
    copy.bytes.set(this.bytes);
    return copy;
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
