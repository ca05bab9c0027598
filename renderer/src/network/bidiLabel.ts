import { isolateBidi, needsIsolation } from '../../../shared/domain/bidiIsolate';

/**
 * Canvas text has no dir="auto": wrapping a label in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE makes the bidi algorithm lay out Arabic/Hebrew names right-to-left on their own and
 * keeps neighbouring Latin text from reordering them, and contains a name's own bidi controls.
 * Other labels are unchanged.
 */
export function isolateLabel(text: string): string {
  return needsIsolation(text) ? isolateBidi(text) : text;
}
