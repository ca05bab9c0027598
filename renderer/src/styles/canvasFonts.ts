/**
 * Canvas text (charts, network labels, their PNG exports) neither waits for a web font nor is drawn again when one
 * arrives: a label whose face (one unicode-range slice of Noto Sans SC, say) was not loaded yet is
 * drawn in whatever font the computer has, and stays so. Load the faces its characters need first.
 */

/** Every character of the strings in `values` (an ECharts option, a title, a caption), once each. */
export function charactersOf(...values: unknown[]): string {
  const chars = new Set<string>();
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const c of v) chars.add(c);
    else if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
    }
  };
  for (const v of values) walk(v);
  return [...chars].join('');
}

/** Plain and bold (chart titles): the faces of both weights draw a chart's text. */
export const PLAIN_AND_BOLD = ['', 'bold '];

/**
 * Null when every face of `family` that draws `chars` in `weights` ('' plain, 'bold ') is loaded
 * (draw now); else a promise settled once they are (a face that fails to load leaves the text to the
 * next face of the list).
 */
export function fontsPendingFor(chars: string, family: string, weights: readonly string[] = PLAIN_AND_BOLD): Promise<void> | null {
  if (!chars || weights.every((w) => document.fonts.check(`${w}16px ${family}`, chars))) return null;
  return Promise.all(weights.map((w) => document.fonts.load(`${w}16px ${family}`, chars).catch(() => []))).then(() => undefined);
}
