import { readFileSync } from 'node:fs';
import type { Account } from '../../../shared/domain/account';
import type { ImportReceipt, QuarantinedRow } from '../../../shared/domain/archive';
import type { Indicator, RedditAccount } from '../../../shared/domain/indicator';
import type { Tweet } from '../../../shared/domain/tweet';
import { parseArchive, type ArchiveSource, type ParseArchiveOptions } from '../../../shared/archive/parseArchive';
import { realFixture } from '../../fixtures/paths';

export const enc = new TextEncoder();

/** An in-memory file as an ArchiveSource, delivered in chunks of `chunkSize` bytes. */
export function bytesSource(name: string, bytes: Uint8Array, chunkSize = 64 * 1024): ArchiveSource {
  return {
    name,
    open: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.slice(i, i + chunkSize));
          controller.close();
        },
      }),
  };
}

export interface Parsed {
  receipts: ImportReceipt[];
  tweets: Tweet[];
  accounts: Account[];
  indicators: Indicator[];
  reddit: RedditAccount[];
  quarantined: QuarantinedRow[];
}

export async function parseBytes(name: string, bytes: Uint8Array, chunkSize?: number, options: ParseArchiveOptions = {}): Promise<Parsed> {
  const out: Parsed = { receipts: [], tweets: [], accounts: [], indicators: [], reddit: [], quarantined: [] };
  out.receipts = await parseArchive(bytesSource(name, bytes, chunkSize), {
    ...options,
    onTweets: (b) => void out.tweets.push(...b),
    onAccounts: (b) => void out.accounts.push(...b),
    onIndicators: (b) => void out.indicators.push(...b),
    onRedditAccounts: (b) => void out.reddit.push(...b),
    onQuarantine: (b) => void out.quarantined.push(...b),
    batchSize: 7, // small batches: exercise the batching path
  });
  return out;
}

export const readReal = (name: string): Uint8Array => new Uint8Array(readFileSync(realFixture(name)));
export const parseReal = (name: string, chunkSize?: number): Promise<Parsed> => parseBytes(name, readReal(name), chunkSize);

/** Quote every field, double inner quotes: the Twitter IO serialisation. */
export const quoteAll = (fields: string[]): string => fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
