import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { createCRC32, createSHA256, type IHasher } from 'hash-wasm';
import type { Account } from '../domain/account';
import { chanceRounded, longIdRounding, spreadsheetRounded } from '../domain/ids';
import type { DetectedFormat, ImportReceipt, QuarantinedRow, QuarantineReason } from '../domain/archive';
import type { Indicator, RedditAccount } from '../domain/indicator';
import type { Provenance } from '../domain/provenance';
import type { Tweet } from '../domain/tweet';
import { bareCrHint, CsvRecordSplitter, CsvRecordTooLargeError, spansLinesHint, splitFields, type CsvRecord } from './csvRecords';
import { ZipTail } from './zipCentralDirectory';
import { HEADER_BYTES } from './headerFormat';
import { holdsNoRow } from './holdsNoRow';
import { ArchiveFormatError, checkLooksLikeText, detectFormat, EmptyZipError, formatLabel } from './detectFormat';
import { RowRejection } from './fieldValues';
import { accountValues, differingColumns, redditValues, type KnownRecords, type RecordValues } from './knownRecords';
import { indicatorNormalizer } from './normalizeIndicator';
import { fiveThirtyEightNormalizer } from './normalizeFiveThirtyEight';
import { redditPrawNormalizer, redditSeedNormalizer } from './normalizeReddit';
import { tweetNormalizer, type TweetRow } from './normalizeTweet';
import { userNormalizer } from './normalizeUser';
import { isZipMetadata, openArchive, type Container } from './openArchive';
import { ownString } from './ownString';
import { conflictingTweetDetail } from './quarantinedTweet';
import { ADDED, NO_TAG, TweetIdIndex } from './tweetIdIndex';
import { tweetFingerprint } from './tweetFingerprint';

/**
 * The one import pipeline, shared by the app's import worker and the Node CLI:
 * file → container (plain/gzip/zip) → CSV entries → records → format → normalised rows in batches.
 *
 * Hashes: pass 1 hashes the file as given (receipt.sha256) and each decompressed CSV entry
 * (receipt.entrySha256 for .gz/.zip). Pass 2 parses. Provenance.fileSha256 and
 * QuarantinedRow.fileSha256 are the SHA-256 of the decompressed CSV entry, because provenance byte
 * offsets index that entry; for a plain CSV it equals the file's SHA-256. Two passes cost one more
 * read, but every emitted row carries its final hash; or, when the caller runs pass 1 beside the parse
 * (PendingHashes: the app), a placeholder the caller replaces before storing anything.
 *
 * Row numbers: Provenance.row is the record's position in the entry minus the header record, so a
 * repeated header row in the middle of a file keeps its row number (and is counted, not stored).
 */

export interface ArchiveSource {
  name: string;
  /** Open a fresh stream of the file's bytes (called twice: hashing, then parsing). */
  open(): ReadableStream<Uint8Array>;
}

export interface ParseProgress {
  /** Bytes of the file (as given, compressed or not) read in the parsing pass. */
  bytes: number;
  /** Data records read so far (all entries). */
  rows: number;
}

type Sink<T> = (items: T[]) => void | Promise<void>;

export interface ParseArchiveOptions {
  /** Tweets, each with its content's fingerprint (tweetFingerprint). */
  onTweets?: (tweets: Tweet[], fingerprints: number[]) => void | Promise<void>;
  /** Users-file accounts, and accounts from tweet rows' user columns (first row per userid per entry). */
  onAccounts?: Sink<Account>;
  onIndicators?: Sink<Indicator>;
  onRedditAccounts?: Sink<RedditAccount>;
  onQuarantine?: Sink<QuarantinedRow>;
  onProgress?: (p: ParseProgress) => void;
  /** Called once per CSV entry when its format is known, before any of its rows (a zip entry of a header and no rows is refused after it). */
  onFormat?: (format: DetectedFormat, entryName: string | undefined) => void | Promise<void>;
  signal?: AbortSignal;
  batchSize?: number;
  appVersion?: string;
  /** Pass-1 result already computed by the caller (e.g. to skip known files): saves one read. */
  hashes?: ArchiveHashes;
  /** Or parse while pass 1 still runs elsewhere (the app hashes in a second thread). */
  pendingHashes?: PendingHashes;
  /**
   * The tweet ids read before (by default this file's own, in any entry of a zip): a tweet whose id is
   * there is a duplicate (rowsDuplicate) or, with other content, quarantined as
   * 'conflicting-duplicate'. Give one to every file of an import, with the dataset's tweets (the app).
   */
  seenTweets?: SeenTweets;
  /** False: no tweet is compared with another (seenTweets is ignored). */
  dedupeTweets?: boolean;
  /** SHA-256 implementation for pass 1; default below. The Node CLI injects node:crypto (much faster in Node). */
  createHasher?: CreateHasher;
  /**
   * Users-file accounts read before (knownRecords.ts): give one map to every file of an import, with
   * the dataset's stored accounts, and a repeat in a later file is a duplicate or, with other values,
   * quarantined. Default: this file's own.
   */
  knownAccounts?: KnownRecords;
}

/** Tweet ids read so far, each with its content's fingerprint (tweetFingerprint) and author. */
export interface SeenTweets {
  /** Remember the tweet: ADDED, or the fingerprint its id was read with before (NO_TAG when that is not known). */
  add(tweetid: string, userid: string, fingerprint: number): number;
}

/** A SeenTweets of ids alone (millions fit: TweetIdIndex). */
export function tweetIdSet(): SeenTweets {
  const ids = new TweetIdIndex();
  return { add: (tweetid, _userid, fingerprint) => ids.addTagged(tweetid, 0, fingerprint) };
}

/**
 * Pass 1's result, still to come. Until then an entry's rows (provenance, quarantined rows) carry
 * `placeholder(entryIndex)` as its SHA-256: the caller swaps it for the hash before storing them.
 * Receipts wait for the hashes.
 */
export interface PendingHashes {
  hashes: Promise<ArchiveHashes>;
  placeholder(entryIndex: number): string;
}

/** An incremental SHA-256 (fresh state, ready for update). */
export interface IncrementalHash {
  update(data: Uint8Array): unknown;
  /** Lowercase hex. */
  digest(encoding: 'hex'): string;
}
export type CreateHasher = () => Promise<IncrementalHash>;

export interface EntryHash {
  entryName: string | undefined;
  sha256: string;
  size: number;
  /** A zip entry that certainly holds no data row (holdsNoRow): the parse refuses it on its own. */
  noRows?: true;
}
export interface ArchiveHashes {
  container: Container;
  sha256: string;
  size: number;
  entries: EntryHash[];
  /** Zip entries that are not read (not .csv), in archive order. */
  skippedEntries: string[];
}

let wasmRefused = false;
/** Which SHA-256 the streaming hash uses here (known after its first use). */
export const sha256Implementation = (): 'hash-wasm' | '@noble/hashes' => (wasmRefused ? '@noble/hashes' : 'hash-wasm');
/**
 * hash-wasm (the app's CSP allows 'wasm-unsafe-eval' for it; Node always can); pure-JS
 * @noble/hashes, ~3x slower, wherever WebAssembly may not be compiled.
 */
export async function defaultSha256(): Promise<IncrementalHash> {
  if (!wasmRefused) {
    try {
      return (await createSHA256()).init();
    } catch {
      wasmRefused = true;
    }
  }
  const h = nobleSha256.create();
  return {
    update: (d) => h.update(d),
    digest: () => bytesToHex(h.digest()),
  };
}

/** Pass 1: SHA-256 and size of the file and of each decompressed CSV entry; a zip entry's CRC-32 is checked. */
export async function hashArchive(
  source: ArchiveSource,
  signal?: AbortSignal,
  createHasher: CreateHasher = defaultSha256,
): Promise<ArchiveHashes> {
  const whole = await createHasher();
  let size = 0;
  const entries: EntryHash[] = [];
  const skippedEntries: string[] = [];
  let container: Container = 'plain';
  let entry = whole;
  let current: EntryHash | undefined;
  const tail = new ZipTail();
  let crc: IHasher | undefined;
  const crcs: { name: string; crc: string }[] = [];
  // A zip entry's bytes while it is small enough to be only a header (an empty part): holdsNoRow.
  let small: Uint8Array[] | undefined;
  const events = openArchive(source.name, source.open(), {
    signal,
    onRawChunk: (c) => {
      whole.update(c);
      size += c.length;
      tail.push(c); // the last 8 MiB: a zip's central directory
    },
  });
  for await (const ev of events) {
    if (ev.type === 'entry-start') {
      container = ev.container;
      if (ev.container !== 'plain') entry = await createHasher();
      if (ev.container === 'zip') crc = (await createCRC32()).init();
      small = ev.container === 'zip' ? [] : undefined;
      current = { entryName: ev.entryName, sha256: '', size: 0 };
    } else if (ev.type === 'data') {
      if (container !== 'plain') entry.update(ev.chunk); // a plain file's one entry is the file: hashed once
      crc?.update(ev.chunk);
      if (current) current.size += ev.chunk.length;
      if (small && current && current.size <= HEADER_BYTES) small.push(ev.chunk.slice()); // a copy: inflaters may reuse the chunk's buffer
      else small = undefined;
    } else if (ev.type === 'entry-skipped') skippedEntries.push(ev.entryName);
    else if (current) {
      if (container !== 'plain') current.sha256 = entry.digest('hex');
      if (small && holdsNoRow(concatBytes(...small))) current.noRows = true;
      if (crc) crcs.push({ name: current.entryName!, crc: crc.digest('hex') });
      entries.push(current);
      current = undefined;
    }
  }
  if (container === 'zip') checkZipCrcs(source.name, crcs, skippedEntries, tail.centralCrcs());
  const sha256 = whole.digest('hex');
  if (container === 'plain') for (const e of entries) e.sha256 = sha256;
  return { container, sha256, size, entries, skippedEntries };
}

/**
 * Each inflated entry against the CRC-32 its zip's central directory records (a directory beyond the
 * kept tail: unchecked), and every file the directory lists against the entries read: a zip cut
 * short, its end record or later entries missing, is refused instead of imported in part.
 */
function checkZipCrcs(fileName: string, read: { name: string; crc: string }[], skipped: string[], central: ReturnType<ZipTail['centralCrcs']>): void {
  if (central === null) return;
  if (central === 'no-end-record') {
    throw new ArchiveFormatError(`${fileName}: the zip has no end-of-archive record, so it is truncated or damaged (a download cut short?): nothing was imported. Fetch the file again; \`unzip -t\` checks a zip.`);
  }
  const seen = new Set([...read.map((r) => r.name), ...skipped]);
  const missing = [...central.keys()].filter((name) => !isZipMetadata(name) && !seen.has(name));
  if (missing.length) {
    throw new ArchiveFormatError(`${fileName}: the zip's directory lists ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}, whose data was not found: the zip is damaged. Nothing was imported.`);
  }
  for (const { name, crc } of read) {
    const stored = central.get(name)?.shift();
    if (stored === undefined) continue;
    const want = stored.toString(16).padStart(8, '0');
    if (want !== crc) {
      throw new ArchiveFormatError(`${fileName}: zip entry ${name} fails its CRC-32 check (the zip records ${want}, its data gives ${crc}): the zip file is damaged.`);
    }
  }
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true }); // a quarantined row's text as it is, leading U+FEFF included

/** Pass 2 (after pass 1, or beside it: PendingHashes): parse every CSV entry; one receipt per entry. Throws ArchiveFormatError to refuse a file. */
export async function parseArchive(source: ArchiveSource, options: ParseArchiveOptions = {}): Promise<ImportReceipt[]> {
  const { signal } = options;
  const batchSize = options.batchSize ?? 2000;
  const pending = options.hashes ? undefined : options.pendingHashes;
  const hashes = pending ? undefined : (options.hashes ?? (await hashArchive(source, signal, options.createHasher)));
  const receipts: ImportReceipt[] = [];
  let rawBytes = 0;
  let totalRows = 0;
  let entryIndex = -1;
  let entry: EntryParser | undefined;
  // A zip's entries refused before they delivered anything, and the entry index of each receipt.
  const refusedEntries: { entryName: string; message: string }[] = [];
  const receiptEntries: number[] = [];
  let refusing = false;
  let container: Container = 'plain';
  // One table for the whole file: the parts of a multi-part zip may overlap.
  const seenTweets = options.dedupeTweets === false ? undefined : (options.seenTweets ?? tweetIdSet());
  const knownAccounts = options.knownAccounts ?? new Map();
  const events = openArchive(source.name, source.open(), { signal, onRawChunk: (c) => (rawBytes += c.length) });
  try {
    await readEvents();
  } catch (e) {
    // Containers are known by their first bytes, not their names: a refusal of a '.gz' read as text says why.
    const ext = /\.(gz|zip)$/i.exec(source.name)?.[1]?.toLowerCase();
    if (e instanceof ArchiveFormatError && !(e instanceof EmptyZipError) && ext && container === 'plain') {
      throw new ArchiveFormatError(`${e.message} It is named .${ext} but is not ${ext === 'gz' ? 'gzip' : 'zip'} data (no ${ext === 'gz' ? '1f 8b' : 'PK 03 04'} signature at its start), so it was read as CSV text.`);
    }
    throw e;
  }
  if (refusedEntries.length) {
    if (!receipts.length) {
      throw new ArchiveFormatError(refusedEntries.length === 1 ? refusedEntries[0]!.message : `${source.name}: none of its ${refusedEntries.length} CSV entries could be read. ${refusedEntries.map((r) => r.message).join(' ')}`);
    }
    for (const r of receipts) r.refusedEntries = refusedEntries;
  }
  if (pending) withHashes(source.name, receipts, receiptEntries, await pending.hashes);
  return receipts;

  /**
   * In a zip, an entry refused before it delivered anything (binary, no known header, empty, a header
   * and no rows) is left out and named in the receipts of the others, as a refused file is beside the
   * files imported; the zip is refused only if no entry is left. Anything else still refuses the whole file.
   */
  function refuseEntry(e: unknown, current: EntryParser): void {
    if (!(e instanceof ArchiveFormatError) || container !== 'zip' || current.delivered) throw e;
    refusedEntries.push({ entryName: current.entryName, message: e.message });
    refusing = true;
  }

  async function readEvents(): Promise<void> {
    for await (const ev of events) {
      signal?.throwIfAborted();
      if (ev.type === 'entry-start') {
        container = ev.container;
        refusing = false;
        entryIndex++;
        if (hashes) {
          const h = hashes.entries[entryIndex];
          if (!h || h.entryName !== ev.entryName) throw changedBetweenReads(source.name);
          entry = new EntryParser(source.name, h, hashes, batchSize, options, seenTweets, knownAccounts);
        } else {
          const h = { entryName: ev.entryName, sha256: pending!.placeholder(entryIndex), size: 0 };
          entry = new EntryParser(source.name, h, { container: ev.container, sha256: '', size: 0, entries: [], skippedEntries: [] }, batchSize, options, seenTweets, knownAccounts);
        }
      } else if (ev.type === 'data' && entry && !refusing) {
        const before = entry.rowsRead;
        try {
          entry.push(ev.chunk);
        } catch (e) {
          refuseEntry(e, entry);
          continue;
        }
        totalRows += entry.rowsRead - before;
        await entry.flush(false);
        options.onProgress?.({ bytes: rawBytes, rows: totalRows });
      } else if (ev.type === 'entry-end' && entry) {
        if (refusing) {
          entry = undefined;
          continue;
        }
        const before = entry.rowsRead;
        try {
          entry.finish();
        } catch (e) {
          refuseEntry(e, entry);
          entry = undefined;
          continue;
        }
        totalRows += entry.rowsRead - before;
        await entry.flush(true);
        receipts.push(entry.receipt());
        receiptEntries.push(entryIndex);
        options.onProgress?.({ bytes: rawBytes, rows: totalRows });
        entry = undefined;
      }
    }
  }
}

const changedBetweenReads = (name: string) => new ArchiveFormatError(`${name}: the file changed between reads.`);

/** Fills in the receipts of a parse that ran before its hashes were known (entries[i]: receipt i's entry index). */
function withHashes(name: string, receipts: ImportReceipt[], entries: number[], hashes: ArchiveHashes): void {
  receipts.forEach((r, i) => {
    const e = hashes.entries[entries[i]!];
    if (!e || e.entryName !== r.entryName) throw changedBetweenReads(name);
    Object.assign(r, hashFields(hashes, e));
  });
}

/** A receipt's fields from pass 1: the file's size and SHA-256; for a .gz or .zip its CSV entry's; for a zip, what it holds besides. */
function hashFields(file: ArchiveHashes, entry: EntryHash): Pick<ImportReceipt, 'size' | 'sha256' | 'entrySha256' | 'entrySize' | 'skippedEntries'> {
  return {
    size: file.size, sha256: file.sha256,
    ...(file.container !== 'plain' ? { entrySha256: entry.sha256, entrySize: entry.size } : {}),
    ...(file.skippedEntries.length ? { skippedEntries: file.skippedEntries } : {}),
  };
}

type RowOutcome =
  | { kind: 'tweet'; row: TweetRow }
  | { kind: 'account'; account: Account }
  | { kind: 'indicator'; indicator: Indicator }
  | { kind: 'reddit'; reddit: RedditAccount };

/** Parses one CSV entry: detection on its first record, then normalisation of every data record. */
class EntryParser {
  rowsRead = 0;
  private rowsStored = 0;
  private rowsDuplicate = 0;
  private rowsRejected = 0;
  private repeatedHeaderRows = 0;
  private blankLines = 0;
  /** The last row, when no line break follows it (ImportReceipt.unendedLastRow). */
  private unendedLastRow: number | undefined;
  /** Row ids (tweet ids, users files' user ids) of 16 to 20 digits, and those of them rounded as a spreadsheet rounds (longIdRounding). */
  private longIds = 0;
  private roundedIds = 0;
  /** How many of the long ids would end in zeros by chance (chanceRounded summed). */
  private roundedByChance = 0;
  /** The header's record number (blank lines may come before it). */
  private headerRecord = 0;
  private readonly rejectedByReason: Partial<Record<QuarantineReason, number>> = {};
  private readonly started = Date.now();
  private readonly label: string;
  private format: DetectedFormat | undefined;
  private header: string[] = [];
  /** The format's column names as its first header wrote them (trimmed): what a later header row starts with. */
  private columnNames = new Set<string>();
  private normalize: ((f: string[], p: Provenance) => RowOutcome) | undefined;
  private readonly splitter: CsvRecordSplitter;
  private sawBytes = false;
  private formatAnnounced = false;
  /**
   * Its format was announced to the caller (onFormat) and it read a row: from then on it may have
   * delivered rows. A header-only entry was announced but handed over nothing: it can be left out.
   */
  get delivered(): boolean {
    return this.formatAnnounced && this.rowsRead > 0;
  }
  get entryName(): string {
    return this.hash.entryName ?? this.fileName;
  }
  private readonly knownReddit: KnownRecords = new Map();
  private readonly seenAccounts = new Set<string>();
  private tweets: Tweet[] = [];
  private fingerprints: number[] = [];
  private accounts: Account[] = [];
  private indicators: Indicator[] = [];
  private reddit: RedditAccount[] = [];
  private quarantine: QuarantinedRow[] = [];

  constructor(
    private readonly fileName: string,
    private readonly hash: EntryHash,
    private readonly file: ArchiveHashes,
    private readonly batchSize: number,
    private readonly options: ParseArchiveOptions,
    /** Tweet ids of the file so far (millions): a compact table, not a Set of strings. */
    private readonly seenTweets: SeenTweets | undefined,
    private readonly knownAccounts: KnownRecords,
  ) {
    this.label = hash.entryName ? `${fileName} (${hash.entryName})` : fileName;
    this.splitter = new CsvRecordSplitter((r) => this.onRecord(r));
  }

  push(chunk: Uint8Array): void {
    if (!this.sawBytes && chunk.length) {
      checkLooksLikeText(chunk, this.label);
      this.sawBytes = true;
    }
    try {
      this.splitter.push(chunk);
    } catch (e) {
      if (e instanceof CsvRecordTooLargeError) throw new ArchiveFormatError(`${this.label}: ${e.message}`);
      throw e;
    }
  }

  finish(): void {
    if (!this.sawBytes) {
      // The file is not empty when a .gz or zip entry is: say what is.
      if (this.file.container === 'gzip') throw new ArchiveFormatError(`${this.label}: the gzip data decompresses to nothing (an empty CSV): nothing to import.`);
      if (this.file.container === 'zip') throw new ArchiveFormatError(`${this.label}: the zip entry is empty (0 bytes): nothing to import.`);
      checkLooksLikeText(new Uint8Array(0), this.label);
    }
    this.splitter.finish();
    if (!this.format) throw new ArchiveFormatError(`${this.label}: no header row: the file holds only a byte-order mark, blank lines or spaces. Nothing to import: is it the archive's file?`);
    // A header and nothing else would become an empty dataset that looks imported.
    if (this.rowsRead === 0) throw new ArchiveFormatError(`${this.label}: a ${formatLabel(this.format.format)} header row and no data rows: nothing to import.`);
    // No one id shows a spreadsheet's 15-digit rounding; the file's ids together do.
    if (spreadsheetRounded(this.roundedIds, this.roundedByChance)) {
      const chance = this.roundedByChance < 1 ? Number(this.roundedByChance.toPrecision(1)) : Math.round(this.roundedByChance);
      throw new ArchiveFormatError(
        `${this.label}: ${this.roundedIds} of its ${this.longIds} row ids of 16 to 20 digits end in zeros after their 15th digit (914580356430537000 for 914580356430536707), ` +
          `where by chance about ${chance} would (one 18-digit id in a thousand): a spreadsheet saved ${this.roundedIds === this.longIds ? 'it' : 'it, or a part of it'}, keeping 15 digits, and so changed its ids. It was not imported: ` +
          'import the file as published (a spreadsheet must open id columns as text).',
      );
    }
  }

  /** Counts a row's own id for the file's spreadsheet-rounding check (finish). */
  private noteIdRounding(id: string): void {
    const rounding = longIdRounding(id);
    if (rounding === 'not-long') return;
    this.longIds++;
    this.roundedByChance += chanceRounded(id.length);
    if (rounding === 'long-rounded') this.roundedIds++;
  }

  /**
   * The refusal of a file cut short inside its last record, row `row` starting at byteOffset: `how`
   * says where it stops (inside a quoted field, or between two fields).
   */
  private cutShort(row: number, byteOffset: number, how: 'in-quotes' | 'in-character' | { found: number; expected: number }): ArchiveFormatError {
    const plain = this.file.container === 'plain';
    const at = `row ${row}, which begins at byte ${byteOffset}${plain ? '' : ' of the CSV'}`;
    const where = how === 'in-quotes'
      ? `ends inside a quoted field: ${at}, opens a quote that never closes.`
      : how === 'in-character'
        ? `ends inside ${at}, in the middle of a character: its last bytes begin a UTF-8 character whose other bytes never come.`
        : `ends inside ${at}: it has ${how.found} of its ${how.expected} fields and no line break after them.`;
    return new ArchiveFormatError(
      `${this.label}: ${plain ? 'the file' : 'its CSV'} ${where} The ${plain ? 'file' : 'CSV'} looks cut short (an interrupted download or copy): it was not imported. Fetch or copy it again.`,
    );
  }

  /** The refusal of a file with a record of zero bytes only: where a download or copy stopped, the rest of a preallocated file stays zero. */
  private zeroFilled(row: number, byteOffset: number, bytes: Uint8Array): ArchiveFormatError {
    const plain = this.file.container === 'plain';
    let zeros = 0;
    while (zeros < bytes.length && bytes[bytes.length - 1 - zeros] === 0) zeros++;
    const what = zeros === bytes.length ? `is ${zeros} zero bytes (NUL)` : `ends in ${zeros} zero bytes (NUL), from byte ${byteOffset + bytes.length - zeros}`;
    return new ArchiveFormatError(
      `${this.label}: row ${row}, which begins at byte ${byteOffset}${plain ? '' : ' of the CSV'}, ${what}: the ${plain ? 'file' : 'CSV'} was not written to its end ` +
        '(a download or copy that stopped early leaves the rest zero-filled), so rows are missing. It was not imported: fetch or copy it again.',
    );
  }

  private onRecord(r: CsvRecord): void {
    // An empty line, or a row of empty fields (',,,', a spreadsheet's empty row), holds no row: counted
    // apart, as repeated headers are (a file's trailing blank line).
    if (r.byteLength === 0 || r.fields?.every((f) => f === '')) {
      this.blankLines++;
      return;
    }
    if (!this.format) {
      if (r.problem === 'unterminated-quote') {
        throw new ArchiveFormatError(`${this.label}: the file ends inside its header row (truncated file).`);
      }
      if (!r.fields) {
        // A header quoted field by field but split by semicolons or tabs reads as text after a
        // closing quote: its lenient reading says what it is (detectFormat names the separator).
        if (r.problem === 'stray-quote') {
          try {
            detectFormat(splitFields(new TextDecoder().decode(r.bytes)));
          } catch (e) {
            if (e instanceof ArchiveFormatError) throw new ArchiveFormatError(`${this.label}: ${e.message}`);
            throw e;
          }
        }
        throw new ArchiveFormatError(`${this.label}: the header row is unreadable (${r.detail}).`);
      }
      try {
        this.format = detectFormat(r.fields);
      } catch (e) {
        if (e instanceof ArchiveFormatError) throw new ArchiveFormatError(`${this.label}: ${e.message}`);
        throw e;
      }
      this.header = r.fields;
      this.columnNames = new Set(this.format.columns);
      this.headerRecord = r.recordNumber;
      this.normalize = makeNormalizer(this.format);
      if (this.format.hasHeader) return;
    }
    const format = this.format;
    const row = r.recordNumber - (format.hasHeader ? this.headerRecord : 0);
    // The splitter reports this only for the last record: the file ends inside a quoted field. A quote
    // left open in the middle of a file is closed by a later one (that row is quarantined); one left
    // open at the end is a file cut short, so its last row is missing text: refused, not imported in part.
    if (r.problem === 'unterminated-quote') throw this.cutShort(row, r.byteOffset, 'in-quotes');
    if (r.fields && format.hasHeader && (sameFields(r.fields, this.header) || this.otherLayoutHeader(r.fields))) {
      this.repeatedHeaderRows++;
      return;
    }
    this.rowsRead++;
    if (this.splitter.deliveringUnended) this.unendedLastRow = row;
    const provenance: Provenance = { fileSha256: this.hash.sha256, row, byteOffset: r.byteOffset, byteLength: r.byteLength };
    // Zero bytes where the file's end should be: a download or copy that stopped and left the rest zero-filled.
    if (r.problem === 'nul-byte' && r.bytes[r.bytes.length - 1] === 0 && (this.splitter.deliveringUnended || r.bytes.every((b) => b === 0))) throw this.zeroFilled(row, r.byteOffset, r.bytes);
    // The last record, its last bytes the start of a character whose other bytes never come: cut short mid-character.
    if (r.problem === 'invalid-utf8' && this.splitter.deliveringUnended && endsInsideCharacter(r.bytes)) throw this.cutShort(row, r.byteOffset, 'in-character');
    if (!r.fields) return this.reject(r, row, r.problem as QuarantineReason, `${r.detail ?? ''}${r.problem === 'stray-quote' ? spansLinesHint(r.bytes) : ''}`);
    if (r.fields.length !== format.columns.length) {
      // The last record, short of fields and with no line break after it: the file stops inside the row
      // (cut between two fields), as a file ending inside quotes does: refused, not imported in part.
      if (r.fields.length < format.columns.length && this.splitter.deliveringUnended) throw this.cutShort(row, r.byteOffset, { found: r.fields.length, expected: format.columns.length });
      return this.reject(r, row, 'field-count', `expected ${format.columns.length} fields, found ${r.fields.length}${bareCrHint(r.bytes)}${spansLinesHint(r.bytes)}${otherKindHeader(r.fields, format)}`);
    }
    let out: RowOutcome;
    try {
      out = (this.normalize as (f: string[], p: Provenance) => RowOutcome)(r.fields, provenance);
    } catch (e) {
      if (e instanceof RowRejection) return this.reject(r, row, e.reason, e.detail);
      throw e;
    }
    switch (out.kind) {
      case 'tweet': {
        const { tweet, account } = out.row;
        this.noteIdRounding(tweet.tweetid);
        const fingerprint = tweetFingerprint(tweet);
        const earlier = this.seenTweets ? this.seenTweets.add(tweet.tweetid, tweet.userid, fingerprint) : ADDED;
        if (earlier !== ADDED) {
          if (earlier !== fingerprint && earlier !== NO_TAG) {
            return this.reject(r, row, 'conflicting-duplicate', conflictingTweetDetail(tweet.tweetid));
          }
          this.rowsDuplicate++;
          return;
        }
        this.tweets.push(tweet);
        this.fingerprints.push(fingerprint);
        if (!this.seenAccounts.has(account.userid)) {
          this.seenAccounts.add(ownString(account.userid));
          this.accounts.push(account);
        }
        break;
      }
      case 'account':
        this.noteIdRounding(out.account.userid);
        if (this.isRepeat(this.knownAccounts, 'userid', out.account.userid, accountValues(out.account), r, row)) return;
        this.accounts.push(out.account);
        break;
      case 'indicator':
        this.indicators.push(out.indicator);
        break;
      case 'reddit':
        // Reddit's names ignore case: 'VudonrisMakasa' and 'vudonrismakasa' are one account.
        if (this.isRepeat(this.knownReddit, 'username', out.reddit.username, redditValues(out.reddit), r, row, out.reddit.username.toLowerCase())) return;
        this.reddit.push(out.reddit);
        break;
    }
    this.rowsStored++;
  }

  /**
   * A header row of this entry's format in another layout: a part joined after one of another release
   * (2018 column order after 2019+, 30 columns after 31) or whose names differ by spaces ('Tactic ').
   * Its rows are read by its own column names from here on, never by the first header's positions.
   * Only a record whose first field is one of the format's column names is tried (data rows are not).
   */
  private otherLayoutHeader(fields: string[]): boolean {
    if (fields[0]!.length > 64) return false;
    const first = headerFirstCell(fields[0]!);
    if (!this.columnNames.has(first.trim())) return false;
    let d: DetectedFormat;
    try {
      d = detectFormat([first, ...fields.slice(1)]);
    } catch {
      return false;
    }
    if (d.format !== this.format!.format) return false;
    this.format = { ...this.format!, columns: d.columns };
    this.header = fields;
    this.normalize = makeNormalizer(d);
    return true;
  }

  /**
   * A key read before is a duplicate when its values repeat the earlier ones; with other values
   * (follower_count 10, then 999) it is quarantined, so the second version is seen, not lost.
   */
  private isRepeat(known: KnownRecords, column: string, name: string, values: RecordValues, r: CsvRecord, row: number, key = name): boolean {
    const seen = known.get(key);
    if (!seen) {
      known.set(ownString(key), { file: this.label, row, values });
      return false;
    }
    const differing = differingColumns(seen.values, values);
    if (differing.length === 0) this.rowsDuplicate++;
    else {
      const where = seen.file === this.label ? `row ${seen.row}` : `row ${seen.row} of ${seen.file}`;
      this.reject(r, row, 'conflicting-duplicate', `${column} '${name}' was read at ${where} with other values (differing: ${differing.join(', ')}); the first is kept`);
    }
    return true;
  }

  private reject(r: CsvRecord, row: number, reason: QuarantineReason, detail: string): void {
    this.rowsRejected++;
    this.rejectedByReason[reason] = (this.rejectedByReason[reason] ?? 0) + 1;
    this.quarantine.push({
      fileSha256: this.hash.sha256,
      row,
      byteOffset: r.byteOffset,
      byteLength: r.byteLength,
      reason,
      detail,
      raw: lenient.decode(r.bytes.subarray(0, 8000)).slice(0, 2000),
    });
  }

  /** Hand full batches (or everything, at the end) to the callbacks, awaiting each: backpressure. */
  async flush(all: boolean): Promise<void> {
    const o = this.options;
    if (this.format && !this.formatAnnounced) {
      this.formatAnnounced = true;
      await o.onFormat?.(this.format, this.hash.entryName);
    }
    const min = all ? 1 : this.batchSize;
    if (this.quarantine.length >= min) await o.onQuarantine?.(this.quarantine.splice(0));
    if (this.accounts.length >= min) await o.onAccounts?.(this.accounts.splice(0));
    if (this.tweets.length >= min) await o.onTweets?.(this.tweets.splice(0), this.fingerprints.splice(0));
    if (this.indicators.length >= min) await o.onIndicators?.(this.indicators.splice(0));
    if (this.reddit.length >= min) await o.onRedditAccounts?.(this.reddit.splice(0));
  }

  receipt(): ImportReceipt {
    const f = this.format as DetectedFormat;
    const receipt: ImportReceipt = {
      fileName: this.fileName,
      size: this.file.size,
      sha256: this.file.sha256,
      format: f.format,
      formatVersion: f.version,
      rowsRead: this.rowsRead,
      rowsStored: this.rowsStored,
      rowsDuplicate: this.rowsDuplicate,
      rowsRejected: this.rowsRejected,
      rejectedByReason: this.rejectedByReason,
      repeatedHeaderRows: this.repeatedHeaderRows,
      blankLines: this.blankLines,
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      appVersion: this.options.appVersion ?? '0.1.0',
    };
    if (this.unendedLastRow !== undefined) receipt.unendedLastRow = this.unendedLastRow;
    if (this.hash.entryName !== undefined) receipt.entryName = this.hash.entryName;
    return Object.assign(receipt, hashFields(this.file, this.hash));
  }
}

/** For a quarantined record that is the header row of another kind of file (files of two kinds joined): a hint saying so. */
function otherKindHeader(fields: string[], format: DetectedFormat): string {
  if (!format.hasHeader) return '';
  try {
    const d = detectFormat([headerFirstCell(fields[0]!), ...fields.slice(1)]);
    if (d.hasHeader && d.format !== format.format) {
      return `: this row is a ${formatLabel(d.format)} header, so a file of another kind was joined here; its rows are not ${formatLabel(format.format)} rows`;
    }
  } catch {
    // not a header
  }
  return '';
}

/** Whether record a repeats header b. */
function sameFields(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return headerFirstCell(a[0]!) === b[0];
}

/** A header's first cell as its column name. Parts joined by concatenation repeat their BOM in mid-file,
 * where the splitter keeps it in the first field, and with it the field's quotes (they do not open a
 * field that starts with U+FEFF): both are taken off here. */
function headerFirstCell(first: string): string {
  if (first.charCodeAt(0) !== 0xfeff) return first;
  first = first.slice(1);
  return first.length >= 2 && first.startsWith('"') && first.endsWith('"') ? first.slice(1, -1).replaceAll('""', '"') : first;
}

function makeNormalizer(d: DetectedFormat): (f: string[], p: Provenance) => RowOutcome {
  const cols = d.columns;
  switch (d.format) {
    case 'twitter-io-tweets': {
      const n = tweetNormalizer(cols);
      return (f, p) => ({ kind: 'tweet', row: n(f, p) });
    }
    case 'fivethirtyeight-ira-tweets': {
      const n = fiveThirtyEightNormalizer(cols);
      return (f, p) => ({ kind: 'tweet', row: n(f, p) });
    }
    case 'twitter-io-users': {
      const n = userNormalizer(cols);
      return (f, p) => ({ kind: 'account', account: n(f, p) });
    }
    case 'meta-indicators':
    case 'meta-killchain': {
      const n = indicatorNormalizer(cols, d.format === 'meta-killchain');
      return (f, p) => ({ kind: 'indicator', indicator: n(f, p) });
    }
    case 'reddit-suspicious-accounts': {
      const n = redditSeedNormalizer();
      return (f, p) => ({ kind: 'reddit', reddit: n(f, p) });
    }
    case 'reddit-praw-users': {
      const n = redditPrawNormalizer(cols);
      return (f, p) => ({ kind: 'reddit', reddit: n(f, p) });
    }
  }
}

/** Whether `bytes` end with the first bytes of a UTF-8 character and not all of them (a file cut mid-character). */
export function endsInsideCharacter(bytes: Uint8Array): boolean {
  let i = bytes.length - 1;
  while (i >= 0 && i >= bytes.length - 3 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return false;
  const lead = bytes[i]!;
  const size = lead > 0xf4 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
  return size > 1 && bytes.length - i < size;
}
