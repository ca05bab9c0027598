import type { Table } from 'dexie';
import { QUARANTINE_PER_BLOCK, type DatasetRecord, type QuarantineRecord, type SourceFileRecord, type WorkbenchDb } from '../schema';

/** Reads of a dataset that respect import atomicity (only committed imports): the Datasets view, and an import adding to the dataset. */

export async function readDatasetFiles(db: WorkbenchDb, d: DatasetRecord): Promise<SourceFileRecord[]> {
  const ids = new Set(d.committedImports);
  return (await db.files.where('datasetId').equals(d.id).toArray())
    .filter((f) => ids.has(f.importId))
    .sort((a, b) => a.receipt.startedAt.localeCompare(b.receipt.startedAt));
}

/** Quarantined rows per committed import, in import order: an import's count from its last block. */
async function quarantineCounts(db: WorkbenchDb, d: DatasetRecord): Promise<{ importId: string; rows: number }[]> {
  return Promise.all(
    d.committedImports.map(async (importId) => {
      const last = await db.quarantineBlocks.where('[importId+seq]').between([importId, -Infinity], [importId, Infinity]).last();
      return { importId, rows: last ? last.seq * QUARANTINE_PER_BLOCK + last.rows.length : 0 };
    }),
  );
}

export async function countQuarantine(db: WorkbenchDb, d: DatasetRecord): Promise<number> {
  return (await quarantineCounts(db, d)).reduce((n, c) => n + c.rows, 0);
}

/** Rows [offset, offset + limit) of the dataset's quarantine (imports in commit order, rows in write order), reading only the blocks they are in. */
export async function readQuarantinePage(db: WorkbenchDb, d: DatasetRecord, offset: number, limit: number): Promise<QuarantineRecord[]> {
  const out: QuarantineRecord[] = [];
  let skip = offset;
  for (const { importId, rows } of await quarantineCounts(db, d)) {
    if (skip >= rows) {
      skip -= rows;
      continue;
    }
    for (let seq = Math.floor(skip / QUARANTINE_PER_BLOCK); out.length < limit && seq * QUARANTINE_PER_BLOCK < rows; seq++) {
      const block = await db.quarantineBlocks.get([importId, seq]);
      if (!block) break;
      const from = Math.max(0, skip - seq * QUARANTINE_PER_BLOCK);
      out.push(...block.rows.slice(from, from + limit - out.length));
    }
    skip = 0;
    if (out.length >= limit) break;
  }
  return out;
}

/** The dataset's records of a table indexed by datasetId (indicators, Reddit accounts, unresolved links) from committed imports, in key order. */
export async function readCommittedRows<T extends { importId: string }, K>(table: Table<T, K>, d: DatasetRecord): Promise<T[]> {
  const ids = new Set(d.committedImports);
  return (await table.where('datasetId').equals(d.id).toArray()).filter((r) => ids.has(r.importId));
}
