import { db } from './database';
import { announceDatasetsChanged } from './datasetsChanged';
import { importLockFree, importsRunningNow } from './write/importLock';
import { sweepIncompleteImports } from './write/sweepIncompleteImports';

let sweep: Promise<string[]> | undefined;

/**
 * The start-up sweep of the app's database, run once per page; a view that shows its outcome waits
 * for it. An import whose lock is held at start-up runs in another tab, or ran in this page before a
 * reload (the dying page's lock outlives it by a moment): once that lock is free, the sweep runs
 * again, and announces what it removed as a datasets change (InterruptedImports shows it).
 */
export function startupSweep(): Promise<string[]> {
  return (sweep ??= (async () => {
    const startedBefore = new Date().toISOString();
    const locked = await importsRunningNow();
    const swept = await sweepIncompleteImports(db, startedBefore);
    for (const id of locked) {
      void importLockFree(id)
        .then(() => sweepIncompleteImports(db, startedBefore))
        .then((late) => late.length > 0 && announceDatasetsChanged());
    }
    return swept;
  })());
}
