import type { AnalysisReceipt } from '../graph/analysisReceipt';
import { filterText } from './analysisScope';
import { isNum, obj, str } from './payloadValues';

/**
 * The parameters of a pinned network view's analysis in one line of words, for the report's Analysis
 * parameters table: what was built, from which tweets, the coordination detection's settings, the
 * seed and the algorithms with their versions. The receipt itself is whole in the bundle's analysis.json.
 */
export function analysisParametersText(receipt: Partial<AnalysisReceipt>): string {
  const p = obj(receipt.parameters);
  const nullModel = obj(p.nullModel);
  const sweep = Array.isArray(p.windowSweep) ? p.windowSweep.filter(isNum) : [];
  return [
    str(receipt.kind),
    filterText(p.filter) || 'every tweet of the dataset',
    isNum(p.windowSeconds) ? `window Δt ${p.windowSeconds} s` : '',
    isNum(p.minRepeat) ? `at least ${p.minRepeat} co-actions a pair` : '',
    isNum(p.alpha) ? `alpha ${p.alpha} (Benjamini–Hochberg)` : '',
    isNum(nullModel.replicates) ? `${nullModel.replicates} null-model replicates (${str(nullModel.name)}, seed ${str(nullModel.seed)})` : '',
    sweep.length ? `window sweep ${sweep.join(', ')} s` : '',
    isNum(receipt.seed) ? `seed ${receipt.seed}` : '',
    receipt.algorithms?.length ? `algorithms: ${receipt.algorithms.map((a) => `${a.name} (${a.implementation} ${a.version})`).join(', ')}` : '',
  ].filter(Boolean).join('; ');
}
