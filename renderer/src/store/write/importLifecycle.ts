import type { DatasetRecord, ImportRecord, SourceFileRecord, WorkbenchDb } from '../schema';
import { deleteImportRecords } from './deleteImportRecords';

/** Record a new import as 'running' before it writes anything, so a killed page leaves a trace to sweep. */
export async function beginImport(db: WorkbenchDb, record: Omit<ImportRecord, 'state' | 'startedAt'>): Promise<ImportRecord> {
  const full: ImportRecord = { ...record, state: 'running', startedAt: new Date().toISOString() };
  await db.imports.put(full);
  return full;
}

export interface ImportCommit {
  importId: string;
  datasetId: string;
  /** Used when the dataset is new. */
  datasetName: string;
  /** The import adds to a dataset that existed when it began: one gone by now was deleted meanwhile, not to be made anew. */
  addsToExisting: boolean;
  files: SourceFileRecord[];
  added: DatasetRecord['counts'];
}

/**
 * The one transaction that makes an import visible: files are stored, the import becomes
 * 'committed' and its id is appended to the dataset's committedImports (dataset created if new).
 * Everything else (blocks, accounts, aggregates, …) was written under the importId before, unseen by
 * readers until now.
 */
export async function commitImport(db: WorkbenchDb, c: ImportCommit): Promise<DatasetRecord> {
  return db.transaction('rw', [db.datasets, db.imports, db.files], async () => {
    const imp = await db.imports.get(c.importId);
    if (!imp) throw new Error('The dataset was deleted (in another window) while the import ran: nothing of it was kept.');
    if (imp.state !== 'running') throw new Error(`import ${c.importId} is not running (${imp.state})`);
    // Checked before the import began, and again here: another window may have imported a file meanwhile.
    const stored = await db.files.bulkGet(c.files.map((f) => f.sha256));
    const taken = stored.filter((f): f is SourceFileRecord => f !== undefined);
    if (taken.length) {
      const names = await Promise.all(taken.map(async (f) => `${f.receipt.fileName} (into "${(await db.datasets.get(f.datasetId))?.name ?? f.datasetId}")`));
      throw new Error(`The same file was imported in another window meanwhile: ${names.join(', ')}. Nothing of this import was kept.`);
    }
    await db.files.bulkPut(c.files);
    await db.imports.update(c.importId, { state: 'committed', finishedAt: new Date().toISOString() });
    const prev = await db.datasets.get(c.datasetId);
    // Deleted after the import read it but before the import was recorded (so the deletion saw no import
    // running): made anew, it would hold this import alone under the old name.
    if (!prev && c.addsToExisting) throw new Error('The dataset was deleted (in another window) while the import ran: nothing of it was kept.');
    const next: DatasetRecord = prev
      ? { ...prev, committedImports: [...prev.committedImports, c.importId], counts: addCounts(prev.counts, c.added) }
      : { id: c.datasetId, name: c.datasetName, createdAt: new Date().toISOString(), committedImports: [c.importId], counts: c.added };
    await db.datasets.put(next);
    return next;
  });
}

function addCounts(a: DatasetRecord['counts'], b: DatasetRecord['counts']): DatasetRecord['counts'] {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof typeof b)[]) out[k] = ((a[k] as number | undefined) ?? 0) + ((b[k] as number | undefined) ?? 0);
  return out;
}

/** A failed or cancelled import: delete its records, keep the ImportRecord with its final state. */
export async function abandonImport(db: WorkbenchDb, importId: string, state: 'failed' | 'cancelled', error?: string): Promise<void> {
  await deleteImportRecords(db, importId);
  await db.imports.update(importId, { state, finishedAt: new Date().toISOString(), ...(error ? { error } : {}) });
}
