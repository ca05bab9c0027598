import type { TweetColumns } from '../../domain/tweet';
import { extractCoActions, type CoActions } from './coActions';
import { sweepCoActions } from './sweepCoActions';
import { dayShiftNull, defaultShiftMinutes, NULL_MODEL_DESCRIPTION, NULL_MODEL_NAME } from './dayShiftNull';
import { benjaminiHochberg } from './benjaminiHochberg';
import { selectedEdgePValue } from './nullTail';
import type { CoordinationEdge, CoordinationOptions, CoordinationPair, CoordinationResult } from './coordinationTypes';

export const COORDINATION_DEFAULTS = {
  windowSeconds: 60,
  minRepeat: 3,
  replicates: 199,
  seed: 1,
  alpha: 0.05,
  maxPairsPerObject: 250_000,
  includeRetweets: false,
} as const;

/**
 * Account pairs that acted on the same object (retweeted tweet, text, link, replied-to tweet)
 * within the window at least minRepeat times, each with its evidence pairs and its significance
 * against a per-account circular-shift null model (p from the replicates: nullTail.ts;
 * Benjamini–Hochberg q over every pair that co-acted at least once).
 */
export function detectCoordination(c: TweetColumns, options: CoordinationOptions): CoordinationResult {
  const o = { ...COORDINATION_DEFAULTS, ...stripUndefined(options), kind: options.kind };
  const t0 = performance.now();
  const acts = extractCoActions(c, o.kind, o.filter, o.includeRetweets);
  const A = acts.accountIds.length;
  const input = { length: acts.length, account: acts.account, object: acts.object, minute: acts.minute, objectCount: acts.objectKeys.length };
  const pairKey = (a: number, b: number): number => (a < b ? a * A + b : b * A + a);

  // Pass 1: per account pair, count the distinct objects they co-acted on (an account that
  // retweets the same tweet twice must not double the weight). The sweep visits one object at a
  // time, so remembering the last object per pair is enough.
  const pairIndex = new Map<number, number>();
  let pairCount = new Int32Array(1024);
  let pairLastObject = new Int32Array(1024);
  const hubs = sweepCoActions(input, o.windowSeconds, o.maxPairsPerObject, (i, j) => {
    const k = pairKey(acts.account[i]!, acts.account[j]!);
    const obj = acts.object[i]!;
    let p = pairIndex.get(k);
    if (p === undefined) {
      p = pairIndex.size;
      pairIndex.set(k, p);
      if (p === pairCount.length) {
        pairCount = growInt32(pairCount);
        pairLastObject = growInt32(pairLastObject);
      }
      pairCount[p] = 1;
      pairLastObject[p] = obj;
    } else if (pairLastObject[p] !== obj) {
      pairCount[p]++;
      pairLastObject[p] = obj;
    }
  });
  const edgeOf = new Map<number, number>();
  const keys: number[] = [];
  let heaviestPairWeight = 0;
  for (const [k, p] of pairIndex) {
    if (pairCount[p]! >= o.minRepeat) keys.push(k);
    if (pairCount[p]! > heaviestPairWeight) heaviestPairWeight = pairCount[p]!;
  }
  keys.sort((x, y) => x - y);
  keys.forEach((k, e) => edgeOf.set(k, e));
  const E = keys.length;
  const observed = new Int32Array(E);
  for (let e = 0; e < E; e++) observed[e] = pairCount[pairIndex.get(keys[e]!)!]!;

  // Pass 2: collect the evidence pairs of the surviving edges only.
  const evidence: number[][] = Array.from({ length: E }, () => []);
  sweepCoActions(input, o.windowSeconds, o.maxPairsPerObject, (i, j) => {
    const e = edgeOf.get(pairKey(acts.account[i]!, acts.account[j]!));
    if (e !== undefined) evidence[e]!.push(i, j);
  });

  const t1 = performance.now();
  const nul = dayShiftNull(
    { ...input, accountCount: A }, edgeOf, observed, o.windowSeconds, o.maxPairsPerObject, o.replicates, o.seed,
    o.nullShiftMinutes ?? defaultShiftMinutes(o.windowSeconds),
  );
  const t2 = performance.now();
  const p = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    p[e] = selectedEdgePValue({ observed: observed[e]!, mean: nul.expected[e]!, variance: nul.variance[e]!, atLeast: nul.atLeastObserved[e]!, replicates: o.replicates });
  }
  // The false-discovery rate is over every pair that co-acted at least once (each tested given that it
  // did: selectedEdgePValue): minRepeat picks which pairs are shown, and a correction over those alone
  // would not hold the rate for the pairs screened.
  const q = benjaminiHochberg(p, pairIndex.size);

  const edges: CoordinationEdge[] = [];
  for (let e = 0; e < E; e++) {
    const k = keys[e]!;
    let s = acts.accountIds[Math.floor(k / A)]!;
    let t = acts.accountIds[k % A]!;
    const swap = s > t;
    if (swap) [s, t] = [t, s];
    const ev = evidence[e]!;
    const pairs: CoordinationPair[] = [];
    for (let x = 0; x < ev.length; x += 2) {
      let i = ev[x]!;
      let j = ev[x + 1]!;
      if (acts.accountIds[acts.account[i]!] !== s) [i, j] = [j, i];
      const ti = acts.minute[i]!;
      const tj = acts.minute[j]!;
      pairs.push({
        tweetA: c.tweetid[acts.post[i]!]!,
        tweetB: c.tweetid[acts.post[j]!]!,
        timeA: ti,
        timeB: tj,
        deltaSeconds: Math.abs(tj - ti) * 60,
        object: acts.objectKeys[acts.object[i]!]!,
      });
    }
    edges.push({
      source: s, target: t, weight: observed[e]!, expectedWeight: nul.expected[e]!,
      pValue: p[e]!, qValue: q[e]!, significant: o.replicates > 0 && q[e]! <= o.alpha, pairs,
    });
  }
  edges.sort((x, y) => y.weight - x.weight || cmp(x.source, y.source) || cmp(x.target, y.target));
  return {
    kind: o.kind,
    windowSeconds: o.windowSeconds,
    minRepeat: o.minRepeat,
    alpha: o.alpha,
    actions: acts.length,
    objects: acts.objectKeys.length,
    accounts: A,
    postsByAccount: postsByAccount(acts),
    tweetsFiltered: acts.tweetsFiltered,
    candidatePairs: pairIndex.size,
    heaviestPairWeight,
    edges,
    cappedObjects: hubs.map((h) => ({ object: acts.objectKeys[h.object]!, actions: h.actions, pairsInWindow: h.pairsInWindow })),
    timingsMs: { detection: t1 - t0, significance: performance.now() - t1, nullModel: t2 - t1 },
    nullModel: {
      name: NULL_MODEL_NAME,
      description: NULL_MODEL_DESCRIPTION,
      replicates: o.replicates,
      seed: o.seed,
      shiftMaxMinutes: nul.shiftMaxMinutes,
    },
  };
}

function growInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Posts per account among the actions (a post with two links is two actions, one post; its actions are adjacent). */
function postsByAccount(acts: CoActions): Record<string, number> {
  const counts = new Int32Array(acts.accountIds.length);
  for (let k = 0; k < acts.length; k++) if (k === 0 || acts.post[k] !== acts.post[k - 1]) counts[acts.account[k]!]++;
  return Object.fromEntries(acts.accountIds.map((id, a) => [id, counts[a]!]));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
