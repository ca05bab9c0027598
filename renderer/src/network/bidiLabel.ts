/**
 * Canvas text has no dir="auto": wrapping a label in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE makes the bidi algorithm lay out Arabic/Hebrew names right-to-left on their own and
 * keeps neighbouring Latin text from reordering them. The label text itself is unchanged.
 */
export function isolateLabel(text: string): string {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(text) ? '\u2068' + text + '\u2069' : text;
}

/** Strips the isolates again (for SVG text, which gets direction="auto"-like handling by attribute). */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
