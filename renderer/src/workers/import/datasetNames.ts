/**
 * Dataset names in a message, each quoted: `dataset "a"`, `datasets "a" and "b"`,
 * `datasets "a", "b" and "c"` (repeats named once, in order). Never one quoted string of several names.
 */
export function inDatasets(names: readonly string[]): string {
  const q = [...new Set(names)].map((n) => `"${n}"`);
  return q.length === 1 ? `dataset ${q[0]}` : `datasets ${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}
