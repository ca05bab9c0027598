/** The separator of joined search text: U+0000 never occurs in a search term, so a match never spans rows. */
export const SEP = '\u0000';

/** Rows joined with SEP, and where each starts (starts[n] = joined.length + 1). */
export function joinRows(rows: string[]): { joined: string; starts: Int32Array } {
  const starts = new Int32Array(rows.length + 1);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    starts[i] = at;
    at += rows[i]!.length + 1;
  }
  starts[rows.length] = at;
  return { joined: rows.join(SEP), starts };
}
