/**
 * Benjamini–Hochberg q-values: q_(i) = min over j >= i of (m / j) * p_(j), capped at 1,
 * with p sorted ascending. Returned in the input order.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const q = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k]!;
    running = Math.min(running, (pValues[i]! * m) / (k + 1));
    q[i] = running;
  }
  return q;
}
