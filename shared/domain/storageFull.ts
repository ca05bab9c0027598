/**
 * A full disk, told plainly. When the disk holding the profile reaches 0 bytes free, a failed
 * IndexedDB write can make Chromium discard the app's whole database (LevelDB finds its files
 * damaged and creates it afresh): every dataset, case and key record gone. So the app keeps away
 * from the edge (renderer/src/store/diskGuard.ts), and says what happened in words when a write
 * fails for want of space anyway.
 */

const MiB = 2 ** 20;

/**
 * Room an import needs beyond its input's size: the store takes about the input's size (blocks,
 * search records, ids), and LevelDB needs room on top to compact its files and to roll the import
 * back (a rollback writes deletions before it frees anything). With a few MB free the rollback
 * worked in QA's tests; at 0 bytes the database was lost: 256 MiB keeps well clear.
 */
export const IMPORT_MARGIN_BYTES = 256 * MiB;
/** Below this, no write starts and a running import is cancelled (its rollback still has room). */
export const FREE_SPACE_FLOOR_BYTES = 128 * MiB;

/** "12 MB", "0.4 MB", "under 0.1 MB": megabytes of 2^20 bytes, as `df -m` counts them. */
export function formatMB(bytes: number): string {
  const mb = bytes / MiB;
  if (mb > 0 && mb < 0.05) return 'under 0.1 MB';
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

const FULL = "The disk holding the app's data is full";
const AGAIN = 'Free some space, then try again.';

/** `what` ("the import", "the pin") was not done because the disk is full. */
export function storageFullMessage(what: string, freeBytes: number | null): string {
  return `${FULL}${freeBytes === null ? '' : ` (${formatMB(freeBytes)} free)`}: ${what} was not done and nothing was changed. ${AGAIN}`;
}

/** Refused before starting: an import of `inputBytes` with `freeBytes` free; null → go ahead (unknown is never refused). */
export function importSpaceRefusal(inputBytes: number, freeBytes: number | null): string | null {
  if (freeBytes === null) return null;
  const needed = inputBytes + IMPORT_MARGIN_BYTES;
  if (freeBytes >= needed) return null;
  return `Not enough free space on the disk holding the app's data: ${formatMB(freeBytes)} free, ${formatMB(needed)} needed (the files' ${formatMB(inputBytes)} and ${formatMB(IMPORT_MARGIN_BYTES)} the database needs to stay safe). ${AGAIN}`;
}

/** Refused before a small write (pin, case, key, custody) or to stop a running import; null → go ahead. */
export function lowSpaceRefusal(what: string, freeBytes: number | null, outcome = 'was not done and nothing was changed'): string | null {
  if (freeBytes === null || freeBytes >= FREE_SPACE_FLOOR_BYTES) return null;
  return `The disk holding the app's data is almost full (${formatMB(freeBytes)} free; the app keeps ${formatMB(FREE_SPACE_FLOOR_BYTES)} free so that its database stays safe): ${what} ${outcome}. ${AGAIN}`;
}

/**
 * Does this error (a DOMException, a Dexie error wrapping one in `inner`, an Error with a `cause`, or
 * the text a worker passed on) say the disk or the quota is full? Chromium's shapes, as QA saw them:
 * "QuotaExceededError" (often with an empty message), "QuotaExceededError Encountered disk full while
 * committing transaction.", "DataError Failed to write blobs (IOError)", "UnknownError … IO error: …
 * FILE_ERROR_NO_SPACE …", and an AbortError whose inner error is one of these. An AbortError with no
 * such cause is not claimed.
 */
export function isStorageFull(err: unknown): boolean {
  return textsOf(err).some((t) => PATTERNS.some((p) => p.test(t)));
}

const PATTERNS = [
  /QuotaExceeded/i,
  /\bDataError\b.*\bIOError\b/,
  /Failed to write blobs/,
  /FILE_ERROR_NO_SPACE|No space left on device|\bENOSPC\b/,
  /\bdisk full\b/i,
  new RegExp(`^${FULL}|almost full \\(`),
];

/** Name + message of the error and of its inner errors (Dexie's `inner`, Error's `cause`). */
function textsOf(err: unknown, depth = 0): string[] {
  if (err === null || err === undefined || depth > 4) return [];
  if (typeof err === 'string') return [err];
  if (typeof err !== 'object') return [String(err)];
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
  const own = `${typeof e.name === 'string' ? e.name : ''} ${typeof e.message === 'string' ? e.message : ''}`.trim();
  return [own, ...textsOf(e.inner, depth + 1), ...textsOf(e.cause, depth + 1)];
}

/**
 * The message to show for a failed `what`: a full disk in words (with the free space, when known),
 * a refusal of the guard as it is, anything else as its own message.
 */
export function failureMessage(err: unknown, what: string, freeBytes: number | null): string {
  const own = err instanceof Error ? err.message : String(err);
  if (!isStorageFull(err)) return own;
  if (/almost full \(|^Not enough free space/.test(own)) return own; // the guard's refusal, said already
  return storageFullMessage(what, freeBytes);
}
