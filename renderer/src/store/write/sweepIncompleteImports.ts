import type { ImportRecord, WorkbenchDb } from '../schema';
import { deleteImportRecords } from './deleteImportRecords';
import { importsRunningNow } from './importLock';

const INTERRUPTED = 'interrupted: the app closed during the import';

/**
 * Start-up sweep: an import still 'running' when the app starts was killed with its page (crash,
 * quit, closed window): delete what it wrote and mark it failed. Failed/cancelled imports whose
 * clean-up was interrupted are swept again. Only imports started before `startedBefore` are
 * touched, so an import begun in this session is never swept from under itself, and none whose
 * lock a live page holds (importLock.ts: one running in another tab).
 */
export async function sweepIncompleteImports(db: WorkbenchDb, startedBefore = new Date().toISOString()): Promise<string[]> {
  const running = await importsRunningNow();
  const stale = (await db.imports.toArray()).filter((i) => i.state !== 'committed' && i.startedAt < startedBefore && !running.has(i.id));
  for (const imp of stale) {
    await deleteImportRecords(db, imp.id);
    if (imp.state === 'running') {
      await db.imports.update(imp.id, { state: 'failed', finishedAt: new Date().toISOString(), error: INTERRUPTED });
    }
  }
  return stale.filter((i) => i.state === 'running').map((i) => i.id);
}

/** Imports the sweep found killed, not yet dismissed by the analyst (oldest first). */
export async function interruptedImports(db: WorkbenchDb): Promise<ImportRecord[]> {
  const failed = await db.imports.where('state').equals('failed').toArray();
  return failed.filter((i) => i.error === INTERRUPTED && !i.noticeDismissed).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

export async function dismissInterruptedImport(db: WorkbenchDb, importId: string): Promise<void> {
  await db.imports.update(importId, { noticeDismissed: true });
}
