/**
 * A pinned coordination edge (EdgeDetails' payload) as a reader's fields, in words: the two accounts,
 * the weight against the null model, the detection's parameters, the window sweep as one line, and
 * each post pair with both posts' exact text (the PDF's text layer must give back every cited post).
 * Pins made before 2026-12-03 hold no texts: said, with where the exact bytes are.
 */
import { isNum, list, obj, str } from './payloadValues';

/** p- and q-values: three significant digits (3.27e-11, 0.00500), as the screen rounds them to a reading. */
const prob = (v: unknown): string => (isNum(v) ? (v !== 0 && v < 0.001 ? v.toExponential(2) : v.toPrecision(3)) : 'not computed');
const yesNo = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : 'not computed');
/** A pair's time as pinned ("2019-03-01 07:05 UTC", formatMinute's), its zone said once whatever the pin's age. */
const utc = (v: unknown): string => (str(v).endsWith(' UTC') ? str(v) : `${str(v)} UTC`);

export function coordinationEdgeFields(payload: unknown): Array<[string, string]> {
  const p = obj(payload);
  const params = obj(p.parameters);
  const nullModel = obj(params.nullModel);
  const pairs = list(p.pairs);
  const out: Array<[string, string]> = [['accounts', `${str(p.source)} and ${str(p.target)}`]];
  const objects = isNum(p.weight) ? `${p.weight} shared ${p.weight === 1 ? 'object' : 'objects'} (${pairs.length} post ${pairs.length === 1 ? 'pair' : 'pairs'})` : `${pairs.length} post pairs`;
  out.push(['weight', isNum(p.expectedWeight) ? `${objects}; expected under the null model ${p.expectedWeight.toFixed(2)}` : objects]);
  if (isNum(p.pValue) || isNum(p.qValue)) {
    out.push(['significance', `p ${prob(p.pValue)}, q ${prob(p.qValue)} (Benjamini–Hochberg); significant at alpha ${str(params.alpha)}: ${yesNo(p.significant)}`]);
  }
  if (p.stable !== undefined) out.push(['stable over the window sweep', yesNo(p.stable)]);
  const detection = [
    isNum(params.windowSeconds) ? `window Δt ${params.windowSeconds} s` : '',
    isNum(params.minRepeat) ? `at least ${params.minRepeat} co-actions` : '',
    isNum(nullModel.replicates) ? `${nullModel.replicates} null-model replicates (${str(nullModel.name)}, seed ${str(nullModel.seed)})` : '',
  ].filter(Boolean);
  if (detection.length) out.push(['detection', detection.join('; ')]);
  const windows = list(p.windows);
  if (windows.length) {
    out.push(['window sweep', windows.map((w) => `${str(w.windowSeconds)} s: ${w.present ? `weight ${str(w.weight)}, q ${prob(w.qValue)}${w.significant ? ', significant' : ''}` : 'absent'}`).join('; ')]);
  }
  pairs.forEach((pair, k) => {
    const n = k + 1;
    out.push([`pair ${n}`, `post ${str(pair.tweetA)} at ${utc(pair.timeA)} and post ${str(pair.tweetB)} at ${utc(pair.timeB)}, Δt ${str(pair.deltaSeconds)} s`]);
    out.push([`pair ${n} shared object (as compared)`, str(pair.object)]);
    if (typeof pair.textA === 'string' && typeof pair.textB === 'string') {
      out.push([`pair ${n} post ${str(pair.tweetA)}`, pair.textA]);
      out.push([`pair ${n} post ${str(pair.tweetB)}`, pair.textB]);
    } else out.push([`pair ${n} texts`, 'not in this pin (pinned before texts were kept): the exact source rows are in the bundle\'s data/source excerpts']);
  });
  return out;
}
