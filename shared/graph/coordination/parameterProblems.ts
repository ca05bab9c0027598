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
 * The smallest FDR alpha that R replicates can show (fewestReplicates(alpha) ≤ R): 1 / (R + 1), or the
 * next number up where floating point puts 1 / (1 / (R + 1)) a hair above R + 1 (R = 48: 1/49).
 */
export function smallestAlpha(replicates: number): number {
  let alpha = 1 / (replicates + 1);
  for (let i = 0; i < 4 && fewestReplicates(alpha) > replicates; i++) alpha += alpha * Number.EPSILON;
  return alpha;
}

/**
 * The least value of a parameter that parameterProblems accepts with the others as they are, where
 * the form's spinner stops (pressing ↓ never makes a value Build refuses): alpha is only "above 0"
 * in its range, so its least is the smallest the replicates can show (smallestAlpha); replicates,
 * at least fewestReplicates(alpha); the others, their range's min. Undefined where that rests on
 * another parameter that is itself out of range.
 */
export function leastAccepted(field: keyof CoordinationParameters, p: CoordinationParameters): number | undefined {
  if (field === 'alpha') return inRange(p.replicates, COORDINATION_RANGES.replicates) ? Math.min(smallestAlpha(p.replicates), COORDINATION_RANGES.alpha.max!) : undefined;
  if (field === 'replicates') return inRange(p.alpha, COORDINATION_RANGES.alpha) ? Math.max(COORDINATION_RANGES.replicates.min, fewestReplicates(p.alpha)) : undefined;
  return COORDINATION_RANGES[field].min;
}

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
