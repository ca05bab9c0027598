import { describe, expect, it } from 'vitest';
import { hashArchive, parseArchive, type ArchiveHashes } from '../../../shared/archive/parseArchive';
import type { Tweet } from '../../../shared/domain/tweet';
import type { AccountRecord, TweetBlockRecord } from '../../../renderer/src/store/schema';
import { decodeStrings, packStrings } from '../../../renderer/src/store/tweetBlockCodec';
import { ImportBatchWriter, type RowBatch } from '../../../renderer/src/store/write/importBatchWriter';
import { TweetBlockPacker } from '../../../renderer/src/store/write/tweetBlockPacker';
import { HashPlaceholders } from '../../../renderer/src/workers/import/hashPlaceholders';
import { bytesSource, readReal } from '../archive/helpers';

/** What reached the block writer thread, in order. */
function capture() {
  const writes: ({ blocks: TweetBlockRecord[] } | { rows: RowBatch })[] = [];
  return {
    writes,
    writeBlocks: async (blocks: TweetBlockRecord[]) => void writes.push({ blocks }),
    writeRows: async (rows: RowBatch) => void writes.push({ rows }),
  };
}

const fileHashesIn = (writes: ReturnType<typeof capture>['writes']): string[] =>
  writes.flatMap((w) => ('blocks' in w ? w.blocks.flatMap((b) => decodeStrings(b.columns.fileSha256)) : w.rows.accountBlocks.flatMap((b) => b.accounts.map((a) => a.provenance.fileSha256))));

/** Parses tweets and accounts through the real packer and batch writer, with the hashes still to come. */
async function importPending(name: string, bytes: Uint8Array, placeholders: HashPlaceholders, hashes: Promise<ArchiveHashes>, fileIndex = 0) {
  const writer = new ImportBatchWriter('d', 'i', placeholders);
  const packer = new TweetBlockPacker('d', 'i', 0);
  const receipts = await parseArchive(bytesSource(name, bytes, 4096), {
    pendingHashes: { hashes, placeholder: placeholders.placeholdersFor(fileIndex) },
    onTweets: async (tweets: Tweet[], fingerprints: number[]) => {
      tweets.forEach((t, i) => packer.push(t, fingerprints[i]!));
      writer.addBlocks(packer.take());
      await writer.maybeWrite();
    },
    onAccounts: async (accounts) => {
      writer.addAccounts(accounts.map((a): AccountRecord => ({ ...a, datasetId: 'd', importId: 'i', fromUsersFile: true })));
      await writer.maybeWrite();
    },
  });
  packer.close();
  writer.addBlocks(packer.take());
  return { writer, receipts };
}

describe('HashPlaceholders: records parsed before their file is hashed', () => {
  const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
  const users = readReal('china_082019_1_users_csv_hashed.csv');

  it('holds every write until the hashes come, then writes them in order with the real SHA-256', async () => {
    const out = capture();
    const placeholders = new HashPlaceholders(out, new AbortController().signal);
    const hashes = await hashArchive(bytesSource('t.csv', tweets));
    let resolve!: (h: ArchiveHashes) => void;
    const later = new Promise<ArchiveHashes>((r) => (resolve = r));
    const parsed = importPending('t.csv', tweets, placeholders, later);
    await new Promise((r) => setTimeout(r, 100));
    expect(out.writes).toHaveLength(0); // parsed, not written
    resolve(hashes);
    placeholders.hashed(0, hashes);
    const { writer, receipts } = await parsed;
    await writer.finish();
    await placeholders.drain();
    const rows = receipts[0]!.rowsStored;
    expect(rows).toBeGreaterThan(0);
    const stored = fileHashesIn(out.writes);
    expect(stored.length).toBeGreaterThan(rows); // every tweet, and the accounts of their rows
    expect(new Set(stored)).toEqual(new Set([hashes.sha256]));
    expect(receipts[0]!.sha256).toBe(hashes.sha256);
  });

  it('makes the parse wait once it holds its cap of tweets', async () => {
    const out = capture();
    const placeholders = new HashPlaceholders(out, new AbortController().signal, 4_000);
    const placeholder = placeholders.placeholdersFor(0)(0);
    const block = (seq: number) => ({ datasetId: 'd', importId: 'i', seq, columns: { length: 2_000, fileSha256: { values: packStrings([placeholder]), codes: new Int32Array(2_000) } } }) as unknown as TweetBlockRecord;
    const settled: number[] = [];
    const writes = [0, 1, 2].map((seq) => placeholders.writeBlocks([block(seq)]).then(() => void settled.push(seq)));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toEqual([0]); // 2,000 held: go on; 4,000 and 6,000: wait
    expect(out.writes).toHaveLength(0);
    const hashes = await hashArchive(bytesSource('t.csv', tweets));
    placeholders.hashed(0, hashes);
    await Promise.all(writes);
    await placeholders.drain();
    expect(settled.sort()).toEqual([0, 1, 2]);
    expect(fileHashesIn(out.writes)).toEqual(new Array(6_000).fill(hashes.entries[0]!.sha256));
  });

  it('writes at once when nothing waits; a second file waiting holds the writes after it', async () => {
    const out = capture();
    const placeholders = new HashPlaceholders(out, new AbortController().signal);
    const usersHashes = await hashArchive(bytesSource('u.csv', users));
    const first = await importPending('u.csv', users, placeholders, Promise.resolve(usersHashes), 0);
    placeholders.hashed(0, usersHashes);
    await first.writer.finish();
    const written = out.writes.length;
    expect(written).toBeGreaterThan(0);
    expect(new Set(fileHashesIn(out.writes))).toEqual(new Set([usersHashes.sha256]));
    const tweetsHashes = await hashArchive(bytesSource('t.csv', tweets));
    const second = await importPending('t.csv', tweets, placeholders, Promise.resolve(tweetsHashes), 1);
    await second.writer.finish();
    expect(out.writes.length).toBe(written);
    await expect(placeholders.drain()).rejects.toThrow('The import ended before its files were hashed.');
    placeholders.hashed(1, tweetsHashes);
    await placeholders.drain();
    expect(new Set(fileHashesIn(out.writes.slice(written)))).toEqual(new Set([tweetsHashes.sha256]));
  });

  it('never stores a placeholder it has no hash for', async () => {
    const out = capture();
    const placeholders = new HashPlaceholders(out, new AbortController().signal);
    const hashes = await hashArchive(bytesSource('u.csv', users));
    const { writer } = await importPending('u.csv', users, placeholders, Promise.resolve(hashes), 3);
    placeholders.hashed(3, { ...hashes, entries: [] }); // no hash for entry 0
    await expect(writer.finish()).rejects.toThrow("A record's source file has no SHA-256 yet (sha256-pending-3-0).");
    expect(out.writes).toHaveLength(0);
  });
});
