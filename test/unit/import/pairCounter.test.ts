import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairCounter } from '../../../renderer/src/workers/import/pairCounter';

const counted = (c: PairCounter) => {
  const out = new Map<string, number>();
  c.forEach((s, t, n) => out.set(`${s}>${t}`, n));
  return out;
};

describe('PairCounter', () => {
  it('counts every pair exactly, through many table growths, against a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { maxLength: 3000 }), (pairs) => {
        const c = new PairCounter();
        const expected = new Map<string, number>();
        for (const [s, t] of pairs) {
          c.add(s, t);
          expected.set(`${s}>${t}`, (expected.get(`${s}>${t}`) ?? 0) + 1);
        }
        expect(c.size).toBe(expected.size);
        expect(counted(c)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps (a, b) and (b, a) apart, and large indexes', () => {
    const c = new PairCounter();
    for (let i = 0; i < 100_000; i++) c.add(i, 2_000_000_000 - i);
    c.add(1, 0);
    c.add(0, 1);
    c.add(0, 1);
    expect(c.size).toBe(100_002);
    const m = counted(c);
    expect(m.get('0>1')).toBe(2);
    expect(m.get('1>0')).toBe(1);
    expect(m.get('99999>1999900001')).toBe(1);
  });
});
