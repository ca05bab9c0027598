import type { ArchiveFormat } from '../domain/archive';
import { CsvRecordSplitter } from './csvRecords';
import { detectFormat } from './detectFormat';

/** Bytes of an entry's start that pass 1 keeps to read its header (a header row is far shorter). */
export const HEADER_BYTES = 64 * 1024;

/**
 * The format the first record of a CSV's first bytes names, or undefined when it names none. Only a
 * hint (pass 1 uses it to import users files first); the parse detects the format for real.
 */
export function headerFormat(head: Uint8Array): ArchiveFormat | undefined {
  let first: string[] | null = null;
  const splitter = new CsvRecordSplitter((r) => {
    if (r.recordNumber === 1) first = r.fields;
  });
  splitter.push(head);
  splitter.finish();
  if (!first) return undefined;
  try {
    return detectFormat(first).format;
  } catch {
    return undefined;
  }
}
