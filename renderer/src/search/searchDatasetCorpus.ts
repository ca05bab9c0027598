import type { TweetColumns } from '../../../shared/domain/tweet';
import type { WorkbenchDb } from '../store/schema';
import { decodeTweetColumns, unpackStrings } from '../store/tweetBlockCodec';
import { adoptFilterBlock, filterDicts, storedFilterBlock, type FilterBlock } from './searchFilterColumns';
import type { LoadState } from './searchProtocol';
import { normalizeForSearch, SEARCH_TEXT_VERSION } from '../../../shared/domain/searchFold';
import type { SearchFilters } from './searchQuery';
import { rowsOf, textBlock, type TextBlock } from './searchText';
import { yieldToEvents } from '../workers/yieldToEvents';
import { readAccounts } from '../store/read/datasetReader';
import { ScreenNames } from '../../../shared/domain/screenNames';
import { searchRecordOf, withSearchText } from '../store/write/searchBlockOf';
import type { SearchBlockRecord } from '../store/schema';

/** Search blocks read per IndexedDB request (one getAll over a key range). */
const TEXT_BATCH = 16;
/** Tweet blocks read per request: whole column records, so fewer at a time. */
const COLUMN_BATCH = 4;
/** Tweet blocks kept for building result rows (a page rarely spans more than a few blocks). */
const HIT_CACHE = 4;

/**
 * A block whose search text the load folded again: k its index; `made` the whole record when the
 * dataset had none for the block (else the stored record keeps its filters and gets the new text).
 */
type Refolded = { k: number; seq: number; importId: string; made?: SearchBlockRecord };

/**
 * One dataset's search corpus in the search worker, loaded progressively so a query can run over the
 * blocks already loaded while the rest arrive:
 * - text: the normalised search text, read in bulk from `searchBlocks` (stored joined, one string
 *   per block);
 * - filters: the few columns the filters read, dictionary-coded: stored with the text by the import
 *   (read in the same request); for older records, read from `tweetBlocks` only when a query has a
 *   filter (or in the background once the text is loaded);
 * - result rows: read from the `tweetBlocks` holding the requested page, on demand.
 * Only blocks of the dataset's committed imports are read (the import atomicity rule).
 */
export class DatasetCorpus {
  /** Block seqs of committed imports, ascending; index k below is a position in this list. */
  seqs: number[] = [];
  readonly text: (TextBlock | undefined)[] = [];
  readonly filters: (FilterBlock | undefined)[] = [];
  readonly dicts = filterDicts();
  /** Blocks whose text is loaded (a prefix of seqs), tweets in them. */
  loadedBlocks = 0;
  tweets = 0;
  /** Total text load time once done. */
  textLoadMs = 0;
  textDone = false;
  filtersLoaded = 0;
  /** Total filter column load time once done (from the start of the text load). */
  filtersLoadMs = 0;
  private readonly t0 = performance.now();
  private filterLoad: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private failure: unknown = null;
  private readonly hitCache = new Map<number, TweetColumns>();
  private closed = false;
  private screenNames: Promise<ScreenNames> | undefined;
  /** Blocks folded again by this load, a batch (≤ TEXT_BATCH) each, stored once the text is loaded. */
  private readonly refolded: Refolded[][] = [];
  /** Resolves once every block's text is loaded. */
  readonly ready: Promise<void>;
  /** Resolves once the block list (seqs) is known. */
  readonly listed: Promise<void>;
  /** Resolves once the text folded again by this load is written back (or found needing none); never rejects. */
  readonly writtenBack: Promise<void>;
  private setListed!: () => void;

  constructor(private readonly db: WorkbenchDb, readonly datasetId: string, private readonly committed: Set<string>, private readonly onProgress: () => void) {
    this.listed = new Promise((r) => (this.setListed = r));
    this.ready = this.loadText();
    // After the text is in, so storing it never holds back the first search.
    this.writtenBack = this.ready.then(() => this.storeRefolded(), () => undefined);
    this.ready.catch(() => this.setListed());
    this.ready.catch((e) => {
      this.failure = e;
      this.wake();
    });
  }

  close(): void {
    this.closed = true;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private async committedSeqs(table: WorkbenchDb['tweetBlocks'] | WorkbenchDb['searchBlocks']): Promise<number[]> {
    const keys = (await table.where('importId').anyOf([...this.committed]).primaryKeys()) as unknown as [string, number][];
    return keys.filter((k) => k[0] === this.datasetId).map((k) => k[1]).sort((a, b) => a - b);
  }

  private async loadText(): Promise<void> {
    const t0 = this.t0;
    this.seqs = await this.committedSeqs(this.db.tweetBlocks);
    const withText = new Set(await this.committedSeqs(this.db.searchBlocks));
    this.setListed();
    for (let a = 0; a < this.seqs.length && !this.closed; a += TEXT_BATCH) {
      const chunk = this.seqs.slice(a, a + TEXT_BATCH);
      const records = await this.db.searchBlocks.where('[datasetId+seq]').between([this.datasetId, chunk[0]!], [this.datasetId, chunk[chunk.length - 1]!], true, true).toArray();
      const bySeq = new Map(records.filter((r) => this.committed.has(r.importId) && withText.has(r.seq)).map((r) => [r.seq, r]));
      // Filter columns stored with the text (imports since they were added, with targets since 2026-12-03) come in the same read.
      const withFilters = this.filtersLoaded === a && chunk.every((seq) => bySeq.get(seq)?.filters?.targets);
      const refolded: Refolded[] = [];
      for (const [j, seq] of chunk.entries()) {
        const r = bySeq.get(seq);
        let block: TextBlock;
        if (r && (r.norm ?? 1) === SEARCH_TEXT_VERSION) block = { seq, joined: r.joined, starts: r.starts.slice() }; // a copy: r.starts shares the record's buffer with its filters
        else {
          // A block without its search text, or written by an older normalizeForSearch (a dataset
          // imported before it changed), is still searchable: normalised here from its tweets, and
          // stored so (storeRefolded), once: the next load reads it as the import wrote it.
          const tb = await this.db.tweetBlocks.get([this.datasetId, seq]);
          block = textBlock(seq, (tb ? unpackStrings(tb.columns.tweetText) : []).map(normalizeForSearch));
          if (tb && this.committed.has(tb.importId)) refolded.push({ k: a + j, seq, importId: tb.importId, made: r ? undefined : searchRecordOf(tb, block) });
        }
        this.text[a + j] = block;
        this.tweets += rowsOf(block);
        if (withFilters) this.filters[a + j] = adoptFilterBlock(r!.filters!, this.dicts);
      }
      if (withFilters) {
        this.filtersLoadedTo(a + chunk.length);
      }
      if (refolded.length) this.refolded.push(refolded);
      this.loadedBlocks = a + chunk.length;
      this.wake();
      this.onProgress();
    }
    this.textLoadMs = performance.now() - t0;
    this.textDone = true;
    this.wake();
    this.onProgress();
  }

  /**
   * Writes the search text folded again by this load back to `searchBlocks`, one bulkPut per batch
   * read, so the next load reads it instead of folding the tweets again. Each batch is written in a
   * transaction that first checks, with the dataset record, that its import is still committed (a
   * dataset deleted or an import dropped meanwhile gets nothing), and rereads each stored record: one
   * written by now in the current version, or by another import, is left alone. Tweet blocks are
   * never written. A failure (a full disk) is logged and ends the write-back: the text in memory
   * serves this session's searches, and the next load folds it again.
   */
  private async storeRefolded(): Promise<void> {
    const { db, datasetId } = this;
    try {
      for (const batch of this.refolded.splice(0)) {
        if (this.closed) return;
        await yieldToEvents();
        await db.transaction('rw', [db.datasets, db.searchBlocks], async () => {
          const committed = new Set((await db.datasets.get(datasetId))?.committedImports ?? []);
          const stored = await db.searchBlocks.bulkGet(batch.map((b) => [datasetId, b.seq] as [string, number]));
          const put: SearchBlockRecord[] = [];
          for (const [i, b] of batch.entries()) {
            const r = stored[i];
            if (this.closed || !committed.has(b.importId) || (r && (r.importId !== b.importId || (r.norm ?? 1) === SEARCH_TEXT_VERSION))) continue;
            if (r) put.push(withSearchText(r, this.text[b.k]!));
            else if (b.made) put.push(b.made);
          }
          if (put.length) await db.searchBlocks.bulkPut(put);
        });
      }
    } catch (e) {
      console.warn(`search: storing the refolded search text of dataset ${datasetId} failed; it is folded again at the next load`, e);
    }
  }

  /** Resolves when block k's text is loaded (or the load failed). */
  async textAt(k: number): Promise<TextBlock> {
    while (!this.text[k]) {
      if (this.failure) throw this.failure;
      if (this.textDone) throw new Error(`search block ${k} missing`);
      await new Promise<void>((r) => this.waiters.push(r));
    }
    return this.text[k]!;
  }

  get blocks(): number {
    return this.seqs.length;
  }

  get state(): LoadState {
    const done = this.textDone && this.filtersLoaded === this.seqs.length;
    return {
      blocks: this.seqs.length, textBlocks: this.loadedBlocks, filterBlocks: this.filtersLoaded, tweets: this.tweets,
      textMs: this.textDone ? Math.round(this.textLoadMs) : undefined, filtersMs: done ? Math.round(this.filtersLoadMs) : undefined,
    };
  }

  /** Block k's filter columns, loading them (and those of the blocks before it) if needed. */
  async filtersAt(k: number): Promise<FilterBlock> {
    while (!this.filters[k]) {
      if (!this.filterLoad) this.filterLoad = this.loadFilters(k).finally(() => (this.filterLoad = null));
      await this.filterLoad;
    }
    return this.filters[k]!;
  }

  /** Filter columns are loaded for blocks [0, n). */
  private filtersLoadedTo(n: number): void {
    this.filtersLoaded = n;
    if (n === this.seqs.length) this.filtersLoadMs = performance.now() - this.t0;
  }

  /** Loads filter columns in seq order up to block k (inclusive). */
  private async loadFilters(k: number): Promise<void> {
    while (this.filtersLoaded <= k && !this.closed) {
      const a = this.filtersLoaded;
      const chunk = this.seqs.slice(a, a + COLUMN_BATCH);
      await this.textAt(a + chunk.length - 1);
      if (this.filtersLoaded !== a) continue; // came with the text
      const records = await this.db.tweetBlocks.where('[datasetId+seq]').between([this.datasetId, chunk[0]!], [this.datasetId, chunk[chunk.length - 1]!], true, true).toArray();
      const bySeq = new Map(records.filter((r) => this.committed.has(r.importId)).map((r) => [r.seq, r.columns]));
      for (const [j, seq] of chunk.entries()) {
        const cols = bySeq.get(seq);
        if (!cols) throw new Error(`tweet block ${seq} missing`);
        const rows = this.text[a + j]!.starts.length - 1;
        if (cols.length !== rows) throw new Error(`tweet block ${seq}: ${cols.length} rows, search text ${rows}`);
        this.filters[a + j] = adoptFilterBlock(storedFilterBlock(cols), this.dicts);
      }
      this.filtersLoadedTo(a + chunk.length);
      this.onProgress();
    }
  }

  /** The dataset's screen names (its committed accounts), read once: what a '@name' in the range counts is credited to. */
  names(): Promise<ScreenNames> {
    return (this.screenNames ??= readAccounts(this.db, this.datasetId).then((accounts) => new ScreenNames(accounts)));
  }

  /** How a query's '@name' targets are credited: by the dataset's names when it filters by a mentioned or retweeted account (read only then). */
  async attribution(f: SearchFilters): Promise<(name: string) => string | undefined> {
    if (!f.mentions && !f.retweets) return () => undefined;
    const names = await this.names();
    return (name) => names.attribute(name);
  }

  /** Every block's filter columns (waits for the ones still loading). */
  async allFilters(): Promise<FilterBlock[]> {
    await this.listed;
    if (this.seqs.length) await this.filtersAt(this.seqs.length - 1);
    return this.filters.slice(0, this.seqs.length) as FilterBlock[];
  }

  /** Loads every block's filter columns in the background, a batch at a time between queries. */
  async prefetchFilters(): Promise<void> {
    await this.ready;
    if (this.seqs.length === 0) this.filtersLoadMs = performance.now() - this.t0;
    while (this.filtersLoaded < this.seqs.length && !this.closed) {
      await this.filtersAt(Math.min(this.seqs.length - 1, this.filtersLoaded + COLUMN_BATCH - 1));
      await yieldToEvents();
    }
  }

  /** Block k's full columns, for building result rows. */
  async columnsAt(k: number): Promise<TweetColumns> {
    const seq = this.seqs[k]!;
    const hit = this.hitCache.get(seq);
    if (hit) return hit;
    const tb = await this.db.tweetBlocks.get([this.datasetId, seq]);
    if (!tb || !this.committed.has(tb.importId)) throw new Error(`tweet block ${seq} missing`);
    const columns = decodeTweetColumns(tb.columns);
    this.hitCache.set(seq, columns);
    if (this.hitCache.size > HIT_CACHE) this.hitCache.delete(this.hitCache.keys().next().value!);
    return columns;
  }
}
