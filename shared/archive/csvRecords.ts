import { createWasmCsvScan, STATE, type WasmCsvScan } from './csvScanWasm';

/**
 * Streaming, byte-level CSV record splitter (RFC 4180 plus what archives really contain).
 *
 * Why bytes and not text: provenance must point at exact bytes of the (decompressed) source, and a
 * chunk may end inside a multi-byte UTF-8 character. ',', '"', '\r' and '\n' are ASCII and never
 * occur inside a multi-byte UTF-8 sequence, so record boundaries can be found on bytes; each
 * complete record is then decoded once (fatal UTF-8) and cut into fields where the same byte scan
 * found its commas (splitFields re-reads the records whose quoting is not simple).
 *
 * Tolerates: BOM, LF and CRLF, missing final newline, minimal or full quoting, quoted newlines,
 * doubled quotes, a quote inside an unquoted field (a character of the field). Reports (never
 * throws for): invalid UTF-8, a file ending inside a quoted field, a field larger than the limit,
 * text after a quoted field's closing quote (an undoubled quote inside it: "abc"def").
 * Throws CsvRecordTooLargeError when an unfinished record grows past the hard limit (an unbalanced
 * quote would otherwise swallow the rest of the file into memory).
 */

export type CsvProblem = 'invalid-utf8' | 'unterminated-quote' | 'field-too-large' | 'stray-quote' | 'nul-byte';

export interface CsvRecord {
  /** 1-based index of this record among all records of the file (header included). */
  recordNumber: number;
  /** Offset of the record's first byte in the stream (BOM bytes counted). */
  byteOffset: number;
  /** Length of the record in bytes, excluding its line terminator (LF or CRLF). */
  byteLength: number;
  /** The record's bytes: a view valid only during the callback. */
  bytes: Uint8Array;
  /** Decoded fields, or null when `problem` is set. */
  fields: string[] | null;
  problem?: CsvProblem;
  detail?: string;
}

export interface CsvSplitterOptions {
  /** A field longer than this (UTF-16 code units after decoding) is reported 'field-too-large'. */
  maxFieldChars?: number;
  /** An unfinished record longer than this many bytes makes the splitter refuse the file. */
  maxRecordBytes?: number;
  /** 'js': the byte scan in JS even where WebAssembly is available (tests compare the two). */
  scan?: 'js';
}

/** Why a record could not end: inside a quoted field, in a line with no line feed, or CR-only line ends. */
export type UnendedRecord = 'in-quotes' | 'long-line' | 'cr-only';

export class CsvRecordTooLargeError extends Error {
  constructor(
    readonly recordNumber: number,
    readonly byteOffset: number,
    limit: number,
    why: UnendedRecord,
  ) {
    const mib = `${limit / MiB} MiB`;
    super(
      // Numbered as quarantined rows are: the first record after the header is row 1.
      `the record starting at byte ${byteOffset} (${recordNumber === 1 ? 'the header row' : `row ${recordNumber - 1}`}) ` +
        (why === 'cr-only'
          ? `has no line feed in ${mib} but carriage returns: the file's lines end in CR only (classic Mac OS). Re-save it with LF or CRLF line ends.`
          : why === 'in-quotes'
            ? `is inside a quoted field that does not close within ${mib}: a field larger than the ${mib} an archive row may hold, a quote that never closes, or not a CSV file.`
            : `is a line of over ${mib} (quotes balanced): a field far too large for an archive row, or not a CSV file.`) +
        ' Import refused.',
    );
    this.name = 'CsvRecordTooLargeError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const MiB = 1024 * 1024;
const DECODE_SPAN = 64 * 1024;
const SCAN_SLICE = 256 * 1024;

export class CsvRecordSplitter {
  /** ignoreBOM: a BOM inside the file is text (the file's own BOM is skipped in push); not ignoring it would drop a record's leading U+FEFF. */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly maxFieldChars: number;
  private readonly maxRecordBytes: number;
  /**
   * The unfinished record's bytes live in store[0, pendingLength). The store grows by doubling, so a
   * long record arriving in many chunks is copied O(n) times in total, not O(n^2).
   */
  private store = new Uint8Array(0);
  private pendingLength = 0;
  /** Stream offset of the first pending byte. */
  private pendingOffset = 0;
  /** How many pending bytes the quote state below already covers (so a long record is scanned once). */
  private scanned = 0;
  private inQuote = false;
  /** splitFields' report of text after a closing quote (one object, reused per record). */
  private readonly stray = { field: -1 };
  /** Where (bytes from the pending record's start) the last quoted section closed; -2: none in this field. */
  private closeAt = -2;
  /** UTF-16 units minus bytes of the scanned part of the pending record (see scan). */
  private pendingExtra = 0;
  /** Records found by the current scan, six numbers each: start, end, extra, its first and last+1 index into `commas`, mess (see deliver). */
  private readonly found: number[] = [];
  /**
   * Where each found record's fields end: the character offset (in its decoded text) of every comma
   * outside quotes, found by the same byte loop. The pending record's commas stay at the front.
   */
  private commas: Int32Array = new Int32Array(4096);
  /** commas[0, commaCount) are in use: after a scan, the pending record's. */
  private commaCount = 0;
  /**
   * The pending record's current field: where it starts (bytes from the record's start) and how many
   * quotes it holds so far; and whether any of its fields is not simple (see fieldsAt).
   */
  private fieldStart = 0;
  private fieldQuotes = 0;
  private pendingMess = 0;
  private recordNumber = 0;
  private started = false;
  private readonly wasm: WasmCsvScan | null;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    options: CsvSplitterOptions = {},
  ) {
    this.maxFieldChars = options.maxFieldChars ?? MiB;
    this.maxRecordBytes = options.maxRecordBytes ?? 16 * MiB;
    this.wasm = options.scan === 'js' ? null : createWasmCsvScan();
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let buf: Uint8Array;
    if (this.pendingLength === 0) buf = chunk;
    else {
      const n = this.pendingLength + chunk.length;
      this.reserve(n);
      this.store.set(chunk, this.pendingLength);
      buf = this.store.subarray(0, n);
    }
    if (!this.started) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.keep(buf, 0); // wait: could be the start of a BOM
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        this.pendingOffset = 3;
      }
    }
    this.scan(buf);
  }

  private reserve(n: number): void {
    if (this.store.length >= n) return;
    const next = new Uint8Array(Math.max(n, this.store.length * 2, 64 * 1024));
    next.set(this.store.subarray(0, this.pendingLength));
    this.store = next;
  }

  /** Keep buf[start..] as the pending bytes. Copied: decompressors may reuse a chunk's buffer. */
  private keep(buf: Uint8Array, start: number): void {
    const n = buf.length - start;
    if (buf.buffer === this.store.buffer) {
      const from = buf.byteOffset - this.store.byteOffset + start;
      if (from > 0) this.store.copyWithin(0, from, from + n);
    } else {
      this.pendingLength = 0;
      this.reserve(n);
      this.store.set(buf.subarray(start), 0);
    }
    this.pendingLength = n;
  }

  /** True while the input's last record, with no line terminator after it, is delivered (a file cut between fields ends so). */
  deliveringUnended = false;

  /** Flush the last record (no final newline) or report a file that ended inside quotes. */
  finish(): void {
    if (!this.started && this.pendingLength > 0) {
      this.started = true;
      const buf = this.store.slice(0, this.pendingLength);
      this.pendingLength = 0;
      this.scan(buf);
    }
    if (this.pendingLength === 0) return;
    const rest = this.store.subarray(0, this.pendingLength);
    this.pendingLength = 0;
    if (this.inQuote) {
      this.recordNumber++;
      this.onRecord({
        recordNumber: this.recordNumber,
        byteOffset: this.pendingOffset,
        byteLength: rest.length,
        bytes: rest,
        fields: null,
        problem: 'unterminated-quote',
        detail: `file ends inside a quoted field (record starts at byte ${this.pendingOffset}); truncated file?`,
      });
      return;
    }
    let end = rest.length;
    if (rest[end - 1] === CR) end--;
    this.nulAt = rest.indexOf(0);
    this.deliveringUnended = true;
    try {
      this.emit(rest, 0, end, this.pendingOffset, 0, this.commaCount, this.pendingMess);
    } finally {
      this.deliveringUnended = false;
    }
  }

  private scan(buf: Uint8Array): void {
    const start = this.wasm ? this.scanWasm(buf, this.wasm) : this.scanJs(buf);
    this.pendingOffset += start;
    this.keep(buf, start);
    this.scanned = this.pendingLength;
    if (this.pendingLength > this.maxRecordBytes) {
      const pending = this.store.subarray(0, this.pendingLength);
      const why = this.inQuote ? 'in-quotes' : pending.includes(CR) && !pending.includes(LF) ? 'cr-only' : 'long-line';
      throw new CsvRecordTooLargeError(this.recordNumber + 1, this.pendingOffset, this.maxRecordBytes, why);
    }
  }

  /**
   * scanJs in WebAssembly SIMD (csvScanWasm.ts; ~3x faster), in slices of SCAN_SLICE bytes so the
   * records found by one call stay few. Returns where the pending record starts in buf.
   */
  private scanWasm(buf: Uint8Array, w: WasmCsvScan): number {
    let s = w.state;
    s[STATE.odd] = this.inQuote ? 1 : 0;
    s[STATE.extra] = this.pendingExtra;
    s[STATE.quotes] = this.fieldQuotes;
    s[STATE.fieldStart] = this.fieldStart;
    s[STATE.mess] = this.pendingMess;
    s[STATE.closeAt] = this.closeAt;
    s[STATE.commaCount] = this.commaCount;
    s[STATE.recordCommas] = 0;
    s[STATE.start] = 0;
    for (let from = this.scanned; from < buf.length; from += SCAN_SLICE) {
      w.state[STATE.byteBefore] = from > 0 ? buf[from - 1]! : -1;
      const found = w.scan(buf.subarray(from, from + SCAN_SLICE), from);
      this.commas = w.commas;
      this.emitAll(buf, found);
      s = w.state;
      this.commas.copyWithin(0, s[STATE.recordCommas]!, s[STATE.commaCount]!);
      s[STATE.commaCount] -= s[STATE.recordCommas]!;
      s[STATE.recordCommas] = 0;
    }
    s = w.state;
    this.inQuote = s[STATE.odd] === 1;
    this.pendingExtra = s[STATE.extra]!;
    this.fieldQuotes = s[STATE.quotes]!;
    this.fieldStart = s[STATE.fieldStart]!;
    this.pendingMess = s[STATE.mess]!;
    this.closeAt = s[STATE.closeAt]!;
    this.commaCount = s[STATE.commaCount]!;
    return s[STATE.start]!;
  }

  /** The byte scan in JS, where WebAssembly is not available. Returns where the pending record starts in buf. */
  private scanJs(buf: Uint8Array): number {
    // Find each LF natively, then follow the quotes before it: the record ends at the first LF
    // outside quotes. A quote opens a quoted section only where a field starts or right after the
    // quote that closed one (a doubled quote); anywhere else it is a character of the field (5" screen),
    // as in Python's csv module, so a stray quote cannot swallow the following records.
    // Measured ~1.5-1.8x faster than a byte-by-byte state machine on quoted tweet rows.
    // The same loop counts how many UTF-16 units the record's UTF-8 bytes decode to (see emitAll),
    // and notes each comma outside quotes as a field end (see fieldsAt).
    let start = 0; // start of the current record in buf
    let from = this.scanned;
    let odd = this.inQuote ? 1 : 0;
    let extra = this.pendingExtra;
    let quotes = this.fieldQuotes;
    let fieldStart = this.fieldStart;
    let mess = this.pendingMess;
    let closeAt = this.closeAt;
    const found = this.found;
    found.length = 0;
    let commas = this.commas;
    let nc = this.commaCount;
    let recordCommas = 0; // index in commas of the current record's first comma
    const n = buf.length;
    for (;;) {
      const lf = buf.indexOf(LF, from);
      const stop = lf < 0 ? n : lf;
      for (let k = from; k < stop; k++) {
        const b = buf[k]!;
        if (b === QUOTE) {
          // Simple fields: no quote, or a quote that opens the field and one that closes it.
          if (++quotes > 2 || (quotes === 1 && k - start !== fieldStart)) mess = 1;
          if (odd === 1) {
            odd = 0;
            closeAt = k - start;
          } else if (k - start === fieldStart || k - start - 1 === closeAt) odd = 1;
        } else if (b === COMMA) {
          if (odd === 0) {
            if (nc === commas.length) commas = this.growCommas(nc);
            commas[nc++] = k - start + extra;
            quotes = 0;
            fieldStart = k + 1 - start;
          }
        }
        // Continuation bytes add no UTF-16 unit; a 4-byte sequence decodes to a surrogate pair.
        else if (b >= 0x80) extra += b < 0xc0 ? -1 : b >= 0xf0 ? 1 : 0;
      }
      if (lf < 0) break;
      if (odd === 0) {
        const end = lf > start && buf[lf - 1] === CR ? lf - 1 : lf;
        found.push(start, end, extra, recordCommas, nc, mess);
        start = lf + 1;
        extra = 0;
        quotes = 0;
        fieldStart = 0;
        mess = 0;
        closeAt = -2;
        recordCommas = nc;
      }
      from = lf + 1;
    }
    this.emitAll(buf, found);
    // The pending record's commas move to the front (offsets are relative to its start: unchanged).
    commas.copyWithin(0, recordCommas, nc);
    this.commaCount = nc - recordCommas;
    this.inQuote = odd === 1;
    this.pendingExtra = extra;
    this.fieldQuotes = quotes;
    this.fieldStart = fieldStart;
    this.pendingMess = mess;
    this.closeAt = closeAt;
    return start;
  }

  private growCommas(n: number): Int32Array {
    const next = new Int32Array(n * 2);
    next.set(this.commas.subarray(0, n));
    return (this.commas = next);
  }

  /**
   * Emit the records found in one chunk (see scan: six numbers a record), decoding runs of records of up
   * to DECODE_SPAN bytes with one TextDecoder call: a call per record costs more than the decoding
   * itself, and Chromium decodes 64 KiB pieces over twice as fast as 1 MiB ones. Valid UTF-8 decodes
   * to (bytes + extra) UTF-16 units, so each record's text is a slice of its run's. A run with
   * invalid UTF-8 is decoded record by record, so only the bad record is reported.
   */
  private emitAll(buf: Uint8Array, found: ArrayLike<number>): void {
    const count = found.length;
    this.nulAt = count ? buf.indexOf(0, found[0]) : -1;
    for (let from = 0; from < count; ) {
      let to = from + 6;
      while (to < count && found[to + 1]! - found[from]! <= DECODE_SPAN) to += 6;
      let text: string;
      try {
        text = this.decoder.decode(buf.subarray(found[from]!, found[to - 5]!));
      } catch {
        for (let i = from; i < to; i += 6) {
          this.emit(buf, found[i]!, found[i + 1]!, this.pendingOffset + found[i]!, found[i + 3]!, found[i + 4]!, found[i + 5]!);
        }
        from = to;
        continue;
      }
      let at = 0;
      for (let i = from; i < to; i += 6) {
        const start = found[i]!;
        const end = found[i + 1]!;
        const chars = end - start + found[i + 2]!;
        this.deliver(buf, start, end, this.pendingOffset + start, text.slice(at, at + chars), found[i + 3]!, found[i + 4]!, found[i + 5]!);
        if (i + 6 < to) at += chars + (found[i + 6]! - end);
      }
      from = to;
    }
  }

  private emit(buf: Uint8Array, start: number, end: number, byteOffset: number, c0: number, c1: number, mess: number): void {
    let text: string;
    try {
      text = this.decoder.decode(buf.subarray(start, end));
    } catch {
      this.onRecord({
        recordNumber: ++this.recordNumber, byteOffset, byteLength: end - start, bytes: buf.subarray(start, end), fields: null,
        problem: 'invalid-utf8', detail: invalidUtf8Detail(buf.subarray(start, end)),
      });
      return;
    }
    this.deliver(buf, start, end, byteOffset, text, c0, c1, mess);
  }

  /** Where the buffer being emitted holds its next NUL byte (from the record last asked about), -1 for none: one search a buffer, not a row. */
  private nulAt = -1;

  /** Whether buf[start, end) holds a NUL byte (records are asked about in order). */
  private holdsNul(buf: Uint8Array, start: number, end: number): boolean {
    if (this.nulAt < 0) return false;
    if (this.nulAt < start) this.nulAt = buf.indexOf(0, start);
    return this.nulAt >= 0 && this.nulAt < end;
  }

  /** commas[c0, c1): the record's field ends; mess: some field is not simple (splitFields reads the record). */
  private deliver(buf: Uint8Array, start: number, end: number, byteOffset: number, text: string, c0: number, c1: number, mess: number): void {
    const record: CsvRecord = {
      recordNumber: ++this.recordNumber,
      byteOffset,
      byteLength: end - start,
      bytes: buf.subarray(start, end),
      fields: null,
    };
    if (this.holdsNul(buf, start, end)) {
      // A control byte no text CSV holds: the row is reported as it is (its bytes kept), not stored with it.
      record.problem = 'nul-byte';
      record.detail = `the row holds a NUL byte (U+0000) at its byte ${this.nulAt - start}, which no text CSV has; check the row against the original file`;
      this.onRecord(record);
      return;
    }
    const stray = this.stray;
    stray.field = -1;
    const fields = (mess === 0 && fieldsAt(text, this.commas, c0, c1)) || splitFields(text, stray);
    if (stray.field >= 0) {
      // Reading it as Python's csv module does would change the archive's text ("abc"def" -> abcdef"): reported, not repaired.
      record.problem = 'stray-quote';
      record.detail = `field ${stray.field + 1} has text after its closing quote: a quote inside a quoted field must be doubled ("")${bareCrHint(record.bytes)}`;
      this.onRecord(record);
      return;
    }
    for (let k = 0; k < fields.length; k++) {
      if (fields[k]!.length > this.maxFieldChars) {
        record.problem = 'field-too-large';
        record.detail = `field ${k + 1} has ${fields[k]!.length} characters (limit ${this.maxFieldChars})`;
        this.onRecord(record);
        return;
      }
    }
    record.fields = fields;
    this.onRecord(record);
  }
}

/**
 * The fields of a record whose field ends (commas outside quotes, as character offsets) are known
 * and whose fields are simple (no quote, or one opening the field and one closing it): each is a
 * slice, without its quotes. Null when a closing quote is not the field's last character (text after
 * it): splitFields then reads the record, as it does records with doubled quotes.
 */
function fieldsAt(text: string, commas: Int32Array, c0: number, c1: number): string[] | null {
  const out = new Array<string>(c1 - c0 + 1);
  let a = 0;
  for (let k = c0; k <= c1; k++) {
    const b = k < c1 ? commas[k]! : text.length;
    if (text.charCodeAt(a) === QUOTE) {
      if (b - a < 2 || text.charCodeAt(b - 1) !== QUOTE) return null;
      out[k - c0] = text.slice(a + 1, b - 1);
    } else out[k - c0] = text.slice(a, b);
    a = b + 1;
  }
  return out;
}

/**
 * Split one complete record (already decoded, no terminator) into fields. A quoted field runs to
 * its closing quote; text after the closing quote and before the comma is kept (lenient, like
 * Python's csv module) rather than dropped, and `stray.field` names the first such field (0-based).
 */
export function splitFields(s: string, stray?: { field: number }): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (i < n && s.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = s.indexOf('"', from);
        if (q < 0) {
          // Cannot happen for records cut by the splitter (quotes balanced); be lenient anyway.
          value += s.slice(from);
          i = n;
          break;
        }
        value += s.slice(from, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (stray && stray.field < 0 && i < n && s.charCodeAt(i) !== COMMA) stray.field = out.length;
      const comma = s.indexOf(',', i);
      if (comma < 0) {
        out.push(i < n ? value + s.slice(i) : value);
        return out;
      }
      out.push(comma > i ? value + s.slice(i, comma) : value);
      i = comma + 1;
    } else {
      const comma = s.indexOf(',', i);
      if (comma < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Convenience for tests and small inputs: split a whole byte array (optionally in given chunks). */
export function splitCsvBytes(chunks: Uint8Array[], options?: CsvSplitterOptions): CsvRecord[] {
  const out: CsvRecord[] = [];
  const splitter = new CsvRecordSplitter((r) => out.push({ ...r, bytes: r.bytes.slice() }), options);
  for (const c of chunks) splitter.push(c);
  splitter.finish();
  return out;
}

/**
 * A quarantined record holding a carriage return with no line feed after it: where a file mixes
 * CR-only line ends into LF or CRLF ones, two rows are read as one, and the reason should say so.
 */
export function bareCrHint(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) return '; it holds a carriage return with no line feed after it: where a file mixes in CR-only line ends, two rows are read as one';
  return '';
}

/**
 * A quarantined record running over several lines. A quoted field may hold line breaks (tweets do), but
 * a quote opened and never closed takes every line up to the next quote into one field: the rows on
 * those lines are then inside this record (its bytes keep them), not imported on their own.
 */
export function spansLinesHint(bytes: Uint8Array): string {
  let breaks = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) breaks++;
  if (breaks === 0) return '';
  const next = breaks === 1 ? 'the next line (a row of its own?) was' : `the next ${breaks} lines (rows of their own?) were`;
  return `; it spans ${breaks + 1} lines: if a quote in it was left open, ${next} read into this one and not imported on ${breaks === 1 ? 'its' : 'their'} own; this row's bytes keep ${breaks === 1 ? 'it' : 'them'}`;
}

/** Where a record that is not valid UTF-8 stops being so: its first bad byte, and what that usually means. */
function invalidUtf8Detail(bytes: Uint8Array): string {
  const at = invalidUtf8At(bytes);
  if (at < 0) return 'record is not valid UTF-8';
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return `record is not valid UTF-8 (first bad byte: 0x${hex}, ${at} bytes into the record): the file may be in another encoding, such as Windows-1252 or Latin-1; re-save it as UTF-8`;
}

/** The offset of the first byte of bytes' first invalid UTF-8 sequence (as a fatal TextDecoder judges), or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Length and the allowed range of the second byte (no overlong forms, surrogates or > U+10FFFF).
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const b = bytes[i + k]!;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}
