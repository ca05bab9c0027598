import type { QuarantinedRow } from '../../../../shared/domain/archive';
import type {
  AccountRecord, IndicatorRecord, QuarantineRecord, RedditAccountRecord, SearchBlockRecord, TweetBlockRecord, WorkbenchDb,
} from '../schema';

interface Pending {
  blocks: TweetBlockRecord[];
  search: SearchBlockRecord[];
  accounts: AccountRecord[];
  quarantine: QuarantineRecord[];
  indicators: IndicatorRecord[];
  reddit: RedditAccountRecord[];
}
const empty = (): Pending => ({ blocks: [], search: [], accounts: [], quarantine: [], indicators: [], reddit: [] });

/** Blocks per transaction: a few large transactions, bounded memory (10 blocks ≈ 20,000 tweets). */
const BLOCKS_PER_WRITE = 10;
const ROWS_PER_WRITE = 20_000;

/**
 * Buffers an import's records and writes them in few large transactions. One write may be in
 * flight while the parser fills the next batch (double buffering); nothing else is awaited inside
 * a transaction, so it never commits early.
 */
export class ImportBatchWriter {
  private pending = empty();
  private inFlight: Promise<void> | undefined;
  private failure: unknown;

  constructor(private readonly db: WorkbenchDb, private readonly datasetId: string, private readonly importId: string) {}

  addBlocks(items: { block: TweetBlockRecord; search: SearchBlockRecord }[]): void {
    for (const { block, search } of items) {
      this.pending.blocks.push(block);
      this.pending.search.push(search);
    }
  }
  addAccounts(a: AccountRecord[]): void {
    this.pending.accounts.push(...a);
  }
  addQuarantine(rows: QuarantinedRow[], fileName: string): void {
    for (const r of rows) this.pending.quarantine.push({ ...r, datasetId: this.datasetId, importId: this.importId, fileName });
  }
  addIndicators(rows: IndicatorRecord[]): void {
    this.pending.indicators.push(...rows);
  }
  addReddit(rows: RedditAccountRecord[]): void {
    this.pending.reddit.push(...rows);
  }

  private size(): { blocks: number; rows: number } {
    const p = this.pending;
    return { blocks: p.blocks.length, rows: p.accounts.length + p.quarantine.length + p.indicators.length + p.reddit.length };
  }

  /** Start a write when enough is buffered (or always with `force`); waits for the previous one first. */
  async maybeWrite(force = false): Promise<void> {
    const s = this.size();
    if (!force && s.blocks < BLOCKS_PER_WRITE && s.rows < ROWS_PER_WRITE) return;
    if (s.blocks === 0 && s.rows === 0) return;
    await this.settle();
    const batch = this.pending;
    this.pending = empty();
    const db = this.db;
    this.inFlight = db
      .transaction('rw', [db.tweetBlocks, db.searchBlocks, db.accounts, db.quarantine, db.indicators, db.redditAccounts], () => {
        if (batch.blocks.length) {
          void db.tweetBlocks.bulkPut(batch.blocks);
          void db.searchBlocks.bulkPut(batch.search);
        }
        if (batch.accounts.length) void db.accounts.bulkPut(batch.accounts);
        if (batch.quarantine.length) void db.quarantine.bulkAdd(batch.quarantine);
        if (batch.indicators.length) void db.indicators.bulkAdd(batch.indicators);
        if (batch.reddit.length) void db.redditAccounts.bulkAdd(batch.reddit);
      })
      .catch((e: unknown) => {
        this.failure = e;
      });
  }

  /** Wait for the write in flight; rethrow its failure. */
  async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    this.inFlight = undefined;
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    await this.maybeWrite(true);
    await this.settle();
  }
}
