/**
 * Bench-only prototype (issue #3, byteParseProbe.ts): a Twitter IO tweets CSV parsed from its UTF-8
 * bytes without TextDecoder. Record and field ends come from the app's WebAssembly SIMD scan
 * (csvScan.wat, in a variant that writes field ends as byte offsets instead of UTF-16 offsets);
 * each row's ids, counts, times and flags are read from bytes into typed columns, its text columns
 * are copied as bytes into per-block column builders (2,000 rows a block, ends in Int32Array), and
 * the per-row work of the import is done on bytes: UTF-8 validation, dedupe by tweet id with a
 * content fingerprint, first row per account, and the aggregates the block writer counts.
 * Platform-free (Node and a browser worker). Not the app's import: see the probe's report for what
 * it leaves out.
 */
import { STATE, WasmCsvScan } from '../../../shared/archive/csvScanWasm';
import { detectFormat } from '../../../shared/archive/detectFormat';
import { readList, RowRejection } from '../../../shared/archive/fieldValues';
import { AuthorActivity } from '../../../renderer/src/workers/import/authorActivity';
import { PairCounter } from '../../../renderer/src/workers/import/pairCounter';
import { intoOneBuffer } from '../../../renderer/src/store/oneBuffer';
import { ADDED, TweetIdIndex } from '../../../shared/archive/tweetIdIndex';

export const BLOCK_ROWS = 2000;
const SCAN_SLICE = 256 * 1024;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const MAX_FIELD_CHARS = 1024 * 1024;

/** csvScan.wat with each field end stored as a byte offset from its record's start (the app stores UTF-16 offsets). */
export function byteOffsetScanWat(wat: string): string {
  const utf16 = '(i32.add (i32.sub (local.get $k) (local.get $start)) (local.get $ext))';
  if (!wat.includes(utf16)) throw new Error('csvScan.wat changed: its field-end store was not found');
  return wat.replace(utf16, '(i32.sub (local.get $k) (local.get $start))');
}

/** A growable byte column: values' bytes back to back, value i ending at ends[i]. */
class ByteColumn {
  bytes = new Uint8Array(1 << 14);
  length = 0;
  ends = new Int32Array(BLOCK_ROWS);

  push(src: Uint8Array, a: number, b: number, row: number): void {
    const n = b - a;
    if (this.length + n > this.bytes.length) this.grow(this.length + n);
    const out = this.bytes;
    let at = this.length;
    // A byte loop for all but long values: set() with a subarray costs more than copying ~250 bytes.
    if (n <= 256) for (let i = a; i < b; i++) out[at++] = src[i]!;
    else {
      out.set(src.subarray(a, b), at);
      at += n;
    }
    this.length = at;
    this.ends[row] = at;
  }

  private grow(n: number): void {
    const next = new Uint8Array(Math.max(n, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** The block's values, as views valid until the next push (flushBlock copies them), and an empty column. */
  take(rows: number): { bytes: Uint8Array; ends: Int32Array } {
    const out = { bytes: this.bytes.subarray(0, this.length), ends: this.ends.subarray(0, rows) };
    this.length = 0;
    return out;
  }
}

/**
 * The 'raw' block layout: each row's record bytes as in the file (quotes, doubled quotes and all: the
 * bytes its provenance names), copied with one native copy, and its field ends (the scan's commas,
 * from the record's start); readers cut and unquote the fields they show.
 */
class RawRecords {
  bytes = new Uint8Array(1 << 20);
  length = 0;
  ends = new Int32Array(BLOCK_ROWS);
  commas = new Uint16Array(BLOCK_ROWS * 32);
  commaCount = 0;

  push(buf: Uint8Array, rs: number, re: number, commas: Int32Array, c0: number, c1: number, row: number): void {
    const n = re - rs;
    if (n > 0xffff) throw new Error('the raw layout probe keeps field ends in 16 bits: a record of 64 KiB or more');
    if (this.length + n > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.length + n, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    this.bytes.set(buf.subarray(rs, re), this.length);
    this.length += n;
    this.ends[row] = this.length;
    if (this.commaCount + c1 - c0 > this.commas.length) {
      const next = new Uint16Array(this.commas.length * 2);
      next.set(this.commas);
      this.commas = next;
    }
    for (let k = c0; k < c1; k++) this.commas[this.commaCount++] = commas[k]!;
  }

  /** As ByteColumn.take: views. */
  take(rows: number): { bytes: Uint8Array; ends: Int32Array; commas: Uint16Array } {
    const out = { bytes: this.bytes.subarray(0, this.length), ends: this.ends.subarray(0, rows), commas: this.commas.subarray(0, this.commaCount) };
    this.length = 0;
    this.commaCount = 0;
    return out;
  }
}

/** Strings as small codes, keyed by their bytes (FNV-1a over the bytes, open addressing). */
export class ByteInterner {
  private keys = new Uint8Array(1 << 16);
  private keysLength = 0;
  private starts = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1 << 12).fill(-1);
  size = 0;

  code(src: Uint8Array, a: number, b: number): number {
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    const n = b - a;
    for (;;) {
      const c = this.slots[slot]!;
      if (c === -1) break;
      if (this.hashes[c] === h && this.starts[c + 1]! - this.starts[c]! === n && this.same(c, src, a, n)) return c;
      slot = (slot + 1) & mask;
    }
    const c = this.size++;
    if (this.keysLength + n > this.keys.length) {
      const next = new Uint8Array(Math.max(this.keysLength + n, this.keys.length * 2));
      next.set(this.keys.subarray(0, this.keysLength));
      this.keys = next;
    }
    for (let i = a; i < b; i++) this.keys[this.keysLength++] = src[i]!;
    if (c + 2 > this.starts.length) {
      const s = new Int32Array(this.starts.length * 2);
      s.set(this.starts);
      this.starts = s;
      const hs = new Int32Array(this.hashes.length * 2);
      hs.set(this.hashes);
      this.hashes = hs;
    }
    this.starts[c + 1] = this.keysLength;
    this.hashes[c] = h;
    this.slots[slot] = c;
    if (this.size * 4 > this.slots.length * 3) this.rehash();
    return c;
  }

  private same(c: number, src: Uint8Array, a: number, n: number): boolean {
    const k = this.keys;
    for (let i = 0, j = this.starts[c]!; i < n; i++, j++) if (k[j] !== src[a + i]) return false;
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let c = 0; c < this.size; c++) {
      const h = this.hashes[c]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = c;
    }
  }
}

/**
 * Whether b[i, end) is UTF-8 as TextDecoder's fatal mode requires (no overlongs, surrogates or code
 * points above U+10FFFF). Four ASCII bytes at a time where it can.
 */
export function validUtf8(b: Uint8Array, i: number, end: number): boolean {
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      if (i + 4 <= end && ((b[i + 1]! | b[i + 2]! | b[i + 3]!) & 0x80) === 0) i += 4;
      else i++;
      continue;
    }
    if (c < 0xc2) return false;
    if (c < 0xe0) {
      if (i + 1 >= end || (b[i + 1]! & 0xc0) !== 0x80) return false;
      i += 2;
      continue;
    }
    if (c < 0xf0) {
      if (i + 2 >= end) return false;
      const c1 = b[i + 1]!;
      if ((c1 & 0xc0) !== 0x80 || (c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (b[i + 2]! & 0xc0) !== 0x80) return false;
      i += 3;
      continue;
    }
    if (c > 0xf4 || i + 3 >= end) return false;
    const c1 = b[i + 1]!;
    if ((c1 & 0xc0) !== 0x80 || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f) || (b[i + 2]! & 0xc0) !== 0x80 || (b[i + 3]! & 0xc0) !== 0x80) return false;
    i += 4;
  }
  return true;
}

/** UTF-16 units of valid UTF-8 b[a, b). */
function utf16Length(bytes: Uint8Array, a: number, b: number): number {
  let n = b - a;
  for (let i = a; i < b; i++) {
    const c = bytes[i]!;
    if (c >= 0x80) n += c < 0xc0 ? -1 : c >= 0xf0 ? 1 : 0;
  }
  return n;
}

export interface ByteBlock {
  seq: number;
  length: number;
  tweetTime: Int32Array;
  isRetweet: Uint8Array;
  quoteCount: Int32Array;
  replyCount: Int32Array;
  likeCount: Int32Array;
  retweetCount: Int32Array;
  /** Import-wide author code of each row. */
  author: Int32Array;
  row: Int32Array;
  byteOffset: Float64Array;
  byteLength: Int32Array;
  /** Layout 'raw': the rows' records as in the file and their field ends (RawRecords). */
  raw?: { bytes: Uint8Array; ends: Int32Array; commas: Uint16Array };
  /** Layout 'columns': each text column, its values' UTF-8 bytes (unquoted) back to back and where each ends. */
  text?: Record<(typeof BYTE_COLUMNS)[number], { bytes: Uint8Array; ends: Int32Array }>;
}

const BYTE_COLUMNS = [
  'tweetid', 'userid', 'userScreenName', 'tweetLanguage', 'tweetText', 'tweetClientName', 'inReplyToUserid', 'inReplyToTweetid',
  'quotedTweetTweetid', 'retweetUserid', 'retweetTweetid', 'retweetScreenName', 'latitude', 'longitude', 'hashtags', 'urls',
  'userMentions', 'pollChoices',
] as const;
type ByteColumnName = (typeof BYTE_COLUMNS)[number];

const ACCOUNT_COLUMNS = ['userid', 'userDisplayName', 'userScreenName', 'userReportedLocation', 'userProfileDescription', 'userProfileUrl', 'accountCreationDate', 'accountLanguage', 'accountLanguageRaw'] as const;

/** What the parse counted: compared with the app's parse of the same file (byteParseProbe.ts --verify). */
export interface ByteParseCounts {
  rowsRead: number;
  rowsStored: number;
  rowsDuplicate: number;
  rowsRejected: number;
  rejectedByReason: Record<string, number>;
  blankLines: number;
  repeatedHeaderRows: number;
  accounts: number;
  timeSum: number;
  likeSum: number;
  hashtagItems: number;
  urlItems: number;
  mentionItems: number;
  retweetScreenNames: number;
  textBytes: number;
  /** Records re-split by the slow path (doubled quotes) and list cells decoded by the string reader (escapes). */
  slowRecords: number;
  slowLists: number;
  blockBytes: number;
  hashtags: number;
  mentionEdges: number;
  retweetEdges: number;
  replyEdges: number;
  quoteEdges: number;
  unresolvedQuotes: number;
}

const ASCII = new TextEncoder();

/**
 * How far the parse goes, to time its stages apart: 'scan' finds records only; 'utf8' also validates
 * them; 'split' also cuts fields (and counts rows); 'rows' also reads, checks, dedupes and stores each
 * row in its block; 'aggregates' also counts what the block writer counts.
 */
export type ByteStage = 'scan' | 'utf8' | 'split' | 'rows' | 'aggregates';

/** How a block keeps its text: a byte column per text column, or the rows' records as they are in the file (RawRecords). */
export type ByteLayout = 'columns' | 'raw';

/**
 * One tweets CSV entry, pushed as byte chunks (any size; a record may span chunks). Blocks of
 * BLOCK_ROWS rows go to onBlock.
 */
export class ByteTweetParser {
  readonly counts: ByteParseCounts = {
    rowsRead: 0, rowsStored: 0, rowsDuplicate: 0, rowsRejected: 0, rejectedByReason: {}, blankLines: 0, repeatedHeaderRows: 0,
    accounts: 0, timeSum: 0, likeSum: 0, hashtagItems: 0, urlItems: 0, mentionItems: 0, retweetScreenNames: 0, textBytes: 0,
    slowRecords: 0, slowLists: 0, blockBytes: 0, hashtags: 0, mentionEdges: 0, retweetEdges: 0, replyEdges: 0, quoteEdges: 0, unresolvedQuotes: 0,
  };
  private readonly scan: WasmCsvScan;
  private store = new Uint8Array(8 << 20);
  private pending = 0;
  private scanned = 0;
  private streamOffset = 0;
  private recordNumber = 0;
  private headerRecord = 0;
  private header: Uint8Array | null = null;
  private c: Record<string, number> = {};
  private nColumns = 0;
  /** Optional id columns (reply, quote, retweet) and list columns of this file's header. */
  private refColumns: number[] = [];
  private listColumns: number[] = [];
  // Field k of the current record is src[fa[k], fb[k]).
  private readonly fa = new Int32Array(64);
  private readonly fb = new Int32Array(64);
  private scratch = new Uint8Array(1 << 16);
  private readonly cols = Object.fromEntries(BYTE_COLUMNS.map((k) => [k, new ByteColumn()])) as Record<ByteColumnName, ByteColumn>;
  private block = this.freshTyped();
  private readonly raw = new RawRecords();
  // The current record in the scan's buffer and its field ends (for the raw layout).
  private recBuf: Uint8Array = this.store;
  private recStart = 0;
  private recEnd = 0;
  private recCommas: Int32Array = new Int32Array(0);
  private recC0 = 0;
  private recC1 = 0;
  private blockRows = 0;
  private seq = 0;
  /** Tweet id → author code, tagged with the content fingerprint: the app's table, given each id as a string made from its ASCII bytes. */
  private readonly ids = new TweetIdIndex();
  private readonly authors = new ByteInterner();
  /** Account columns of each author's first row: one growing column per field (codes = author codes; receivers-only have none). */
  private readonly accountCols = Object.fromEntries(ACCOUNT_COLUMNS.map((k) => [k, new AccountColumn()])) as Record<(typeof ACCOUNT_COLUMNS)[number], AccountColumn>;
  private followers = new Int32Array(1024);
  private following = new Int32Array(1024);
  private accountSeen = new Uint8Array(1024);
  // Aggregates, as AggregateBuilder counts them.
  private readonly languages = new ByteInterner();
  private readonly clients = new ByteInterner();
  private readonly hashtagCodes = new ByteInterner();
  private readonly domains = new ByteInterner();
  private tally: Record<'languages' | 'clients' | 'hashtags' | 'domains', Int32Array> = {
    languages: new Int32Array(64), clients: new Int32Array(64), hashtags: new Int32Array(1024), domains: new Int32Array(1024),
  };
  private readonly quarterHours = new Map<number, number>();
  private readonly clientsByDay = new PairCounter();
  private readonly accountLanguages = new PairCounter();
  private readonly accountClients = new PairCounter();
  private readonly accountHashtags = new PairCounter();
  private readonly edges = { retweet: new PairCounter(), mention: new PairCounter(), reply: new PairCounter(), quote: new PairCounter() };
  private readonly activity = new AuthorActivity();
  private readonly rowMentions: number[] = [];
  private readonly rowNames: number[] = []; // byte ranges of @names in the text: start, end pairs
  private readonly today = Math.floor(Date.now() / 86_400_000);

  constructor(
    scanModule: WebAssembly.Module,
    private readonly onBlock: (b: ByteBlock) => void,
    private readonly upTo: ByteStage = 'aggregates',
    private readonly layout: ByteLayout = 'columns',
  ) {
    this.scan = new WasmCsvScan(new WebAssembly.Instance(scanModule));
    this.aggregates = upTo === 'aggregates';
  }
  private readonly aggregates: boolean;

  private freshTyped() {
    return {
      tweetTime: new Int32Array(BLOCK_ROWS), isRetweet: new Uint8Array(BLOCK_ROWS), quoteCount: new Int32Array(BLOCK_ROWS),
      replyCount: new Int32Array(BLOCK_ROWS), likeCount: new Int32Array(BLOCK_ROWS), retweetCount: new Int32Array(BLOCK_ROWS),
      author: new Int32Array(BLOCK_ROWS), row: new Int32Array(BLOCK_ROWS), byteOffset: new Float64Array(BLOCK_ROWS), byteLength: new Int32Array(BLOCK_ROWS),
    };
  }

  /** Room for `n` more bytes after the pending record; the caller fills them (readInto) or push copies them. */
  private room(n: number): Uint8Array {
    if (this.pending + n > this.store.length) {
      const next = new Uint8Array(Math.max(this.pending + n, this.store.length * 2));
      next.set(this.store.subarray(0, this.pending));
      this.store = next;
    }
    return this.store.subarray(this.pending, this.pending + n);
  }

  push(chunk: Uint8Array): void {
    this.room(chunk.length).set(chunk);
    this.filled(chunk.length);
  }

  /** Read up to n bytes straight into the parser's buffer (read(into) returns how many it wrote): no copy. */
  pushFrom(n: number, read: (into: Uint8Array) => number): number {
    const got = read(this.room(n));
    if (got > 0) this.filled(got);
    return got;
  }

  private filled(n: number): void {
    const len = this.pending + n;
    const buf = this.store;
    const w = this.scan;
    w.state[STATE.recordCommas] = 0;
    w.state[STATE.start] = 0;
    for (let from = this.scanned; from < len; from += SCAN_SLICE) {
      w.state[STATE.byteBefore] = from > 0 ? buf[from - 1]! : -1;
      const found = w.scan(buf.subarray(from, Math.min(len, from + SCAN_SLICE)), from);
      const commas = w.commas;
      for (let i = 0; i < found.length; i += 6) this.record(buf, found[i]!, found[i + 1]!, commas, found[i + 3]!, found[i + 4]!, found[i + 5]!);
      const s = w.state;
      commas.copyWithin(0, s[STATE.recordCommas]!, s[STATE.commaCount]!);
      s[STATE.commaCount] -= s[STATE.recordCommas]!;
      s[STATE.recordCommas] = 0;
    }
    const start = w.state[STATE.start]!;
    this.streamOffset += start;
    buf.copyWithin(0, start, len);
    this.pending = len - start;
    this.scanned = this.pending;
  }

  finish(): void {
    if (this.pending > 0) {
      // The last record has no line feed: one more scan with one added.
      this.room(1)[0] = 0x0a;
      this.filled(1);
    }
    if (this.blockRows) this.flushBlock();
  }

  private record(buf: Uint8Array, rs: number, re: number, commas: Int32Array, c0: number, c1: number, mess: number): void {
    this.recordNumber++;
    const offset = this.streamOffset + rs;
    if (this.upTo === 'scan') return;
    if (re === rs) {
      this.counts.blankLines++;
      return;
    }
    // A row the splitter reports (invalid UTF-8, a stray quote) is read and quarantined, as parseArchive counts it.
    if (!validUtf8(buf, rs, re)) return this.rejectRead(offset, 'invalid-utf8');
    if (this.upTo === 'utf8') return;
    let src = buf;
    let nf = mess ? -3 : this.splitSimple(buf, rs, re, commas, c0, c1);
    if (nf === -3) {
      this.counts.slowRecords++;
      nf = this.splitQuoted(buf, rs, re);
      src = this.scratch;
    }
    if (nf === -2) return this.rejectRead(offset, 'stray-quote');
    if (!this.header) return this.readHeader(src, nf);
    if (nf === this.nColumns && this.isHeader(src)) {
      this.counts.repeatedHeaderRows++;
      return;
    }
    let empty = nf >= 0;
    for (let k = 0; k < nf && empty; k++) if (this.fb[k]! > this.fa[k]!) empty = false;
    if (empty) {
      this.counts.blankLines++;
      return;
    }
    this.counts.rowsRead++;
    if (nf !== this.nColumns) return this.rejectRow(offset, 'field-count');
    if (this.upTo === 'split') return;
    this.recBuf = buf;
    this.recStart = rs;
    this.recEnd = re;
    this.recCommas = commas;
    this.recC0 = c0;
    this.recC1 = c1;
    const why = this.row(src, this.recordNumber - this.headerRecord, offset, re - rs);
    if (why) this.rejectRow(offset, why);
  }

  /** Fields of a record with no doubled quote (a quote only opens and closes a field). -1: more than 64 fields; -3: a quoted field with text after its closing quote (splitQuoted reads it). */
  private splitSimple(buf: Uint8Array, rs: number, re: number, commas: Int32Array, c0: number, c1: number): number {
    if (c1 - c0 + 1 > 64) return -1;
    let a = rs;
    for (let k = c0; k <= c1; k++) {
      const b = k < c1 ? rs + commas[k]! : re;
      const f = k - c0;
      if (buf[a] === QUOTE) {
        if (b - a < 2 || buf[b - 1] !== QUOTE) return -3;
        this.fa[f] = a + 1;
        this.fb[f] = b - 1;
      } else {
        this.fa[f] = a;
        this.fb[f] = b;
      }
      a = b + 1;
    }
    return c1 - c0 + 1;
  }

  /** splitFields (csvRecords.ts) on bytes: fields unquoted into scratch. -1: more than 64 fields; -2: text follows a closing quote. */
  private splitQuoted(buf: Uint8Array, rs: number, re: number): number {
    if (this.scratch.length < re - rs) this.scratch = new Uint8Array(re - rs);
    const out = this.scratch;
    let o = 0;
    let i = rs;
    let f = 0;
    let stray = false;
    for (;;) {
      if (f === 64) return -1;
      this.fa[f] = o;
      if (i < re && buf[i] === QUOTE) {
        i++;
        for (;;) {
          if (i >= re) break;
          const c = buf[i]!;
          if (c === QUOTE) {
            if (buf[i + 1] === QUOTE && i + 1 < re) {
              out[o++] = QUOTE;
              i += 2;
              continue;
            }
            i++;
            break;
          }
          out[o++] = c;
          i++;
        }
        if (i < re && buf[i] !== COMMA) stray = true;
      }
      while (i < re && buf[i] !== COMMA) out[o++] = buf[i++]!;
      this.fb[f++] = o;
      if (i >= re) break;
      i++;
    }
    return stray ? -2 : f;
  }

  private readHeader(src: Uint8Array, nf: number): void {
    const names: string[] = [];
    const d = new TextDecoder();
    for (let k = 0; k < nf; k++) names.push(d.decode(src.subarray(this.fa[k]!, this.fb[k]!)));
    const format = detectFormat(names);
    if (format.format !== 'twitter-io-tweets') throw new Error(`the byte probe reads Twitter IO tweets files, not ${format.format}`);
    this.nColumns = nf;
    this.headerRecord = this.recordNumber;
    for (const [i, name] of format.columns.entries()) this.c[name] = i;
    const c = this.c;
    this.refColumns = [c.in_reply_to_userid ?? -1, c.in_reply_to_tweetid ?? -1, c.quoted_tweet_tweetid ?? -1, c.retweet_userid!, c.retweet_tweetid!];
    this.listColumns = [c.hashtags ?? -1, c.urls ?? -1, c.user_mentions ?? -1].filter((k) => k >= 0);
    this.header = ASCII.encode(names.join('\u0000'));
  }

  private isHeader(src: Uint8Array): boolean {
    const h = this.header!;
    let j = 0;
    for (let k = 0; k < this.nColumns; k++) {
      for (let i = this.fa[k]!; i < this.fb[k]!; i++) if (src[i] !== h[j++]) return false;
      if (j < h.length && h[j++] !== 0) return false;
    }
    return j === h.length;
  }

  private rejectRead(offset: number, reason: string): void {
    if (!this.header) throw new Error(`the header row is unreadable (${reason})`);
    this.counts.rowsRead++;
    this.rejectRow(offset, reason);
  }

  private rejectRow(_offset: number, reason: string): void {
    this.counts.rowsRejected++;
    this.counts.rejectedByReason[reason] = (this.counts.rejectedByReason[reason] ?? 0) + 1;
  }

  /** One data row: null when stored or counted as a duplicate, else why it is quarantined. */
  private row(s: Uint8Array, rowNumber: number, offset: number, length: number): string | null {
    const { fa, fb, c } = this;
    // Values first (a rejected row adds nothing), as tweetNormalizer and readAccount read them.
    const tid = c.tweetid!;
    const tweetShape = idShape(s, fa[tid]!, fb[tid]!);
    if (tweetShape !== NUMERIC) return tweetShape === DAMAGED ? 'spreadsheet-damaged-id' : 'invalid-id';
    const uid = c.userid!;
    const userShape = idShape(s, fa[uid]!, fb[uid]!);
    if (userShape !== NUMERIC && userShape !== HASHED) return userShape === DAMAGED ? 'spreadsheet-damaged-id' : 'invalid-id';
    const followers = count(s, fa[c.follower_count!]!, fb[c.follower_count!]!);
    const following = count(s, fa[c.following_count!]!, fb[c.following_count!]!);
    if (followers === -2 || following === -2) return 'invalid-number';
    const created = c.account_creation_date!;
    if (fb[created]! > fa[created]! && isoMinutes(s, fa[created]!, fb[created]!, this.today) === -1) return 'impossible-date';
    const time = isoMinutes(s, fa[c.tweet_time!]!, fb[c.tweet_time!]!, this.today);
    if (time < 0) return 'impossible-date';
    for (const k of this.refColumns) {
      if (k < 0) continue;
      const shape = idShape(s, fa[k]!, fb[k]!);
      if (shape === DAMAGED) return 'spreadsheet-damaged-id';
      if (shape !== NUMERIC && shape !== HASHED && shape !== EMPTY) return 'invalid-id';
    }
    const isRetweet = boolean(s, fa[c.is_retweet!]!, fb[c.is_retweet!]!);
    if (isRetweet < 0) return 'invalid-value';
    if (!coordinate(s, fa[c.latitude!]!, fb[c.latitude!]!) || !coordinate(s, fa[c.longitude!]!, fb[c.longitude!]!)) return 'invalid-number';
    const quotes = count(s, fa[c.quote_count!]!, fb[c.quote_count!]!);
    const replies = count(s, fa[c.reply_count!]!, fb[c.reply_count!]!);
    const likes = count(s, fa[c.like_count!]!, fb[c.like_count!]!);
    const retweets = count(s, fa[c.retweet_count!]!, fb[c.retweet_count!]!);
    if (quotes === -2 || replies === -2 || likes === -2 || retweets === -2) return 'invalid-number';
    for (const k of this.listColumns) {
      const why = this.checkList(s, k);
      if (why) return why;
    }
    // A field over the limit (UTF-16 units, as the splitter counts them); only a long field is counted.
    for (let k = 0; k < this.nColumns; k++) if (fb[k]! - fa[k]! > MAX_FIELD_CHARS && utf16Length(s, fa[k]!, fb[k]!) > MAX_FIELD_CHARS) return 'field-too-large';

    // Dedupe: tweetFingerprint on bytes (text, time, author id).
    const text = c.tweet_text!;
    let h = 0x811c9dc5;
    for (let i = fa[text]!; i < fb[text]!; i++) h = Math.imul(h ^ s[i]!, 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
    h = Math.imul(h ^ time, 0x01000193);
    for (let i = fa[uid]!; i < fb[uid]!; i++) h = Math.imul(h ^ s[i]!, 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193) >>> 1;
    const author = this.authors.code(s, fa[uid]!, fb[uid]!);
    const earlier = this.addTweetId(s, fa[tid]!, fb[tid]!, author, h);
    if (earlier !== ADDED) {
      if (earlier !== h) return 'conflicting-duplicate';
      this.counts.rowsDuplicate++;
      return null;
    }
    this.counts.rowsStored++;
    if (author >= this.accountSeen.length) this.accountSeen = grown(this.accountSeen, author);
    if (this.accountSeen[author] === 0) {
      this.accountSeen[author] = 1;
      this.addAccount(s, author, followers, following);
    }

    // The row into the block's columns.
    const r = this.blockRows;
    const b = this.block;
    b.tweetTime[r] = time;
    b.isRetweet[r] = isRetweet;
    b.quoteCount[r] = quotes;
    b.replyCount[r] = replies;
    b.likeCount[r] = likes;
    b.retweetCount[r] = retweets;
    b.author[r] = author;
    b.row[r] = rowNumber;
    b.byteOffset[r] = offset;
    b.byteLength[r] = length;
    // retweetScreenName: from the text's leading "RT @name:" when retweet_userid is empty.
    const rtUser = c.retweet_userid!;
    let rtName = -1;
    let rtNameEnd = -1;
    if (isRetweet && fb[rtUser] === fa[rtUser]) {
      const end = retweetNameEnd(s, fa[text]!, fb[text]!);
      if (end > 0) {
        rtName = fa[text]! + 4;
        rtNameEnd = end;
        this.counts.retweetScreenNames++;
      }
    }
    if (this.layout === 'raw') this.raw.push(this.recBuf, this.recStart, this.recEnd, this.recCommas, this.recC0, this.recC1, r);
    else this.pushColumns(s, r, rtName, rtNameEnd);
    this.counts.timeSum += time;
    this.counts.likeSum += likes < 0 ? 0 : likes;
    this.counts.textBytes += fb[text]! - fa[text]!;
    if (this.aggregates) this.aggregate(s, author, time, isRetweet, rtName, rtNameEnd);
    else this.countItems(s);
    if (++this.blockRows === BLOCK_ROWS) this.flushBlock();
    return null;
  }

  private pushColumns(s: Uint8Array, r: number, rtName: number, rtNameEnd: number): void {
    const { fa, fb, c } = this;
    const tid = c.tweetid!;
    const uid = c.userid!;
    const text = c.tweet_text!;
    const cols = this.cols;
    cols.tweetid.push(s, fa[tid]!, fb[tid]!, r);
    cols.userid.push(s, fa[uid]!, fb[uid]!, r);
    const screen = c.user_screen_name!;
    cols.userScreenName.push(s, fa[screen]!, fb[screen]!, r);
    const lang = c.tweet_language!;
    cols.tweetLanguage.push(s, fa[lang]!, fb[lang]!, r);
    cols.tweetText.push(s, fa[text]!, fb[text]!, r);
    const client = c.tweet_client_name!;
    this.pushOptional(cols.tweetClientName, s, client, r);
    this.pushOptional(cols.inReplyToUserid, s, c.in_reply_to_userid!, r);
    this.pushOptional(cols.inReplyToTweetid, s, c.in_reply_to_tweetid!, r);
    this.pushOptional(cols.quotedTweetTweetid, s, c.quoted_tweet_tweetid!, r);
    cols.retweetUserid.push(s, fa[c.retweet_userid!]!, fb[c.retweet_userid!]!, r);
    cols.retweetTweetid.push(s, fa[c.retweet_tweetid!]!, fb[c.retweet_tweetid!]!, r);
    if (rtName >= 0) cols.retweetScreenName.push(s, rtName, rtNameEnd, r);
    else cols.retweetScreenName.push(s, 0, 0, r);
    this.pushOptional(cols.latitude, s, c.latitude!, r);
    this.pushOptional(cols.longitude, s, c.longitude!, r);
    cols.hashtags.push(s, fa[c.hashtags!]!, fb[c.hashtags!]!, r);
    cols.urls.push(s, fa[c.urls!]!, fb[c.urls!]!, r);
    cols.userMentions.push(s, fa[c.user_mentions!]!, fb[c.user_mentions!]!, r);
    this.pushOptional(cols.pollChoices, s, c.poll_choices!, r);
  }

  private pushOptional(col: ByteColumn, s: Uint8Array, k: number, r: number): void {
    if (k < 0) col.push(s, 0, 0, r);
    else col.push(s, this.fa[k]!, this.fb[k]!, r);
  }

  private addTweetId(s: Uint8Array, a: number, b: number, author: number, tag: number): number {
    return this.ids.addTagged(asciiString(s, a, b), author, tag);
  }

  private addAccount(s: Uint8Array, author: number, followers: number, following: number): void {
    const { fa, fb, c } = this;
    this.counts.accounts++;
    const a = this.accountCols;
    const at = (k: number | undefined, col: AccountColumn) => (k === undefined || k < 0 ? col.push(s, 0, 0) : col.push(s, fa[k]!, fb[k]!));
    at(c.userid, a.userid);
    at(c.user_display_name, a.userDisplayName);
    at(c.user_screen_name, a.userScreenName);
    at(c.user_reported_location, a.userReportedLocation);
    at(c.user_profile_description, a.userProfileDescription);
    at(c.user_profile_url, a.userProfileUrl);
    at(c.account_creation_date, a.accountCreationDate);
    at(c.account_language, a.accountLanguageRaw);
    at(c.account_language, a.accountLanguage);
    a.accountLanguage.lowerAscii();
    if (author >= this.followers.length) {
      this.followers = grown(this.followers, author);
      this.following = grown(this.following, author);
    }
    this.followers[author] = followers;
    this.following[author] = following;
  }

  /** A list cell as readList checks it: brackets match, quoted items end, only spaces after an item. Escapes: the string reader. */
  private checkList(s: Uint8Array, k: number): string | null {
    const a = this.fa[k]!;
    const b = this.fb[k]!;
    if (b === a) return null;
    const open = s[a] === 0x5b;
    if (open !== (s[b - 1] === 0x5d)) return 'invalid-value';
    for (let i = a; i < b; i++) {
      if (s[i] === BACKSLASH) {
        this.counts.slowLists++;
        try {
          readList('list', new TextDecoder().decode(s.subarray(a, b)));
          return null;
        } catch (e) {
          if (e instanceof RowRejection) return e.reason;
          throw e;
        }
      }
    }
    const end = open ? b - 1 : b;
    for (let i = open ? a + 1 : a; (i = nextItem(s, i, end)) >= 0; ) if (itemBad) return 'invalid-value';
    return null;
  }

  private countItems(s: Uint8Array): void {
    const { fa, fb, c } = this;
    this.counts.hashtagItems += items(s, fa[c.hashtags!]!, fb[c.hashtags!]!);
    this.counts.urlItems += items(s, fa[c.urls!]!, fb[c.urls!]!);
    this.counts.mentionItems += items(s, fa[c.user_mentions!]!, fb[c.user_mentions!]!);
  }

  /** AggregateBuilder.addBlock's counting for one row, on bytes. */
  private aggregate(s: Uint8Array, u: number, time: number, isRetweet: number, rtName: number, rtNameEnd: number): void {
    const { fa, fb, c, tally } = this;
    this.activity.tweet(u, time, this.seq);
    const lang = this.languages.code(s, fa[c.tweet_language!]!, fb[c.tweet_language!]!);
    tally.languages = bump(tally.languages, lang);
    this.accountLanguages.add(u, lang);
    const quarter = Math.floor(time / 15);
    this.quarterHours.set(quarter, (this.quarterHours.get(quarter) ?? 0) + 1);
    const client = this.clients.code(s, fa[c.tweet_client_name!]!, fb[c.tweet_client_name!]!);
    tally.clients = bump(tally.clients, client);
    this.clientsByDay.add(Math.floor(time / 1440), client);
    this.accountClients.add(u, client);
    const ht = c.hashtags!;
    if (fb[ht]! - fa[ht]! > 2) {
      for (let i = fa[ht]! + 1; (i = nextItem(s, i, fb[ht]! - 1)) >= 0; ) {
        const h = this.hashtagCodes.code(s, itemStart, itemEnd);
        tally.hashtags = bump(tally.hashtags, h);
        this.accountHashtags.add(u, h);
        this.counts.hashtagItems++;
      }
    }
    const ul = c.urls!;
    if (fb[ul]! - fa[ul]! > 2) {
      for (let i = fa[ul]! + 1; (i = nextItem(s, i, fb[ul]! - 1)) >= 0; ) {
        tally.domains = bump(tally.domains, this.domain(s, itemStart, itemEnd));
        this.counts.urlItems++;
      }
    }
    if (isRetweet) {
      this.activity.retweet(u);
      const k = c.retweet_userid!;
      let target = -1;
      if (fb[k]! > fa[k]!) target = this.authors.code(s, fa[k]!, fb[k]!);
      else if (rtName >= 0) target = this.authorByName(s, rtName, rtNameEnd);
      if (target >= 0) this.edges.retweet.add(u, target);
    }
    const ru = c.in_reply_to_userid!;
    const rt = c.in_reply_to_tweetid!;
    if (fb[ru]! > fa[ru]! || fb[rt]! > fa[rt]!) {
      this.activity.reply(u);
      if (fb[ru]! > fa[ru]!) this.edges.reply.add(u, this.authors.code(s, fa[ru]!, fb[ru]!));
    }
    const q = c.quoted_tweet_tweetid!;
    if (fb[q]! > fa[q]!) {
      this.activity.quote(u);
      // The quoted tweet's author, when its tweet was read before (the app resolves the rest at the end).
      const quoted = this.ids.get(asciiString(s, fa[q]!, fb[q]!));
      if (quoted !== undefined) this.edges.quote.add(u, quoted);
      else this.counts.unresolvedQuotes++;
    }
    // Mentions: the user_mentions ids ('0' unresolved), else the @names in the text.
    const m = this.rowMentions;
    m.length = 0;
    const um = c.user_mentions!;
    if (fb[um]! - fa[um]! > 2) {
      for (let i = fa[um]! + 1; (i = nextItem(s, i, fb[um]! - 1)) >= 0; ) {
        this.counts.mentionItems++;
        if (itemEnd > itemStart && !(itemEnd === itemStart + 1 && s[itemStart] === 0x30)) m.push(this.authors.code(s, itemStart, itemEnd));
      }
    } else this.textMentions(s, isRetweet);
    for (let k = 0; k < m.length; k++) {
      const t = m[k]!;
      if (t === u || m.indexOf(t) !== k) continue;
      this.edges.mention.add(u, t);
    }
  }

  /** '@' + name as an author key. */
  private authorByName(s: Uint8Array, a: number, b: number): number {
    const n = b - a + 1;
    if (this.nameKey.length < n) this.nameKey = new Uint8Array(n * 2);
    this.nameKey[0] = 0x40;
    for (let i = a; i < b; i++) this.nameKey[i - a + 1] = s[i]!;
    return this.authors.code(this.nameKey, 0, n);
  }
  private nameKey = new Uint8Array(64);

  /** textMentions (mentions.ts) on the text's bytes: @names, not the author's own, each once ignoring ASCII case. */
  private textMentions(s: Uint8Array, isRetweet: number): void {
    const { fa, fb, c } = this;
    let i = fa[c.tweet_text!]!;
    const end = fb[c.tweet_text!]!;
    if (s.subarray(i, end).indexOf(0x40) < 0) return;
    if (isRetweet) {
      const e = retweetNameEnd(s, i, end, true);
      if (e > 0) i = e < end && s[e] === 0x3a ? e + 1 : e;
    }
    const names = this.rowNames;
    names.length = 0;
    const own = c.user_screen_name!;
    names.push(fa[own]!, fb[own]!);
    const from = i;
    for (; i < end; i++) {
      if (s[i] !== 0x40 || (i > from && (isWord(s[i - 1]!) || s[i - 1] === 0x40))) continue;
      const a = i + 1;
      let j = a;
      while (j < end && (isWord(s[j]!) || s[j] === 0x2b)) j++;
      let b = -1;
      if (j < end && s[j] === 0x3d && j - a >= 37 && j - a <= 43 && !hasUnderscore(s, a, j)) b = j + 1;
      else {
        let w = a;
        while (w < end && isWord(s[w]!)) w++;
        if (w > a && w - a <= 15) b = w;
      }
      if (b < 0) continue;
      let dup = false;
      for (let k = 0; k < names.length && !dup; k += 2) if (sameIgnoringCase(s, names[k]!, names[k + 1]!, a, b)) dup = true;
      if (!dup) {
        names.push(a, b);
        this.rowMentions.push(this.authorByName(s, a, b));
      }
      i = b - 1;
    }
  }

  private domain(s: Uint8Array, a: number, b: number): number {
    // urlDomain on bytes: host after '://', lower-cased, without userinfo and 'www.'.
    let i = a;
    while (i + 2 < b && !(s[i] === 0x3a && s[i + 1] === 0x2f && s[i + 2] === 0x2f)) i++;
    if (i + 2 >= b || i === a) return this.domains.code(s, 0, 0);
    let h = i + 3;
    let e = h;
    while (e < b) {
      const ch = s[e]!;
      if (ch === 0x2f || ch === 0x3f || ch === 0x23 || ch === 0x3a || ch <= 0x20) break;
      e++;
    }
    for (let k = h; k < e; k++) if (s[k] === 0x40) h = k + 1;
    if (e - h >= 4 && (s[h]! | 0x20) === 0x77 && (s[h + 1]! | 0x20) === 0x77 && (s[h + 2]! | 0x20) === 0x77 && s[h + 3] === 0x2e) h += 4;
    const n = e - h;
    if (this.nameKey.length < n) this.nameKey = new Uint8Array(n * 2);
    for (let k = 0; k < n; k++) {
      const ch = s[h + k]!;
      this.nameKey[k] = ch >= 0x41 && ch <= 0x5a ? ch | 0x20 : ch;
    }
    return this.domains.code(this.nameKey, 0, n);
  }

  private flushBlock(): void {
    const n = this.blockRows;
    const t = this.block;
    const cut = <T extends { subarray(a: number, b: number): T }>(x: T) => x.subarray(0, n);
    let text: ByteBlock['text'];
    let raw: ByteBlock['raw'];
    let bytes = 0;
    if (this.layout === 'raw') {
      raw = this.raw.take(n);
      bytes = raw.bytes.length + raw.ends.byteLength + raw.commas.byteLength;
    } else {
      text = {} as NonNullable<ByteBlock['text']>;
      for (const k of BYTE_COLUMNS) {
        text[k] = this.cols[k].take(n);
        bytes += text[k].bytes.length + 4 * n;
      }
    }
    // One ArrayBuffer for the whole block (the builders' views copied onto it): IndexedDB pays per ArrayBuffer (oneBuffer.ts).
    const block: ByteBlock = intoOneBuffer({
      seq: this.seq++, length: n, tweetTime: cut(t.tweetTime), isRetweet: cut(t.isRetweet), quoteCount: cut(t.quoteCount),
      replyCount: cut(t.replyCount), likeCount: cut(t.likeCount), retweetCount: cut(t.retweetCount), author: cut(t.author),
      row: cut(t.row), byteOffset: cut(t.byteOffset), byteLength: cut(t.byteLength), ...(text ? { text } : {}), ...(raw ? { raw } : {}),
    });
    this.counts.blockBytes += bytes + n * (4 * 8 + 1 + 8);
    this.blockRows = 0;
    this.onBlock(block);
  }

  /** Counts that need the aggregates (filled in at the end). */
  summary(): ByteParseCounts {
    const out = this.counts;
    out.hashtags = this.hashtagCodes.size;
    out.mentionEdges = this.edges.mention.size;
    out.retweetEdges = this.edges.retweet.size;
    out.replyEdges = this.edges.reply.size;
    out.quoteEdges = this.edges.quote.size;
    return out;
  }
}

class AccountColumn {
  private readonly col = new GrowingBytes();
  private ends = new Int32Array(1024);
  private n = 0;
  push(s: Uint8Array, a: number, b: number): void {
    this.col.append(s, a, b);
    if (this.n === this.ends.length) this.ends = grown(this.ends, this.n);
    this.ends[this.n++] = this.col.length;
  }
  /** Lower-case the last value's ASCII letters (account_language, as readAccount lower-cases it). */
  lowerAscii(): void {
    const start = this.n > 1 ? this.ends[this.n - 2]! : 0;
    const b = this.col.bytes;
    for (let i = start; i < this.col.length; i++) if (b[i]! >= 0x41 && b[i]! <= 0x5a) b[i] = b[i]! | 0x20;
  }
}

class GrowingBytes {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  append(s: Uint8Array, a: number, b: number): void {
    if (this.length + b - a > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.length + b - a, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    for (let i = a; i < b; i++) this.bytes[this.length++] = s[i]!;
  }
}

/** Items in a list cell s[a, b) ('[]' and '' hold none). */
function items(s: Uint8Array, a: number, b: number): number {
  let n = 0;
  if (b - a > 2) for (let i = a + 1; (i = nextItem(s, i, b - 1)) >= 0; ) n++;
  return n;
}

function grown<T extends Int32Array | Uint8Array>(a: T, needed: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(needed + 1, a.length * 2));
  next.set(a);
  return next;
}

function bump(counts: Int32Array, code: number): Int32Array {
  const c = code >= counts.length ? grown(counts, code) : counts;
  c[code]!++;
  return c;
}

const isWord = (ch: number) => (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f;
function hasUnderscore(s: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (s[i] === 0x5f) return true;
  return false;
}
function sameIgnoringCase(s: Uint8Array, a: number, b: number, x: number, y: number): boolean {
  if (b - a !== y - x) return false;
  for (let i = 0; i < b - a; i++) {
    let p = s[a + i]!;
    let q = s[x + i]!;
    if (p >= 0x41 && p <= 0x5a) p |= 0x20;
    if (q >= 0x41 && q <= 0x5a) q |= 0x20;
    if (p !== q) return false;
  }
  return true;
}

// nextItem's result: the item's byte range, and whether text follows its closing quote or its quote does not end.
let itemStart = 0;
let itemEnd = 0;
let itemBad = false;

/**
 * The next item of a list cell's inside s[i, b) (no escapes: the caller sends those to readList),
 * unquoted and trimmed as readList reads it, in itemStart/itemEnd/itemBad; returns where the one after
 * it starts, or -1 when there is none. (No callback per item: closures per row cost more than the items.)
 */
function nextItem(s: Uint8Array, i: number, b: number): number {
  while (i < b && s[i] === 0x20) i++;
  if (i >= b) return -1;
  const q = s[i]!;
  if (q === 0x27 || q === QUOTE) {
    let j = i + 1;
    while (j < b && s[j] !== q) j++;
    itemStart = i + 1;
    if (j >= b) {
      itemEnd = b;
      itemBad = true;
      return b;
    }
    itemEnd = j;
    let k = j + 1;
    while (k < b && s[k] === 0x20) k++;
    itemBad = k < b && s[k] !== COMMA;
    while (k < b && s[k] !== COMMA) k++;
    return k + 1;
  }
  let j = i;
  while (j < b && s[j] !== COMMA) j++;
  let x = i;
  let y = j;
  while (y > x && s[y - 1] === 0x20) y--;
  while (x < y && s[x] === 0x20) x++;
  itemStart = x;
  itemEnd = y;
  itemBad = false;
  return j + 1;
}

const EMPTY = 0;
const NUMERIC = 1;
const HASHED = 2;
const DAMAGED = 3;
const OTHER = 4;

/** classifyId (ids.ts) on bytes. */
function idShape(s: Uint8Array, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return EMPTY;
  let k = a;
  while (k < b && s[k]! >= 0x30 && s[k]! <= 0x39) k++;
  if (k === b) {
    if (n <= 20) {
      // Rounded by a spreadsheet: 18+ digits, no leading zero, 8+ trailing zeros.
      if (n >= 18 && s[a] !== 0x30) {
        let z = true;
        for (let i = b - 8; i < b; i++) if (s[i] !== 0x30) z = false;
        if (z) return DAMAGED;
      }
      return NUMERIC;
    }
    return n === 64 ? HASHED : OTHER;
  }
  if (k === a + 1 && isENotation(s, a, b)) return DAMAGED;
  if (n === 64) {
    for (let i = a; i < b; i++) {
      const ch = s[i]!;
      if (!((ch >= 0x30 && ch <= 0x39) || (ch >= 0x61 && ch <= 0x66))) return OTHER;
    }
    return HASHED;
  }
  if (n >= 38 && n <= 44 && s[b - 1] === 0x3d) {
    for (let i = a; i < b - 1; i++) {
      const ch = s[i]!;
      if (!((ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x2b)) return OTHER;
    }
    return HASHED;
  }
  return OTHER;
}

/** /^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$/ on bytes (s[a] is a digit). */
function isENotation(s: Uint8Array, a: number, b: number): boolean {
  let i = a + 1;
  if (s[i] === 0x2e) {
    const from = ++i;
    while (i < b && s[i]! >= 0x30 && s[i]! <= 0x39) i++;
    if (i === from) return false;
  }
  if (s[i] !== 0x65 && s[i] !== 0x45) return false;
  i++;
  if (s[i] === 0x2b) i++;
  const from = i;
  while (i < b && s[i]! >= 0x30 && s[i]! <= 0x39) i++;
  return i > from && i === b;
}

/** The string of ASCII bytes s[a, b) (an id): no TextDecoder, one short-lived string. */
function asciiString(s: Uint8Array, a: number, b: number): string {
  return String.fromCharCode.apply(null, s.subarray(a, b) as unknown as number[]);
}

/** readCount on bytes: -1 for empty, -2 for not a count. */
function count(s: Uint8Array, a: number, b: number): number {
  if (a === b) return -1;
  if (b - a > 10) return -2;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s[i]! - 48;
    if (d < 0 || d > 9) return -2;
    v = v * 10 + d;
  }
  return v <= 2147483647 ? v : -2;
}

/** readBoolean on bytes (ASCII case-insensitive true/false): 1, 0, or -1. */
function boolean(s: Uint8Array, a: number, b: number): number {
  const n = b - a;
  if (n === 4 && (s[a]! | 0x20) === 0x74 && (s[a + 1]! | 0x20) === 0x72 && (s[a + 2]! | 0x20) === 0x75 && (s[a + 3]! | 0x20) === 0x65) return 1;
  if (n === 5 && (s[a]! | 0x20) === 0x66 && (s[a + 1]! | 0x20) === 0x61 && (s[a + 2]! | 0x20) === 0x6c && (s[a + 3]! | 0x20) === 0x73 && (s[a + 4]! | 0x20) === 0x65) return 0;
  return -1;
}

function bytesAre(s: Uint8Array, a: number, b: number, word: number[]): boolean {
  if (b - a !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (s[a + i] !== word[i]) return false;
  return true;
}

const ABSENT = [0x61, 0x62, 0x73, 0x65, 0x6e, 0x74];
const PRESENT = [0x70, 0x72, 0x65, 0x73, 0x65, 0x6e, 0x74];
/** readCoordinate on bytes: '', absent, present, or -?[0-9]+(\.[0-9]+)?. */
function coordinate(s: Uint8Array, a: number, b: number): boolean {
  if (a === b) return true;
  if (s[a] === 0x61) return bytesAre(s, a, b, ABSENT);
  if (s[a] === 0x70) return bytesAre(s, a, b, PRESENT);
  let i = s[a] === 0x2d ? a + 1 : a;
  const from = i;
  while (i < b && s[i]! >= 0x30 && s[i]! <= 0x39) i++;
  if (i === from) return false;
  if (i === b) return true;
  if (s[i] !== 0x2e) return false;
  const f = ++i;
  while (i < b && s[i]! >= 0x30 && s[i]! <= 0x39) i++;
  return i > f && i === b;
}

/** The number two ASCII digits at s[i] write, or a large negative number. */
function twoDigits(s: Uint8Array, i: number): number {
  const x = s[i]! - 48;
  const y = s[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1000;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** readIsoMinute (YYYY-MM-DD HH:MM) or checkIsoDate (YYYY-MM-DD) on bytes: UTC minutes, or -1 when not a real time in 2006..today. */
function isoMinutes(s: Uint8Array, a: number, b: number, today: number): number {
  const n = b - a;
  if (n !== 16 && n !== 10) return -1;
  if (s[a + 4] !== 0x2d || s[a + 7] !== 0x2d) return -1;
  if (n === 16 && (s[a + 10] !== 0x20 || s[a + 13] !== 0x3a)) return -1;
  const year = twoDigits(s, a) * 100 + twoDigits(s, a + 2);
  const mo = twoDigits(s, a + 5);
  const d = twoDigits(s, a + 8);
  const h = n === 16 ? twoDigits(s, a + 11) : 0;
  const mi = n === 16 ? twoDigits(s, a + 14) : 0;
  if (year < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return -1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS[mo - 1]!) || h > 23 || mi > 59 || year < 2006) return -1;
  const y = mo <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  if (days > today) return -1;
  return (days * 24 + h) * 60 + mi;
}

/**
 * The end of the name in a text starting "RT @name:" (retweetScreenNameFromText: /^RT @([^\s:]+):/),
 * or -1. `colonOptional` for textMentions' /^RT @[^\s:]+:?/.
 */
function retweetNameEnd(s: Uint8Array, a: number, b: number, colonOptional = false): number {
  if (b - a < 5 || s[a] !== 0x52 || s[a + 1] !== 0x54 || s[a + 2] !== 0x20 || s[a + 3] !== 0x40) return -1;
  let i = a + 4;
  while (i < b && s[i] !== 0x3a && !spaceAt(s, i, b)) i++;
  if (i === a + 4) return -1;
  if (colonOptional) return i;
  return i < b && s[i] === 0x3a ? i : -1;
}

/** Whether a JS /\s/ character starts at s[i] (ASCII space and control, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF). */
function spaceAt(s: Uint8Array, i: number, b: number): boolean {
  const c = s[i]!;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  const c1 = i + 1 < b ? s[i + 1]! : 0;
  const c2 = i + 2 < b ? s[i + 2]! : 0;
  if (c === 0xc2) return c1 === 0xa0;
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80;
  if (c === 0xe2) return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f);
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf;
  return false;
}
