import { deriveSeed } from '../seededRandom';
import { sweepCoActions, type SweepInput } from './sweepCoActions';

export const NULL_MODEL_NAME = 'account-day-shift';
export const NULL_MODEL_DESCRIPTION =
  "Each replicate cuts every account's timeline into UTC days and moves each account-day by its own " +
  'random offset, uniform in [-S, +S] minutes (wrapping inside the observed span). Each account keeps ' +
  'its posts, its objects, its posts per day and the gaps between its posts within a day; only the ' +
  "alignment between accounts is destroyed. S is small (default max(60 min, 20 windows)) so posts stay " +
  "inside an object's burst (a viral tweet's retweet wave), where chance coincidences stay as likely " +
  'as observed. Independent offsets per day avoid the p-value floor of one rigid shift per account ' +
  '(two rigid timelines realign all their posts at once with probability ~ window/S).';

/** Default half-width of the random shift, in minutes, for a window. */
export function defaultShiftMinutes(windowSeconds: number): number {
  return Math.max(60, Math.ceil((20 * windowSeconds) / 60));
}

export interface NullModelInput extends SweepInput {
  accountCount: number;
}

export interface NullModelOutput {
  /** Mean null weight per edge. */
  expected: Float64Array;
  /** Variance of the null weight per edge (over the replicates). */
  variance: Float64Array;
  /** Number of replicates whose null weight was >= the observed weight. */
  atLeastObserved: Uint32Array;
  shiftMaxMinutes: number;
}

/**
 * Null weights for the observed edges. edgeOf maps the pair key (lowAccount * accountCount +
 * highAccount) to the edge index. Only actions of accounts on some edge can form null pairs that
 * matter, so the sweep runs on that subset: this is what keeps R replicates cheap.
 */
export function dayShiftNull(
  input: NullModelInput,
  edgeOf: Map<number, number>,
  observed: Int32Array,
  windowSeconds: number,
  maxPairsPerObject: number,
  replicates: number,
  seed: number,
  shiftMaxMinutes: number,
): NullModelOutput {
  const E = observed.length;
  const expected = new Float64Array(E);
  const squares = new Float64Array(E);
  const atLeast = new Uint32Array(E);
  const onEdge = new Uint8Array(input.accountCount);
  for (const key of edgeOf.keys()) {
    onEdge[Math.floor(key / input.accountCount)] = 1;
    onEdge[key % input.accountCount] = 1;
  }
  // Subset: actions of edge accounts on objects with >= 2 such actions.
  const perObject = new Uint32Array(input.objectCount);
  for (let i = 0; i < input.length; i++) if (onEdge[input.account[i]!]) perObject[input.object[i]!]++;
  const keep: number[] = [];
  for (let i = 0; i < input.length; i++) {
    if (onEdge[input.account[i]!] && perObject[input.object[i]!]! >= 2) keep.push(i);
  }
  const n = keep.length;
  const account = new Int32Array(n);
  const object = new Int32Array(n);
  const baseMinute = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = keep[k]!;
    account[k] = input.account[i]!;
    object[k] = input.object[i]!;
    baseMinute[k] = input.minute[i]!;
  }
  for (let i = 0; i < input.length; i++) {
    const m = input.minute[i]!;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const period = n === 0 ? 1 : max - min + 1;
  const S = Math.min(shiftMaxMinutes, Math.floor(period / 2));
  const minute = new Int32Array(n);
  const counts = new Int32Array(E);
  const lastObject = new Int32Array(E);
  const sub: SweepInput = { length: n, account, object, minute, objectCount: input.objectCount };
  for (let r = 0; r < replicates; r++) {
    const rs = deriveSeed(seed, r);
    for (let k = 0; k < n; k++) {
      // Offset of this account-day, in [0, period): a shift of -x is the wrap-around shift period - x.
      const day = Math.floor(baseMinute[k]! / 1440);
      const h = deriveSeed(deriveSeed(rs, account[k]!), day);
      const off = ((h % (2 * S + 1)) - S + period) % period;
      minute[k] = min + ((baseMinute[k]! - min + off) % period);
    }
    counts.fill(0);
    lastObject.fill(-1);
    sweepCoActions(sub, windowSeconds, maxPairsPerObject, (i, j) => {
      const a = account[i]!;
      const b = account[j]!;
      const e = edgeOf.get(a < b ? a * input.accountCount + b : b * input.accountCount + a);
      // Same weight as observed: distinct objects per pair.
      if (e !== undefined && lastObject[e] !== object[i]) {
        counts[e]++;
        lastObject[e] = object[i]!;
      }
    });
    for (let e = 0; e < E; e++) {
      expected[e] += counts[e]!;
      squares[e] += counts[e]! * counts[e]!;
      if (counts[e]! >= observed[e]!) atLeast[e]++;
    }
  }
  const variance = new Float64Array(E);
  if (replicates > 0) {
    for (let e = 0; e < E; e++) {
      expected[e] /= replicates;
      variance[e] = Math.max(0, squares[e]! / replicates - expected[e]! * expected[e]!);
    }
  }
  return { expected, variance, atLeastObserved: atLeast, shiftMaxMinutes: S };
}
