/** Replicates reaching the observed weight from which their share is the p-value itself. */
export const TAIL_REPLICATES = 10;
/** Below this a p-value is printed as this: smaller values are beyond what the fit can claim (and would underflow to 0). */
export const P_FLOOR = 1e-300;

export interface NullWeights {
  observed: number;
  /** Mean and variance of the edge's null weight over the replicates. */
  mean: number;
  variance: number;
  /** Replicates whose null weight reached the observed one. */
  atLeast: number;
  replicates: number;
}

/**
 * An edge's p-value from its null-model replicates. With R replicates the empirical p-value
 * (1 + k) / (R + 1) cannot go below 1 / (R + 1) (0.005 for 199), far above what a false-discovery
 * correction over thousands of account pairs needs: the planted groups and the chance
 * coincidences of popular tweets would get the same p. Where few replicates reach the observed
 * weight (k < TAIL_REPLICATES), the tail is read from a count distribution fitted to the null
 * weights' mean and variance instead (negative binomial when they are overdispersed, else Poisson),
 * never below k / (R + 1), what the replicates show directly, nor below P_FLOOR.
 */
export function edgePValue(n: NullWeights): number {
  if (n.replicates <= 0) return 1;
  const empirical = (1 + n.atLeast) / (n.replicates + 1);
  if (n.atLeast >= TAIL_REPLICATES) return empirical;
  // A null mean of 0 (no replicate co-acted) would make any weight impossible: the mean is taken
  // at least at 3 / R, the 95% upper bound of a rate never seen in R replicates (the rule of three).
  const mean = Math.max(n.mean, 3 / n.replicates);
  const variance = Math.max(n.variance, mean);
  const tail = variance > mean * (1 + 1e-9) ? negativeBinomialTail(n.observed, mean, variance) : poissonTail(n.observed, mean);
  return Math.min(1, Math.max(tail, n.atLeast / (n.replicates + 1), P_FLOOR));
}

/**
 * The p-value of an edge given that its pair co-acted at all: P(X >= w | X >= 1) = P(X >= w) / P(X >= 1)
 * under the pair's null (P(X >= 1) from the same fit, its mean taken at least at 3 / R as above). Only
 * pairs that co-acted are tested, and the false-discovery correction counts exactly those: tested
 * unconditionally, each such pair would start from a p near its chance of co-acting once (~0.015 for
 * rare co-actors), so at a minimum repeat of 1 thousands of one-off coincidences came out
 * significant. Conditioned on the selection, a single coincidence has p = 1.
 */
export function selectedEdgePValue(n: NullWeights): number {
  if (n.replicates <= 0) return 1;
  const mean = Math.max(n.mean, 3 / n.replicates);
  const variance = Math.max(n.variance, mean);
  const once = variance > mean * (1 + 1e-9) ? negativeBinomialTail(1, mean, variance) : poissonTail(1, mean);
  return Math.min(1, Math.max(edgePValue(n) / once, P_FLOOR));
}

/** P(X >= w) for X ~ Poisson(mean). */
export function poissonTail(w: number, mean: number): number {
  if (w <= 0) return 1;
  const logPmf = (k: number) => -mean + k * Math.log(mean) - logGamma(k + 1);
  return tailSum(w, mean, logPmf(w), (k) => mean / (k + 1), logPmf);
}

/** P(X >= w) for a negative binomial with this mean and variance (variance > mean). */
export function negativeBinomialTail(w: number, mean: number, variance: number): number {
  if (w <= 0) return 1;
  const r = (mean * mean) / (variance - mean);
  const q = mean / variance; // success probability: mean = r (1 - q) / q
  const logPmf = (k: number) => logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(q) + k * Math.log1p(-q);
  return tailSum(w, mean, logPmf(w), (k) => ((k + r) / (k + 1)) * (1 - q), logPmf);
}

/**
 * P(X >= w) from the pmf: summed upward from w when w is above the mean (a small tail, summed
 * without cancellation), else 1 minus the sum below w.
 */
function tailSum(w: number, mean: number, logPmfW: number, ratio: (k: number) => number, logPmf: (k: number) => number): number {
  if (w > mean) {
    let term = Math.exp(logPmfW);
    let sum = 0;
    for (let k = w; term > 0 && k < w + 100_000; k++) {
      sum += term;
      if (term < sum * 1e-17) break;
      term *= ratio(k);
    }
    return Math.min(1, sum);
  }
  let below = 0;
  for (let k = 0; k < w; k++) below += Math.exp(logPmf(k));
  return Math.min(1, Math.max(0, 1 - below));
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
