import type { TweetColumns } from '../../domain/tweet';
import { detectCoordination } from './detectCoordination';
import type { CoordinationOptions, CoordinationResult } from './coordinationTypes';

export const STABILITY_WINDOWS_SECONDS = [10, 30, 60, 300, 900, 3600] as const;

export interface EdgeWindowPresence {
  windowSeconds: number;
  present: boolean;
  significant: boolean;
  weight: number;
  qValue: number | null;
}

export interface EdgeStability {
  source: string;
  target: string;
  windows: EdgeWindowPresence[];
  /** Significant at every window from 60 s up to the largest swept (the reading analysts trust). */
  stable: boolean;
}

/**
 * Runs detection at each window (same kind, minRepeat, seed) and reports, for every edge found at
 * any window, where it is present and significant. Minute-precision data cannot tell 10 s from
 * 30 s from 0 s: those windows all mean "same minute".
 */
export function windowStability(
  c: TweetColumns,
  options: CoordinationOptions,
  windows: readonly number[] = STABILITY_WINDOWS_SECONDS,
  /** Called after each window, with how many are done (the sweep can take tens of seconds). */
  onWindow?: (done: number) => void,
): { edges: EdgeStability[]; results: CoordinationResult[] } {
  const results = windows.map((w, i) => {
    const r = detectCoordination(c, { ...options, windowSeconds: w });
    onWindow?.(i + 1);
    return r;
  });
  const byPair = new Map<string, EdgeStability>();
  const key = (s: string, t: string): string => s + '\u0000' + t;
  // Each window's edges by pair: a search of the edge list per pair and window was quadratic (a
  // minimum repeat of 1 at the hour window has ~125,000 edges: the sweep did not finish in 5 minutes).
  const edgesByPair = results.map((r) => new Map(r.edges.map((e) => [key(e.source, e.target), e])));
  results.forEach((r) => {
    for (const e of r.edges) {
      if (!byPair.has(key(e.source, e.target))) byPair.set(key(e.source, e.target), { source: e.source, target: e.target, windows: [], stable: false });
    }
  });
  for (const [k, st] of byPair) {
    st.windows = results.map((r, i) => {
      const e = edgesByPair[i]!.get(k);
      return { windowSeconds: r.windowSeconds, present: !!e, significant: !!e?.significant, weight: e?.weight ?? 0, qValue: e ? e.qValue : null };
    });
    const fromMinute = st.windows.filter((w) => w.windowSeconds >= 60);
    st.stable = fromMinute.length > 0 && fromMinute.every((w) => w.significant);
  }
  return { edges: [...byPair.values()], results };
}
