import type { DatasetRecord, QuarantineRecord, SourceFileRecord, WorkbenchDb } from '../store/schema';

/** Reads for the Datasets view that respect import atomicity (only committed imports). */

export async function readDatasetFiles(db: WorkbenchDb, d: DatasetRecord): Promise<SourceFileRecord[]> {
  const ids = new Set(d.committedImports);
  return (await db.files.where('datasetId').equals(d.id).toArray())
    .filter((f) => ids.has(f.importId))
    .sort((a, b) => a.receipt.startedAt.localeCompare(b.receipt.startedAt));
}

export async function countQuarantine(db: WorkbenchDb, d: DatasetRecord): Promise<number> {
  return db.quarantine.where('importId').anyOf(d.committedImports).count();
}

export async function readQuarantinePage(db: WorkbenchDb, d: DatasetRecord, offset: number, limit: number): Promise<QuarantineRecord[]> {
  return db.quarantine.where('importId').anyOf(d.committedImports).offset(offset).limit(limit).toArray();
}
