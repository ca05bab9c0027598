/** The coordination parameters an analyst sets (CLI flags, the Network form). */
export interface CoordinationParameters {
  windowSeconds: number;
  minRepeat: number;
  alpha: number;
  replicates: number;
}

/**
 * With R null-model replicates the replicates alone give no p-value below 1 / (R + 1): with fewer
 * than this, an edge could be significant only through the tail fitted to them (nullTail.ts), from
 * too few null weights to trust their mean and variance.
 */
export const fewestReplicates = (alpha: number): number => Math.ceil(1 / alpha) - 1;

/** One thing wrong, in words, and the parameter it is about (the form marks that field invalid). */
export interface ParameterProblem {
  field: keyof CoordinationParameters;
  text: string;
}

/**
 * What is wrong with a set of parameters (empty: nothing). The CLI refuses the same values through
 * its flag checks; the form shows these instead of drawing a misleading result (0 significant
 * edges from 5 replicates reads as "no coordination").
 */
export function parameterProblems(p: CoordinationParameters): ParameterProblem[] {
  const out: ParameterProblem[] = [];
  if (!(p.windowSeconds > 0)) out.push({ field: 'windowSeconds', text: 'The window Δt must be above 0 seconds (any window under 60 s means “same minute”).' });
  if (!(Number.isInteger(p.minRepeat) && p.minRepeat >= 1)) out.push({ field: 'minRepeat', text: 'Minimum repeats must be a whole number of at least 1.' });
  const alphaOk = p.alpha > 0 && p.alpha < 1;
  if (!alphaOk) out.push({ field: 'alpha', text: 'The FDR alpha must be between 0 and 1 (0.05 is usual).' });
  if (!(Number.isInteger(p.replicates) && p.replicates >= 1)) out.push({ field: 'replicates', text: 'Null-model replicates must be a whole number of at least 1.' });
  else if (alphaOk && p.replicates < fewestReplicates(p.alpha)) {
    out.push({
      field: 'replicates',
      text: `${p.replicates} null-model replicates are too few: alone they cannot show a p-value at or below alpha ${p.alpha}, and a tail fitted to so few null weights is not to be trusted: use at least ${fewestReplicates(p.alpha)}.`,
    });
  }
  return out;
}
