import type { Verdict } from './hashMessages';

/**
 * The files an import reads: every file pass 1 has not left out (skipped, refused), a file not judged
 * yet (undefined) counting as one to read.
 */
const toRead = (v: Verdict | undefined) => (v?.kind ?? 'parse') === 'parse';

/**
 * File `index` of `count` as the progress says it, "file N of M": counted among the files to read, so
 * that an import started again without a refused file says "file 1 of 1", not "file 1 of 2".
 */
export function fileOfFiles(settled: readonly (Verdict | undefined)[], count: number, index: number): { index: number; count: number } {
  let before = 0;
  let all = 0;
  for (let i = 0; i < count; i++) {
    if (!toRead(settled[i])) continue;
    if (i < index) before++;
    all++;
  }
  return { index: before, count: all };
}

/** Whether any file is left to import once every verdict is known (none: the import is refused, not asked about). */
export const anyFileToImport = (settled: readonly (Verdict | undefined)[], count: number): boolean =>
  Array.from({ length: count }, (_, i) => settled[i]).some((v) => v?.kind === 'parse');
