import type { QuarantinedRow } from '../../../../shared/domain/archive';
import { ACCOUNTS_PER_BLOCK, QUARANTINE_PER_BLOCK, type AccountBlockRecord, type AccountRecord, type IndicatorRecord, type QuarantineBlockRecord, type QuarantineRecord, type RedditAccountRecord, type TweetBlockRecord, type WorkbenchDb } from '../schema';
import { chunks } from '../chunks';

/** The row records of one write (one transaction): accounts and quarantined rows in blocks, the rest one record each. */
export interface RowBatch {
  accountBlocks: AccountBlockRecord[];
  quarantineBlocks: QuarantineBlockRecord[];
  indicators: IndicatorRecord[];
  reddit: RedditAccountRecord[];
}
interface Pending extends Omit<RowBatch, 'accountBlocks' | 'quarantineBlocks'> {
  blocks: TweetBlockRecord[];
  accounts: AccountRecord[];
  quarantine: QuarantineRecord[];
}
const empty = (): Pending => ({ blocks: [], accounts: [], quarantine: [], indicators: [], reddit: [] });

/** Blocks per transaction: a few large transactions, bounded memory (10 blocks ≈ 20,000 tweets). */
const BLOCKS_PER_WRITE = 10;
const ROWS_PER_WRITE = 20_000;
/** Block batches handed to `writeBlocks` and not yet written: enough to keep a writer thread busy. */
const BLOCK_WRITES_IN_FLIGHT = 2;
/**
 * Row transactions (accounts, quarantine, …) not yet committed. Per-row records write at only a few
 * thousand a second, so parsing must not wait for each batch: a users file's 125,000 accounts
 * would otherwise hold up its tweets file for half a minute.
 */
const ROW_WRITES_IN_FLIGHT = 6;

/** Where batches go: the import's block writer thread (which also aggregates the blocks and indexes them for search). */
export interface ImportRecordWriter {
  writeBlocks(blocks: TweetBlockRecord[]): Promise<void>;
  writeRows(rows: RowBatch): Promise<void>;
}

/** One transaction storing a batch of per-row records. */
export function writeRowBatch(db: WorkbenchDb, batch: RowBatch): Promise<void> {
  return db.transaction('rw', [db.accountBlocks, db.quarantineBlocks, db.indicators, db.redditAccounts], () => {
    if (batch.accountBlocks.length) void db.accountBlocks.bulkAdd(batch.accountBlocks);
    if (batch.quarantineBlocks.length) void db.quarantineBlocks.bulkAdd(batch.quarantineBlocks);
    if (batch.indicators.length) void db.indicators.bulkAdd(batch.indicators);
    if (batch.reddit.length) void db.redditAccounts.bulkAdd(batch.reddit);
  });
}

/**
 * Buffers an import's records and writes them in few large transactions. Writes stay in flight
 * while the parser fills the next batch; nothing else is awaited inside a transaction, so it never
 * commits early.
 */
export class ImportBatchWriter {
  private pending = empty();
  private rowWrites: Promise<void>[] = [];
  private nextAccountSeq = 0;
  private nextQuarantineSeq = 0;
  private blockWrites: Promise<void>[] = [];
  private failure: unknown;

  constructor(
    private readonly datasetId: string,
    private readonly importId: string,
    private readonly out: ImportRecordWriter,
  ) {}

  addBlocks(blocks: TweetBlockRecord[]): void {
    this.pending.blocks.push(...blocks);
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

  /** Start writes when enough is buffered (or always with `force`); waits for earlier ones first. */
  async maybeWrite(force = false): Promise<void> {
    const p = this.pending;
    if (p.blocks.length >= BLOCKS_PER_WRITE || (force && p.blocks.length)) {
      await this.start(this.blockWrites, BLOCK_WRITES_IN_FLIGHT, () => this.out.writeBlocks(this.pending.blocks.splice(0)));
    }
    const rows = p.accounts.length + p.quarantine.length + p.indicators.length + p.reddit.length;
    if (rows === 0 || (!force && rows < ROWS_PER_WRITE)) return;
    await this.start(this.rowWrites, ROW_WRITES_IN_FLIGHT, () => {
      const { blocks, accounts, quarantine, ...rows } = this.pending;
      // Quarantine blocks are full but for the import's last: a partial one waits for more rows.
      const whole = force ? quarantine.length : quarantine.length - (quarantine.length % QUARANTINE_PER_BLOCK);
      this.pending = { ...empty(), blocks, quarantine: quarantine.slice(whole) };
      return this.out.writeRows({ ...rows, accountBlocks: this.accountBlocks(accounts), quarantineBlocks: this.quarantineBlocks(quarantine.slice(0, whole)) });
    });
  }

  private quarantineBlocks(rows: QuarantineRecord[]): QuarantineBlockRecord[] {
    return chunks(rows, QUARANTINE_PER_BLOCK).map((block) => ({ datasetId: this.datasetId, importId: this.importId, seq: this.nextQuarantineSeq++, rows: block }));
  }

  private accountBlocks(accounts: AccountRecord[]): AccountBlockRecord[] {
    return chunks(accounts, ACCOUNTS_PER_BLOCK).map((block) => ({ datasetId: this.datasetId, importId: this.importId, seq: this.nextAccountSeq++, accounts: block }));
  }

  /** Once fewer than `limit` writes of `queue` are in flight, start `write` (its failure is kept for the next call). */
  private async start(queue: Promise<void>[], limit: number, write: () => Promise<void>): Promise<void> {
    while (queue.length >= limit) await queue.shift();
    this.throwFailure();
    queue.push(write().catch((e: unknown) => void (this.failure ??= e)));
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }

  /** Write everything buffered and wait for every write; rethrow the first failure. */
  async finish(): Promise<void> {
    await this.maybeWrite(true);
    await Promise.all([...this.blockWrites.splice(0), ...this.rowWrites.splice(0)]);
    this.throwFailure();
  }
}
