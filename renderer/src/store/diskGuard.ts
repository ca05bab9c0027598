import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { HostApi } from '../../../shared/api/hostApi';
import { failureMessage, importSpaceRefusal, lowSpaceRefusal } from '../../../shared/domain/storageFull';

/**
 * Keeps the app's writes away from a full disk (shared/domain/storageFull.ts says why: Chromium may
 * discard the whole database on a write to a full disk). The host's free-space reading is refreshed
 * every 2 s; imports are refused before they start when they would not fit, cancelled while they run
 * when the space falls below the floor (importSession.ts), and every other write of this page's
 * database is refused below the floor by the middleware here, in one place. An unknown reading
 * (null) never refuses anything.
 */

const POLL_MS = 2000;
let read: HostApi['storage:space'] | null = null;
let latest: number | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<(freeBytes: number | null) => void>();

/** Starts the readings (main.tsx, once): the first now, then every 2 s. */
export function startDiskGuard(host: Pick<HostApi, 'storage:space'>): void {
  read = host['storage:space'];
  void refreshFreeSpace();
  timer ??= setInterval(() => void refreshFreeSpace(), POLL_MS);
}

/** A fresh reading (null when unknown), kept for the middleware and told to the listeners. */
export async function refreshFreeSpace(): Promise<number | null> {
  if (!read) return null;
  latest = await read().then((s) => s.freeBytes, () => null);
  for (const l of listeners) l(latest);
  return latest;
}

/** The last reading, for messages and the middleware (no wait: a transaction must not await the host). */
export const latestFreeBytes = (): number | null => latest;

/** Called with each reading; returns the unsubscribe. */
export function onFreeSpace(listener: (freeBytes: number | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Why an import of these bytes must not start (a fresh reading), or null. */
export async function importRefusal(inputBytes: number): Promise<string | null> {
  return importSpaceRefusal(inputBytes, await refreshFreeSpace());
}

/** The message for a failed `what` (a full disk in words, with the last reading). */
export const storageFailureMessage = (err: unknown, what: string): string => failureMessage(err, what, latest);

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

/**
 * Refuses puts and adds while the last reading is below the floor. Deletions pass: they are small, a
 * rollback or the start-up sweep needs them, and they are how the user frees space in the app.
 */
export const diskGuardMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'diskGuard',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) => {
          const refusal = req.type === 'add' || req.type === 'put' ? lowSpaceRefusal('the change', latest, 'was not saved') : null;
          return refusal ? Promise.reject(new StorageFullError(refusal)) : table.mutate(req);
        },
      };
    },
  }),
};
