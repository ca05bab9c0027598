import { inRange, type NumberRange } from '../../domain/numberRange';

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

/**
 * The one rule for the coordination parameters: the CLI's flags, the Network form's fields and
 * parameterProblems all read it. Whole seconds up to a day: tweet_time has minute precision (any
 * window under 60 s means "same minute"), and past a day the null model's account-days are shorter
 * than the window. An FDR alpha above 0.5 would let most "significant" edges be false.
 */
export const COORDINATION_RANGES: Readonly<Record<keyof CoordinationParameters, NumberRange>> = {
  windowSeconds: { min: 1, max: 86_400, integer: true },
  minRepeat: { min: 1, integer: true },
  alpha: { min: 0, above: true, max: 0.5 },
  replicates: { min: 1, integer: true },
};

/** One thing wrong, in words, and the parameter it is about (the form marks that field invalid). */
export interface ParameterProblem {
  field: keyof CoordinationParameters;
  text: string;
}

const OUT_OF_RANGE: Record<keyof CoordinationParameters, string> = {
  windowSeconds: 'The window Δt must be a whole number of seconds from 1 to 86,400 (one day); any window under 60 s means “same minute”.',
  minRepeat: 'Minimum repeats must be a whole number of at least 1.',
  alpha: 'The FDR alpha must be above 0 and at most 0.5 (0.05 is usual).',
  replicates: 'Null-model replicates must be a whole number of at least 1.',
};

/**
 * What is wrong with a set of parameters (empty: nothing). The CLI refuses the same values through
 * its flag checks; the form shows these instead of drawing a misleading result (0 significant
 * edges from 5 replicates reads as "no coordination").
 */
export function parameterProblems(p: CoordinationParameters): ParameterProblem[] {
  const out: ParameterProblem[] = [];
  for (const field of Object.keys(COORDINATION_RANGES) as (keyof CoordinationParameters)[]) {
    if (!inRange(p[field], COORDINATION_RANGES[field])) out.push({ field, text: OUT_OF_RANGE[field] });
  }
  const refused = new Set(out.map((x) => x.field));
  if (!refused.has('alpha') && !refused.has('replicates') && p.replicates < fewestReplicates(p.alpha)) {
    out.push({
      field: 'replicates',
      text: `${p.replicates} null-model replicates are too few: alone they cannot show a p-value at or below alpha ${p.alpha}, and a tail fitted to so few null weights is not to be trusted: use at least ${fewestReplicates(p.alpha)}.`,
    });
  }
  return out;
}
