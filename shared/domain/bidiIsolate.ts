/**
 * Archive text (a display name, a screen name) placed inside a sentence the app writes. A name
 * holding a bidi control, U+202E RIGHT-TO-LEFT OVERRIDE say, would reorder the app's own words
 * around it: "Edge A → B" would read "B ← A". Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE, balanced against the isolates the name opens or closes itself, every embedding, override
 * and isolate it starts ends with it (Unicode bidi algorithm, UAX #9).
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const OPENS_ISOLATE = new Set(['\u2066', '\u2067', '\u2068']);

export function isolateBidi(text: string): string {
  let open = 0;
  let stray = 0;
  for (const c of text) {
    if (OPENS_ISOLATE.has(c)) open++;
    else if (c === '\u2069') open > 0 ? open-- : stray++;
  }
  // A stray PDI inside would close our isolate early: one more FSI in front for each.
  return '\u2068'.repeat(1 + stray) + text + '\u2069'.repeat(1 + open);
}

/** The name isolated only where it holds a bidi control: others stay as they are, with no invisible characters added to titles and exports. */
export function containBidi(text: string): string {
  return BIDI_CONTROL.test(text) ? isolateBidi(text) : text;
}

/**
 * Canvas text has no dir="auto": a label with right-to-left letters (Hebrew, Arabic and their
 * presentation forms) is isolated so the bidi algorithm lays it out right-to-left on its own and
 * neighbouring Latin text does not reorder it; one with bidi controls, so they stay inside it.
 * Other labels are unchanged.
 */
export function isolateLabel(text: string): string {
  return BIDI_CONTROL.test(text) || /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(text) ? isolateBidi(text) : text;
}
