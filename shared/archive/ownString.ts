/**
 * A copy of a string that does not pin its source. Parsed field values are V8 "sliced strings" of
 * the whole decoded CSV record: a Map keyed by 1 M tweet ids would otherwise keep 1 M records alive.
 * Used for every key the import keeps until its end (dedupe sets, counters, edges). Strings under
 * 13 characters are never sliced in V8, so they are returned as they are.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
