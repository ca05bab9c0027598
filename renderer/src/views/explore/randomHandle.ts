/**
 * "Random-looking handle", a simple documented heuristic (not a classifier). A clear (unhashed)
 * screen name is flagged when any of these holds:
 *  - it ends in a run of ≥ 5 digits (e.g. "lily37281", typical of auto-suggested handles);
 *  - it contains a run of ≥ 5 consonant letters (a–z without a e i o u y), e.g. "xkqzvtr";
 *  - it is ≥ 8 characters and its character entropy is ≥ 3.3 bits per character with digits and
 *    letters mixed (e.g. "a8Fk2Lq9xZ").
 * Hashed handles are never flagged (they are hashes, not handles).
 */
export const RANDOM_HANDLE_RULE =
  'trailing run of ≥ 5 digits, or ≥ 5 consonants in a row, or ≥ 8 characters mixing letters and digits with entropy ≥ 3.3 bits/char';

export function charEntropy(s: string): number {
  const freq = new Map<string, number>();
  for (const ch of s) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of freq.values()) h -= (c / n) * Math.log2(c / n);
  return h;
}

export function randomHandleReasons(handle: string): string[] {
  const s = handle.replace(/^@/, '');
  const reasons: string[] = [];
  if (/[0-9]{5,}$/.test(s)) reasons.push('trailing digits');
  if (/[b-df-hj-np-tv-xz]{5,}/i.test(s)) reasons.push('consonant run');
  if (s.length >= 8 && /[0-9]/.test(s) && /[a-z]/i.test(s) && charEntropy(s) >= 3.3) reasons.push('high entropy');
  return reasons;
}

export function isRandomLookingHandle(handle: string, hashed: boolean): boolean {
  return !hashed && handle !== '' && randomHandleReasons(handle).length > 0;
}
