import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../renderer/src/workers/import/hashMessages';
import { anyFileToImport, fileOfFiles } from '../../../renderer/src/workers/import/filesToRead';

const parse = { kind: 'parse', hashes: {} } as Verdict;
const refuse = (fileName: string, message = 'cut short'): Verdict => ({ kind: 'refuse', refused: { fileName, message } });
const skip: Verdict = { kind: 'skip', skipped: { fileName: 'old.csv', sha256: 'b', reason: 'already stored' } };

describe('fileOfFiles', () => {
  it('counts only the files to read: a file refused or skipped is not one of them, one not judged yet is', () => {
    // Started again without the refused first file: the second is file 1 of 1.
    expect(fileOfFiles([refuse('a.csv'), parse], 2, 1)).toEqual({ index: 0, count: 1 });
    // good, refused, skipped, not judged yet: the last is file 2 of 2.
    expect(fileOfFiles([parse, refuse('b.csv'), skip], 4, 3)).toEqual({ index: 1, count: 2 });
    expect(fileOfFiles([], 3, 2)).toEqual({ index: 2, count: 3 });
  });
});

describe('anyFileToImport', () => {
  it('is false when every file is refused or skipped', () => {
    expect(anyFileToImport([refuse('a.csv'), refuse('b.csv')], 2)).toBe(false);
    expect(anyFileToImport([skip, refuse('b.csv')], 2)).toBe(false);
    expect(anyFileToImport([refuse('a.csv'), parse], 2)).toBe(true);
  });
});

