/**
 * The core loop: group actions by object, order each group by time, and slide a window over it.
 * Sorting is one numeric Float64Array sort (time packed with the index) plus a stable counting
 * sort by object: no comparator callbacks, no per-pair allocation.
 */
export interface SweepInput {
  length: number;
  account: Int32Array;
  object: Int32Array;
  /** UTC minutes. */
  minute: Int32Array;
  objectCount: number;
}

export interface SweepHub {
  object: number;
  actions: number;
  pairsInWindow: number;
}

/**
 * Calls onPair(i, j) for every two actions i, j (indices into the input, time(i) <= time(j)) on the
 * same object by different accounts with |Δt| <= windowSeconds. Objects whose in-window pair count
 * exceeds maxPairsPerObject are skipped whole and returned, never silently truncated.
 */
export function sweepCoActions(
  input: SweepInput,
  windowSeconds: number,
  maxPairsPerObject: number,
  onPair: (i: number, j: number) => void,
): SweepHub[] {
  const n = input.length;
  const { account, object, minute } = input;
  const order = orderByObjectThenTime(input);
  const windowMinutes = Math.floor(windowSeconds / 60); // minute precision: Δt is a multiple of 60 s
  const hubs: SweepHub[] = [];
  let s = 0;
  while (s < n) {
    const obj = object[order[s]!]!;
    let e = s + 1;
    while (e < n && object[order[e]!] === obj) e++;
    if (e - s > 1) {
      // Count in-window pairs first (two pointers), so a hub is skipped whole.
      let pairs = 0;
      let hi = s;
      for (let i = s; i < e; i++) {
        if (hi < i + 1) hi = i + 1;
        const limit = minute[order[i]!]! + windowMinutes;
        while (hi < e && minute[order[hi]!]! <= limit) hi++;
        pairs += hi - i - 1;
      }
      if (pairs > maxPairsPerObject) {
        hubs.push({ object: obj, actions: e - s, pairsInWindow: pairs });
      } else if (pairs > 0) {
        for (let i = s; i < e; i++) {
          const ai = order[i]!;
          const limit = minute[ai]! + windowMinutes;
          const acc = account[ai]!;
          for (let j = i + 1; j < e; j++) {
            const aj = order[j]!;
            if (minute[aj]! > limit) break;
            if (account[aj] !== acc) onPair(ai, aj);
          }
        }
      }
    }
    s = e;
  }
  return hubs;
}

/** Indices sorted by (object, minute, index). */
export function orderByObjectThenTime(input: SweepInput): Uint32Array {
  const n = input.length;
  const { object, minute } = input;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const m = minute[i]!;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const byTime = new Uint32Array(n);
  const indexScale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  if (n > 0 && (max - min + 1) * indexScale < 2 ** 53) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (minute[i]! - min) * indexScale + i;
    keys.sort();
    for (let i = 0; i < n; i++) byTime[i] = keys[i]! % indexScale;
  } else {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => minute[a]! - minute[b]! || a - b);
    for (let i = 0; i < n; i++) byTime[i] = idx[i]!;
  }
  // Stable counting sort by object keeps time order inside each object.
  const starts = new Uint32Array(input.objectCount + 1);
  for (let i = 0; i < n; i++) starts[object[i]! + 1]++;
  for (let o = 0; o < input.objectCount; o++) starts[o + 1] += starts[o]!;
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byTime[k]!;
    out[starts[object[i]!]++] = i;
  }
  return out;
}
