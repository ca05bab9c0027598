import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Helpers for the import specs: drive the real Datasets view, read the real IndexedDB. */

export async function importFiles(page: Page, files: string[], into?: string): Promise<void> {
  if (into) await page.getByLabel('Import into').selectOption({ label: `dataset “${into}”` });
  await page.getByLabel(/Import archive files/).setInputFiles(files);
}

/** Wait until the import finished (done, failed or cancelled) and return the status text. */
export async function waitForImportDone(page: Page, timeout = 60_000): Promise<string> {
  const region = page.locator('.import-done, .import-alert, [role=status]:has-text("Import cancelled")');
  await expect(region.first()).toBeVisible({ timeout });
  await expect(page.getByRole('button', { name: 'Cancel import' })).toHaveCount(0, { timeout });
  return (await region.first().innerText()).trim();
}

export const datasetCard = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name }) });

export async function counts(card: Locator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const dd of await card.locator('dd[data-count]').all()) {
    out[(await dd.getAttribute('data-count'))!] = Number((await dd.innerText()).replace(/,/g, ''));
  }
  return out;
}

export interface StoreSummary {
  datasets: { id: string; name: string; committedImports: string[]; counts: Record<string, number> }[];
  imports: { id: string; state: string }[];
  runningImports: number;
  accounts: number;
  hashedAccounts: number;
  tweetBlocks: number;
  /** Tweet blocks that an ids record covers (every block since schema v10). */
  tweetIdBlocks: number;
  tweets: number;
  tweetIds: string[];
  /** The distinct source SHA-256 values the stored rows carry (with tweet ids only). */
  fileHashes: string[];
  /** The tweet ids and authors of the ids records, in key order (with tweet ids only). */
  idRecords: { tweetid: string[]; userid: string[] };
  /** The authors in the tweet blocks, in key order (with tweet ids only). */
  tweetAuthors: string[];
  quarantine: number;
  indicators: number;
  redditAccounts: number;
  files: number;
  aggregates: number;
  /** Records of unresolved links (one per committed import since schema v11). */
  unresolvedLinks: number;
}

/** Everything in the app's database, read with the raw IndexedDB API (no app code involved). */
export function storeSummary(page: Page, withTweetIds = false): Promise<StoreSummary> {
  return page.evaluate(async (withIds) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const [datasets, imports, accountBlocks, blocks, idRecordsStored, quarantine, indicators, reddit, files, aggregates, unresolvedLinks] = await Promise.all(
      ['datasets', 'imports', 'accountBlocks', 'tweetBlocks', 'tweetIds', 'quarantineBlocks', 'indicators', 'redditAccounts', 'files', 'aggregates', 'unresolvedLinks'].map(all),
    );
    db.close();
    // Accounts are stored in blocks; one seen in tweet rows and in a users file is in two of them.
    const accounts = [...new Map(accountBlocks!.flatMap((b) => b.accounts).map((a) => [a.datasetId + '\t' + a.userid, a])).values()];
    // Tweet ids are stored packed (renderer/src/store/tweetBlockCodec.ts): value i ends at ends[i].
    type Packed = { joined: string; ends: Int32Array };
    const unpack = ({ joined, ends }: Packed) => Array.from(ends, (end, i): string => joined.slice(i ? ends[i - 1] : 0, end));
    // Dictionary-coded columns: row i is values[codes[i]].
    const uncode = ({ values, codes }: { values: Packed; codes: Int32Array }) => {
      const dictionary = unpack(values);
      return Array.from(codes, (c) => dictionary[c]!);
    };
    const tweetIds = withIds ? blocks!.flatMap((b) => unpack(b.columns.tweetid)) : [];
    const tweetAuthors = withIds ? blocks!.flatMap((b) => uncode(b.columns.userid)) : [];
    const idBlocks = idRecordsStored!.flatMap((r) => r.blocks);
    // Every source SHA-256 the stored rows name (tweets, accounts, quarantined rows).
    const fileHashes = withIds
      ? [...new Set([...blocks!.flatMap((b) => unpack(b.columns.fileSha256.values)), ...accounts.map((a) => a.provenance.fileSha256), ...quarantine!.flatMap((b) => b.rows.map((r: { fileSha256: string }) => r.fileSha256))])].sort()
      : [];
    const idRecords = withIds ? { tweetid: idBlocks.flatMap((b) => unpack(b.tweetid)), userid: idBlocks.flatMap((b) => uncode(b.userid)) } : { tweetid: [], userid: [] };
    return {
      datasets: datasets!,
      imports: imports!.map((i) => ({ id: i.id, state: i.state })),
      runningImports: imports!.filter((i) => i.state === 'running').length,
      accounts: accounts.length,
      hashedAccounts: accounts.filter((a) => a.idShape === 'hex64' || a.idShape === 'b64hash').length,
      tweetBlocks: blocks!.length,
      tweetIdBlocks: idBlocks.length,
      tweets: blocks!.reduce((n, b) => n + b.columns.length, 0),
      tweetIds,
      fileHashes,
      idRecords,
      tweetAuthors,
      quarantine: quarantine!.reduce((n, b) => n + b.rows.length, 0),
      indicators: indicators!.length,
      redditAccounts: reddit!.length,
      files: files!.length,
      aggregates: aggregates!.length,
      unresolvedLinks: unresolvedLinks!.length,
    };
  }, withTweetIds);
}
