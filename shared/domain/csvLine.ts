/** One CSV record (RFC 4180): every field quoted, so ids and numbers stay text in a spreadsheet's import; CRLF. */
export const csvLine = (fields: readonly string[]): string => fields.map((f) => '"' + f.replace(/"/g, '""') + '"').join(',') + '\r\n';
