/**
 * QA: the Network form's FDR alpha spinner went down to 0, which Build refuses ("must be above 0"),
 * and the replicates spinner to 1, too few for the alpha. Each field's min is now the least value
 * parameterProblems accepts with the others as they are.
 */
import { describe, expect, it } from 'vitest';
import { COORDINATION_DEFAULTS } from '../../../shared/graph/coordination/detectCoordination';
import { leastAccepted, parameterProblems, smallestAlpha, type CoordinationParameters } from '../../../shared/graph/coordination/parameterProblems';

const DEFAULTS: CoordinationParameters = { windowSeconds: COORDINATION_DEFAULTS.windowSeconds, minRepeat: COORDINATION_DEFAULTS.minRepeat, alpha: COORDINATION_DEFAULTS.alpha, replicates: COORDINATION_DEFAULTS.replicates };
const refused = (p: CoordinationParameters) => parameterProblems(p).map((x) => x.field);

describe('leastAccepted: where a coordination field\'s spinner stops', () => {
  it('alpha: the smallest the replicates can show, accepted; anything below it refused', () => {
    expect(leastAccepted('alpha', DEFAULTS)).toBe(0.005); // 199 replicates: 1/200
    const wrong: number[] = [];
    for (let replicates = 1; replicates <= 20_000; replicates++) {
      const alpha = smallestAlpha(replicates);
      // Floating point puts 1/(1/(R+1)) above R+1 for some R (48: 1/49): the least is still accepted.
      if (refused({ ...DEFAULTS, replicates, alpha }).length || !refused({ ...DEFAULTS, replicates, alpha: alpha * (1 - 1e-9) }).length) wrong.push(replicates);
    }
    expect(wrong).toEqual([]);
  });
  it('replicates: the fewest the alpha needs, accepted; one fewer refused', () => {
    for (const alpha of [0.5, 0.3, 0.1, 0.05, 0.049, 0.01, 0.005, 0.001, 1e-4]) {
      const replicates = leastAccepted('replicates', { ...DEFAULTS, alpha })!;
      expect(refused({ ...DEFAULTS, alpha, replicates }), String(alpha)).toEqual([]);
      if (replicates > 1) expect(refused({ ...DEFAULTS, alpha, replicates: replicates - 1 }), String(alpha)).toEqual(['replicates']);
    }
    expect(leastAccepted('replicates', DEFAULTS)).toBe(19);
  });
  it('window and minimum repeats: their range\'s min, accepted; one less refused', () => {
    for (const field of ['windowSeconds', 'minRepeat'] as const) {
      const least = leastAccepted(field, DEFAULTS)!;
      expect(refused({ ...DEFAULTS, [field]: least })).toEqual([]);
      expect(refused({ ...DEFAULTS, [field]: least - 1 })).toEqual([field]);
    }
  });
  it('none where it rests on a field that is itself out of range', () => {
    expect(leastAccepted('alpha', { ...DEFAULTS, replicates: 0 })).toBeUndefined();
    expect(leastAccepted('replicates', { ...DEFAULTS, alpha: 0 })).toBeUndefined();
  });
});
