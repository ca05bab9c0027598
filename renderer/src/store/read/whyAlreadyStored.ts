import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';
import type { WorkbenchDb } from '../schema';

/** Why a file is already stored (a CSV entry of it is, by SHA-256, in a committed import), or undefined. */
export async function whyAlreadyStored(db: WorkbenchDb, hashes: ArchiveHashes): Promise<string | undefined> {
  for (const entry of hashes.entries) {
    const f = await db.files.get(entry.sha256);
    if (!f) continue;
    const imp = await db.imports.get(f.importId);
    if (imp?.state !== 'committed') continue;
    const ds = await db.datasets.get(f.datasetId);
    return `already imported into dataset "${ds?.name ?? f.datasetId}" (same SHA-256): nothing added`;
  }
  return undefined;
}
