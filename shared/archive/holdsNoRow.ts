import { CsvRecordSplitter } from './csvRecords';
import { detectFormat } from './detectFormat';

/**
 * Whether a small CSV entry certainly holds no data row: no record but blank ones (0 bytes, blank
 * lines), or one record that is no row of the headerless Reddit list (a header alone, or a line the
 * parse refuses as a header). The parse refuses such a zip entry on its own, so pass 1 compares its
 * content with no other (two empty parts of a release are the same bytes). More records: false, never
 * a guess: an entry marked here is never stored.
 */
export function holdsNoRow(bytes: Uint8Array): boolean {
  let records = 0;
  let first: string[] | null = null;
  const splitter = new CsvRecordSplitter((r) => {
    // Blank as the parse counts it: an empty line, or a row of empty fields.
    if (r.byteLength === 0 || r.fields?.every((f) => f === '')) return;
    if (++records === 1) first = r.fields;
  });
  splitter.push(bytes);
  splitter.finish();
  if (records === 0) return true;
  if (records > 1) return false;
  if (!first) return true; // an unreadable header: refused
  try {
    return detectFormat(first).hasHeader;
  } catch {
    return true; // no known header: refused
  }
}
