/**
 * A running import holds a Web Lock named after it, in the thread that runs it. The browser releases
 * it when the import ends or when its page dies (crash, reload, closed tab), so the start-up sweep of
 * another tab (the browser host allows several) can tell an import still running there from one
 * killed with its page.
 */
const PREFIX = 'dw-import:';

/** Resolves once the lock is held, with the function that releases it. */
export function holdImportLock(importId: string): Promise<() => void> {
  return new Promise((held) => void navigator.locks.request(PREFIX + importId, () => new Promise<void>((release) => held(release))));
}

/** Resolves once nothing holds the import's lock: it ended, or the page running it is gone. */
export async function importLockFree(importId: string): Promise<void> {
  await navigator.locks.request(PREFIX + importId, () => undefined);
}

/** Ids of the imports whose lock some live page or worker holds. */
export async function importsRunningNow(): Promise<Set<string>> {
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap(({ name }) => (name?.startsWith(PREFIX) ? [name.slice(PREFIX.length)] : [])));
}
