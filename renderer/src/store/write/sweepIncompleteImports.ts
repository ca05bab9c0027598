import type { WorkbenchDb } from '../schema';
import { deleteImportRecords } from './deleteImportRecords';

/**
 * Start-up sweep: an import still 'running' when the app starts was killed with its page (crash,
 * quit, closed window): delete what it wrote and mark it failed. Failed/cancelled imports whose
 * clean-up was interrupted are swept again. Only imports started before `startedBefore` are
 * touched, so an import begun in this session is never swept from under itself.
 */
export async function sweepIncompleteImports(db: WorkbenchDb, startedBefore = new Date().toISOString()): Promise<string[]> {
  const stale = (await db.imports.toArray()).filter((i) => i.state !== 'committed' && i.startedAt < startedBefore);
  for (const imp of stale) {
    await deleteImportRecords(db, imp.id);
    if (imp.state === 'running') {
      await db.imports.update(imp.id, { state: 'failed', finishedAt: new Date().toISOString(), error: 'interrupted: the app closed during the import' });
    }
  }
  return stale.filter((i) => i.state === 'running').map((i) => i.id);
}
