import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  failureMessage, FREE_SPACE_FLOOR_BYTES, IMPORT_MARGIN_BYTES, importSpaceRefusal, isStorageFull, lowSpaceRefusal, storageFullMessage,
} from '../../../shared/domain/storageFull';

const MiB = 2 ** 20;
// The errors as Chromium raised them when QA filled the disk (/tmp/qa24/storage logs), and as Dexie wraps them.
const quota = new DOMException('', 'QuotaExceededError');
const commitFull = new DOMException('Encountered disk full while committing transaction.', 'QuotaExceededError');
const blobs = new DOMException('Failed to write blobs (IOError)', 'DataError');
const noSpace = new DOMException(
  'Connection is closing because of: IO error: .../http_127.0.0.1_4422.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError');
const aborted = new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError');

describe('full-disk messages', () => {
  it('recognises every shape of a full disk, bare or wrapped by Dexie', () => {
    for (const e of [quota, commitFull, blobs, noSpace]) {
      expect(isStorageFull(e), e.name).toBe(true);
      const DexieError = { QuotaExceededError: Dexie.QuotaExceededError, DataError: Dexie.DataError, UnknownError: Dexie.UnknownError }[e.name]!;
      expect(isStorageFull(new DexieError(e)), `Dexie's ${e.name}`).toBe(true);
    }
    // An aborted transaction whose cause is the disk (Dexie keeps it as `inner`), or an Error's `cause`.
    expect(isStorageFull(new Dexie.AbortError('The transaction was aborted, so the request cannot be fulfilled.', new Dexie.QuotaExceededError(quota)))).toBe(true);
    expect(isStorageFull(new Error('commit failed', { cause: blobs }))).toBe(true);
    // The text a worker passed on: "Storing the import failed: QuotaExceededError ".
    expect(isStorageFull('Storing the import failed: QuotaExceededError ')).toBe(true);
    expect(isStorageFull('Storing the import failed: DataError Failed to write blobs (IOError)')).toBe(true);
  });

  it('claims no other failure, not even an abort without a full-disk cause', () => {
    expect(isStorageFull(aborted)).toBe(false);
    expect(isStorageFull(new Dexie.AbortError(aborted))).toBe(false);
    expect(isStorageFull(new DOMException('Data provided to an operation does not meet requirements.', 'DataError'))).toBe(false);
    expect(isStorageFull(new Error('The file was refused: the file is empty.'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    expect(failureMessage(new Error('Case not found'), 'the pin', 5 * MiB)).toBe('Case not found');
  });

  it('says what was not done, and the free space when known', () => {
    expect(failureMessage(new Dexie.QuotaExceededError(quota), 'the pin', 3.5 * MiB)).toBe(
      "The disk holding the app's data is full (3.5 MB free): the pin was not done and nothing was changed. Free some space, then try again.");
    expect(failureMessage(noSpace, 'the import', 0)).toMatch(/^The disk holding the app's data is full \(0\.0 MB free\): the import was not done/);
    // A worker's message (no number there) is said again with the page's reading.
    expect(failureMessage(storageFullMessage('the import', null), 'the import', 2048 * MiB)).toMatch(/full \(2,048 MB free\): the import/);
    expect(storageFullMessage('the import', null)).toMatch(/^The disk holding the app's data is full: the import was not done/);
  });
});

describe('space guard decisions', () => {
  const input = 500 * MiB;
  it('lets an import start when the files and the margin fit', () => {
    expect(importSpaceRefusal(input, input + IMPORT_MARGIN_BYTES)).toBeNull();
    expect(importSpaceRefusal(0, 10 * 2 ** 30)).toBeNull();
  });
  it('refuses one that would not fit, with the free and needed amounts', () => {
    expect(importSpaceRefusal(input, input + IMPORT_MARGIN_BYTES - 1)).toBe(
      "Not enough free space on the disk holding the app's data: 756 MB free, 756 MB needed (the files' 500 MB and 256 MB the database needs to stay safe). Free some space, then try again.");
    expect(importSpaceRefusal(44 * MiB, 40 * MiB)).toMatch(/40 MB free, 300 MB needed/);
  });
  it('never refuses when the free space is unknown', () => {
    expect(importSpaceRefusal(input, null)).toBeNull();
    expect(lowSpaceRefusal('the pin', null)).toBeNull();
  });
  it('refuses small writes below the floor only', () => {
    expect(lowSpaceRefusal('the pin', FREE_SPACE_FLOOR_BYTES)).toBeNull();
    const refusal = lowSpaceRefusal('the pin', 100 * MiB)!;
    expect(refusal).toBe(
      "The disk holding the app's data is almost full (100 MB free; the app keeps 128 MB free so that its database stays safe): the pin was not done and nothing was changed. Free some space, then try again.");
    // The guard's own refusal is shown as it is, not rewritten as a full disk.
    expect(isStorageFull(refusal)).toBe(true);
    expect(failureMessage(new Error(refusal), 'the change', 100 * MiB)).toBe(refusal);
  });
});
