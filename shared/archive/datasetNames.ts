import { isolateLabel } from '../domain/bidiIsolate';

/**
 * Dataset names in a message, each in the app's quotes: `dataset “a”`, `datasets “a” and “b”`,
 * `datasets “a”, “b” and “c”` (repeats named once, in order). Never one quoted string of several names.
 * A right-to-left name is isolated (U+2068 … U+2069: the message is plain text), so it cannot carry
 * the commas and the next name into its own run.
 */
export function inDatasets(names: readonly string[]): string {
  const q = [...new Set(names)].map((n) => `“${isolateLabel(n)}”`);
  return q.length === 1 ? `dataset ${q[0]}` : `datasets ${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}
