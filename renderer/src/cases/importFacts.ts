import type { ImportReceipt } from '../../../shared/domain/archive';

/**
 * What the import of a cited source file recorded, for the custody log and analysis.json: the file
 * (and, for a .zip or .gz, the container with its own SHA-256 and size, as `sha256sum` sees it),
 * and everything the receipt counted, skipped or refused. `sha256` and `size` are the CSV entry's:
 * the bytes the evidence offsets point into.
 */
export function importFacts(sha256: string, r: ImportReceipt) {
  return {
    name: r.fileName,
    entry: r.entryName ?? null,
    sha256,
    size: r.entrySize ?? r.size,
    container: r.entrySha256 ? { name: r.fileName, sha256: r.sha256, size: r.size } : null,
    format: r.format,
    format_version: r.formatVersion,
    imported_at: r.startedAt,
    app_version: r.appVersion,
    rows: {
      read: r.rowsRead,
      stored: r.rowsStored,
      duplicate: r.rowsDuplicate,
      rejected: r.rowsRejected,
      rejected_by_reason: { ...r.rejectedByReason },
      repeated_header_rows: r.repeatedHeaderRows,
      blank_lines: r.blankLines ?? 0,
    },
    entries_not_imported: r.skippedEntries ?? [],
    entries_refused: (r.refusedEntries ?? []).map((x) => ({ entry: x.entryName, reason: x.message })),
  };
}
