/**
 * Benjamini–Hochberg q-values: q_(i) = min over j >= i of (m / j) * p_(j), capped at 1,
 * with p sorted ascending. Returned in the input order. `m`, the number of hypotheses, may exceed
 * the p-values given: the others count as p = 1 (tested and not listed), which only raises q.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>, m = pValues.length): Float64Array {
  if (m < pValues.length) throw new Error(`benjaminiHochberg: m = ${m} is below the ${pValues.length} p-values`);
  const n = pValues.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const q = new Float64Array(n);
  let running = 1;
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    running = Math.min(running, (pValues[i]! * m) / (k + 1));
    q[i] = running;
  }
  return q;
}
