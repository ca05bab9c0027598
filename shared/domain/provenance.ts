/** Where a stored record came from: enough to quote the exact source bytes later. */
export interface Provenance {
  /** SHA-256 (lowercase hex) of the whole source file, computed while importing. */
  fileSha256: string;
  /** 1-based data row number in the source file (header row = row 0 / not counted). */
  row: number;
  /** Byte offset of the first byte of the record in the (decompressed) source file. */
  byteOffset: number;
  /** Byte length of the record, excluding the line terminator. */
  byteLength: number;
}
