import { db } from './database';
import { sweepIncompleteImports } from './write/sweepIncompleteImports';

let sweep: Promise<string[]> | undefined;

/** The start-up sweep of the app's database, run once per page; a view that shows its outcome waits for it. */
export function startupSweep(): Promise<string[]> {
  return (sweep ??= sweepIncompleteImports(db));
}
