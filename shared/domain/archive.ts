/** The kinds of file the importer recognises, always from the header row, never the file name. */
export type ArchiveFormat =
  | 'twitter-io-users' // 10 columns
  | 'twitter-io-tweets' // 31 (or 30, no poll_choices) columns; 2018 or 2019+ column order
  | 'fivethirtyeight-ira-tweets' // 21 columns, M/D/YYYY H:MM
  | 'reddit-suspicious-accounts' // headerless username,karma
  | 'reddit-praw-users' // third-party harvest, 12 columns
  | 'meta-indicators' // indicator_type,indicator_value,comment,ds
  | 'meta-killchain'; // Tactic,Technique,Procedure,Indicator[,Note]

export interface DetectedFormat {
  format: ArchiveFormat;
  /** e.g. '2018' | '2019+' for Twitter files; '' where a format has one version. */
  version: string;
  columns: string[];
  hasHeader: boolean;
}

/** Why a row was quarantined. Stable codes: automation and tests match on them. */
export type QuarantineReason =
  | 'field-count' // wrong number of fields
  | 'invalid-utf8'
  | 'spreadsheet-damaged-id' // 9.06E+17, rounded ids
  | 'invalid-id' // id column neither numeric nor a known hash shape
  | 'impossible-date'
  | 'invalid-number'
  | 'invalid-value' // e.g. is_retweet neither true nor false
  | 'unterminated-quote' // file ended inside a quoted field: in receipts stored before 2026-12-01; such a file is now refused as cut short
  | 'stray-quote' // text after a quoted field's closing quote: an undoubled quote inside the field
  | 'field-too-large'
  | 'nul-byte' // a NUL byte (U+0000) in the row: no text CSV holds one (a file that starts so is refused as binary)
  | 'conflicting-duplicate' // an account id, Reddit name or tweet id read before, with other values: the first is kept
  | 'duplicate-header'; // not a rejection: counted separately (repeated header rows are skipped)

export interface QuarantinedRow {
  fileSha256: string;
  row: number;
  byteOffset: number;
  byteLength: number;
  reason: QuarantineReason;
  /** Human-readable detail, e.g. "tweetid '9.06E+17' is spreadsheet E-notation". */
  detail: string;
  /** The raw record (decoded leniently, truncated to 2,000 chars) so the analyst sees it. */
  raw: string;
}

/** What a receipt says of its unendedLastRow, after the row (the app and the CLI say the same). */
export const UNENDED_LAST_ROW_NOTE = "ends the file with no line break: if the file may be cut short, compare its size with the published one's";

/** One receipt per imported file: what went in, what came out, and why anything was rejected. */
export interface ImportReceipt {
  fileName: string;
  /** Path inside a zip, when the file came from one. */
  entryName?: string;
  size: number;
  sha256: string;
  format: ArchiveFormat;
  formatVersion: string;
  rowsRead: number;
  rowsStored: number;
  rowsDuplicate: number;
  rowsRejected: number;
  rejectedByReason: Partial<Record<QuarantineReason, number>>;
  repeatedHeaderRows: number;
  /** Empty lines (no row in them). Absent from receipts stored before 2026-11-30. */
  blankLines?: number;
  /**
   * The last row's number when no line break follows it (the file ends inside that row): stored as it
   * ends, since a file written without a final line break (a spreadsheet's, Reddit's list) reads so,
   * but a file cut inside its last field reads so too. Absent when the file ends with a line break.
   */
  unendedLastRow?: number;
  startedAt: string;
  durationMs: number;
  appVersion: string;
  /** SHA-256 of the decompressed CSV entry when the file is a .gz or .zip (provenance offsets refer to it). */
  entrySha256?: string;
  /** Bytes of the decompressed CSV entry (equals size for a plain CSV). */
  entrySize?: number;
  /** The zip's other entries, not CSV files and so not imported (directories and macOS metadata left out). */
  skippedEntries?: string[];
  /** The zip's CSV entries refused before they delivered anything (binary, no known header, empty), with why. */
  refusedEntries?: { entryName: string; message: string }[];
}
