import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';
import type { WorkbenchDb } from '../schema';

/** For each CSV entry of a file: the name of the dataset a committed import stored it in (by SHA-256), or undefined. */
export async function storedEntries(db: WorkbenchDb, hashes: ArchiveHashes): Promise<(string | undefined)[]> {
  return Promise.all(
    hashes.entries.map(async (entry) => {
      const f = await db.files.get(entry.sha256);
      if (!f || (await db.imports.get(f.importId))?.state !== 'committed') return undefined;
      return (await db.datasets.get(f.datasetId))?.name ?? f.datasetId;
    }),
  );
}
