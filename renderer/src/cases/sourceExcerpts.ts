/**
 * Re-reads a source file the analyst selected again at export time: hashes it (container and each
 * CSV entry, as the importer did) and cuts the cited byte ranges out of the entry whose SHA-256 is
 * cited. The app keeps only provenance (file SHA-256, byte offset, length), never the source file.
 * DOM-free (web streams only), so Node unit tests run it on real files.
 */
import { openArchive } from '../../../shared/archive/openArchive';
import { createMultiDigest, type MultiDigest } from '../../../shared/evidence/streamDigest';

export interface ByteRange {
  byteOffset: number;
  byteLength: number;
}

export interface ScannedEntry {
  /** Path inside a zip; undefined for a plain or gzip file. */
  entryName: string | undefined;
  sha256: string;
  size: number;
  /** Cited ranges cut from this entry, keyed by rangeKey(); only when its SHA-256 was wanted. */
  excerpts: Map<string, Uint8Array>;
  /** Its first line as bytes [0, length), without its line break (a header row names the excerpts' columns); undefined when none ends within HEADER_LIMIT bytes. */
  firstLine: Uint8Array | undefined;
}

/** A header row is a few hundred bytes: a first line longer than this is not one. */
const HEADER_LIMIT = 64 * 1024;

export interface ScannedSource {
  fileName: string;
  /** SHA-256 of the file as selected (the container for .gz/.zip). */
  sha256: string;
  size: number;
  entries: ScannedEntry[];
}

export const rangeKey = (r: ByteRange): string => `${r.byteOffset}:${r.byteLength}`;

/**
 * `wanted`: cited ranges per source SHA-256. Ranges are collected from every entry while it
 * streams (its hash is known only at its end) and kept only if the entry turns out to be wanted.
 */
export async function scanSource(fileName: string, stream: ReadableStream<Uint8Array>, wanted: ReadonlyMap<string, readonly ByteRange[]>, onRead?: (bytes: number) => void): Promise<ScannedSource> {
  const ranges = uniqueSorted([...wanted.values()].flat());
  const raw = await createMultiDigest(false);
  // A plain file is its own single entry: hash it once. Until the container is known, hold the head.
  let rawMode: 'pending' | 'hash' | 'same-as-entry' = 'pending';
  const head: Uint8Array[] = [];
  const onRawChunk = (c: Uint8Array) => {
    onRead?.(c.length);
    if (rawMode === 'hash') raw.update(c);
    else if (rawMode === 'pending') head.push(c.slice());
  };
  const entries: ScannedEntry[] = [];
  let current: { name: string | undefined; digest: MultiDigest; pos: number; parts: Map<string, Uint8Array>; first: number; firstLine: FirstLine } | null = null;

  for await (const ev of openArchive(fileName, stream, { onRawChunk })) {
    if (ev.type === 'entry-start') {
      if (rawMode === 'pending') {
        rawMode = ev.container === 'plain' ? 'same-as-entry' : 'hash';
        if (rawMode === 'hash') head.forEach((c) => raw.update(c));
        head.length = 0;
      }
      current = { name: ev.entryName, digest: await createMultiDigest(false), pos: 0, parts: new Map(), first: 0, firstLine: new FirstLine() };
    } else if (ev.type === 'data' && current) {
      const { chunk } = ev;
      current.digest.update(chunk);
      const start = current.pos;
      if (!current.firstLine.done) current.firstLine.push(chunk);
      const end = start + chunk.length;
      // Ranges are sorted by offset: skip those that end before this chunk.
      while (current.first < ranges.length && ranges[current.first]!.byteOffset + ranges[current.first]!.byteLength <= start) current.first++;
      for (let i = current.first; i < ranges.length && ranges[i]!.byteOffset < end; i++) {
        const r = ranges[i]!;
        const key = rangeKey(r);
        let buf = current.parts.get(key);
        if (!buf) current.parts.set(key, (buf = new Uint8Array(r.byteLength)));
        const from = Math.max(r.byteOffset, start);
        const to = Math.min(r.byteOffset + r.byteLength, end);
        if (to > from) buf.set(chunk.subarray(from - start, to - start), from - r.byteOffset);
      }
      current.pos = end;
    } else if (ev.type === 'entry-end' && current) {
      const { sha256, size } = current.digest.digest();
      const keep = new Map<string, Uint8Array>();
      for (const r of wanted.get(sha256) ?? []) {
        const b = r.byteLength === 0 ? new Uint8Array(0) : current.parts.get(rangeKey(r));
        if (!b || r.byteOffset + r.byteLength > size) throw new Error(`${fileName}: cited bytes ${rangeKey(r)} lie beyond the end of the file (${size} bytes)`);
        keep.set(rangeKey(r), b);
      }
      entries.push({ entryName: current.name, sha256, size, excerpts: keep, firstLine: current.firstLine.line });
      current = null;
    }
  }
  const d = rawMode === 'same-as-entry' && entries.length === 1 ? entries[0]! : raw.digest();
  return { fileName, sha256: d.sha256, size: d.size, entries };
}

/** An entry's first line, from its chunks as they come: its bytes without CR LF once its line break has come; undefined when blank or longer than HEADER_LIMIT. */
class FirstLine {
  private held: Uint8Array[] = [];
  private length = 0;
  done = false;
  line: Uint8Array | undefined;

  push(chunk: Uint8Array): void {
    const lf = chunk.indexOf(0x0a);
    const part = lf < 0 ? chunk : chunk.subarray(0, lf);
    this.length += part.length;
    if (this.length > HEADER_LIMIT) return void (this.done = true);
    this.held.push(part.slice());
    if (lf < 0) return;
    const line = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.held) {
      line.set(p, at);
      at += p.length;
    }
    const text = line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
    // A blank first line is no header row (the parser lets blank lines come before it): none, rather than a wrong one.
    this.line = text.length ? text : undefined;
    this.held = [];
    this.done = true;
  }
}

function uniqueSorted(rs: ByteRange[]): ByteRange[] {
  const m = new Map(rs.map((r) => [rangeKey(r), r]));
  return [...m.values()].sort((a, b) => a.byteOffset - b.byteOffset || a.byteLength - b.byteLength);
}
