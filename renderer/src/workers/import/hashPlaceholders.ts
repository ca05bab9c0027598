import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';
import type { Provenance } from '../../../../shared/domain/provenance';
import type { TweetBlockRecord } from '../../store/schema';
import { packStrings, unpackStrings } from '../../store/tweetBlockCodec';
import type { ImportRecordWriter, RowBatch } from '../../store/write/importBatchWriter';
import { yieldToEvents } from '../yieldToEvents';

const PREFIX = 'sha256-pending-';
/**
 * Tweets held at most: then the parse waits for the hashes. Bounds the memory held (~1 KB a tweet
 * at the renderer's peak) when hashing is slow (a 2 GB file takes ~20 s beside the parse).
 */
const MAX_HELD_TWEETS = 100_000;

/**
 * Lets the parse run beside pass 1 (hashWorker.ts) instead of after it. A file parsed while it is
 * still being hashed gives its rows a placeholder as their entry's SHA-256 (PendingHashes). Every
 * record passes through here on its way to the block writer: held while any file's hashes are
 * unknown, then written with the placeholders replaced by the hashes. No placeholder is stored: a
 * record whose placeholder has no hash fails the import.
 */
export class HashPlaceholders implements ImportRecordWriter {
  private readonly waitingFor = new Set<number>();
  private readonly hashOf = new Map<string, string>();
  private held: (() => Promise<void>)[] = [];
  private heldTweets = 0;
  /** Some file was given placeholders: records are checked for them. */
  private given = false;
  private release = () => {};
  private abandon = (_reason: unknown) => {};
  /** Resolves when the held writes go out; rejects when the import stops first. */
  private whenReleased = this.nextRelease();
  /** The held writes, sent once the hashes came. */
  private readonly releasedWrites: Promise<void>[] = [];
  private failure: unknown;

  constructor(private readonly out: ImportRecordWriter, signal: AbortSignal, private readonly maxHeldTweets = MAX_HELD_TWEETS) {
    signal.addEventListener('abort', () => this.abandon(signal.reason), { once: true });
  }

  /** File `file` (its place in the import) is parsed before its hashes are known: its placeholders. */
  placeholdersFor(file: number): (entryIndex: number) => string {
    this.waitingFor.add(file);
    this.given = true;
    return (entry) => `${PREFIX}${file}-${entry}`;
  }

  /** File `file`'s hashes: once no file is waiting, the held writes go out, in order. */
  hashed(file: number, hashes: ArchiveHashes): void {
    hashes.entries.forEach((e, i) => this.hashOf.set(`${PREFIX}${file}-${i}`, e.sha256));
    this.waitingFor.delete(file);
    if (this.waitingFor.size) return;
    this.heldTweets = 0;
    this.release();
    this.whenReleased = this.nextRelease();
    for (const write of this.held.splice(0)) this.releasedWrites.push(Promise.resolve().then(write).catch((e: unknown) => void (this.failure ??= e)));
  }

  writeBlocks(blocks: TweetBlockRecord[]): Promise<void> {
    if (this.waitingFor.size) for (const b of blocks) this.heldTweets += b.columns.length;
    return this.through(() => this.out.writeBlocks(this.given ? blocks.map((b) => this.inBlock(b)) : blocks));
  }

  writeRows(rows: RowBatch): Promise<void> {
    return this.through(() => this.out.writeRows(this.given ? this.inRows(rows) : rows));
  }

  /** After the last file's hashes: every held write is written (or the first failure thrown). */
  async drain(): Promise<void> {
    if (this.waitingFor.size) throw new Error('The import ended before its files were hashed.');
    await Promise.all(this.releasedWrites.splice(0));
    if (this.failure) throw this.failure;
  }

  private nextRelease(): Promise<void> {
    const p = new Promise<void>((resolve, reject) => {
      this.release = resolve;
      this.abandon = reject;
    });
    p.catch(() => {}); // only a parse waiting on it hears of it
    return p;
  }

  private through(write: () => Promise<void>): Promise<void> {
    if (this.waitingFor.size === 0) return write();
    this.held.push(write);
    // Not resolved at once: the parse must give way now and then for the hashing thread's reply to get in.
    return this.heldTweets >= this.maxHeldTweets ? this.whenReleased : yieldToEvents();
  }

  private hash(s: string): string {
    if (!s.startsWith(PREFIX)) return s;
    const sha = this.hashOf.get(s);
    if (sha === undefined) throw new Error(`A record's source file has no SHA-256 yet (${s}).`);
    return sha;
  }

  private inBlock(b: TweetBlockRecord): TweetBlockRecord {
    const files = b.columns.fileSha256;
    if (files.values.joined.includes(PREFIX)) files.values = packStrings(unpackStrings(files.values).map((s) => this.hash(s)));
    return b;
  }

  private inRows(rows: RowBatch): RowBatch {
    const fix = (p: Provenance) => void (p.fileSha256 = this.hash(p.fileSha256));
    for (const block of rows.accountBlocks) for (const a of block.accounts) fix(a.provenance);
    for (const block of rows.quarantineBlocks) for (const q of block.rows) q.fileSha256 = this.hash(q.fileSha256);
    for (const i of rows.indicators) fix(i.provenance);
    for (const r of rows.reddit) fix(r.provenance);
    return rows;
  }
}
